package suggest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// roleMappingFields are the top-level fields of Elasticsearch's
// "role-mapping" ObjectParser.
var roleMappingFields = []string{"doc_type", "enabled", "metadata", "role_templates", "roles", "rules", "type"}

func TestESDidYouMean(t *testing.T) {
	tests := []struct {
		key        string
		candidates []string
		want       string
	}{
		{"role", roleMappingFields, " did you mean any of [roles, rules]?"},
		{"enable", roleMappingFields, " did you mean [enabled]?"},
		{"Enabled", roleMappingFields, " did you mean [enabled]?"},
		{"role_template", roleMappingFields, " did you mean [role_templates]?"},
		{"rule", roleMappingFields, " did you mean any of [rules, roles]?"},
		{"run_as", roleMappingFields, ""},
		{"name", roleMappingFields, ""},
		{"", roleMappingFields, ""},
		{strings.Repeat("x", 1025), roleMappingFields, ""},
		{strings.Repeat("roles", 100000), roleMappingFields, ""},
		{"foo", nil, ""},
		{"foo", []string{"bar", "baz"}, ""},
		{"foo", []string{"bar", "fop"}, " did you mean [fop]?"},
		{"foo", []string{"bar", "fop", "fou", "baz"}, " did you mean any of [fop, fou]?"},
		{"", []string{""}, " did you mean []?"},
		{"ab", []string{"abcd"}, ""}, // twice as long: exactly 0.5, not above
		{"abc", []string{"abcde"}, " did you mean [abcde]?"},
		// Equally similar names in Java's UTF-16 order, not Go's byte order.
		{"abcd", []string{"abcd\uff41\uff41", "abcd\U00010428"}, " did you mean any of [abcd\U00010428, abcd\uff41\uff41]?"},
	}
	for _, tt := range tests {
		if got := ESDidYouMean(tt.key, tt.candidates); got != tt.want {
			t.Errorf("ESDidYouMean(%.30q, %v) = %q, want %q", tt.key, tt.candidates, got, tt.want)
		}
	}
}

// naiveDidYouMean is SuggestingErrorOnUnknown without the length filter:
// every candidate scored, stably sorted.
func naiveDidYouMean(key string, candidates []string) string {
	type scored struct {
		sim  float32
		name string
	}
	var found []scored
	for _, c := range candidates {
		if s := LuceneSimilarity(key, c); s > 0.5 {
			found = append(found, scored{s, c})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int {
		if a.sim != b.sim {
			if a.sim > b.sim {
				return -1
			}
			return 1
		}
		return slices.Compare(utf16.Encode([]rune(a.name)), utf16.Encode([]rune(b.name)))
	})
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.name
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return " did you mean [" + names[0] + "]?"
	}
	return " did you mean any of [" + strings.Join(names, ", ") + "]?"
}

// FuzzESDidYouMean checks that skipping candidates by length never changes
// the result.
func FuzzESDidYouMean(f *testing.F) {
	f.Add("role", "rules", "roles\U0001F600")
	f.Add("ab", "abcd", "a")
	f.Add("", "", "x")
	f.Fuzz(func(t *testing.T, key, c1, c2 string) {
		if len(key) > 200 || len(c1) > 200 || len(c2) > 200 {
			return
		}
		cands := []string{c1, c2, "roles", "rules"}
		if got, want := ESDidYouMean(key, cands), naiveDidYouMean(key, cands); got != want {
			t.Fatalf("ESDidYouMean(%+q, %+q) = %+q, want %+q", key, cands, got, want)
		}
	})
}
