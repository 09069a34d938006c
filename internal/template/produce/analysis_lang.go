package produce

import (
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// langOp is the operator of a lang node.
type langOp uint8

const (
	lNone langOp = iota // no string at all
	lLit                // one literal string ("" is the empty string)
	lCat                // concatenation of subs
	lAlt                // union of subs
	lStar               // zero or more repetitions of subs[0]
	lAtom               // the values of a variable, encoded
)

// lang is a regular expression over output text whose leaves may be
// variable languages (atoms) known only as automata. Nodes are immutable
// and shared: a lang is a DAG, and consumers memoize by pointer.
type lang struct {
	op   langOp
	lit  string
	subs []*lang
	atom *atom
}

// atom is the text of a variable's values with encoders applied.
type atom struct {
	// text is the language of the raw text (nil: any string).
	text *automaton.Automaton
	// re is a Lucene regular expression for text when one is known
	// (numbers, single characters); "" otherwise.
	re string
	// chain lists the encoders applied to the text, innermost first.
	chain []encoder
	// field is the user model field the values come from ("username",
	// "groups", "metadata.team", ...); "" when none.
	field string
	// use is the index of the template code that writes the text in
	// Variables(), or -1.
	use int
}

var (
	langNothing = &lang{op: lNone}
	langEpsilon = &lang{op: lLit}
)

func litLang(s string) *lang {
	if s == "" {
		return langEpsilon
	}
	return &lang{op: lLit, lit: s}
}

func atomLang(a *atom) *lang { return &lang{op: lAtom, atom: a} }

// catLang concatenates: nothing absorbs, the empty string vanishes and
// adjacent literals merge.
func catLang(xs ...*lang) *lang {
	var out []*lang
	for _, x := range xs {
		switch x.op {
		case lNone:
			return langNothing
		case lLit:
			if x.lit == "" {
				continue
			}
			if n := len(out); n > 0 && out[n-1].op == lLit {
				out[n-1] = litLang(out[n-1].lit + x.lit)
				continue
			}
			out = append(out, x)
		case lCat:
			for _, y := range x.subs {
				if n := len(out); n > 0 && out[n-1].op == lLit && y.op == lLit {
					out[n-1] = litLang(out[n-1].lit + y.lit)
					continue
				}
				out = append(out, y)
			}
		default:
			if n := len(out); n > 0 && anyOf(x) && anyOf(out[n-1]) && slices.Equal(x.atom.chain, out[n-1].atom.chain) {
				// h(Σ*)h(Σ*) = h(Σ*) for an encoding h.
				continue
			}
			out = append(out, x)
		}
	}
	switch len(out) {
	case 0:
		return langEpsilon
	case 1:
		return out[0]
	}
	return &lang{op: lCat, subs: out}
}

// anyOf reports whether x is an atom of any text.
func anyOf(x *lang) bool { return x.op == lAtom && x.atom.text == nil }

// universal reports whether x is known to hold every string.
func (x *lang) universal() bool {
	return x.op == lAtom && x.atom.text == nil && len(x.atom.chain) == 0 ||
		x.op == lStar && x.subs[0].universal()
}

// altLang unites: nothing vanishes, duplicates (same node or same
// literal) are dropped, and a union with every string is every string.
func altLang(xs ...*lang) *lang {
	for _, x := range xs {
		if x.universal() {
			return x
		}
	}
	var out []*lang
	seen := map[*lang]bool{}
	lits := map[string]bool{}
	var add func(x *lang)
	add = func(x *lang) {
		switch x.op {
		case lNone:
			return
		case lAlt:
			for _, y := range x.subs {
				add(y)
			}
			return
		case lLit:
			if lits[x.lit] {
				return
			}
			lits[x.lit] = true
		}
		if seen[x] {
			return
		}
		seen[x] = true
		out = append(out, x)
	}
	for _, x := range xs {
		add(x)
	}
	switch len(out) {
	case 0:
		return langNothing
	case 1:
		return out[0]
	}
	return &lang{op: lAlt, subs: out}
}

// starLang is zero or more repetitions of x.
func starLang(x *lang) *lang {
	switch {
	case x.op == lNone, x.op == lLit && x.lit == "":
		return langEpsilon
	case x.op == lStar, x.universal():
		return x
	}
	if x.op == lAlt {
		// (ε|y)* = y*, and (y*|z)* = (y|z)*.
		var rest []*lang
		changed := false
		for _, y := range x.subs {
			switch {
			case y.op == lLit && y.lit == "":
				changed = true
			case y.op == lStar:
				rest = append(rest, y.subs[0])
				changed = true
			default:
				rest = append(rest, y)
			}
		}
		if changed {
			return starLang(altLang(rest...))
		}
	}
	return &lang{op: lStar, subs: []*lang{x}}
}

// optLang is x or the empty string.
func optLang(x *lang) *lang { return altLang(langEpsilon, x) }

// mapLang rebuilds x bottom-up, replacing every leaf with leaf(x); shared
// nodes are rebuilt once.
func mapLang(x *lang, leaf func(*lang) *lang) *lang {
	memo := map[*lang]*lang{}
	var walk func(x *lang) *lang
	walk = func(x *lang) *lang {
		if r, ok := memo[x]; ok {
			return r
		}
		var r *lang
		switch x.op {
		case lCat, lAlt, lStar:
			subs := make([]*lang, len(x.subs))
			for i, s := range x.subs {
				subs[i] = walk(s)
			}
			switch x.op {
			case lCat:
				r = catLang(subs...)
			case lAlt:
				r = altLang(subs...)
			default:
				r = starLang(subs[0])
			}
		default:
			r = leaf(x)
		}
		memo[x] = r
		return r
	}
	return walk(x)
}

// encodeLang applies an encoder to every string of x: literals are
// encoded, atoms get the encoder appended to their chain (encoders act
// character by character, so encoding commutes with concatenation, union
// and repetition).
func encodeLang(x *lang, e encoder) *lang {
	return mapLang(x, func(l *lang) *lang {
		switch l.op {
		case lLit:
			return litLang(e.apply(l.lit))
		case lAtom:
			a := *l.atom
			a.chain = append(append([]encoder(nil), a.chain...), e)
			return atomLang(&a)
		}
		return l
	})
}
