package source

import "testing"

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
