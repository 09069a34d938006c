package schema

import (
	"sort"
	"strings"
	"unicode/utf16"
)

// topLevelFields are the names Elasticsearch's "role-mapping" ObjectParser
// declares; its unknown-field message suggests among them.
var topLevelFields = []string{"doc_type", "enabled", "metadata", "role_templates", "roles", "rules", "type"}

// maxSuggestKey bounds the work spent on suggestions for absurdly long keys
// (Elasticsearch has no such bound, but no real key is this long and no
// candidate can be similar enough to one).
const maxSuggestKey = 1024

// suggestion reproduces Elasticsearch's SuggestingErrorOnUnknown: candidates
// whose Lucene Levenshtein similarity to key exceeds 0.5, best first (ties by
// name), rendered as " did you mean [x]?" or " did you mean any of [x, y]?",
// or "" when nothing is close.
func suggestion(key string, candidates []string) string {
	if len(key) > maxSuggestKey {
		return ""
	}
	type scored struct {
		sim  float32
		name string
	}
	var found []scored
	for _, c := range candidates {
		if s := luceneSimilarity(key, c); s > 0.5 {
			found = append(found, scored{s, c})
		}
	}
	if len(found) == 0 {
		return ""
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].sim != found[j].sim {
			return found[i].sim > found[j].sim
		}
		return found[i].name < found[j].name
	})
	if len(found) == 1 {
		return " did you mean [" + found[0].name + "]?"
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.name
	}
	return " did you mean any of [" + strings.Join(names, ", ") + "]?"
}

// luceneSimilarity is Lucene's LevenshteinDistance.getDistance: one minus
// the edit distance over the longer length, computed on UTF-16 code units
// as Java strings are, in float32 arithmetic.
func luceneSimilarity(target, other string) float32 {
	s := utf16.Encode([]rune(target))
	t := utf16.Encode([]rune(other))
	n, m := len(s), len(t)
	if n == 0 || m == 0 {
		if n == m {
			return 1
		}
		return 0
	}
	p := make([]int, n+1)
	d := make([]int, n+1)
	for i := range p {
		p[i] = i
	}
	for j := 1; j <= m; j++ {
		tj := t[j-1]
		d[0] = j
		for i := 1; i <= n; i++ {
			cost := 1
			if s[i-1] == tj {
				cost = 0
			}
			d[i] = min(d[i-1]+1, p[i]+1, p[i-1]+cost)
		}
		p, d = d, p
	}
	return 1 - float32(p[n])/float32(max(n, m))
}
