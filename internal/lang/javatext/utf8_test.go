package javatext

import (
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"é😀", "é😀"},
		{"a\xffb", "a\uFFFDb"},
		{"\xc3", "\uFFFD"},
		{"\xe2\x82", "\uFFFD\uFFFD"}, // one per bad byte, unlike DecodeUTF8
	}
	for _, tc := range tests {
		if got := Sanitize(tc.in); got != tc.want {
			t.Errorf("Sanitize(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}

func TestDecodeUTF8(t *testing.T) {
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
		if got := DecodeUTF8(c.in); got != c.want {
			t.Errorf("DecodeUTF8(% x) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

func FuzzDecodeUTF8(f *testing.F) {
	f.Add([]byte("é😀"))
	f.Add([]byte{0xf0, 0x90, 0x80})
	f.Add([]byte{0xe0, 0x80, 0x80, 0xed, 0xa0, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		got := DecodeUTF8(b)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 output for % x", b)
		}
		if utf8.Valid(b) && got != string(b) {
			t.Fatalf("valid input % x changed to %+q", b, got)
		}
		if s := Sanitize(string(b)); !utf8.ValidString(s) || (utf8.Valid(b) && s != string(b)) {
			t.Fatalf("Sanitize(% x) = %+q", b, s)
		}
	})
}
