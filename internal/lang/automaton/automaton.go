package automaton

import (
	"sort"
	"unicode/utf8"
)

// Scalar-value alphabet bounds: surrogate code points are not part of it.
const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// maxTableEntries bounds the dense transition table built for matching;
// larger automata match through a binary search per state.
const maxTableEntries = 1 << 22

// Automaton is a minimal deterministic finite automaton over Unicode scalar
// values. It is immutable and safe for concurrent use. The zero value and a
// nil *Automaton accept nothing.
type Automaton struct {
	d fa // minimal, trim, canonical numbering; no states = empty language

	// matching acceleration
	points []int32     // class boundaries
	ascii  [128]uint16 // class of each ASCII code point
	table  []int32     // state*len(points)+class -> state, -1 = reject
}

// newAutomaton wraps a minimal canonical automaton and builds its tables.
func newAutomaton(d *fa) *Automaton {
	a := &Automaton{d: *d}
	n := d.numStates()
	if n == 0 {
		return a
	}
	al := newAlphabet(d)
	a.points = al.points
	cl := 0
	for c := int32(0); c < 128; c++ { // one sweep: the points are sorted
		for cl+1 < len(al.points) && al.points[cl+1] <= c {
			cl++
		}
		a.ascii[c] = uint16(min(cl, 0xFFFF))
	}
	k := len(al.points)
	if n*k <= maxTableEntries && k <= 0xFFFF {
		a.table = make([]int32, n*k)
		for i := range a.table {
			a.table[i] = -1
		}
		for s, ts := range d.trans {
			row := a.table[s*k : (s+1)*k]
			for _, t := range ts {
				for cl, last := al.class(t.lo), al.class(t.hi); cl <= last; cl++ {
					row[cl] = t.to
				}
			}
		}
	}
	return a
}

// fromLucene turns a deterministic Lucene-shaped automaton into an
// Automaton: surrogate code points are dropped from the alphabet, then the
// result is minimized.
func fromLucene(d *fa) *Automaton {
	return newAutomaton(minimizeDFA(withoutSurrogates(d)))
}

// withoutSurrogates removes the surrogate range from every transition.
func withoutSurrogates(a *fa) *fa {
	touched := false
	for _, ts := range a.trans {
		for _, t := range ts {
			if t.lo <= surrogateMax && t.hi >= surrogateMin {
				touched = true
			}
		}
	}
	if !touched {
		return a
	}
	r := &fa{accept: a.accept, trans: make([][]ltr, len(a.trans))}
	for s, ts := range a.trans {
		out := make([]ltr, 0, len(ts))
		for _, t := range ts {
			if t.hi < surrogateMin || t.lo > surrogateMax {
				out = append(out, t)
				continue
			}
			if t.lo < surrogateMin {
				out = append(out, ltr{t.lo, surrogateMin - 1, t.to})
			}
			if t.hi > surrogateMax {
				out = append(out, ltr{surrogateMax + 1, t.hi, t.to})
			}
		}
		r.trans[s] = out
	}
	return r
}

func (a *Automaton) fa() *fa {
	if a == nil {
		return &fa{}
	}
	return &a.d
}

// NumStates returns the number of states of the minimal automaton (0 for
// the empty language).
func (a *Automaton) NumStates() int { return a.fa().numStates() }

// classOf returns the alphabet class of c (binary search).
func (a *Automaton) classOf(c rune) int {
	lo, hi := 0, len(a.points)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.points[m] <= c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// step returns the successor of state s on code point c, or -1.
func (a *Automaton) step(s int32, c rune) int32 {
	if a.table != nil {
		var cl int
		if c >= 0 && c < 128 {
			cl = int(a.ascii[c])
		} else {
			cl = a.classOf(c)
		}
		return a.table[int(s)*len(a.points)+cl]
	}
	ts := a.d.trans[s]
	i := sort.Search(len(ts), func(i int) bool { return ts[i].hi >= c })
	if i < len(ts) && ts[i].lo <= c {
		return ts[i].to
	}
	return -1
}

// Match reports whether the automaton accepts the whole string s, read as
// Unicode code points (invalid UTF-8 bytes read as U+FFFD, as Go does).
func (a *Automaton) Match(s string) bool {
	if a == nil || len(a.d.accept) == 0 {
		return false
	}
	st := int32(0)
	if table := a.table; table != nil {
		k := len(a.points)
		ascii := &a.ascii
		for i := 0; i < len(s); {
			b := s[i]
			var cl int
			if b < utf8.RuneSelf {
				cl = int(ascii[b])
				i++
			} else {
				c, w := utf8.DecodeRuneInString(s[i:])
				i += w
				cl = a.classOf(c)
			}
			st = table[int(st)*k+cl]
			if st < 0 {
				return false
			}
		}
		return a.d.accept[st]
	}
	for _, c := range s {
		st = a.step(st, c)
		if st < 0 {
			return false
		}
	}
	return a.d.accept[st]
}
