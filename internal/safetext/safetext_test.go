package safetext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain text: a/b.json [x] \\d", "plain text: a/b.json [x] \\d"},
		{"tab\tkept", "tab\tkept"},
		{"x\n::error file=README.md::pwned\n.json", `x\n::error file=README.md::pwned\n.json`},
		{"a\r\nb", `a\r\nb`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"\x1b]8;;https://evil\x1b\\link", `\x1b]8;;https://evil\x1b\link`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"csi\u009b31m", `csi\u009b31m`},
		{"nel\u0085", `nel\u0085`},
		{"ls\u2028ps\u2029", `ls\u2028ps\u2029`},
		{"admin\u202e\u2066txt.json", `admin\u202e\u2066txt.json`},
		{"lrm\u200e rlm\u200f alm\u061c", `lrm\u200e rlm\u200f alm\u061c`},
		{"bad\xffutf8\xc3", `bad\xffutf8\xc3`},
		{"ünïcode ✓ 日本", "ünïcode ✓ 日本"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Safe(tc.in); got != (tc.in == tc.want) {
			t.Errorf("Safe(%q) = %v", tc.in, got)
		}
	}
}

func TestEscapeLines(t *testing.T) {
	got := EscapeLines("first \x1b[2J\nsecond\r\n\u202ethird")
	want := "first \\x1b[2J\nsecond\\r\n\\u202ethird"
	if got != want {
		t.Errorf("EscapeLines = %q, want %q", got, want)
	}
}

func TestGuardLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"::error::x.json:1:1: error", `\x3a:error::x.json:1:1: error`},
		{"   \t::warning::x", "   \t\\x3a:warning::x"},
		{"##[error]x", `\x23#[error]x`},
		{"##vso[task.setvariable]x", `\x23#vso[task.setvariable]x`},
		{"\x1b[1m::error::x\x1b[0m", "\x1b[1m\\x3a:error::x\x1b[0m"},
		{"a::error::x", "a::error::x"},
		{":single", ":single"},
		{"#single", "#single"},
		{"", ""},
	} {
		if got := GuardLine(tc.in); got != tc.want {
			t.Errorf("GuardLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGuardWriter(t *testing.T) {
	var out bytes.Buffer
	g := NewGuard(&out)
	// Split writes, as a buffered writer may make them.
	for _, part := range []string{"ok line\n  :", ":error::x\nlast ", "##no", "\n::tail"} {
		if _, err := g.Write([]byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "ok line\n  \\x3a:error::x\nlast ##no\n\\x3a:tail"
	if out.String() != want {
		t.Errorf("guard wrote %q, want %q", out.String(), want)
	}
}

// FuzzEscape: the escaped text is valid UTF-8, holds no line break or
// control character but tabs, and is Safe; escaping is idempotent.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\x1b[0m", "\u009b", "\xff", "\u202e", "\\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if !utf8.ValidString(e) || !Safe(e) || Escape(e) != e {
			t.Fatalf("Escape(%q) = %q is not safe", s, e)
		}
		if strings.ContainsAny(e, "\n\r\x1b\x7f") {
			t.Fatalf("Escape(%q) = %q keeps a control character", s, e)
		}
		if Safe(s) && e != s {
			t.Fatalf("Escape changed safe %q to %q", s, e)
		}
	})
}
