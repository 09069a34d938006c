package automaton

import "github.com/rolemap-lint/rolemap-lint/internal/budget"

// DefaultMaxStates is the state budget of set operations when Ops.MaxStates
// is zero.
const DefaultMaxStates = 100_000

// Ops runs set operations under a state budget: an operation whose product
// automaton would need more than MaxStates states stops and returns a
// *BudgetError (errors.Is(err, ErrBudget)). The zero value uses
// DefaultMaxStates.
type Ops struct {
	// MaxStates bounds the states explored by one operation.
	MaxStates int
	// Pool, when set, is charged one unit per state explored, so that a
	// run's operations share one bound; an operation that finds it empty
	// fails with its *budget.Error (errors.Is(err, budget.ErrExhausted)).
	Pool *budget.Pool
}

// poolChunk is how many states are charged to the pool at a time.
const poolChunk = 256

func (o Ops) budget() int {
	if o.MaxStates <= 0 {
		return DefaultMaxStates
	}
	return o.MaxStates
}

type prodMode uint8

const (
	prodIntersect prodMode = iota
	prodUnion
	prodMinus
)

// segments calls f for every maximal code point range on which the
// transition lists x and y (sorted, disjoint) lead to fixed destinations;
// -1 stands for "no transition".
func segments(x, y []ltr, f func(lo, hi, dx, dy int32)) {
	i, j := 0, 0
	for cur := int32(0); cur <= maxCodePoint; {
		for i < len(x) && x[i].hi < cur {
			i++
		}
		for j < len(y) && y[j].hi < cur {
			j++
		}
		dx, endx := int32(-1), int32(maxCodePoint)
		if i < len(x) {
			if x[i].lo <= cur {
				dx, endx = x[i].to, x[i].hi
			} else {
				endx = x[i].lo - 1
			}
		}
		dy, endy := int32(-1), int32(maxCodePoint)
		if j < len(y) {
			if y[j].lo <= cur {
				dy, endy = y[j].to, y[j].hi
			} else {
				endy = y[j].lo - 1
			}
		}
		end := min(endx, endy)
		if dx >= 0 || dy >= 0 {
			f(cur, end, dx, dy)
		}
		if i >= len(x) && j >= len(y) {
			return
		}
		cur = end + 1
	}
}

