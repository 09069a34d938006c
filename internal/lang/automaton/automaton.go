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

	// The matching tables are built on the first Match: a run holds an
	// automaton for every distinct pattern, and most are never matched
	// against a string (only analysed), so eager tables would double the
	// memory the patterns hold.
	tablesOnce sync.Once
	tables     *matchTables
}

// matchTables accelerate Match.
type matchTables struct {
	points []int32     // class boundaries
	ascii  [128]uint16 // class of each ASCII code point
	table  []int32     // state*len(points)+class -> state, -1 = reject; nil when too large
}

// matcher returns the matching tables, building them once.
func (a *Automaton) matcher() *matchTables {
	a.tablesOnce.Do(func() { a.tables = buildTables(&a.d) })
	return a.tables
}

// newAutomaton wraps a minimal canonical automaton.
func newAutomaton(d *fa) *Automaton {
	return &Automaton{d: *d}
}

// buildTables builds the matching tables of d.
func buildTables(d *fa) *matchTables {
	m := &matchTables{}
	n := d.numStates()
	if n == 0 {
		return m
	}
	al := newAlphabet(d)
	m.points = al.points
	cl := 0
	for c := int32(0); c < 128; c++ { // one sweep: the points are sorted
		for cl+1 < len(al.points) && al.points[cl+1] <= c {
			cl++
		}
		m.ascii[c] = uint16(min(cl, 0xFFFF))
	}
	k := len(al.points)
	if n*k <= maxTableEntries && k <= 0xFFFF {
		m.table = make([]int32, n*k)
		for i := range m.table {
			m.table[i] = -1
		}
		for s, ts := range d.trans {
			row := m.table[s*k : (s+1)*k]
			for _, t := range ts {
				for cl, last := al.class(t.lo), al.class(t.hi); cl <= last; cl++ {
					row[cl] = t.to
				}
			}
		}
	}
	return m
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
func (m *matchTables) classOf(c rune) int {
	lo, hi := 0, len(m.points)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if m.points[mid] <= c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// step returns the successor of state s on code point c, or -1.
func (a *Automaton) step(s int32, c rune) int32 {
	if m := a.matcher(); m.table != nil {
		var cl int
		if c >= 0 && c < 128 {
			cl = int(m.ascii[c])
		} else {
			cl = m.classOf(c)
		}
		return m.table[int(s)*len(m.points)+cl]
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
	if m := a.matcher(); m.table != nil {
		table := m.table
		k := len(m.points)
		ascii := &m.ascii
		for i := 0; i < len(s); {
			b := s[i]
			var cl int
			if b < utf8.RuneSelf {
				cl = int(ascii[b])
				i++
			} else {
				c, w := utf8.DecodeRuneInString(s[i:])
				i += w
				cl = m.classOf(c)
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
