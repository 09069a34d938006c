package automaton

import (
	"fmt"
	"slices"
)

// The operations below mirror Lucene's Operations class, including the
// details that change the shape (not the language) of the result, because
// the shape decides the determinization effort.

// concatenate is Operations.concatenate(List).
func (c *ctx) concatenate(list []*fa) (*fa, error) {
	total := 0
	for _, a := range list {
		if a.numStates() == 0 {
			if c.prof.concatCleanup {
				return makeEmpty(), nil
			}
			// Lucene 9/10.1 return the states created so far: no
			// transitions, nothing accepted.
			return &fa{accept: make([]bool, total), trans: make([][]ltr, total)}, nil
		}
		total += a.numStates()
	}
	if err := c.charge(total, 0); err != nil {
		return nil, err
	}
	offsets := make([]int32, len(list)+1)
	for i, a := range list {
		offsets[i+1] = offsets[i] + int32(a.numStates())
	}
	r := &fa{accept: make([]bool, total), trans: make([][]ltr, total)}
	ntrans := 0
	for i, a := range list {
		off := offsets[i]
		for s := range a.accept {
			ts := appendShifted(nil, a.trans[s], off)
			if a.accept[s] {
				j := i + 1
				for {
					if j == len(list) {
						r.accept[int(off)+s] = true
						break
					}
					f := list[j]
					ts = appendShifted(ts, f.trans[0], offsets[j])
					if !f.accept[0] {
						break
					}
					j++
				}
			}
			ts = finish(ts)
			r.trans[int(off)+s] = ts
			ntrans += len(ts)
			if ntrans > maxBuildTransitions {
				return nil, c.charge(0, ntrans)
			}
		}
	}
	if total == 0 {
		r = &fa{accept: []bool{false}, trans: [][]ltr{nil}}
	}
	if err := c.charge(0, ntrans); err != nil {
		return nil, err
	}
	if c.prof.concatCleanup {
		return removeDeadStates(r), nil
	}
	return r, nil
}

// union is Operations.union(Collection).
func (c *ctx) union(list []*fa) (*fa, error) {
	total := 1
	for _, a := range list {
		total += a.numStates()
	}
	if err := c.charge(total, 0); err != nil {
		return nil, err
	}
	r := &fa{accept: make([]bool, 1, total), trans: make([][]ltr, 1, total)}
	var init []ltr
	for _, a := range list {
		if a.numStates() == 0 {
			continue
		}
		off := int32(len(r.accept))
		r.accept = append(r.accept, a.accept...)
		for _, ts := range a.trans {
			r.trans = append(r.trans, appendShifted(nil, ts, off))
		}
		init = appendShifted(init, a.trans[0], off)
		if a.accept[0] {
			r.accept[0] = true
		}
	}
	r.trans[0] = finish(init)
	if err := c.chargeFA(r); err != nil {
		return nil, err
	}
	r = removeDeadStates(r)
	if c.prof.unionMergeAccept {
		r = mergeAcceptStatesWithNoTransition(r)
	}
	return r, nil
}

// mergeAcceptStatesWithNoTransition is the Lucene 10.2 helper of the same
// name: accept states without outgoing transitions become one state.
func mergeAcceptStatesWithNoTransition(a *fa) *fa {
	var merged []int32
	for s, acc := range a.accept {
		if acc && len(a.trans[s]) == 0 {
			merged = append(merged, int32(s))
		}
	}
	if len(merged) <= 1 {
		return a
	}
	remap := func(s int32) int32 {
		i, found := slices.BinarySearch(merged, s)
		if found {
			return merged[0]
		}
		if i <= 1 {
			return s
		}
		return s - int32(i-1)
	}
	n := a.numStates() - (len(merged) - 1)
	r := &fa{accept: make([]bool, n), trans: make([][]ltr, n)}
	for s := range a.accept {
		rs := remap(int32(s))
		if a.accept[s] {
			r.accept[rs] = true
		}
		if len(a.trans[s]) == 0 {
			continue
		}
		ts := make([]ltr, 0, len(a.trans[s]))
		for _, t := range a.trans[s] {
			ts = append(ts, ltr{t.lo, t.hi, remap(t.to)})
		}
		r.trans[rs] = finish(ts)
	}
	return r
}

