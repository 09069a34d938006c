package automaton

import "slices"

// CommonPrefix returns the longest string, of at most maxRunes code points,
// that every string the automaton accepts starts with ("" for the empty
// language). Indexes use it to look up patterns by a literal prefix.
func (a *Automaton) CommonPrefix(maxRunes int) string {
	d := a.fa()
	if d.numStates() == 0 {
		return ""
	}
	var out []rune
	s := int32(0)
	for len(out) < maxRunes && !d.accept[s] && len(d.trans[s]) == 1 {
		t := d.trans[s][0]
		if t.lo != t.hi {
			break
		}
		out = append(out, rune(t.lo))
		s = t.to
	}
	return string(out)
}

// CommonSuffix returns the longest string, of at most maxRunes code points,
// that every string the automaton accepts ends with ("" for the empty
// language). It walks the automaton backwards from the accepting states
// while every transition into the current set of states carries the same
// single code point and the initial state (the empty remainder) is not in
// the set; its cost is at most maxRunes times the automaton's size.
func (a *Automaton) CommonSuffix(maxRunes int) string {
	d := a.fa()
	n := d.numStates()
	if n == 0 {
		return ""
	}
	type edge struct{ from, lo, hi int32 }
	pred := make([][]edge, n)
	for s, ts := range d.trans {
		for _, t := range ts {
			pred[t.to] = append(pred[t.to], edge{int32(s), t.lo, t.hi})
		}
	}
	in := make([]bool, n)
	var cur []int32
	for s, acc := range d.accept {
		if acc {
			cur = append(cur, int32(s))
		}
	}
	var rev []rune
	for len(rev) < maxRunes {
		c := int32(-1)
		var next []int32
		clear(in)
		for _, q := range cur {
			if q == 0 {
				return reversed(rev) // the remainder may be empty
			}
			for _, e := range pred[q] {
				if e.lo != e.hi || (c >= 0 && e.lo != c) {
					return reversed(rev)
				}
				c = e.lo
				if !in[e.from] {
					in[e.from] = true
					next = append(next, e.from)
				}
			}
		}
		if c < 0 {
			break
		}
		rev = append(rev, rune(c))
		cur = next
	}
	return reversed(rev)
}

func reversed(rs []rune) string {
	slices.Reverse(rs)
	return string(rs)
}
