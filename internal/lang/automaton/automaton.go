package automaton

import (
	"sort"
	"sync"
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

	// matching acceleration, built on the first Match: most automata a
	// run holds (every distinct pattern of a large dump) are only
	// analysed, never matched, and need none.
	accelOnce sync.Once
	acc       *accel
}

// accel is what speeds up Match: the alphabet's classes and, for automata
// small enough, a dense transition table.
type accel struct {
	points []int32     // class boundaries
	ascii  [128]uint16 // class of each ASCII code point
	table  []int32     // state*len(points)+class -> state, -1 = reject
}

// newAutomaton wraps a minimal canonical automaton.
func newAutomaton(d *fa) *Automaton {
	return &Automaton{d: *d}
}

// accel returns the matching acceleration, building it once.
func (a *Automaton) accel() *accel {
	a.accelOnce.Do(func() { a.acc = newAccel(&a.d) })
	return a.acc
}

// newAccel builds the classes and, within maxTableEntries, the table of d.
func newAccel(d *fa) *accel {
	x := &accel{}
	n := d.numStates()
	if n == 0 {
		return x
	}
	al := newAlphabet(d)
	x.points = al.points
	for c := 0; c < 128; c++ {
		x.ascii[c] = uint16(min(al.class(int32(c)), 0xFFFF))
	}
	k := len(al.points)
	if n*k <= maxTableEntries && k <= 0xFFFF {
		x.table = make([]int32, n*k)
		for i := range x.table {
			x.table[i] = -1
		}
		for s, ts := range d.trans {
			row := x.table[s*k : (s+1)*k]
			for _, t := range ts {
				for cl := al.class(t.lo); cl <= al.class(t.hi); cl++ {
					row[cl] = t.to
				}
			}
		}
	}
	return x
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
func (x *accel) classOf(c rune) int {
	lo, hi := 0, len(x.points)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.points[m] <= c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// step returns the successor of state s on code point c, or -1.
func (a *Automaton) step(s int32, c rune) int32 {
	if x := a.accel(); x.table != nil {
		var cl int
		if c >= 0 && c < 128 {
			cl = int(x.ascii[c])
		} else {
			cl = x.classOf(c)
		}
		return x.table[int(s)*len(x.points)+cl]
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
	if x := a.accel(); x.table != nil {
		table := x.table
		k := len(x.points)
		ascii := &x.ascii
		for i := 0; i < len(s); {
			b := s[i]
			var cl int
			if b < utf8.RuneSelf {
				cl = int(ascii[b])
				i++
			} else {
				c, w := utf8.DecodeRuneInString(s[i:])
				i += w
				cl = x.classOf(c)
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
