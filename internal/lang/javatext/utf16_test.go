package javatext

import "testing"

func TestCompareTo(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "b", -1},
		{"b", "a", 1},
		{"a", "ab", -1},
		{"ab", "a", 1},
		{"\U00010428", "\uff41", -1}, // surrogate D801 < FF41
		{"\uff41", "\U00010428", 1},
		{"\ud7ff", "\U00010000", -1}, // D7FF < D800
		{"\U00010000", "\U00010001", -1},
		{"\U00010400", "\U00010400", 0},
	}
	for _, c := range cases {
		if got := CompareTo(c.a, c.b); got != c.want {
			t.Errorf("CompareTo(%+q, %+q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestUTF16(t *testing.T) {
	tests := []struct {
		s        string
		off      int
		len, idx int
	}{
		{"", 0, 0, 0},
		{"aé😀", 3, 4, 2},
		{"a😀é,", len("a😀é"), 5, 4},
		{"a\xffb", 2, 3, 2}, // a bad byte is one char
		{"abc", 10, 3, 3},
		{"abc", -1, 3, 0},
	}
	for _, tc := range tests {
		if got := UTF16Len(tc.s); got != tc.len {
			t.Errorf("UTF16Len(%+q) = %d, want %d", tc.s, got, tc.len)
		}
		if got := UTF16Index(tc.s, tc.off); got != tc.idx {
			t.Errorf("UTF16Index(%+q, %d) = %d, want %d", tc.s, tc.off, got, tc.idx)
		}
	}
}

func TestTrim(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\t\x00 a b \r\n", "a b"},
		{"\x00 a b\t\n", "a b"},
		{" ", ""},
		{"", ""},
		{"\u00a0a\u00a0", "\u00a0a\u00a0"}, // U+00A0 is kept
	}
	for _, tc := range tests {
		if got := Trim(tc.in); got != tc.want {
			t.Errorf("Trim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
