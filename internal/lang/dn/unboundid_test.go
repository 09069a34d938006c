package dn

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Cases transcribed from pingidentity/ldapsdk tests/unit/src/com/unboundid/
// ldap/sdk/RDNTestCase.java (getValidRDNStrings, getInvalidRDNStrings) and
// DNTestCase.java (getTestValidDNs, getTestInvalidDNs,
// getTestInvalidDNAttributes), which assert new DN(s).toNormalizedString().

// validRDNs are {input, normalized} pairs from getValidRDNStrings.
var validRDNs = [][2]string{
	{"uid=test.user", "uid=test.user"},
	{"  uid  =  test.user  ", "uid=test.user"},
	{"cn=Test     User", "cn=test user"},
	{"givenName=Test+sn=User", "givenname=test+sn=user"},
	{" sn = User + givenName = Test ", "givenname=test+sn=user"},
	{"cn=foo+cn=bar", "cn=bar+cn=foo"},
	{"cn=bar+cn=foo", "cn=bar+cn=foo"},
	{"cn=foo +cn = bar", "cn=bar+cn=foo"},
	{"givenName=Test+sn=User+cn=Test User+description=foo", "cn=test user+description=foo+givenname=test+sn=user"},
	{" givenName = Test + sn = User + cn = Test User + description = foo ", "cn=test user+description=foo+givenname=test+sn=user"},
	{"uid=#0409746573742e75736572", "uid=test.user"},
	{"uid=#0409746573742E75736572", "uid=test.user"},
	{"UID=#0409544553542e55534552", "uid=test.user"},
	{"givenName=#040474657374+sn=#040475736572", "givenname=test+sn=user"},
	{"  givenName  =  #040474657374  +  sn  =  #040475736572  ", "givenname=test+sn=user"},
	{"givenName=test+sn=#040475736572", "givenname=test+sn=user"},
	{"givenName=#040474657374+sn=user", "givenname=test+sn=user"},
	{`uid=\74\65\73\74\2e\75\73\65\72`, "uid=test.user"},
	{`uid=\54\45\53\54\2e\55\53\45\52`, "uid=test.user"},
	{`givenName=\54\45\53\54+sn=\55\53\45\52`, "givenname=test+sn=user"},
	{`uid=t\45s\54.\55s\45r`, "uid=test.user"},
	{`uid=\\#\=\"\+\,\,\;\<\>`, `uid=\\#\=\"\+\,\,\;\<\>`},
	{`uid="test.user"`, "uid=test.user"},
	{`givenName="Test"+sn="User"`, "givenname=test+sn=user"},
	{`cn="User, Test"+givenName=Test+sn=User`, `cn=user\, test+givenname=test+sn=user`},
	{`cn="1+1=2"`, `cn=1\+1\=2`},
	{`givenName="1+1=2"+sn="2+2=4"`, `givenname=1\+1\=2+sn=2\+2\=4`},
	{`cn=Austin \"Danger\" Powers`, `cn=austin \"danger\" powers`},
	{"cn=#048180" + allBytesHex(), "cn=" + allBytesNormalized},
	{"cn=" + allBytesEscaped(), "cn=" + allBytesNormalized},
	{`givenName=Jos\c3\a9+sn=Jalape\c3\b1o`, `givenname=jos\c3\a9+sn=jalape\c3\b1o`},
	{`givenName=JOS\C3\89+sn=JALAPE\C3\91O`, `givenname=jos\c3\a9+sn=jalape\c3\b1o`},
	{"uid=", "uid="},
	{" uid = ", "uid="},
	{"uid=foo+sn=", "sn=+uid=foo"},
	{"uid=foo+sn=  ", "sn=+uid=foo"},
	{"uid=+sn=", "sn=+uid="},
	{"uid=+sn=test", "sn=test+uid="},
	{"cn=foo+sn=bar+givenName=", "cn=foo+givenname=+sn=bar"},
	{"cn=Latin Capital Letter OO \uA74E", `cn=latin capital letter oo \ea\9d\8f`},
	{"cn=Deseret Capital Letter Long I \U00010400", `cn=deseret capital letter long i \f0\90\90\a8`},
	{"cn=Smiley face emoji \U0001F600", `cn=smiley face emoji \f0\9f\98\80`},
	{"cn=United States Flag Emoji \U0001F1FA\U0001F1F8", `cn=united states flag emoji \f0\9f\87\ba\f0\9f\87\b8`},
	{"1.2.3.4=foo", "1.2.3.4=foo"},
}

