package automaton

import (
	"slices"
	"strings"
	"unicode"
)

// IsEmpty reports whether the automaton accepts no string at all.
func (a *Automaton) IsEmpty() bool { return a.NumStates() == 0 }

// IsTotal reports whether the automaton accepts every string.
func (a *Automaton) IsTotal() bool {
	d := a.fa()
	if d.numStates() != 1 || !d.accept[0] {
		return false
	}
	return slices.Equal(d.trans[0], anyAutomaton.d.trans[0])
}

// Equal reports whether a and b accept the same language. Automata are
// kept minimal and canonically numbered, so this is a linear comparison.
func (a *Automaton) Equal(b *Automaton) bool {
	x, y := a.fa(), b.fa()
	if !slices.Equal(x.accept, y.accept) {
		return false
	}
	for i := range x.trans {
		if !slices.Equal(x.trans[i], y.trans[i]) {
			return false
		}
	}
	return true
}

// IsFinite reports whether the automaton accepts finitely many strings.
func (a *Automaton) IsFinite() bool {
	d := a.fa()
	n := d.numStates()
	// iterative depth-first search for a cycle (every state is live)
	const (
		white = iota
		grey
		black
	)
	color := make([]uint8, n)
	type frame struct{ s, i int32 }
	for root := 0; root < n; root++ {
		if color[root] != white {
			continue
		}
		stack := []frame{{int32(root), 0}}
		color[root] = grey
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			ts := d.trans[f.s]
			if int(f.i) == len(ts) {
				color[f.s] = black
				stack = stack[:len(stack)-1]
				continue
			}
			to := ts[f.i].to
			f.i++
			switch color[to] {
			case grey:
				return false
			case white:
				color[to] = grey
				stack = append(stack, frame{to, 0})
			}
		}
	}
	return true
}

// countStrings counts the accepted strings of a finite automaton, stopping
// at cap+1.
func (a *Automaton) countStrings(cap int) int {
	d := a.fa()
	n := d.numStates()
	if n == 0 {
		return 0
	}
	memo := make([]int, n)
	done := make([]bool, n)
	sat := func(x int) int { return min(x, cap+1) }
	mul := func(width, count int) int {
		if count > 0 && width > (cap+1)/count {
			return cap + 1
		}
		return width * count
	}
	// post-order over the acyclic graph
	type frame struct{ s, i int32 }
	stack := []frame{{0, 0}}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		ts := d.trans[f.s]
		if int(f.i) < len(ts) {
			to := ts[f.i].to
			f.i++
			if !done[to] {
				stack = append(stack, frame{to, 0})
			}
			continue
		}
		total := 0
		if d.accept[f.s] {
			total = 1
		}
		for _, t := range ts {
			total = sat(total + mul(int(t.hi-t.lo)+1, memo[t.to]))
		}
		memo[f.s] = total
		done[f.s] = true
		stack = stack[:len(stack)-1]
	}
	return memo[0]
}

// Strings returns the accepted strings, in code point order, when the
// language is finite and has at most limit strings.
func (a *Automaton) Strings(limit int) ([]string, bool) {
	if limit < 0 || !a.IsFinite() {
		return nil, false
	}
	limit = min(limit, 1<<40)
	if a.countStrings(limit) > limit {
		return nil, false
	}
	d := a.fa()
	var out []string
	if d.numStates() == 0 {
		return out, true
	}
	// iterative depth-first walk; frame i is at state path[i] and will
	// next try transition ti[i] on character ch[i]
	type frame struct {
		s, ti int32
		ch    rune
	}
	var prefix []rune
	stack := []frame{{0, 0, -1}}
	if d.accept[0] {
		out = append(out, "")
	}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		ts := d.trans[f.s]
		if int(f.ti) == len(ts) {
			stack = stack[:len(stack)-1]
			if len(prefix) > 0 {
				prefix = prefix[:len(prefix)-1]
			}
			continue
		}
		t := ts[f.ti]
		if f.ch < t.lo {
			f.ch = t.lo
		} else {
			f.ch++
		}
		if f.ch >= t.hi {
			f.ti++
		}
		c := f.ch
		if f.ch >= t.hi {
			f.ch = -1
		}
		prefix = append(prefix, c)
		if d.accept[t.to] {
			out = append(out, string(prefix))
		}
		stack = append(stack, frame{t.to, 0, -1})
	}
	return out, true
}

// IsLiteral reports whether the automaton accepts exactly one string, and
// returns it.
func (a *Automaton) IsLiteral() (string, bool) {
	ss, ok := a.Strings(1)
	if !ok || len(ss) != 1 {
		return "", false
	}
	return ss[0], true
}

// pickChar picks the character of lo..hi to show in a witness, with its
// rank; it orders characters: lower letters, digits, upper
// letters, common punctuation, other printable ASCII, space, other
// printable characters, anything else.
func pickChar(lo, hi int32) (rune, int) {
	tryRange := func(a, b int32) (rune, bool) {
		if hi < a || lo > b {
			return 0, false
		}
		return max(lo, a), true
	}
	ranges := [][2]int32{{'a', 'z'}, {'0', '9'}, {'A', 'Z'}}
	for i, r := range ranges {
		if c, ok := tryRange(r[0], r[1]); ok {
			return c, i
		}
	}
	for _, c := range "._-@" {
		if lo <= c && c <= hi {
			return c, 3
		}
	}
	if c, ok := tryRange('!', '~'); ok {
		return c, 4
	}
	if c, ok := tryRange(' ', ' '); ok {
		return c, 5
	}
	for c, n := max(lo, 0x80), 0; c <= hi && n < 512; c, n = c+1, n+1 {
		if unicode.IsPrint(c) {
			return c, 6
		}
	}
	return lo, 7
}

// Witness returns a shortest accepted string, preferring printable ASCII
// characters where there is a choice; ok is false for the empty language.
func (a *Automaton) Witness() (string, bool) {
	d := a.fa()
	n := d.numStates()
	if n == 0 {
		return "", false
	}
	type step struct {
		from int32
		c    rune
		rank int
	}
	prev := make([]step, n)
	seen := make([]bool, n)
	seen[0] = true
	level := []int32{0}
	found := int32(-1)
	if d.accept[0] {
		found = 0
	}
	for found < 0 && len(level) > 0 {
		// candidates for the next level, best character first
		type cand struct {
			to   int32
			from int32
			c    rune
			rank int
			ord  int
		}
		var cands []cand
		for i, s := range level {
			for _, t := range d.trans[s] {
				if seen[t.to] {
					continue
				}
				c, rank := pickChar(t.lo, t.hi)
				cands = append(cands, cand{t.to, s, c, rank, i})
			}
		}
		slices.SortStableFunc(cands, func(x, y cand) int {
			if x.ord != y.ord {
				return x.ord - y.ord
			}
			return x.rank - y.rank
		})
		var next []int32
		for _, cd := range cands {
			if seen[cd.to] {
				continue
			}
			seen[cd.to] = true
			prev[cd.to] = step{cd.from, cd.c, cd.rank}
			next = append(next, cd.to)
			if found < 0 && d.accept[cd.to] {
				found = cd.to
			}
		}
		level = next
	}
	var rs []rune
	for s := found; s != 0; s = prev[s].from {
		rs = append(rs, prev[s].c)
	}
	slices.Reverse(rs)
	var b strings.Builder
	for _, c := range rs {
		b.WriteRune(c)
	}
	return b.String(), true
}
