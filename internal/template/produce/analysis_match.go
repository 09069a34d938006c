package produce

import (
	"math/bits"
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// maxRoleRunes bounds the role names CanProduce decides.
const maxRoleRunes = 256

// bitset is a set of positions in the role name.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+64)/64) }

func (b bitset) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func (b bitset) set(i int)      { b[i>>6] |= 1 << (i & 63) }

func (b bitset) or(o bitset) {
	for i := range b {
		b[i] |= o[i]
	}
}

func (b bitset) intersects(o bitset) bool {
	for i := range b {
		if b[i]&o[i] != 0 {
			return true
		}
	}
	return false
}

func (b bitset) each(f func(i int)) {
	for w, x := range b {
		for x != 0 {
			t := bits.TrailingZeros64(x)
			f(w*64 + t)
			x &= x - 1
		}
	}
}

// rel relates start positions to end positions in the role name: j is in
// rel[i] when a string of the language spells role[i:j].
type rel []bitset

// matcher decides whether one role name is in a lang: exactly for atoms
// (a variable spells role[i:j] when decoding role[i:j] gives one of its
// values), by dynamic programming over positions.
type matcher struct {
	ctx  *langCtx
	role []rune
	memo map[*lang]rel
	adm  map[admKey]rel
}

type admKey struct {
	text  *automaton.Automaton
	chain string
}

func newMatcher(ctx *langCtx, role string) *matcher {
	return &matcher{ctx: ctx, role: []rune(role), memo: map[*lang]rel{}, adm: map[admKey]rel{}}
}

func (m *matcher) newRel() rel {
	n := len(m.role)
	r := make(rel, n+1)
	for i := range r {
		r[i] = newBitset(n + 1)
	}
	return r
}

// matches reports whether the whole role name is in l.
func (m *matcher) matches(l *lang) (bool, error) {
	r, err := m.rel(l)
	if err != nil {
		return false, err
	}
	return r[0].has(len(m.role)), nil
}

func (m *matcher) rel(l *lang) (rel, error) {
	if r, ok := m.memo[l]; ok {
		return r, nil
	}
	if err := m.ctx.step(); err != nil {
		return nil, err
	}
	n := len(m.role)
	var out rel
	switch l.op {
	case lNone:
		out = m.newRel()
	case lLit:
		out = m.newRel()
		lit := []rune(l.lit)
		for i := 0; i+len(lit) <= n; i++ {
			if slices.Equal(m.role[i:i+len(lit)], lit) {
				out[i].set(i + len(lit))
			}
		}
	case lAtom:
		var err error
		if out, err = m.atomRel(l.atom); err != nil {
			return nil, err
		}
	case lCat:
		var err error
		out, err = m.rel(l.subs[0])
		if err != nil {
			return nil, err
		}
		for _, s := range l.subs[1:] {
			r, err := m.rel(s)
			if err != nil {
				return nil, err
			}
			out = m.compose(out, r)
		}
	case lAlt:
		out = m.newRel()
		for _, s := range l.subs {
			r, err := m.rel(s)
			if err != nil {
				return nil, err
			}
			for i := range out {
				out[i].or(r[i])
			}
		}
	case lStar:
		r, err := m.rel(l.subs[0])
		if err != nil {
			return nil, err
		}
		out = m.closure(r)
	}
	m.memo[l] = out
	return out, nil
}

func (m *matcher) compose(a, b rel) rel {
	out := m.newRel()
	for i := range a {
		a[i].each(func(j int) { out[i].or(b[j]) })
	}
	return out
}

// closure is the reflexive-transitive closure; relations only move
// forward, so it is built from the last position down.
func (m *matcher) closure(r rel) rel {
	out := m.newRel()
	for i := len(r) - 1; i >= 0; i-- {
		out[i].set(i)
		r[i].each(func(j int) {
			if j > i {
				out[i].or(out[j])
			}
		})
	}
	return out
}

// atomRel relates i to j when some value of the atom, encoded, is
// role[i:j].
func (m *matcher) atomRel(a *atom) (rel, error) {
	k := admKey{a.text, chainKey(a.chain)}
	if r, ok := m.adm[k]; ok {
		return r, nil
	}
	out := m.newRel()
	var err error
	for i := 0; i <= len(m.role) && err == nil; i++ {
		m.decodings(a.chain, i, func(j int, v func() string) {
			if err != nil {
				return
			}
			if a.text == nil {
				out[i].set(j)
				return
			}
			if err = m.ctx.step(); err == nil && a.text.Match(v()) {
				out[i].set(j)
			}
		})
	}
	if err != nil {
		return nil, err
	}
	m.adm[k] = out
	return out, nil
}

// decodings calls f for every j >= i such that role[i:j] is the encoding
// of some raw text v, in increasing j. Both encoders write each character
// as a fixed unit, so the units starting at i are read one by one.
func (m *matcher) decodings(chain []encoder, i int, f func(j int, v func() string)) {
	role := m.role
	if len(chain) == 0 {
		for j := i; j <= len(role); j++ {
			f(j, func() string { return string(role[i:j]) })
		}
		return
	}
	// One incremental decoder per encoder, outermost first; each feeds
	// the characters it decodes to the next.
	bufs := make([][]rune, len(chain))
	var out []rune
	var feed func(k int, r rune) bool
	feed = func(k int, r rune) bool {
		e := chain[len(chain)-1-k]
		bufs[k] = append(bufs[k], r)
		for len(bufs[k]) > 0 {
			c, n := e.decodeUnit(bufs[k])
			if n == 0 {
				return e.unitPrefix(bufs[k])
			}
			bufs[k] = bufs[k][n:]
			if k+1 < len(chain) {
				if !feed(k+1, c) {
					return false
				}
			} else {
				out = append(out, c)
			}
		}
		return true
	}
	value := func() string { return string(out) }
	f(i, value)
	for j := i; j < len(role); j++ {
		if !feed(0, role[j]) {
			return
		}
		complete := true
		for _, b := range bufs {
			complete = complete && len(b) == 0
		}
		if complete {
			f(j+1, value)
		}
	}
}

// candidate is a value a variable may take for the role name to come out.
type candidate struct {
	field string
	value string
	use   int
}

// candidates lists, for the atoms on the paths that spell the whole role
// name, the raw values they contribute, longest first.
func (m *matcher) candidates(l *lang) ([]candidate, error) {
	n := len(m.role)
	in, out := newBitset(n+1), newBitset(n+1)
	in.set(0)
	out.set(n)
	seen := map[candidate]bool{}
	var found []candidate
	var walk func(l *lang, in, out bitset) error
	walk = func(l *lang, in, out bitset) error {
		if err := m.ctx.step(); err != nil {
			return err
		}
		switch l.op {
		case lAtom:
			if l.atom.field == "" {
				return nil
			}
			a := l.atom
			in.each(func(i int) {
				m.decodings(a.chain, i, func(j int, value func() string) {
					if !out.has(j) {
						return
					}
					v := value()
					if a.text != nil && !a.text.Match(v) {
						return
					}
					c := candidate{field: a.field, value: v, use: a.use}
					if !seen[c] {
						seen[c] = true
						found = append(found, c)
					}
				})
			})
		case lAlt:
			for _, s := range l.subs {
				if err := walk(s, in, out); err != nil {
					return err
				}
			}
		case lStar:
			r, err := m.rel(l)
			if err != nil {
				return err
			}
			return walk(l.subs[0], m.image(in, r), m.preimage(out, r))
		case lCat:
			rels := make([]rel, len(l.subs))
			for k, s := range l.subs {
				r, err := m.rel(s)
				if err != nil {
					return err
				}
				rels[k] = r
			}
			ins := make([]bitset, len(l.subs))
			ins[0] = in
			for k := 1; k < len(l.subs); k++ {
				ins[k] = m.image(ins[k-1], rels[k-1])
			}
			outs := make([]bitset, len(l.subs))
			outs[len(l.subs)-1] = out
			for k := len(l.subs) - 2; k >= 0; k-- {
				outs[k] = m.preimage(outs[k+1], rels[k+1])
			}
			for k, s := range l.subs {
				if err := walk(s, ins[k], outs[k]); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(l, in, out); err != nil {
		return nil, err
	}
	slices.SortStableFunc(found, func(a, b candidate) int { return len(b.value) - len(a.value) })
	return found, nil
}

func (m *matcher) image(s bitset, r rel) bitset {
	out := newBitset(len(m.role) + 1)
	s.each(func(i int) { out.or(r[i]) })
	return out
}

func (m *matcher) preimage(t bitset, r rel) bitset {
	out := newBitset(len(m.role) + 1)
	for i := range r {
		if r[i].intersects(t) {
			out.set(i)
		}
	}
	return out
}
