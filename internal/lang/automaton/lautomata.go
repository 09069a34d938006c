package automaton

import (
	"slices"
	"strconv"
)

// The constructors below mirror Lucene's Automata class.

func makeEmpty() *fa { return &fa{} }

func makeEmptyString() *fa { return &fa{accept: []bool{true}, trans: [][]ltr{nil}} }

func makeAnyString() *fa {
	return &fa{accept: []bool{true}, trans: [][]ltr{{{0, maxCodePoint, 0}}}}
}

func makeCharRange(lo, hi int32) *fa {
	if lo > hi {
		return makeEmpty()
	}
	return &fa{accept: []bool{false, true}, trans: [][]ltr{{{lo, hi, 1}}, nil}}
}

func makeChar(c int32) *fa { return makeCharRange(c, c) }

func makeAnyChar() *fa { return makeCharRange(0, maxCodePoint) }

func makeString(s []rune) *fa {
	a := &fa{accept: make([]bool, len(s)+1), trans: make([][]ltr, len(s)+1)}
	for i, c := range s {
		a.trans[i] = []ltr{{c, c, int32(i + 1)}}
	}
	a.accept[len(s)] = true
	return a
}

// makeCharClass is Automata.makeCharClass (Lucene 10.2): one transition per
// range from the initial to the accept state.
func makeCharClass(starts, ends []int32) *fa {
	if len(starts) == 0 {
		return makeEmpty()
	}
	ts := make([]ltr, len(starts))
	for i := range starts {
		ts[i] = ltr{starts[i], ends[i], 1}
	}
	return &fa{accept: []bool{false, true}, trans: [][]ltr{finish(ts), nil}}
}

// intervalBuilder builds Automata.makeDecimalInterval's automaton with the
// same recursive construction Lucene uses.
type intervalBuilder struct {
	a        fa
	initials []int32
}

func (b *intervalBuilder) state() int32 {
	b.a.accept = append(b.a.accept, false)
	b.a.trans = append(b.a.trans, nil)
	return int32(len(b.a.accept) - 1)
}

func (b *intervalBuilder) add(s, to int32, lo, hi byte) {
	b.a.trans[s] = append(b.a.trans[s], ltr{int32(lo), int32(hi), to})
}

func (b *intervalBuilder) anyOfRightLength(x string, n int) int32 {
	s := b.state()
	if len(x) == n {
		b.a.accept[s] = true
	} else {
		b.add(s, b.anyOfRightLength(x, n+1), '0', '9')
	}
	return s
}

func (b *intervalBuilder) atLeast(x string, n int, zeros bool) int32 {
	s := b.state()
	if len(x) == n {
		b.a.accept[s] = true
		return s
	}
	if zeros {
		b.initials = append(b.initials, s)
	}
	c := x[n]
	b.add(s, b.atLeast(x, n+1, zeros && c == '0'), c, c)
	if c < '9' {
		b.add(s, b.anyOfRightLength(x, n+1), c+1, '9')
	}
	return s
}

func (b *intervalBuilder) atMost(x string, n int) int32 {
	s := b.state()
	if len(x) == n {
		b.a.accept[s] = true
		return s
	}
	c := x[n]
	b.add(s, b.atMost(x, n+1), c, c)
	if c > '0' {
		b.add(s, b.anyOfRightLength(x, n+1), '0', c-1)
	}
	return s
}

func (b *intervalBuilder) between(x, y string, n int, zeros bool) int32 {
	s := b.state()
	if len(x) == n {
		b.a.accept[s] = true
		return s
	}
	if zeros {
		b.initials = append(b.initials, s)
	}
	cx, cy := x[n], y[n]
	if cx == cy {
		b.add(s, b.between(x, y, n+1, zeros && cx == '0'), cx, cx)
		return s
	}
	b.add(s, b.atLeast(x, n+1, zeros && cx == '0'), cx, cx)
	b.add(s, b.atMost(y, n+1), cy, cy)
	if cx+1 < cy {
		b.add(s, b.anyOfRightLength(x, n+1), cx+1, cy-1)
	}
	return s
}

func pad(s string, d int) string {
	for len(s) < d {
		s = "0" + s
	}
	return s
}

// makeDecimalInterval is Automata.makeDecimalInterval for min <= max (the
// parser guarantees that). digits > 0 fixes the length; otherwise any number
// of leading zeros is accepted.
func (c *ctx) makeDecimalInterval(min, max, digits int) *fa {
	x, y := strconv.Itoa(min), strconv.Itoa(max)
	d := digits
	if d <= 0 {
		d = len(y)
	}
	x, y = pad(x, d), pad(y, d)
	b := &intervalBuilder{}
	if digits <= 0 {
		b.state() // the real initial state, completed below
	}
	b.between(x, y, 0, digits <= 0)
	for i := range b.a.trans {
		b.a.trans[i] = finish(b.a.trans[i])
	}
	a := &b.a
	if digits <= 0 {
		ts := []ltr{{'0', '0', 0}}
		for _, p := range b.initials {
			ts = append(ts, a.trans[p]...)
			if a.accept[p] {
				a.accept[0] = true
			}
		}
		a.trans[0] = finish(slices.Clone(ts))
	}
	if c.prof.intervalRemoveDead {
		return removeDeadStates(a)
	}
	return a
}