// allBytesNormalized is the expected normalization of the 128 bytes 0x00..0x7f.
const allBytesNormalized = `\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f` +
	`\10\11\12\13\14\15\16\17\18\19\1a\1b\1c\1d\1e\1f` +
	` !\"#$%&'()*\+\,-./` +
	`0123456789:\;\<\=\>?` +
	`@abcdefghijklmno` +
	`pqrstuvwxyz[\\]^_` +
	"`abcdefghijklmno" +
	`pqrstuvwxyz{|}~\7f`

func allBytesHex() string {
	var b strings.Builder
	for i := 0; i < 128; i++ {
		fmt.Fprintf(&b, "%02x", i)
	}
	return b.String()
}

func allBytesEscaped() string {
	var b strings.Builder
	for i := 0; i < 128; i++ {
		fmt.Fprintf(&b, `\%02x`, i)
	}
	return b.String()
}

// invalidRDNs is getInvalidRDNStrings.
var invalidRDNs = []string{
	"", "uid", "=test", "uid=test+=user", "uid=+sn", "cn=foo+sn=bar+",
	"cn=foo+sn=bar+ ", "cn=foo+sn=bar+givenName", "cn=foo+sn=bar+givenName=+",
	"cn=foo+sn=bar+givenName=,", "uid=test.user+", "uid=test.user,",
	"uid=test.user;", "uid=#746q", "uid=#00", `uid=\74\6`, `uid=\74\6q`,
	`cn="unclosed quote`, `cn=quote in " the middle`,
	`cn="value outside the " quotes`, "not a valid RDN",
}

func TestUnboundIDValidDNs(t *testing.T) {
	type tc struct{ in, want string }
	var cases []tc
	for _, r := range validRDNs {
		cases = append(cases,
			tc{r[0], r[1]},
			tc{r[0] + ",dc=example,dc=com", r[1] + ",dc=example,dc=com"},
			tc{r[0] + ";dc=example;dc=com", r[1] + ",dc=example,dc=com"},
			tc{"cn=foo," + r[0], "cn=foo," + r[1]},
			tc{"cn=foo;" + r[0], "cn=foo," + r[1]},
		)
	}
	cases = append(cases,
		tc{"", ""}, tc{" ", ""}, tc{"    ", ""},
		tc{"dc=com", "dc=com"}, tc{"DC=COM", "dc=com"},
		tc{"o=example.com+c=US", "c=us+o=example.com"},
		tc{"dc=example,dc=com", "dc=example,dc=com"},
		tc{"dc=example;dc=com", "dc=example,dc=com"},
		tc{" dc = example , dc = com ", "dc=example,dc=com"},
		tc{" dc = example ; dc = com ", "dc=example,dc=com"},
		tc{"  dc  =  example  ,  dc  =  com  ", "dc=example,dc=com"},
		tc{"  dc  =  example  ;  dc  =  com  ", "dc=example,dc=com"},
		tc{"o=Example Corp.+dc=example,dc=com", "dc=example+o=example corp.,dc=com"},
		tc{"o=Example Corp.+dc=example;dc=com", "dc=example+o=example corp.,dc=com"},
		tc{"dc=example+o=example corp.+description=foo+a=,dc=com", "a=+dc=example+description=foo+o=example corp.,dc=com"},
		tc{"1.2.3.4=foo,5.6.7.8=bar", "1.2.3.4=foo,5.6.7.8=bar"},
		// getTestInvalidDNAttributes: only invalid with strict name checking,
		// which Elasticsearch does not use.
		tc{"attribute_with_underscore=foo", "attribute_with_underscore=foo"},
		tc{"_starts_with_underscore=foo", "_starts_with_underscore=foo"},
		tc{"-starts-with-hyphen=foo", "-starts-with-hyphen=foo"},
		tc{"0-starts-with-number=foo", "0-starts-with-number=foo"},
		tc{"1.2..3.4=foo", "1.2..3.4=foo"},
		tc{"valid=foo+_invalid=bar", "_invalid=bar+valid=foo"},
		tc{"valid=foo,_invalid=bar", "valid=foo,_invalid=bar"},
		tc{"<GUID=f3ddad46-4332-4871-ae1a-92aa29b0887f>", `<guid=f3ddad46-4332-4871-ae1a-92aa29b0887f\>`},
	)
	for _, c := range cases {
		d, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", c.in, err)
			continue
		}
		if got := d.Normalized(); got != c.want {
			t.Errorf("Parse(%q).Normalized() = %q, want %q", c.in, got, c.want)
		}
		// DNTestCase also checks that the normalized form parses back to an
		// equal DN.
		back, err := Parse(d.Normalized())
		if err != nil || !back.Equal(d) {
			t.Errorf("normalized form %q of %q does not re-parse to an equal DN (err %v)", d.Normalized(), c.in, err)
		}
	}
}

