package catalog

import (
	"strings"
	"unicode/utf8"
)

// maxCompareRunes caps the strings compared by edit distance, keeping the
// cost bounded on hostile input.
const maxCompareRunes = 128

// closest returns the candidate nearest to word as a plausible typo, or ""
// when none is close: a case-insensitive equal name first, then the
// smallest Damerau–Levenshtein distance (at most 1 for words of up to 4
// characters, 2 for longer ones; ties go to the smaller name). word itself
// is never suggested.
func closest(word string, candidates []string) string {
	lw := strings.ToLower(word)
	for _, c := range candidates {
		if c != word && strings.ToLower(c) == lw {
			return c
		}
	}
	limit := 2
	n := utf8.RuneCountInString(word)
	if n <= 4 {
		limit = 1
	}
	var d distancer
	d.setA(lw)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if c == word {
			continue
		}
		if diff := min(utf8.RuneCountInString(c), maxCompareRunes) - min(n, maxCompareRunes); diff > limit || -diff > limit {
			continue
		}
		dist := d.distance(strings.ToLower(c), limit)
		if dist < bestDist || (dist == bestDist && best != "" && c < best) {
			best, bestDist = c, dist
		}
	}
	if bestDist > limit {
		return ""
	}
	return best
}

// editDistance is the optimal-string-alignment Damerau–Levenshtein
// distance on code points (adjacent transpositions cost one), capped: any
// result above limit is reported as limit+1. Inputs are truncated to
// maxCompareRunes.
func editDistance(a, b string, limit int) int {
	var d distancer
	d.setA(a)
	return d.distance(b, limit)
}

// distancer computes edit distances from one fixed string, reusing its
// buffers across candidates.
type distancer struct {
	a, b             []rune
	prev2, prev, cur []int
}

// setA fixes the first string.
func (d *distancer) setA(a string) {
	d.a = appendRunes(d.a[:0], a)
}

// appendRunes appends at most maxCompareRunes runes of s.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		if len(buf) == maxCompareRunes {
			break
		}
		buf = append(buf, r)
	}
	return buf
}

// distance is the capped distance from the fixed string to b.
func (d *distancer) distance(b string, limit int) int {
	d.b = appendRunes(d.b[:0], b)
	ra, rb := d.a, d.b
	if diff := len(ra) - len(rb); diff > limit || -diff > limit {
		return limit + 1
	}
	if cap(d.cur) < len(rb)+1 {
		d.prev2, d.prev, d.cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	prev2, prev, cur := d.prev2[:len(rb)+1], d.prev[:len(rb)+1], d.cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
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
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}
