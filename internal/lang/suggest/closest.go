package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate closest to word as a plausible typo, or ""
// when none is close: candidates are compared case-insensitively by
// Distance and accepted within one edit for words of up to 3 characters and
// two for longer ones, equally close candidates going to the smaller name.
// Failing that, a word of 4 or more bytes that is a prefix of a candidate
// or has one as a prefix ("role_mapping" for "role_mapping_files") gets the
// first such candidate. A candidate equal to word is returned as is.
func Closest(word string, candidates []string) string {
	return rule{shortLen: 3, byName: true, prefix: true}.closest(word, candidates)
}

// ClosestInOrder is Closest with equally close candidates going to the one
// listed first rather than the smaller name, for candidate lists in a
// meaningful order.
func ClosestInOrder(word string, candidates []string) string {
	return rule{shortLen: 3, prefix: true}.closest(word, candidates)
}

// ClosestStrict is the stricter rule for large sets of names, such as role
// names, where a prefix says little: the first candidate equal to word
// ignoring case (but not equal to word) wins; otherwise the candidate
// nearest by case-insensitive Distance, within one edit for words of up to
// 4 characters and two for longer ones, equally close candidates going to
// the smaller name. word itself is never suggested and there is no prefix
// rule. Candidates whose length alone rules them out cost no distance
// computation, and buffers are reused across candidates.
func ClosestStrict(word string, names []string) string {
	return rule{shortLen: 4, byName: true, foldFirst: true}.closest(word, names)
}

// rule is one "did you mean" policy.
type rule struct {
	shortLen  int  // words of up to shortLen code points accept one edit, longer ones two
	byName    bool // ties go to the smaller name, else to the earliest candidate
	prefix    bool // fall back to the prefix rule
	foldFirst bool // a case-insensitively equal candidate first; never word itself
}

// closest applies the rule.
func (r rule) closest(word string, candidates []string) string {
	lw := strings.ToLower(word)
	if r.foldFirst {
		for _, c := range candidates {
			if c != word && strings.ToLower(c) == lw {
				return c
			}
		}
	}
	n := utf8.RuneCountInString(word)
	limit := 2
	if n <= r.shortLen {
		limit = 1
	}
	var d distancer
	d.setA(lw)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if r.foldFirst && c == word {
			continue
		}
		if diff := min(utf8.RuneCountInString(c), MaxRunes) - min(n, MaxRunes); diff > limit || -diff > limit {
			continue
		}
		dist := d.distance(strings.ToLower(c), limit)
		if dist < bestDist || (dist == bestDist && dist <= limit && r.byName && c < best) {
			best, bestDist = c, dist
		}
	}
	if bestDist <= limit {
		return best
	}
	if r.prefix && len(lw) >= 4 {
		for _, c := range candidates {
			lc := strings.ToLower(c)
			if strings.HasPrefix(lc, lw) || strings.HasPrefix(lw, lc) {
				return c
			}
		}
	}
	return ""
}

// Hint formats a suggestion as the suffix of one of the tool's messages,
// ` (did you mean "x"?)`, or "" when there is none (s is "").
func Hint(s string) string {
	if s == "" {
		return ""
	}
	return " (did you mean \"" + s + "\"?)"
}
