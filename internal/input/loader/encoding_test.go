package loader

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func TestEncoding(t *testing.T) {
	tests := []struct {
		name string
		in   string
		diag string // "" when the file is fine
	}{
		{"utf-8", `{"a": "é"}`, ""},
		{"utf-8 with byte order mark", "\xef\xbb\xbf{\"a\": 1}", ""},
		{"utf-16le with byte order mark", "\xff\xfe{\x00}\x00", "syntax 1:1-1:3 file is UTF-16 (little-endian, with byte order mark); save it as UTF-8"},
		{"utf-16be with byte order mark", "\xfe\xff\x00{\x00}", "syntax 1:1-1:3 file is UTF-16 (big-endian, with byte order mark); save it as UTF-8"},
		{"utf-16le without byte order mark", "{\x00\"\x00a\x00", "syntax 1:1-1:5 file is UTF-16 (little-endian); save it as UTF-8"},
		{"utf-16be without byte order mark", "\x00{\x00\"", "syntax 1:1-1:5 file is UTF-16 (big-endian); save it as UTF-8"},
		{"utf-32le", "{\x00\x00\x00", "syntax 1:1-1:5 file is UTF-32 (little-endian); save it as UTF-8"},
		{"utf-32be with byte order mark", "\x00\x00\xfe\xff\x00\x00\x00{", "syntax 1:1-1:5 file is UTF-32 (big-endian, with byte order mark)"},
		{"short utf-16le", "{\x00", "syntax 1:1-1:3 file is UTF-16 (little-endian)"},
		{"invalid utf-8", "{\"a\":\n \"caf\xe9\"}", "syntax 2:6-2:7 invalid UTF-8 (byte 0xE9); save the file as UTF-8"},
		{"truncated utf-8 sequence", "[\"\xe2\x82\"]", "syntax 1:3-1:4 invalid UTF-8 (byte 0xE2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, parse := range []struct {
				name string
				fn   func(*source.File) (int, []string)
			}{
				{"json", func(f *source.File) (int, []string) {
					v, d := ParseJSON(f)
					n := 0
					if v != nil {
						n = 1
					}
					return n, diagStrings(d)
				}},
				{"yaml", func(f *source.File) (int, []string) {
					docs, d := ParseYAML(f)
					return len(docs), diagStrings(d)
				}},
			} {
				f := source.NewFile("t", []byte(tt.in))
				n, diags := parse.fn(f)
				if tt.diag == "" {
					if len(diags) != 0 || n != 1 {
						t.Errorf("%s: got %d values, findings %v", parse.name, n, diags)
					}
					continue
				}
				if n != 0 {
					t.Errorf("%s: got %d values for an unusable file", parse.name, n)
				}
				if len(diags) != 1 || !strings.HasPrefix(diags[0], tt.diag) {
					t.Errorf("%s: findings %v, want %q", parse.name, diags, tt.diag)
				}
			}
		})
	}
}

func diagStrings(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, diagString(d))
	}
	return out
}
