package automaton

import (
	"math/big"
	"slices"
)

// This file holds two independent reference matchers used by the tests:
// oracleMatch interprets a parsed expression directly on a string (sets of
// end positions, no automata at all), and nfaMatch simulates a
// Lucene-shaped automaton state set by state set.

type oracle struct {
	s    []rune
	memo map[oracleKey][]bool
	// zeroStates reports whether Lucene builds n as an automaton with no
	// states. Lucene's Kleene star of such an automaton accepts nothing
	// (Operations.repeat returns it unchanged) where the textbook star
	// would accept the empty string; that is the one place where the
	// language depends on the automaton's shape.
	zeroStates func(n *node) bool
}

type oracleKey struct {
	n *node
	i int
}

// oracleMatch reports whether the expression accepts s as a whole.
func oracleMatch(n *node, s string, zeroStates func(*node) bool) bool {
	o := &oracle{s: []rune(s), memo: map[oracleKey][]bool{}, zeroStates: zeroStates}
	return o.ends(n, 0)[len(o.s)]
}

// ends returns, for every j, whether n matches s[i:j].
func (o *oracle) ends(n *node, i int) []bool {
	k := oracleKey{n, i}
	if r, ok := o.memo[k]; ok {
		return r
	}
	r := o.compute(n, i)
	o.memo[k] = r
	return r
}

func (o *oracle) set() []bool { return make([]bool, len(o.s)+1) }

func (o *oracle) single(i int, ok func(c rune) bool) []bool {
	r := o.set()
	if i < len(o.s) && ok(o.s[i]) {
		r[i+1] = true
	}
	return r
}

func inRanges(c rune, from, to []int32) bool {
	for k := range from {
		if from[k] <= c && c <= to[k] {
			return true
		}
	}
	return false
}

func predefinedMatch(class rune, c rune) bool {
	digit := c >= '0' && c <= '9'
	space := c == ' ' || c == '\t' || c == '\n' || c == '\r'
	word := digit || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	switch class {
	case 'd':
		return digit
	case 'D':
		return !digit
	case 's':
		return space
	case 'S':
		return !space
	case 'w':
		return word
	case 'W':
		return !word
	}
	return false
}

func (o *oracle) step(n *node, from []bool) []bool {
	r := o.set()
	for j, ok := range from {
		if ok {
			for k, ok2 := range o.ends(n, j) {
				r[k] = r[k] || ok2
			}
		}
	}
	return r
}

func union(x, y []bool) []bool {
	r := slices.Clone(x)
	for i := range y {
		r[i] = r[i] || y[i]
	}
	return r
}

func (o *oracle) compute(n *node, i int) []bool {
	switch n.kind {
	case kChar:
		return o.single(i, func(c rune) bool { return c == n.c })
	case kCharRange, kCharClass:
		return o.single(i, func(c rune) bool { return inRanges(c, n.from, n.to) })
	case kAnyChar:
		return o.single(i, func(rune) bool { return true })
	case kPreClass:
		return o.single(i, func(c rune) bool { return predefinedMatch(n.c, c) })
	case kEmpty:
		return o.set()
	case kString:
		r := o.set()
		lit := n.str()
		if i+len(lit) <= len(o.s) && slices.Equal(o.s[i:i+len(lit)], lit) {
			r[i+len(lit)] = true
		}
		return r
	case kAnyString:
		r := o.set()
		for j := i; j <= len(o.s); j++ {
			r[j] = true
		}
		return r
	case kUnion:
		return union(o.ends(n.a, i), o.ends(n.b, i))
	case kConcat:
		return o.step(n.b, o.ends(n.a, i))
	case kInter:
		x, y := o.ends(n.a, i), o.ends(n.b, i)
		r := o.set()
		for j := range r {
			r[j] = x[j] && y[j]
		}
		return r
	case kComplement, kDepComplement:
		x := o.ends(n.a, i)
		r := o.set()
		for j := i; j <= len(o.s); j++ {
			r[j] = !x[j]
		}
		return r
	case kOptional:
		r := slices.Clone(o.ends(n.a, i))
		r[i] = true
		return r
	case kRepeat:
		if o.zeroStates(n.a) {
			return o.set()
		}
		return o.star(n.a, o.start(i))
	case kRepeatMin:
		if n.min == 0 && o.zeroStates(n.a) {
			return o.set()
		}
		cur := o.start(i)
		for k := 0; k < n.min; k++ {
			cur = o.step(n.a, cur)
		}
		return o.star(n.a, cur)
	case kRepeatMinMax:
		if n.min > n.max {
			return o.set()
		}
		cur := o.start(i)
		for k := 0; k < n.min; k++ {
			cur = o.step(n.a, cur)
		}
		r := slices.Clone(cur)
		for k := n.min; k < n.max; k++ {
			next := o.step(n.a, cur)
			if slices.Equal(next, cur) {
				break
			}
			cur = next
			r = union(r, cur)
		}
		return r
	case kInterval:
		r := o.set()
		lo, hi := big.NewInt(int64(n.min)), big.NewInt(int64(n.max))
		for j := i + 1; j <= len(o.s); j++ {
			digits := o.s[i:j]
			ok := true
			for _, c := range digits {
				ok = ok && c >= '0' && c <= '9'
			}
			if !ok {
				break
			}
			if n.digits > 0 && len(digits) != n.digits {
				continue
			}
			v, _ := new(big.Int).SetString(string(digits), 10)
			r[j] = v.Cmp(lo) >= 0 && v.Cmp(hi) <= 0
		}
		return r
	}
	panic("oracle: unsupported node")
}

func (o *oracle) start(i int) []bool {
	r := o.set()
	r[i] = true
	return r
}

func (o *oracle) star(n *node, from []bool) []bool {
	r := slices.Clone(from)
	for {
		next := union(r, o.step(n, r))
		if slices.Equal(next, r) {
			return r
		}
		r = next
	}
}

// nfaMatch simulates a (possibly nondeterministic) Lucene-shaped automaton.
func nfaMatch(a *fa, s string) bool {
	if a.numStates() == 0 {
		return false
	}
	cur := map[int32]bool{0: true}
	for _, c := range s {
		next := map[int32]bool{}
		for st := range cur {
			for _, t := range a.trans[st] {
				if t.lo <= c && c <= t.hi {
					next[t.to] = true
				}
			}
		}
		cur = next
	}
	for st := range cur {
		if a.accept[st] {
			return true
		}
	}
	return false
}
