package automaton

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// pointSet collects, for one state set, the transitions that start at or
// end just before each code point: Lucene's PointTransitionSet.
type pointSet struct {
	points []pointTransitions
	count  int
	index  map[int32]int
	order  []int
}

type pointTransitions struct {
	point  int32
	starts []int32 // destinations of transitions starting here
	ends   []int32 // destinations of transitions ending at point-1
}

const pointHashCutover = 30

func (ps *pointSet) find(p int32) *pointTransitions {
	if ps.index != nil {
		if i, ok := ps.index[p]; ok {
			return &ps.points[i]
		}
	} else {
		for i := 0; i < ps.count; i++ {
			if ps.points[i].point == p {
				return &ps.points[i]
			}
		}
	}
	if ps.count == len(ps.points) {
		ps.points = append(ps.points, pointTransitions{})
	}
	pt := &ps.points[ps.count]
	pt.point, pt.starts, pt.ends = p, pt.starts[:0], pt.ends[:0]
	if ps.index != nil {
		ps.index[p] = ps.count
	}
	ps.count++
	if ps.index == nil && ps.count == pointHashCutover {
		ps.index = make(map[int32]int, 2*pointHashCutover)
		for i := 0; i < ps.count; i++ {
			ps.index[ps.points[i].point] = i
		}
	}
	return pt
}

func (ps *pointSet) add(t ltr) {
	s := ps.find(t.lo)
	s.starts = append(s.starts, t.to)
	e := ps.find(t.hi + 1)
	e.ends = append(e.ends, t.to)
}

func (ps *pointSet) reset() {
	ps.count = 0
	ps.index = nil
}

// sorted returns the indexes of the collected points in increasing order.
func (ps *pointSet) sorted() []int {
	ps.order = ps.order[:0]
	for i := 0; i < ps.count; i++ {
		ps.order = append(ps.order, i)
	}
	slices.SortFunc(ps.order, func(x, y int) int { return int(ps.points[x].point - ps.points[y].point) })
	return ps.order
}

// stateSet is the multiset of NFA states active on an interval.
type stateSet struct {
	count  []int32
	pos    []int32
	active []int32
}

func (s *stateSet) incr(d int32) {
	if s.count[d] == 0 {
		s.pos[d] = int32(len(s.active))
		s.active = append(s.active, d)
	}
	s.count[d]++
}

func (s *stateSet) decr(d int32) {
	s.count[d]--
	if s.count[d] == 0 {
		j := s.pos[d]
		moved := s.active[len(s.active)-1]
		s.active[j] = moved
		s.pos[moved] = j
		s.active = s.active[:len(s.active)-1]
	}
}

// determinize mirrors Operations.determinize, including how it counts
// effort: every state set taken off the work list adds its size, and the
// construction gives up once the total reaches ten times the work limit.
// A deterministic automaton, or one with at most one state, is returned as
// it is. limitless stands for Lucene's Integer.MAX_VALUE limit; this package
// still bounds it and reports a LimitError past that bound.
func (c *ctx) determinize(a *fa, workLimit int, limitless bool) (*fa, error) {
	n := a.numStates()
	if n <= 1 || a.isDeterministic() {
		return a, nil
	}
	effortLimit := int64(workLimit) * 10
	if limitless {
		effortLimit = maxLimitlessEffort
	}
	var (
		effort int64
		// scanned counts the transitions examined, charged how many of
		// them were drawn from the run's pool (see chargeScan).
		scanned, charged int64
		ids              = map[string]int32{}
		queue            = [][]int32{{0}}
		r                = &fa{accept: []bool{a.accept[0]}, trans: [][]ltr{nil}}
		points           pointSet
		set              = stateSet{count: make([]int32, n), pos: make([]int32, n)}
		sorted           []int32
		key              []byte
		ntrans           int
	)
	keyOf := func(states []int32) []byte {
		key = key[:0]
		for _, s := range states {
			key = binary.LittleEndian.AppendUint32(key, uint32(s))
		}
		return key
	}
	ids[string(keyOf(queue[0]))] = 0
	for qi := 0; qi < len(queue); qi++ {
		members := queue[qi]
		queue[qi] = nil
		effort += int64(len(members))
		if effort >= effortLimit {
			if limitless {
				return nil, &LimitError{What: "a determinization Lucene runs without a limit"}
			}
			return nil, &TooComplexError{States: n, Transitions: a.numTransitions(), Limit: workLimit}
		}
		points.reset()
		for _, s := range members {
			for _, t := range a.trans[s] {
				points.add(t)
			}
			scanned += int64(len(a.trans[s]))
		}
		if err := c.chargeScan(scanned, &charged); err != nil {
			return nil, err
		}
		if points.count == 0 {
			continue
		}
		var ts []ltr
		last := int32(-1)
		for _, pi := range points.sorted() {
			pt := &points.points[pi]
			if len(set.active) > 0 {
				sorted = append(sorted[:0], set.active...)
				slices.Sort(sorted)
				k := keyOf(sorted)
				id, ok := ids[string(k)]
				if !ok {
					id = int32(len(r.accept))
					ids[string(k)] = id
					acc := false
					for _, s := range sorted {
						acc = acc || a.accept[s]
					}
					r.accept = append(r.accept, acc)
					r.trans = append(r.trans, nil)
					queue = append(queue, slices.Clone(sorted))
					if len(r.accept) > maxBuildStates {
						return nil, c.charge(len(r.accept), 0)
					}
				}
				ts = append(ts, ltr{last, pt.point - 1, id})
			}
			for _, d := range pt.ends {
				set.decr(d)
			}
			for _, d := range pt.starts {
				set.incr(d)
			}
			last = pt.point
		}
		ts = finish(ts)
		r.trans[qi] = ts
		ntrans += len(ts)
		if ntrans > maxBuildTransitions {
			return nil, c.charge(0, ntrans)
		}
	}
	c.peakDFA = max(c.peakDFA, r.numStates())
	if err := c.chargeFA(r); err != nil {
		return nil, err
	}
	// The subset construction's own work (not Lucene's bound, only the
	// run's): charged once it succeeded, so Lucene's verdict comes first.
	if err := c.pool.Take(effort); err != nil {
		return nil, err
	}
	return r, nil
}

// freeScan is how many transitions one determinization may examine before
// the examining is charged to the run's pool: far more than any pattern
// of a real mapping needs, so ordinary runs never pay it. A short pattern
// can make the subset construction examine an unbounded number of
// transitions before Lucene's effort limit stops it ("x?{2020}" examines
// about 10^8 to fail); charging them bounds the time such patterns take,
// and an exhausted pool refuses the rest at once (budget.ErrExhausted,
// reported as undecided, never as a Lucene verdict).
const freeScan = 1 << 20

// maxScan bounds the transitions one determinization examines even without
// a pool (a run's pool, 8,000,000 by default, runs out first).
const maxScan = 64 << 20

// chargeScan draws from the pool the transitions examined beyond freeScan
// that were not charged yet.
func (c *ctx) chargeScan(scanned int64, charged *int64) error {
	if scanned > maxScan {
		return &LimitError{What: fmt.Sprintf("a determinization that examines more than %d transitions", maxScan)}
	}
	if over := scanned - freeScan - *charged; over > 0 {
		*charged += over
		return c.pool.Take(over)
	}
	return nil
}
