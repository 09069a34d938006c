package config

import (
	"sort"
	"strings"
)

// suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a plausible typo.
func suggest(word string, candidates []string) string {
	best, bestDist := "", -1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := editDistance(lw, strings.ToLower(c))
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 {
		return ""
	}
	limit := 2
	if n := len([]rune(word)); n <= 3 {
		limit = 1
	}
	if bestDist <= limit {
		return best
	}
	// A truncated or extended key ("role_mapping" for "role_mapping_file").
	if len(lw) >= 4 {
		for _, c := range candidates {
			lc := strings.ToLower(c)
			if strings.HasPrefix(lc, lw) || strings.HasPrefix(lw, lc) {
				return c
			}
		}
	}
	return ""
}

// editDistance is the Damerau–Levenshtein distance (adjacent transpositions
// count as one edit), on code points. Inputs are short (keys, check ids);
// longer ones are capped to keep the cost bounded.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	const maxLen = 128
	if len(ra) > maxLen {
		ra = ra[:maxLen]
	}
	if len(rb) > maxLen {
		rb = rb[:maxLen]
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// didYouMean formats the suggestion suffix for a message, or "".
func didYouMean(word string, candidates []string) string {
	if s := suggest(word, candidates); s != "" {
		return " (did you mean \"" + s + "\"?)"
	}
	return ""
}

// sortedKeys returns the keys of a set in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
