package javatext

import "testing"

func TestCaseMapping(t *testing.T) {
	tests := []struct{ in, lower, upper string }{
		{"", "", ""},
		{"CN=Bob,OU=Sales", "cn=bob,ou=sales", "CN=BOB,OU=SALES"},
		{"cn", "cn", "CN"},
		{"ÉCOLE", "école", "ÉCOLE"},
		{"straße", "straße", "STRASSE"},
		{"İstanbul", "i\u0307stanbul", "İSTANBUL"},
		{"\u0130", "i\u0307", "\u0130"},
		{"ﬁle", "ﬁle", "FILE"},
		{"ŉ", "ŉ", "ʼN"},
		{"ΟΔΟΣ", "οδος", "ΟΔΟΣ"},
		{"ΣΑΣ", "σας", "ΣΑΣ"},
		{"Σ", "σ", "Σ"},
		{"ΣΑ", "σα", "ΣΑ"},
		{"ΑΣ1", "ας1", "ΑΣ1"},
		{"ΑΣ-Β", "ας-β", "ΑΣ-Β"},
		{"ǅ", "ǆ", "Ǆ"}, // titlecase is mapped by both
		{"𐐀𐐨", "𐐨𐐨", "𐐀𐐀"},
		{"ſ", "ſ", "S"},
		{"K", "k", "K"}, // Kelvin sign
		{"a\xffB", "a\uFFFDb", "A\uFFFDB"},
	}
	for _, tc := range tests {
		if got := ToLowerCase(tc.in); got != tc.lower {
			t.Errorf("ToLowerCase(%q) = %q, want %q", tc.in, got, tc.lower)
		}
		if got := ToUpperCase(tc.in); got != tc.upper {
			t.Errorf("ToUpperCase(%q) = %q, want %q", tc.in, got, tc.upper)
		}
	}
}

func TestIsUpperCase(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'a', false}, {'É', true}, {'ǅ', false}, // titlecase is not upper case
		{'Ⅷ', true}, // Other_Uppercase (Roman numeral)
		{'Ⓐ', true}, {'1', false}, {'\U00010400', true},
	}
	for _, tc := range tests {
		if got := IsUpperCase(tc.r); got != tc.want {
			t.Errorf("IsUpperCase(%q) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

// TestASCIIFastPathNoAlloc: unchanged ASCII input is returned as is.
func TestASCIIFastPathNoAlloc(t *testing.T) {
	s := "cn=bob,ou=sales"
	if n := testing.AllocsPerRun(10, func() { _ = ToLowerCase(s); _ = FoldKey(s) }); n != 0 {
		t.Errorf("ToLowerCase/FoldKey of lower-case ASCII allocate %v times", n)
	}
	u := "CN=BOB"
	if n := testing.AllocsPerRun(10, func() { _ = ToUpperCase(u) }); n != 0 {
		t.Errorf("ToUpperCase of upper-case ASCII allocates %v times", n)
	}
}
