package source

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestPosition(t *testing.T) {
	f := NewFile("a.json", []byte("\xef\xbb\xbf{\n  \"é\": 1,\r\n\t\"b\": 2\n}"))
	tests := []struct {
		off  int
		want Pos
	}{
		{0, Pos{1, 1}},
		{3, Pos{1, 1}}, // after the BOM
		{4, Pos{1, 2}},
		{5, Pos{2, 1}},
		{8, Pos{2, 4}}, // "é" is one column though two bytes
		{len(f.Content), Pos{4, 2}},
		{-5, Pos{1, 1}},
		{1 << 20, Pos{4, 2}},
	}
	for _, tt := range tests {
		if got := f.Position(tt.off); got != tt.want {
			t.Errorf("Position(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
	if got := f.Line(2); got != "  \"é\": 1," {
		t.Errorf("Line(2) = %q (CR must be dropped)", got)
	}
	if got := f.Line(9); got != "" {
		t.Errorf("Line(9) = %q", got)
	}
	if off := f.Offset(Pos{3, 2}); f.Content[off] != '"' {
		t.Errorf("Offset(3:2) = %d", off)
	}
	if f.LineCount() != 4 {
		t.Errorf("LineCount = %d", f.LineCount())
	}
}

func TestValueHelpers(t *testing.T) {
	num := func(s string) *Value { return &Value{Kind: Number, Str: s} }
	tests := []struct {
		v    *Value
		want int64
		ok   bool
	}{
		{num("42"), 42, true},
		{num("1.9"), 1, true},
		{num("-1.9"), -1, true},
		{num("1e3"), 1000, true},
		{num("9223372036854775807"), 9223372036854775807, true},
		{num("9223372036854775808"), 0, false},
		{num("1e30"), 0, false},
		{&Value{Kind: String, Str: "1"}, 0, false},
	}
	for _, tt := range tests {
		got, ok := tt.v.Int64()
		if got != tt.want || ok != tt.ok {
			t.Errorf("Int64(%s) = %d, %v; want %d, %v", tt.v.Str, got, ok, tt.want, tt.ok)
		}
	}
	obj := &Value{Kind: Object, Members: []*Member{
		{Key: "a", Value: &Value{Kind: Array, Items: []*Value{num("1"), {Kind: Bool, Bool: true}}}},
		{Key: "a", Value: num("2")},
	}}
	if obj.Get("a").Kind != Array {
		t.Error("Get must return the first of duplicate keys")
	}
	if v := obj.Lookup([]string{"a", "1"}); v == nil || !v.Bool {
		t.Error("Lookup /a/1 failed")
	}
	if obj.Lookup([]string{"a", "9"}) != nil || obj.Lookup([]string{"x"}) != nil {
		t.Error("Lookup of missing paths must be nil")
	}
	if got := (Pointer{"a/b", "c~d"}).String(); got != "/a~1b/c~0d" {
		t.Errorf("Pointer = %q", got)
	}
	if s, ok := (&Value{Kind: Bool}).Text(); !ok || s != "false" {
		t.Errorf("Text(false) = %q", s)
	}
}

// TestPositionOnLongLines checks that the marks of long lines give the
// columns a count from the line's start gives, for valid and invalid UTF-8
// alike, and that LineLen agrees with Line.
func TestPositionOnLongLines(t *testing.T) {
	var b []byte
	b = append(b, "\xef\xbb\xbf"...)
	for i := range 3 * markEvery {
		switch i % 7 {
		case 0:
			b = append(b, "é"...)
		case 3:
			b = append(b, 0xff) // invalid byte
		case 5:
			b = append(b, "\xe4\xb8"...) // truncated sequence
		default:
			b = append(b, 'x')
		}
	}
	b = append(b, "\r\nshort\n"...)
	b = append(b, bytes.Repeat([]byte("語"), 2*markEvery)...)
	f := NewFile("long.json", b)
	naive := func(off int) Pos {
		line := bytes.Count(b[:off], []byte("\n"))
		start := bytes.LastIndexByte(b[:off], '\n') + 1
		if line == 0 && off >= 3 {
			start = 3
		}
		return Pos{Line: line + 1, Col: utf8.RuneCount(b[start:off]) + 1}
	}
	for off := 0; off <= len(b); off += 1 + off%97 {
		if got, want := f.Position(off), naive(off); got != want {
			t.Fatalf("Position(%d) = %v, want %v", off, got, want)
		}
	}
	for n := 0; n <= f.LineCount()+1; n++ {
		if got, want := f.LineLen(n), len(f.Line(n)); got != want {
			t.Errorf("LineLen(%d) = %d, want %d", n, got, want)
		}
	}
}
