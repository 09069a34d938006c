package rolemapfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func TestSplitCommaList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"cn=a", []string{"cn=a"}},
		{"cn=a,dc=b", []string{"cn=a", "dc=b"}},
		{" cn=a , dc=b ", []string{"cn=a", "dc=b"}},
		{"cn=a,", []string{"cn=a"}},
		{"cn=a,,", []string{"cn=a"}},
		{",cn=a", []string{"", "cn=a"}},
		{"a,,b", []string{"a", "", "b"}},
		{",", nil},
		{",,,", nil},
		{" , ", []string{"", ""}},
		{"\ta\x01,\x1fb\x00", []string{"a", "b"}},    // Java's trim: every char <= ' '
		{"\u00a0a\u00a0", []string{"\u00a0a\u00a0"}}, // but not Unicode spaces
	}
	for _, tt := range tests {
		parts := splitCommaList(tt.in)
		var got []string
		for _, p := range parts {
			if tt.in[p.start:p.end] != p.text {
				t.Errorf("%q: part %q has range %d..%d", tt.in, p.text, p.start, p.end)
			}
			got = append(got, p.text)
		}
		if !cmp.Equal(got, tt.want) {
			t.Errorf("splitCommaList(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// Same element count as the settings package's split.
		if n := len(config.SplitCommaDelimited(tt.in)); n != len(parts) {
			t.Errorf("%q: %d parts, config splits %d", tt.in, len(parts), n)
		}
	}
}

func TestPartSpans(t *testing.T) {
	tests := []struct {
		src, value string
		want       []string // source text of each part's span
	}{
		{`r: "cn=a, dc=b"`, "cn=a, dc=b", []string{"cn=a", "dc=b"}},
		{`r: 'cn=a,dc=b'`, "cn=a,dc=b", []string{"cn=a", "dc=b"}},
		{`r: cn=a,dc=b`, "cn=a,dc=b", []string{"cn=a", "dc=b"}},
		// An escape: the text is not the value, every part gets the whole scalar.
		{`r: "cn=\u0061,dc=b"`, "cn=a,dc=b", []string{`"cn=\u0061,dc=b"`, `"cn=\u0061,dc=b"`}},
	}
	for _, tt := range tests {
		f := source.NewFile("x.yml", []byte(tt.src))
		whole := source.Span{File: f, Start: 3, End: len(tt.src)}
		spans := partSpans(f, whole, tt.value, splitCommaList(tt.value))
		var got []string
		for _, sp := range spans {
			got = append(got, string(f.Content[sp.Start:sp.End]))
		}
		if !cmp.Equal(got, tt.want) {
			t.Errorf("%s: parts %q, want %q", tt.src, got, tt.want)
		}
	}
}
