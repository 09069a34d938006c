package suggest

// MaxRunes caps the strings Distance and the Closest family compare: each
// is truncated to its first MaxRunes code points, keeping the cost bounded
// on hostile input. No real name is that long.
const MaxRunes = 128

// Distance is the optimal-string-alignment Damerau–Levenshtein distance
// between a and b on code points: insertions, deletions, substitutions and
// transpositions of two adjacent characters each cost one (a substring is
// never edited twice). Both strings are first truncated to MaxRunes code
// points.
func Distance(a, b string) int {
	var d distancer
	d.setA(a)
	return d.distance(b, MaxRunes)
}

// Within reports whether Distance(a, b) is at most limit, stopping as
// soon as it cannot be (strings whose lengths differ by more than limit
// cost nothing).
func Within(a, b string, limit int) bool {
	var d distancer
	d.setA(a)
	return d.distance(b, limit) <= limit
}

// distancer computes capped distances from one fixed string, reusing its
// buffers across candidates.
type distancer struct {
	a, b             []rune
	prev2, prev, cur []int
}

// setA fixes the first string.
func (d *distancer) setA(a string) {
	d.a = appendRunes(d.a[:0], a)
}

// appendRunes appends at most MaxRunes runes of s.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		if len(buf) == MaxRunes {
			break
		}
		buf = append(buf, r)
	}
	return buf
}

// distance is the Distance from the fixed string to b, capped: any result
// above limit is reported as limit+1, and the computation stops as soon as
// it must exceed limit.
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

// Levenshtein is the plain Levenshtein distance between a and b counted in
// bytes: insertions, deletions and substitutions of one byte each cost one
// (no transpositions). For ASCII names that is the distance in characters;
// a non-ASCII character counts as its UTF-8 length. It costs time
// proportional to len(a)*len(b): callers bound their inputs.
func Levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
