package dn

import "testing"

func TestNormalizeEdgeCases(t *testing.T) {
	cases := []struct{ name, in, want string }{
		// Case and spaces.
		{"doc example", "CN=Foo,OU=Dept, O=Acme", "cn=foo,ou=dept,o=acme"},
		{"spaces around separators", "cn = a , ou = b", "cn=a,ou=b"},
		{"es stark group", "groupName = billionaire , ou = acme", "groupname=billionaire,ou=acme"},
		{"internal runs collapse", "cn=  John    Smith  ", "cn=john smith"},
		{"tab is not a space", "cn=a\tb", `cn=a\09b`},
		{"leading tab kept", `cn=\09a`, `cn=\09a`},
		{"semicolon separator", "cn=a;ou=b", "cn=a,ou=b"},
		{"empty value", "cn=", "cn="},
		{"empty value then more", "cn=,ou=x", "cn=,ou=x"},
		{"oid name differs from cn", "2.5.4.3=X", "2.5.4.3=x"},
		{"name with plus", "a+b=c", "a+b=c"},
		{"name with quote", `"x"=1`, `"x"=1`},
		{"name with hyphen digits", "Attr-1=V", "attr-1=v"},
		{"name non-ascii lowered", "ÄRGER=X", "ärger=x"},
		{"name dotted capital I", "\u0130D=x", "i\u0307d=x"},
		{"name final sigma", "ΟΔΟΣ=x", "οδος=x"},
		{"name non-final sigma", "ΣΑ=x", "σα=x"},
		{"name kelvin sign", "CN\u212A=x", "cnk=x"},

		// Escapes.
		{"escaped comma", `cn=a\,b`, `cn=a\,b`},
		{"hex comma", `cn=a\2cb`, `cn=a\,b`},
		{"quoted comma", `cn="a,b"`, `cn=a\,b`},
		{"quoted escaped quote", `cn="a\"b"`, `cn=a\"b`},
		{"quoted semicolon plus", `cn="a;b+c"`, `cn=a\;b\+c`},
		{"specials", `cn=\\\"\+\=\<\>\;`, `cn=\\\"\+\=\<\>\;`},
		{"leading hash escaped", `cn=\#04`, `cn=\#04`},
		{"inner hash plain", "cn=a#", "cn=a#"},
		{"escaped leading space only", `cn=\ `, `cn=\ `},
		{"two escaped spaces", `cn=\ \ `, `cn=\ `},
		{"hex space only", `cn=\20`, `cn=\ `},
		{"escaped trailing space trimmed by normalization", `cn=a\ `, "cn=a"},
		{"escaped leading space trimmed", `cn=\ a`, "cn=a"},
		{"hex-letter escape pair", `cn=\ab`, `cn=\ef\bf\bd`},
		{"escaped non-hex letter", `cn=\g`, "cn=g"},
		{"nul", `cn=a\00`, `cn=a\00`},
		{"del", "cn=a\x7f", `cn=a\7f`},

		// Non-ASCII.
		{"utf8 hex pair", `cn=Jos\c3\a9`, `cn=jos\c3\a9`},
		{"literal accented capital", "cn=ÉCOLE", `cn=\c3\a9cole`},
		{"dotted capital I value", "cn=\u0130", "cn=i"},
		{"titlecase kept", "cn=\u01c5", `cn=\c7\85`},
		{"other uppercase lowered", "cn=\u24b6", `cn=\e2\93\90`},
		{"deseret", "cn=\U00010400", `cn=\f0\90\90\a8`},
		{"non-ascii spaces collapse", "cn=  é   x  ", `cn=\c3\a9 x`},
		{"nbsp is not a space", "cn=a\u00a0", `cn=a\c2\a0`},

		// Invalid UTF-8 in hex escapes (Java replacement rules).
		{"lone ff", `cn=\ff`, `cn=\ef\bf\bd`},
		{"lone lead", `cn=\c3`, `cn=\ef\bf\bd`},
		{"lead then ascii", `cn=\c3\28`, `cn=\ef\bf\bd(`},
		{"escapes decode as one run only when adjacent", `cn=\c3a\a9`, `cn=\ef\bf\bda\ef\bf\bd`},
		{"truncated 3-byte", `cn=\e2\82`, `cn=\ef\bf\bd`},
		{"encoded surrogate", `cn=\ed\a0\80`, `cn=\ef\bf\bd`},
		{"overlong 3-byte", `cn=\e0\80\80`, `cn=\ef\bf\bd\ef\bf\bd\ef\bf\bd`},
		{"overlong 4-byte", `cn=\f0\80\80\80`, `cn=\ef\bf\bd\ef\bf\bd\ef\bf\bd\ef\bf\bd`},
		{"truncated 4-byte is one replacement", `cn=\f0\90\80`, `cn=\ef\bf\bd`},
		{"truncated 4-byte then ascii", `cn=\f0\90\41`, `cn=\ef\bf\bda`},

		// BER values.
		{"ber octet string", "cn=#04024869", "cn=hi"},
		{"ber other tag", "cn=#0C024869", "cn=hi"},
		{"ber empty long form", "cn=#0480", "cn="},
		{"ber long form", "cn=#0481024869", "cn=hi"},
		{"ber non-minimal long form", "cn=#048200024869", "cn=hi"},
		{"ber invalid utf8", "cn=#0401ff", `cn=\ef\bf\bd`},
		{"ber upper non-ascii", "cn=#0402C389", `cn=\c3\a9`},
		{"ber spaces only", "cn=#04022020", `cn=\ `},
		{"ber then spaces", "cn=#04024869  ,ou=x", "cn=hi,ou=x"},

		// Multi-valued RDNs.
		{"sorted by name", "sn=b+cn=a", "cn=a+sn=b"},
		{"sorted by value", "cn=b+cn=a", "cn=a+cn=b"},
		{"prefix value first", "cn=ab+cn=a", "cn=a+cn=ab"},
		{"duplicates collapse", "cn=a+CN=A", "cn=a"},
		{"duplicates after space normalization", "cn=a+cn= a ", "cn=a"},
		{"three with duplicate", "cn=b+cn=a+cn=B", "cn=a+cn=b"},
		{"utf16 name order", "\uFF21=1+\U00010400=2", "\U00010428=2+\uFF41=1"},
		{"empty value sorts first", "cn=a+cn=", "cn=+cn=a"},
	}
	for _, c := range cases {
		d, err := Parse(c.in)
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", c.name, c.in, err)
			continue
		}
		if got := d.Normalized(); got != c.want {
			t.Errorf("%s: Parse(%q).Normalized() = %q, want %q", c.name, c.in, got, c.want)
		}
		if got, ok := Normalize(c.in); !ok || got != c.want {
			t.Errorf("%s: Normalize(%q) = %q, %v", c.name, c.in, got, ok)
		}
	}
}

