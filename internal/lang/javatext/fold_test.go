package javatext

import (
	"testing"
	"unicode/utf8"
)

func TestEqualsIgnoreCase(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"Admins", "aDMINS", true},
		{"admins", "admins ", false},
		{"toJson", "TOJSON", true},
		{"join", "joın", true}, // dotless i upper-cases to I
		{"join", "joins", false},
		{"url", "URL", true},
		{"ſ", "s", true}, // long s upper-cases to S
		{"K", "k", true}, // Kelvin sign lower-cases to k
		{"ß", "ss", false},
		{"ß", "SS", false},
		{"İ", "i", true}, // Character.toLowerCase(U+0130) == 'i'
		{"ı", "I", true},
		{"ı", "i", true}, // both upper-case to I
		{"𐐀", "𐐨", true}, // Deseret, supplementary (JDK 16+)
		{"𐐀", "ab", false},
		{"a𐐀", "A𐐨", true},
		{"ǅ", "ǆ", true},
		{"\xff", "\xfe", true}, // both read as U+FFFD
		{"abc", "ab", false},
	}
	for _, tc := range tests {
		if got := EqualsIgnoreCase(tc.a, tc.b); got != tc.want {
			t.Errorf("EqualsIgnoreCase(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := EqualsIgnoreCase(tc.b, tc.a); got != tc.want {
			t.Errorf("EqualsIgnoreCase(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
		if tc.want && FoldKey(tc.a) != FoldKey(tc.b) {
			t.Errorf("FoldKey(%q) = %q but FoldKey(%q) = %q", tc.a, FoldKey(tc.a), tc.b, FoldKey(tc.b))
		}
	}
}

// FuzzEqualsIgnoreCase checks the invariants the match index relies on:
// EqualsIgnoreCase is symmetric, holds between a string and its case
// mappings when they keep the UTF-16 length, and implies equal FoldKeys.
func FuzzEqualsIgnoreCase(f *testing.F) {
	f.Add("Admins", "aDMINS")
	f.Add("ſK", "SK")
	f.Add("𐐀x", "𐐨X")
	f.Add("ΣΑΣ\xff", "σας")
	f.Fuzz(func(t *testing.T, a, b string) {
		eq := EqualsIgnoreCase(a, b)
		if eq != EqualsIgnoreCase(b, a) {
			t.Fatalf("EqualsIgnoreCase(%+q, %+q) is not symmetric", a, b)
		}
		if eq && FoldKey(a) != FoldKey(b) {
			t.Fatalf("EqualsIgnoreCase(%+q, %+q) but FoldKeys %+q, %+q", a, b, FoldKey(a), FoldKey(b))
		}
		for _, m := range []string{ToLowerCase(a), ToUpperCase(a), FoldKey(a)} {
			if !utf8.ValidString(m) && utf8.ValidString(a) {
				t.Fatalf("case mapping of %+q is invalid UTF-8: %+q", a, m)
			}
		}
		if up := ToUpperCase(a); UTF16Len(up) == UTF16Len(a) && !EqualsIgnoreCase(a, up) {
			t.Fatalf("%+q is not equal ignoring case to its upper case %+q", a, up)
		}
	})
}
