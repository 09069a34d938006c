package dn

import (
	"errors"
	"testing"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		"", " ", "CN=Foo,OU=Dept, O=Acme", "cn = a , ou = b", "cn=a;ou=b",
		`cn=\,\+\"\\\=\<\>\;\#`, `cn=\ a\ `, `cn=\c3\a9`, `cn="a,b"`, `cn="a\"b" ,x=y`,
		"cn=#04024869", "cn=#0481024869", "cn=#0401ff", "sn=b+cn=a+CN=A",
		"2.5.4.3=x", "a+b=c", "cn=", "cn=,", ",cn=a", "cn=a+", "not-a-dn", "=bar",
		`cn=\ff\c3\28\f0\90\80`, "ΟΔΟΣ=Σ", "\u0130D=\u0130", "\uFF21=1+\U00010400=2",
		"cn=a\x00b", "cn=a\xffb", `cn="a"b`, `cn=a"b"`, `cn=\`, "cn=#0g",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q): error %T is not a *ParseError", s, err)
			}
			if pe.Offset < 0 || pe.Offset > len(pe.Input) || pe.Pos < -1 || pe.Message == "" || pe.Key == "" {
				t.Fatalf("Parse(%q): malformed error %+v", s, pe)
			}
			if _, ok := Normalize(s); ok {
				t.Fatalf("Normalize(%q) succeeded where Parse failed", s)
			}
			return
		}
		norm := d.Normalized()
		again, err := Parse(norm)
		if err != nil {
			t.Fatalf("normalized form %q of %q does not parse: %v", norm, s, err)
		}
		if again.Normalized() != norm {
			t.Fatalf("normalization of %q is not stable: %q -> %q", s, norm, again.Normalized())
		}
		if d.IsNull() != (norm == "") || d.IsNull() != (d.RDNString() == "") {
			t.Fatalf("Parse(%q): IsNull=%v but normalized %q, RDNString %q", s, d.IsNull(), norm, d.RDNString())
		}
		if !d.IsDescendantOf(again, false) || d.IsDescendantOf(again, true) {
			t.Fatalf("Parse(%q) must be a non-strict but not a strict descendant of its normalized form", s)
		}
		for _, r := range d.RDNs() {
			start, end := r.Span()
			if start < 0 || end > len(d.String()) || d.String()[start:end] != r.String() {
				t.Fatalf("Parse(%q): RDN span [%d,%d) does not match %q", s, start, end, r.String())
			}
			_ = r.Attributes()
		}
		if _, err := RelativeName(d); err != nil && !d.IsNull() && errors.Is(err, ErrNullDN) {
			t.Fatalf("RelativeName(%q) reported a null DN", s)
		}
	})
}

// FuzzPlainValue checks that the allocation-free fast path for values
// without quotes or escapes returns what UnboundID's general loop returns.
func FuzzPlainValue(f *testing.F) {
	for _, s := range []string{"cn=a", "cn=a  ,x", "cn=  ", "cn= é +x", "cn=a;b", "cn=a b c   "} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, start int) {
		if start < 0 || start > len(s) {
			return
		}
		v, pos, ok := plainValue(s, start)
		if !ok {
			return
		}
		gv, gpos, err := readValueGeneral(s, start)
		if err != nil || gv != v || gpos != pos {
			t.Fatalf("plainValue(%q, %d) = %q, %d; general loop = %q, %d, %v", s, start, v, pos, gv, gpos, err)
		}
	})
}