// Attribute values as UnboundID stores them, including its trailing-space
// quirks.
func TestAttributeValues(t *testing.T) {
	cases := []struct {
		in         string
		name, want string
	}{
		{"cn=a", "cn", "a"},
		{"cn = a b  ", "cn", "a b"},
		{`cn=a\ `, "cn", "a "},
		{`cn=a\20`, "cn", "a"},       // quirk: the check looks at the input char before the space
		{`cn=a\20\20`, "cn", "a "},   // ...so only one of two \20 is dropped
		{`cn="a  "`, "cn", "a"},      // spaces inside quotes are trimmed too
		{`cn="  "`, "cn", " "},       // but never the first character
		{`cn=\20`, "cn", " "},        //
		{`cn=\\ `, "cn", `\ `},       // an escaped backslash protects the space
		{"cn=#04024869", "cn", "Hi"}, //
		{`CN="a,b"`, "CN", "a,b"},
	}
	for _, c := range cases {
		d := mustParse(t, c.in)
		attrs := d.RDNs()[0].Attributes()
		if len(attrs) != 1 || attrs[0].Name != c.name || attrs[0].Value != c.want {
			t.Errorf("Parse(%q) attributes = %+v, want %s=%q", c.in, attrs, c.name, c.want)
		}
	}
}

func TestRDNAccessors(t *testing.T) {
	d := mustParse(t, " sn = User + givenName = Test , ou=x")
	rdns := d.RDNs()
	if len(rdns) != 2 {
		t.Fatalf("got %d RDNs", len(rdns))
	}
	r := rdns[0]
	if !r.IsMultiValued() || r.Normalized() != "givenname=test+sn=user" || r.String() != "sn = User + givenName = Test" {
		t.Errorf("first RDN = %q / %q / multi=%v", r.String(), r.Normalized(), r.IsMultiValued())
	}
	if start, end := r.Span(); d.String()[start:end] != r.String() {
		t.Errorf("span [%d,%d) does not cover %q", start, end, r.String())
	}
	attrs := r.Attributes()
	if len(attrs) != 2 || attrs[0] != (Attribute{"sn", "User"}) || attrs[1] != (Attribute{"givenName", "Test"}) {
		t.Errorf("attributes = %+v", attrs)
	}
	if rdns[1].IsMultiValued() || rdns[1].String() != "ou=x" {
		t.Errorf("second RDN = %q", rdns[1].String())
	}
}

func TestNullDN(t *testing.T) {
	for _, s := range []string{"", " ", "     "} {
		d := mustParse(t, s)
		if !d.IsNull() || d.Normalized() != "" || d.RDNString() != "" || d.String() != s || len(d.RDNs()) != 0 {
			t.Errorf("Parse(%q) is not the null DN: %+v", s, d)
		}
	}
	if mustParse(t, "cn=").IsNull() {
		t.Errorf(`"cn=" is not the null DN`)
	}
}
