package template

import (
	"sort"
	"strings"
)

// suggest reproduces Elasticsearch's SuggestingErrorOnUnknown: candidates
// whose Lucene Levenshtein similarity to the unknown field exceeds 0.5,
// best first (ties by name), as " did you mean [x]?" or
// " did you mean any of [x, y]?".
func suggest(field string, candidates []string) string {
	type scored struct {
		d    float32
		name string
	}
	var s []scored
	for _, c := range candidates {
		if d := levenshtein(field, c); d > 0.5 {
			s = append(s, scored{d, c})
		}
	}
	if len(s) == 0 {
		return ""
	}
	sort.Slice(s, func(i, j int) bool {
		if s[i].d != s[j].d {
			return s[i].d > s[j].d
		}
		return s[i].name < s[j].name
	})
	if len(s) == 1 {
		return " did you mean [" + s[0].name + "]?"
	}
	names := make([]string, len(s))
	for i, x := range s {
		names[i] = x.name
	}
	return " did you mean any of [" + strings.Join(names, ", ") + "]?"
}

// levenshtein is Lucene's LevenshteinDistance.getDistance: 1 minus the
// edit distance over the longer length, on code points, in float32.
func levenshtein(target, other string) float32 {
	sa, oa := []rune(target), []rune(other)
	n, m := len(sa), len(oa)
	if n == 0 || m == 0 {
		if n == m {
			return 1
		}
		return 0
	}
	p := make([]int, n+1)
	d := make([]int, n+1)
	for i := 0; i <= n; i++ {
		p[i] = i
	}
	for j := 1; j <= m; j++ {
		tj := oa[j-1]
		d[0] = j
		for i := 1; i <= n; i++ {
			cost := 1
			if sa[i-1] == tj {
				cost = 0
			}
			d[i] = min(d[i-1]+1, p[i]+1, p[i-1]+cost)
		}
		p, d = d, p
	}
	longest := max(n, m)
	return 1 - float32(p[n])/float32(longest)
}
