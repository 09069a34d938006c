package dn

import (
	"testing"
	"unicode/utf8"
)

func TestJavaUTF8Decode(t *testing.T) {
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte("plain"), "plain"},
		{[]byte("é😀"), "é😀"},
		{[]byte{0xc3}, "\uFFFD"},
		{[]byte{0xc0, 0x80}, "\uFFFD\uFFFD"},
		{[]byte{0xc3, 0x28}, "\uFFFD("},
		{[]byte{0xe2, 0x82}, "\uFFFD"},
		{[]byte{0xe2, 0x28, 0xa1}, "\uFFFD(\uFFFD"},
		{[]byte{0xe2, 0x82, 0x28}, "\uFFFD("},
		{[]byte{0xed, 0xa0, 0x80}, "\uFFFD"},
		{[]byte{0xe0, 0x80, 0x80}, "\uFFFD\uFFFD\uFFFD"},
		{[]byte{0xf0, 0x80, 0x80, 0x80}, "\uFFFD\uFFFD\uFFFD\uFFFD"},
		{[]byte{0xf4, 0x90, 0x80, 0x80}, "\uFFFD\uFFFD\uFFFD\uFFFD"},
		{[]byte{0xf0, 0x9f, 0x98, 0x28}, "\uFFFD("},
		{[]byte{0xf0, 0x9f, 0x28, 0x28}, "\uFFFD(("},
		{[]byte{0xf0, 0x90, 0x80}, "\uFFFD"},
		{[]byte{0xf0, 0x90}, "\uFFFD"},
		{[]byte{0xf0, 0x90, 0x41}, "\uFFFDA"},
		{[]byte{0xf0, 0x41}, "\uFFFDA"},
		{[]byte{0xf8, 0x88, 0x80, 0x80, 0x80}, "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
		{[]byte{0xff, 0x41}, "\uFFFDA"},
		{[]byte{0x80}, "\uFFFD"},
	}
	for _, c := range cases {
		if got := javaUTF8Decode(c.in); got != c.want {
			t.Errorf("javaUTF8Decode(% x) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

func FuzzJavaUTF8Decode(f *testing.F) {
	f.Add([]byte("é😀"))
	f.Add([]byte{0xf0, 0x90, 0x80})
	f.Add([]byte{0xe0, 0x80, 0x80, 0xed, 0xa0, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		got := javaUTF8Decode(b)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 output for % x", b)
		}
		if utf8.Valid(b) && got != string(b) {
			t.Fatalf("valid input % x changed to %+q", b, got)
		}
	})
}

func TestCompareUTF16(t *testing.T) {
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
		if got := compareUTF16(c.a, c.b); got != c.want {
			t.Errorf("compareUTF16(%+q, %+q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestJavaTrimAndIndex(t *testing.T) {
	if got := javaTrim("\t\x00 a b \r\n"); got != "a b" {
		t.Errorf("javaTrim = %q", got)
	}
	if got := javaTrim("\u00a0a\u00a0"); got != "\u00a0a\u00a0" {
		t.Errorf("javaTrim must keep U+00A0, got %q", got)
	}
	if got := utf16Index("a😀é,", len("a😀é")); got != 4 {
		t.Errorf("utf16Index = %d, want 4", got)
	}
}

func TestJavaLowerString(t *testing.T) {
	cases := map[string]string{
		"CN":         "cn",
		"cn":         "cn",
		"ÉCOLE":      "école",
		"\u0130":     "i\u0307",
		"ΣΑΣ":        "σας",
		"Σ":          "σ",
		"ΑΣ1":        "ας1",
		"ΑΣ-Β":       "ας-β",
		"\u01c5":     "\u01c6", // titlecase is mapped by String.toLowerCase
		"\U00010400": "\U00010428",
	}
	for in, want := range cases {
		if got := javaLowerString(in); got != want {
			t.Errorf("javaLowerString(%q) = %q, want %q", in, got, want)
		}
	}
}
