package automaton

import (
	"encoding/binary"
	"slices"
)

// maxValmariTransitions bounds the per-class transition list the Valmari
// minimizer builds; larger automata use the slower but compact Moore
// refinement. It is a variable so tests can force the fallback.
var maxValmariTransitions = 4 << 20

// alphabet partitions the code points into the classes an automaton cannot
// tell apart: class i is points[i] .. points[i+1]-1 (the last class ends at
// maxCodePoint).
type alphabet struct{ points []int32 }

func newAlphabet(a *fa) alphabet {
	pts := []int32{0}
	for _, ts := range a.trans {
		for _, t := range ts {
			pts = append(pts, t.lo)
			if t.hi < maxCodePoint {
				pts = append(pts, t.hi+1)
			}
		}
	}
	slices.Sort(pts)
	return alphabet{points: slices.Compact(pts)}
}

func (al alphabet) class(c int32) int {
	i, found := slices.BinarySearch(al.points, c)
	if found {
		return i
	}
	return i - 1
}

// minimizeDFA returns the minimal deterministic automaton for the language
// of the deterministic automaton d, without dead states and with states
// numbered in canonical (breadth-first) order, so that two automata for the
// same language are identical. An empty language gives zero states.
func minimizeDFA(d *fa) *fa {
	t := removeDeadStates(d)
	if t.numStates() == 0 {
		return &fa{}
	}
	block := valmariBlocks(t)
	if block == nil {
		block = mooreBlocks(t)
	}
	nb := int32(0)
	for _, b := range block {
		nb = max(nb, b+1)
	}
	q := &fa{accept: make([]bool, nb), trans: make([][]ltr, nb)}
	done := make([]bool, nb)
	for s, b := range block {
		if done[b] {
			continue
		}
		done[b] = true
		q.accept[b] = t.accept[s]
		ts := make([]ltr, len(t.trans[s]))
		for i, tr := range t.trans[s] {
			ts[i] = ltr{tr.lo, tr.hi, block[tr.to]}
		}
		q.trans[b] = finish(ts)
	}
	return canonical(q, block[0])
}

// canonical renumbers the states of a deterministic automaton in
// breadth-first order from start, visiting transitions by label.
func canonical(a *fa, start int32) *fa {
	n := a.numStates()
	m := make([]int32, n)
	for i := range m {
		m[i] = -1
	}
	order := []int32{start}
	m[start] = 0
	for i := 0; i < len(order); i++ {
		for _, t := range a.trans[order[i]] {
			if m[t.to] < 0 {
				m[t.to] = int32(len(order))
				order = append(order, t.to)
			}
		}
	}
	r := &fa{accept: make([]bool, len(order)), trans: make([][]ltr, len(order))}
	for i, s := range order {
		r.accept[i] = a.accept[s]
		ts := make([]ltr, len(a.trans[s]))
		for j, t := range a.trans[s] {
			ts[j] = ltr{t.lo, t.hi, m[t.to]}
		}
		r.trans[i] = ts
	}
	return r
}

// refinable is the refinable partition of Valmari and Lehtinen, "Efficient
// minimization of DFAs with partial transition functions" (STACS 2008).
type refinable struct {
	z          int32
	e, l, s    []int32 // elements, their locations, their sets
	f, p, mark []int32 // set first, past and marked counts
	touched    []int32
}

func newRefinable(n int) *refinable {
	r := &refinable{e: make([]int32, n), l: make([]int32, n), s: make([]int32, n),
		f: make([]int32, n+1), p: make([]int32, n+1), mark: make([]int32, n+1)}
	for i := range r.e {
		r.e[i], r.l[i] = int32(i), int32(i)
	}
	if n > 0 {
		r.z = 1
		r.p[0] = int32(n)
	}
	return r
}

func (r *refinable) markElem(e int32) {
	s := r.s[e]
	i := r.l[e]
	j := r.f[s] + r.mark[s]
	r.e[i] = r.e[j]
	r.l[r.e[i]] = i
	r.e[j] = e
	r.l[e] = j
	if r.mark[s] == 0 {
		r.touched = append(r.touched, s)
	}
	r.mark[s]++
}

func (r *refinable) split() {
	for len(r.touched) > 0 {
		s := r.touched[len(r.touched)-1]
		r.touched = r.touched[:len(r.touched)-1]
		j := r.f[s] + r.mark[s]
		if j == r.p[s] {
			r.mark[s] = 0
			continue
		}
		z := r.z
		if r.mark[s] <= r.p[s]-j {
			r.f[z] = r.f[s]
			r.p[z] = j
			r.f[s] = j
		} else {
			r.p[z] = r.p[s]
			r.f[z] = j
			r.p[s] = j
		}
		for i := r.f[z]; i < r.p[z]; i++ {
			r.s[r.e[i]] = z
		}
		r.mark[s], r.mark[z] = 0, 0
		r.z++
	}
}