// optional is Operations.optional.
func (c *ctx) optional(a *fa) (*fa, error) {
	if c.prof.optimizedOptional {
		if a.numStates() > 0 && a.accept[0] {
			return a, nil
		}
		toInitial := false
		for _, ts := range a.trans {
			for _, t := range ts {
				if t.to == 0 {
					toInitial = true
					break
				}
			}
		}
		if !toInitial {
			r := a.clone()
			if r.numStates() == 0 {
				r = makeEmptyString()
			}
			r.accept[0] = true
			return r, c.chargeFA(r)
		}
	}
	r := &fa{accept: []bool{true}, trans: [][]ltr{nil}}
	if a.numStates() > 0 {
		r.accept = append(r.accept, a.accept...)
		for _, ts := range a.trans {
			r.trans = append(r.trans, appendShifted(nil, ts, 1))
		}
		r.trans[0] = finish(appendShifted(nil, a.trans[0], 1))
	}
	return r, c.chargeFA(r)
}

// repeat is Operations.repeat(Automaton): the Kleene star.
func (c *ctx) repeat(a *fa) (*fa, error) {
	n := a.numStates()
	if n == 0 {
		return a, nil
	}
	if !c.prof.optimizedRepeat {
		r := &fa{accept: make([]bool, n+1), trans: make([][]ltr, n+1)}
		r.accept[0] = true
		copy(r.accept[1:], a.accept)
		r.trans[0] = finish(appendShifted(nil, a.trans[0], 1))
		for s := 0; s < n; s++ {
			ts := appendShifted(nil, a.trans[s], 1)
			if a.accept[s] {
				ts = finish(appendShifted(ts, a.trans[0], 1))
			}
			r.trans[s+1] = ts
		}
		return r, c.chargeFA(r)
	}
	accepts := 0
	for _, acc := range a.accept {
		if acc {
			accepts++
		}
	}
	if a.accept[0] && accepts == 1 {
		return a, nil
	}
	m := make([]int32, n)
	next := int32(1)
	r := &fa{accept: []bool{true}}
	for s := 0; s < n; s++ {
		switch {
		case !a.accept[s]:
			m[s] = next
			next++
			r.accept = append(r.accept, false)
		case len(a.trans[s]) == 0:
			m[s] = 0
		default:
			m[s] = next
			next++
			r.accept = append(r.accept, true)
		}
	}
	r.trans = make([][]ltr, next)
	remapped := func(dst, ts []ltr) []ltr {
		for _, t := range ts {
			dst = append(dst, ltr{t.lo, t.hi, m[t.to]})
		}
		return dst
	}
	for s := 0; s < n; s++ {
		r.trans[m[s]] = remapped(r.trans[m[s]], a.trans[s])
	}
	r.trans[0] = remapped(r.trans[0], a.trans[0])
	for s := 0; s < n; s++ {
		if a.accept[s] && m[s] != 0 {
			r.trans[m[s]] = remapped(r.trans[m[s]], a.trans[0])
		}
	}
	for i := range r.trans {
		r.trans[i] = finish(r.trans[i])
	}
	if err := c.chargeFA(r); err != nil {
		return nil, err
	}
	if c.prof.repeatRemoveDead {
		r = removeDeadStates(r)
	}
	return r, nil
}

// checkCopies refuses to build count copies of a before doing it.
func (c *ctx) checkCopies(a *fa, count int) error {
	per := a.numStates()
	if per < 1 {
		per = 1
	}
	if count > maxBuildStates/per {
		return &LimitError{What: fmt.Sprintf("%d copies of a %d-state automaton", count, a.numStates())}
	}
	return nil
}

// repeatMin is Operations.repeat(Automaton, int): count or more repetitions.
func (c *ctx) repeatMin(a *fa, count int) (*fa, error) {
	if count == 0 {
		return c.repeat(a)
	}
	if err := c.checkCopies(a, count+1); err != nil {
		return nil, err
	}
	star, err := c.repeat(a)
	if err != nil {
		return nil, err
	}
	list := make([]*fa, 0, count+1)
	for i := 0; i < count; i++ {
		list = append(list, a)
	}
	return c.concatenate(append(list, star))
}

