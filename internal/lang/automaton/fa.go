package automaton

import (
	"cmp"
	"slices"
)

// maxCodePoint is Character.MAX_CODE_POINT, the top of Lucene's alphabet.
const maxCodePoint = 0x10FFFF

// ltr is one transition: code points lo..hi (inclusive) lead to state to.
type ltr struct{ lo, hi, to int32 }

// fa is a finite automaton with range-labelled transitions, in the shape
// Lucene's Automaton has: state 0 is initial, every state's transitions are
// "finished" (transitions to the same state that overlap or touch are
// merged, then sorted by lo, hi, to). It may be nondeterministic. Values are
// never modified once built.
type fa struct {
	accept []bool
	trans  [][]ltr
}

func (a *fa) numStates() int { return len(a.accept) }

func (a *fa) numTransitions() int {
	n := 0
	for _, ts := range a.trans {
		n += len(ts)
	}
	return n
}

// isDeterministic is Lucene's Automaton.isDeterministic: no state has two
// transitions whose labels overlap.
func (a *fa) isDeterministic() bool {
	for _, ts := range a.trans {
		for i := 1; i < len(ts); i++ {
			if ts[i].lo <= ts[i-1].hi {
				return false
			}
		}
	}
	return true
}

func cmpDest(x, y ltr) int {
	if c := cmp.Compare(x.to, y.to); c != 0 {
		return c
	}
	if c := cmp.Compare(x.lo, y.lo); c != 0 {
		return c
	}
	return cmp.Compare(x.hi, y.hi)
}

func cmpLabel(x, y ltr) int {
	if c := cmp.Compare(x.lo, y.lo); c != 0 {
		return c
	}
	if c := cmp.Compare(x.hi, y.hi); c != 0 {
		return c
	}
	return cmp.Compare(x.to, y.to)
}

// finish is Lucene's Automaton.finishCurrentState: it merges transitions to
// the same destination whose ranges overlap or touch and sorts the result
// by label. It reorders ts in place and returns the shortened slice.
func finish(ts []ltr) []ltr {
	if len(ts) <= 1 {
		return ts
	}
	slices.SortFunc(ts, cmpDest)
	out := ts[:0]
	cur := ts[0]
	for _, t := range ts[1:] {
		if t.to == cur.to && t.lo <= cur.hi+1 {
			if t.hi > cur.hi {
				cur.hi = t.hi
			}
			continue
		}
		out = append(out, cur)
		cur = t
	}
	out = append(out, cur)
	slices.SortFunc(out, cmpLabel)
	return out
}

// appendShifted appends ts to dst with every destination moved by off.
func appendShifted(dst, ts []ltr, off int32) []ltr {
	for _, t := range ts {
		dst = append(dst, ltr{t.lo, t.hi, t.to + off})
	}
	return dst
}

// clone returns a copy of a that can be modified.
func (a *fa) clone() *fa {
	r := &fa{accept: slices.Clone(a.accept), trans: make([][]ltr, len(a.trans))}
	for i, ts := range a.trans {
		r.trans[i] = slices.Clone(ts)
	}
	return r
}

// reachable marks the states reachable from the initial state.
func (a *fa) reachable() []bool {
	n := a.numStates()
	seen := make([]bool, n)
	if n == 0 {
		return seen
	}
	seen[0] = true
	stack := []int32{0}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, t := range a.trans[s] {
			if !seen[t.to] {
				seen[t.to] = true
				stack = append(stack, t.to)
			}
		}
	}
	return seen
}

// coreachable marks the states from which an accept state is reachable.
func (a *fa) coreachable() []bool {
	n := a.numStates()
	// reverse adjacency in CSR form
	start := make([]int32, n+1)
	for _, ts := range a.trans {
		for _, t := range ts {
			start[t.to+1]++
		}
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	from := make([]int32, start[n])
	fill := slices.Clone(start[:n])
	for s, ts := range a.trans {
		for _, t := range ts {
			from[fill[t.to]] = int32(s)
			fill[t.to]++
		}
	}
	live := make([]bool, n)
	var stack []int32
	for s, acc := range a.accept {
		if acc {
			live[s] = true
			stack = append(stack, int32(s))
		}
	}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range from[start[s]:start[s+1]] {
			if !live[p] {
				live[p] = true
				stack = append(stack, p)
			}
		}
	}
	return live
}

// removeDeadStates is Operations.removeDeadStates: it keeps the states that
// are reachable and co-reachable, in their original order.
func removeDeadStates(a *fa) *fa {
	n := a.numStates()
	if n == 0 {
		return a
	}
	reach := a.reachable()
	co := a.coreachable()
	all := true
	for i := range reach {
		reach[i] = reach[i] && co[i]
		all = all && reach[i]
	}
	if all {
		return a
	}
	m := make([]int32, n)
	r := &fa{}
	for i := 0; i < n; i++ {
		if reach[i] {
			m[i] = int32(len(r.accept))
			r.accept = append(r.accept, a.accept[i])
		}
	}
	r.trans = make([][]ltr, len(r.accept))
	for i := 0; i < n; i++ {
		if !reach[i] {
			continue
		}
		var ts []ltr
		for _, t := range a.trans[i] {
			if reach[t.to] {
				ts = append(ts, ltr{t.lo, t.hi, m[t.to]})
			}
		}
		r.trans[m[i]] = ts
	}
	return r
}