// valmariBlocks computes the equivalence classes of the states of a trim
// deterministic automaton, or returns nil when the per-class transition
// list would be too large.
func valmariBlocks(a *fa) []int32 {
	n := a.numStates()
	al := newAlphabet(a)
	m := 0
	for _, ts := range a.trans {
		for _, t := range ts {
			m += al.class(t.hi) - al.class(t.lo) + 1
			if m > maxValmariTransitions {
				return nil
			}
		}
	}
	tail := make([]int32, 0, m)
	label := make([]int32, 0, m)
	head := make([]int32, 0, m)
	for s, ts := range a.trans {
		for _, t := range ts {
			for cl := al.class(t.lo); cl <= al.class(t.hi); cl++ {
				tail = append(tail, int32(s))
				label = append(label, int32(cl))
				head = append(head, t.to)
			}
		}
	}
	blocks := newRefinable(n)
	for s, acc := range a.accept {
		if acc {
			blocks.markElem(int32(s))
		}
	}
	blocks.split()

	cords := newRefinable(m)
	if m > 0 {
		sortByLabel(cords.e, label, len(al.points))
		cords.z = 0
		cur := label[cords.e[0]]
		for i, t := range cords.e {
			if label[t] != cur {
				cur = label[t]
				cords.p[cords.z] = int32(i)
				cords.z++
				cords.f[cords.z] = int32(i)
			}
			cords.s[t] = cords.z
			cords.l[t] = int32(i)
		}
		cords.p[cords.z] = int32(m)
		cords.z++
	}

	// incoming transitions per state
	adjStart := make([]int32, n+1)
	for _, h := range head {
		adjStart[h+1]++
	}
	for i := 0; i < n; i++ {
		adjStart[i+1] += adjStart[i]
	}
	adj := make([]int32, m)
	fill := slices.Clone(adjStart[:n])
	for t, h := range head {
		adj[fill[h]] = int32(t)
		fill[h]++
	}

	b, c := int32(1), int32(0)
	for c < cords.z {
		for i := cords.f[c]; i < cords.p[c]; i++ {
			blocks.markElem(tail[cords.e[i]])
		}
		blocks.split()
		c++
		for b < blocks.z {
			for i := blocks.f[b]; i < blocks.p[b]; i++ {
				q := blocks.e[i]
				for _, t := range adj[adjStart[q]:adjStart[q+1]] {
					cords.markElem(t)
				}
			}
			cords.split()
			b++
		}
	}
	return slices.Clone(blocks.s)
}

// mooreBlocks computes the equivalence classes of the states of a trim
// deterministic automaton by Moore's partition refinement on ranges.
func mooreBlocks(a *fa) []int32 {
	n := a.numStates()
	block := make([]int32, n)
	count := int32(1)
	for s, acc := range a.accept {
		if acc {
			block[s] = 1
		}
	}
	if slices.Contains(a.accept, true) && slices.Contains(a.accept, false) {
		count = 2
	} else {
		for s := range block {
			block[s] = 0
		}
	}
	next := make([]int32, n)
	var key []byte
	for {
		ids := make(map[string]int32, count)
		for s, ts := range a.trans {
			key = binary.LittleEndian.AppendUint32(key[:0], uint32(block[s]))
			var lastHi, lastTo int32 = -2, -1
			for _, t := range ts {
				to := block[t.to]
				if t.lo == lastHi+1 && to == lastTo {
					// extend the previous range: rewrite its hi
					binary.LittleEndian.PutUint32(key[len(key)-8:], uint32(t.hi))
				} else {
					key = binary.LittleEndian.AppendUint32(key, uint32(t.lo))
					key = binary.LittleEndian.AppendUint32(key, uint32(t.hi))
					key = binary.LittleEndian.AppendUint32(key, uint32(to))
				}
				lastHi, lastTo = t.hi, to
			}
			id, ok := ids[string(key)]
			if !ok {
				id = int32(len(ids))
				ids[string(key)] = id
			}
			next[s] = id
		}
		block, next = next, block
		if int32(len(ids)) == count {
			return block
		}
		count = int32(len(ids))
	}
}

// sortByLabel orders the transitions e (initially 0..len-1) by label,
// stably, with a counting sort: labels are alphabet classes below classes.
func sortByLabel(e, label []int32, classes int) {
	start := make([]int32, classes+1)
	for _, l := range label {
		start[l+1]++
	}
	for i := 1; i <= classes; i++ {
		start[i] += start[i-1]
	}
	for t := range label {
		e[start[label[t]]] = int32(t)
		start[label[t]]++
	}
}
