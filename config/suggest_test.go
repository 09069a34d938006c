package config

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"exclude", "es_version", "role_mapping_files", "roles", "realms", "ignore"}
	tests := []struct{ word, want string }{
		{"exlude", "exclude"},
		{"EXCLUDE", "exclude"},
		{"es-version", "es_version"},
		{"realm", "realms"},
		{"relams", "realms"},
		{"role_mapping_file", "role_mapping_files"},
		{"role_mapping", "role_mapping_files"},
		{"igonre", "ignore"},
		{"zzz", ""},
		{"x", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.word, keys); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := suggest("a", nil); got != "" {
		t.Errorf("suggest with no candidates = %q", got)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"abc", "acb", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"héllo", "hello", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNodeSpans(t *testing.T) {
	c, err := parseTest(t, "exclude: [\"vendor/**\", 'it''s', plain/*.json]\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`"vendor/**"`, `'it''s'`, `plain/*.json`}
	for i, g := range c.Exclude {
		s := g.Span
		if got := string(s.File.Content[s.Start:s.End]); got != want[i] {
			t.Errorf("span of %q = %q, want %q", g.Pattern, got, want[i])
		}
	}
}
