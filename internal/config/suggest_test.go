package config

import "testing"

// TestDidYouMean: config hints suggest the closest key, ties to the smaller
// name, with the prefix rule for truncated keys.
func TestDidYouMean(t *testing.T) {
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
		want := ""
		if tt.want != "" {
			want = " (did you mean \"" + tt.want + "\"?)"
		}
		if got := didYouMean(tt.word, keys); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", tt.word, got, want)
		}
	}
	if got := didYouMean("a", nil); got != "" {
		t.Errorf("didYouMean with no candidates = %q", got)
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
