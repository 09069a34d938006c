package dn

import (
	"strings"
	"testing"
)

// rebuildDN writes d again from its parsed components, in a spelling as
// different from the original as UnboundID allows for the same DN: every
// value byte hex-escaped (\xx), the components of each multi-valued RDN in
// reverse order, and, with spaced, spaces around every '=', '+' and ','.
// UnboundID's toNormalizedString depends only on the names, the value
// octets and the set of components of each RDN, so the result must
// normalize exactly as d does.
func rebuildDN(d *DN, spaced bool) string {
	eq, plus, comma := "=", "+", ","
	if spaced {
		eq, plus, comma = " = ", " + ", " , "
	}
	var b strings.Builder
	for i, r := range d.rdns {
		if i > 0 {
			b.WriteString(comma)
		}
		for j := len(r.avas) - 1; j >= 0; j-- {
			a := r.avas[j]
			if j < len(r.avas)-1 {
				b.WriteString(plus)
			}
			b.WriteString(a.name)
			b.WriteString(eq)
			for k := 0; k < len(a.value); k++ {
				c := a.value[k]
				b.WriteByte('\\')
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0x0f])
			}
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// FuzzNormalizeDiff compares the ways a DN string is normalized: Normalize
// against Parse(s).Normalized(); Normalize again on its own result
// (idempotence: the normalized form is a DN that normalizes to itself); a
// small Normalizer, whose cache and evictions must never change an answer,
// against the uncached function; and the DN rebuilt from its components
// (hex escapes, reordered multi-valued RDNs, extra spaces) and an ASCII DN
// in upper and lower case against the original.
func FuzzNormalizeDiff(f *testing.F) {
	for _, s := range [][2]string{
		{"CN=Bob, OU=People, DC=Example, DC=COM", "cn=bob,ou=people,dc=example,dc=com"},
		{`cn=Smith\, John,ou=people,dc=example,dc=com`, `CN="Smith, John",OU=People,DC=example,DC=com`},
		{"cn=x+uid=y,dc=com", "UID=Y + CN=X , DC=COM"},
		{"sn=b+cn=a+CN=A", "cn=a+sn=b"},
		{`cn=\ leading and trailing\ ,dc=com`, `cn=\20leading and trailing\20,dc=com`},
		{"cn=#04024869,dc=com", "cn=Hi,dc=com"},
		{"cn=#0481024869", "cn=#0401ff"},
		{`cn=\c3\a9mile,dc=com`, "cn=Émile,dc=com"},
		{`cn=\ff\c3\28`, "cn=a\xffb"},
		{"cn=a;ou=b", "cn=a,ou=b"},
		{"  ", ""},
		{"2.5.4.3=x", "OID.2.5.4.3=x"},
		{"cn=straße,dc=com", "CN=STRASSE,DC=COM"},
		{"cn=İstanbul", "cn=i̇stanbul"},
		{"ΟΔΟΣ=Σ", "οδος=σ"},
		{"\uFF21=1+\U00010400=2", "ａ=1"},
		{`cn=\,\+\"\\\=\<\>\;\#`, `cn="a\"b" ,x=y`},
		{"cn=a   b", "cn=a b"},
		{"cn=\u00a0x\u2003", "cn=x"},
		{"a+b=c", "=bar"},
		{"cn=", "cn=,"},
		{"not-a-dn", "cn=a+"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, s1, s2 string) {
		if len(s1) > 512 || len(s2) > 512 {
			return // longer DNs repeat the same code paths; keeps each run cheap
		}
		n := NewNormalizer(2)
		var seq []string
		for _, s := range []string{s1, s2} {
			norm, ok := Normalize(s)
			d, err := Parse(s)
			if ok != (err == nil) {
				t.Fatalf("%q: Normalize ok=%v, Parse error %v", s, ok, err)
			}
			seq = append(seq, s)
			if isASCII(s) {
				// Names and values are compared ignoring case, and hex
				// digits and escapes mean the same in either case: an ASCII
				// DN normalizes alike in upper and lower case.
				for _, v := range []string{strings.ToUpper(s), strings.ToLower(s)} {
					if vn, vok := Normalize(v); vok != ok || vn != norm {
						t.Fatalf("%q normalizes to %q, %v; %q to %q, %v", s, norm, ok, v, vn, vok)
					}
				}
			}
			if !ok {
				continue
			}
			if norm != d.Normalized() {
				t.Fatalf("%q: Normalize %q, Parse(s).Normalized() %q", s, norm, d.Normalized())
			}
			again, ok := Normalize(norm)
			if !ok || again != norm {
				t.Fatalf("%q: normalized form %q normalizes to %q, %v", s, norm, again, ok)
			}
			seq = append(seq, norm)
			for _, spaced := range []bool{false, true} {
				rb := rebuildDN(d, spaced)
				got, ok := Normalize(rb)
				if !ok || got != norm {
					t.Fatalf("%q: rebuilt as %q it normalizes to %q, %v; want %q", s, rb, got, ok, norm)
				}
				seq = append(seq, rb)
			}
		}
		// the same strings again, in another order, through a cache of 2
		for i := range seq {
			seq = append(seq, seq[len(seq)-1-i])
		}
		for _, s := range seq {
			wantNorm, wantOK := Normalize(s)
			gotNorm, gotOK := n.Normalize(s)
			if gotNorm != wantNorm || gotOK != wantOK {
				t.Fatalf("Normalizer(%q) = %q, %v; Normalize = %q, %v", s, gotNorm, gotOK, wantNorm, wantOK)
			}
		}
		if n.Len() > 2 {
			t.Fatalf("a Normalizer of capacity 2 holds %d entries", n.Len())
		}
	})
}