// repeatRange is Operations.repeat(Automaton, int, int).
func (c *ctx) repeatRange(a *fa, min, max int) (*fa, error) {
	if min > max {
		return makeEmpty(), nil
	}
	if err := c.checkCopies(a, max); err != nil {
		return nil, err
	}
	var b *fa
	switch min {
	case 0:
		b = makeEmptyString()
	case 1:
		b = a
	default:
		list := make([]*fa, min)
		for i := range list {
			list[i] = a
		}
		var err error
		if b, err = c.concatenate(list); err != nil {
			return nil, err
		}
	}
	var prev []int32
	for s, acc := range b.accept {
		if acc {
			prev = append(prev, int32(s))
		}
	}
	r := b.clone()
	for i := min; i < max; i++ {
		off := int32(r.numStates())
		r.accept = append(r.accept, a.accept...)
		for _, ts := range a.trans {
			r.trans = append(r.trans, appendShifted(nil, ts, off))
		}
		if a.numStates() > 0 { // Builder.addEpsilon to a missing state is a no-op
			for _, s := range prev {
				r.trans[s] = finish(appendShifted(r.trans[s], a.trans[0], off))
			}
		}
		prev = prev[:0]
		for s, acc := range a.accept {
			if acc {
				prev = append(prev, off+int32(s))
			}
		}
		if r.numStates() > maxBuildStates {
			return nil, c.charge(r.numStates(), 0)
		}
	}
	if err := c.chargeFA(r); err != nil {
		return nil, err
	}
	if c.prof.repeatRemoveDead {
		r = removeDeadStates(r)
	}
	return r, nil
}

// intersection is Operations.intersection: the product automaton.
func (c *ctx) intersection(a1, a2 *fa) (*fa, error) {
	if a1.numStates() == 0 {
		return a1, nil
	}
	if a2.numStates() == 0 {
		return a2, nil
	}
	type pair struct{ s1, s2 int32 }
	ids := map[pair]int32{{0, 0}: 0}
	queue := []pair{{0, 0}}
	r := &fa{}
	ntrans := 0
	for p := 0; p < len(queue); p++ {
		q := queue[p]
		r.accept = append(r.accept, a1.accept[q.s1] && a2.accept[q.s2])
		t1, t2 := a1.trans[q.s1], a2.trans[q.s2]
		var ts []ltr
		b2 := 0
		for n1 := range t1 {
			for b2 < len(t2) && t2[b2].hi < t1[n1].lo {
				b2++
			}
			for n2 := b2; n2 < len(t2) && t1[n1].hi >= t2[n2].lo; n2++ {
				if t2[n2].hi < t1[n1].lo {
					continue
				}
				d := pair{t1[n1].to, t2[n2].to}
				id, ok := ids[d]
				if !ok {
					id = int32(len(queue))
					ids[d] = id
					queue = append(queue, d)
					if len(queue) > maxBuildStates {
						return nil, c.charge(len(queue), 0)
					}
				}
				ts = append(ts, ltr{max(t1[n1].lo, t2[n2].lo), min(t1[n1].hi, t2[n2].hi), id})
			}
		}
		ts = finish(ts)
		r.trans = append(r.trans, ts)
		ntrans += len(ts)
		if ntrans > maxBuildTransitions {
			return nil, c.charge(0, ntrans)
		}
	}
	if err := c.chargeFA(r); err != nil {
		return nil, err
	}
	return removeDeadStates(r), nil
}

// totalize is Operations.totalize: a dead state (the last one) catches
// every label a state has no transition for.
func totalize(a *fa) *fa {
	n := a.numStates()
	dead := int32(n)
	r := &fa{accept: make([]bool, n+1), trans: make([][]ltr, n+1)}
	copy(r.accept, a.accept)
	r.trans[dead] = []ltr{{0, maxCodePoint, dead}}
	for i := 0; i < n; i++ {
		var ts []ltr
		next := int32(0)
		for _, t := range a.trans[i] {
			ts = append(ts, t)
			if t.lo > next {
				ts = append(ts, ltr{next, t.lo - 1, dead})
			}
			if t.hi+1 > next {
				next = t.hi + 1
			}
		}
		if next <= maxCodePoint {
			ts = append(ts, ltr{next, maxCodePoint, dead})
		}
		r.trans[i] = finish(ts)
	}
	return r
}

// complement is Operations.complement. limitless selects Lucene's
// Integer.MAX_VALUE limit, which this package still bounds.
func (c *ctx) complement(a *fa, workLimit int, limitless bool) (*fa, error) {
	d, err := c.determinize(a, workLimit, limitless)
	if err != nil {
		return nil, err
	}
	t := totalize(d)
	for i := range t.accept {
		t.accept[i] = !t.accept[i]
	}
	if err := c.chargeFA(t); err != nil {
		return nil, err
	}
	return removeDeadStates(t), nil
}