// product builds the product automaton of two deterministic automata;
// state -1 is the implicit dead state of either side.
func product(x, y *fa, mode prodMode, maxStates int, pool *budget.Pool, op string) (*fa, error) {
	type pair struct{ p, q int32 }
	start := pair{-1, -1}
	if x.numStates() > 0 {
		start.p = 0
	}
	if y.numStates() > 0 {
		start.q = 0
	}
	acc := func(pr pair) bool {
		ax := pr.p >= 0 && x.accept[pr.p]
		ay := pr.q >= 0 && y.accept[pr.q]
		switch mode {
		case prodIntersect:
			return ax && ay
		case prodUnion:
			return ax || ay
		}
		return ax && !ay
	}
	alive := func(pr pair) bool {
		switch mode {
		case prodIntersect:
			return pr.p >= 0 && pr.q >= 0
		case prodUnion:
			return pr.p >= 0 || pr.q >= 0
		}
		return pr.p >= 0
	}
	r := &fa{}
	if !alive(start) {
		return r, nil
	}
	ids := map[pair]int32{start: 0}
	queue := []pair{start}
	var err error
	for k := 0; k < len(queue) && err == nil; k++ {
		cur := queue[k]
		r.accept = append(r.accept, acc(cur))
		var xs, ys []ltr
		if cur.p >= 0 {
			xs = x.trans[cur.p]
		}
		if cur.q >= 0 {
			ys = y.trans[cur.q]
		}
		var ts []ltr
		segments(xs, ys, func(lo, hi, dx, dy int32) {
			to := pair{dx, dy}
			if err != nil || !alive(to) {
				return
			}
			id, ok := ids[to]
			if !ok {
				if len(queue) >= maxStates {
					err = &BudgetError{Op: op, MaxStates: maxStates}
					return
				}
				id = int32(len(queue))
				ids[to] = id
				queue = append(queue, to)
				if len(queue)%poolChunk == 0 {
					err = pool.Take(poolChunk)
				}
			}
			ts = append(ts, ltr{lo, hi, id})
		})
		r.trans = append(r.trans, finish(ts))
	}
	if err == nil {
		err = pool.Take(int64(len(queue) % poolChunk))
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (o Ops) combine(a, b *Automaton, mode prodMode, op string) (*Automaton, error) {
	if err := o.Pool.Exhausted(); err != nil {
		return nil, err
	}
	p, err := product(a.fa(), b.fa(), mode, o.budget(), o.Pool, op)
	if err != nil {
		return nil, err
	}
	return newAutomaton(minimizeDFA(p)), nil
}

// Intersect returns the automaton accepting the strings both accept.
func (o Ops) Intersect(a, b *Automaton) (*Automaton, error) {
	return o.combine(a, b, prodIntersect, "intersection")
}

// Minus returns the automaton accepting the strings a accepts and b does not.
func (o Ops) Minus(a, b *Automaton) (*Automaton, error) {
	return o.combine(a, b, prodMinus, "difference")
}

// Union returns the automaton accepting the strings any of as accepts.
func (o Ops) Union(as ...*Automaton) (*Automaton, error) {
	acc := Empty()
	for _, a := range as {
		var err error
		if acc, err = o.combine(acc, a, prodUnion, "union"); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// SubsetOf reports whether every string a accepts is accepted by b.
func (o Ops) SubsetOf(a, b *Automaton) (bool, error) {
	x, y := a.fa(), b.fa()
	if x.numStates() == 0 {
		return true, nil
	}
	if y.numStates() == 0 {
		return false, nil
	}
	if err := o.Pool.Exhausted(); err != nil {
		return false, err
	}
	type pair struct{ p, q int32 }
	maxStates := o.budget()
	seen := map[pair]bool{{0, 0}: true}
	queue := []pair{{0, 0}}
	subset := true
	var err error
	for k := 0; k < len(queue) && subset && err == nil; k++ {
		cur := queue[k]
		if x.accept[cur.p] && !y.accept[cur.q] {
			return false, nil
		}
		segments(x.trans[cur.p], y.trans[cur.q], func(lo, hi, dx, dy int32) {
			if !subset || err != nil || dx < 0 {
				return
			}
			if dy < 0 {
				// every state of a is live: a accepts something b cannot
				subset = false
				return
			}
			to := pair{dx, dy}
			if seen[to] {
				return
			}
			if len(queue) >= maxStates {
				err = &BudgetError{Op: "subset test", MaxStates: maxStates}
				return
			}
			seen[to] = true
			queue = append(queue, to)
			if len(queue)%poolChunk == 0 {
				err = o.Pool.Take(poolChunk)
			}
		})
	}
	if err == nil {
		err = o.Pool.Take(int64(len(queue) % poolChunk))
	}
	if err != nil {
		return false, err
	}
	return subset, nil
}

// Intersect returns the automaton accepting the strings both a and b
// accept, within DefaultMaxStates.
func Intersect(a, b *Automaton) (*Automaton, error) { return Ops{}.Intersect(a, b) }

// Union returns the automaton accepting the strings any of as accepts,
// within DefaultMaxStates.
func Union(as ...*Automaton) (*Automaton, error) { return Ops{}.Union(as...) }

// Minus returns the automaton accepting the strings a accepts and b does
// not, within DefaultMaxStates.
func Minus(a, b *Automaton) (*Automaton, error) { return Ops{}.Minus(a, b) }

// SubsetOf reports whether every string a accepts is accepted by b, within
// DefaultMaxStates.
func (a *Automaton) SubsetOf(b *Automaton) (bool, error) { return Ops{}.SubsetOf(a, b) }

// Complement returns the automaton accepting exactly the strings a rejects.
// It needs no budget: the result has at most one state more than a.
func Complement(a *Automaton) *Automaton {
	d := a.fa()
	n := d.numStates()
	if n == 0 {
		return Any()
	}
	dead := int32(n)
	r := &fa{accept: make([]bool, n+1), trans: make([][]ltr, n+1)}
	for i := 0; i < n; i++ {
		r.accept[i] = !d.accept[i]
	}
	r.accept[dead] = true
	gaps := func(ts []ltr) []ltr {
		var out []ltr
		next := int32(0)
		fill := func(lo, hi int32) {
			// the dead state covers lo..hi except the surrogates
			if lo < surrogateMin {
				out = append(out, ltr{lo, min(hi, surrogateMin-1), dead})
			}
			if hi > surrogateMax {
				out = append(out, ltr{max(lo, surrogateMax+1), hi, dead})
			}
		}
		for _, t := range ts {
			if t.lo > next {
				fill(next, t.lo-1)
			}
			out = append(out, t)
			next = t.hi + 1
		}
		if next <= maxCodePoint {
			fill(next, maxCodePoint)
		}
		return finish(out)
	}
	for i := 0; i < n; i++ {
		r.trans[i] = gaps(d.trans[i])
	}
	r.trans[dead] = gaps(nil)
	return newAutomaton(minimizeDFA(r))
}