func TestUnboundIDInvalidDNs(t *testing.T) {
	var cases []string
	for _, s := range invalidRDNs {
		if strings.TrimSpace(s) != "" {
			cases = append(cases, s)
		}
		cases = append(cases, ","+s, s+",", "cn=foo,"+s, s+",dc=example,dc=com")
	}
	cases = append(cases, ",", ";", "dc=exaple,dc=com,", "dc=exaple,,dc=com,",
		"dc=exaple;;dc=com,", "dc=exaple,;dc=com,", "dc=example,dc=com, ",
		",dc=example,dc=com", "dc=example,dc=com+", "dc=example,dc=com+ ",
		"dc=example+o=example corp.+,dc=com")
	for _, s := range cases {
		d, err := Parse(s)
		if err == nil {
			t.Errorf("Parse(%q) = %q, want an error", s, d.Normalized())
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q): error %T is not a *ParseError", s, err)
			continue
		}
		if pe.Offset < 0 || pe.Offset > len(pe.Input) || pe.Input != s {
			t.Errorf("Parse(%q): bad error fields %+v", s, pe)
		}
		if _, ok := Normalize(s); ok {
			t.Errorf("Normalize(%q) ok, want failure", s)
		}
	}
}

// The UnboundID tests for isDescendantOf (DNTestCase
// testIsAncestorOfAndIsDescendantOf), with allowEquals expressed as !strict.
func TestUnboundIDIsDescendantOf(t *testing.T) {
	dn := mustParse(t, "dc=example,dc=com")
	cases := []struct {
		other string
		// dn.isDescendantOf(other, true), other.isDescendantOf(dn, true),
		// dn.isDescendantOf(other, false), other.isDescendantOf(dn, false)
		dnDescEq, otherDescEq, dnDescStrict, otherDescStrict bool
	}{
		{"", true, false, true, false},
		{"dc=com", true, false, true, false},
		{"ou=People,o=example.com", false, false, false, false},
		{"dc=example,dc=coma", false, false, false, false},
		{"dc=example,dc=com", true, true, false, false},
		{"DC=Example, DC=COM", true, true, false, false},
		{"ou=People,dc=example,dc=com", false, true, false, true},
		{"uid=test.user,ou=People,dc=example,dc=com", false, true, false, true},
		{"a=b,uid=test.user,ou=People,dc=example,dc=com", false, true, false, true},
	}
	for _, c := range cases {
		o := mustParse(t, c.other)
		got := [4]bool{dn.IsDescendantOf(o, false), o.IsDescendantOf(dn, false), dn.IsDescendantOf(o, true), o.IsDescendantOf(dn, true)}
		want := [4]bool{c.dnDescEq, c.otherDescEq, c.dnDescStrict, c.otherDescStrict}
		if got != want {
			t.Errorf("other %q: got %v, want %v", c.other, got, want)
		}
	}
	null := mustParse(t, "")
	if !null.IsDescendantOf(null, false) || null.IsDescendantOf(null, true) {
		t.Errorf("null DN: descendant of itself must hold only when equality is allowed")
	}
	if dn.IsDescendantOf(nil, false) {
		t.Errorf("nil ancestor must not match")
	}
}

func mustParse(t *testing.T, s string) *DN {
	t.Helper()
	d, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return d
}
