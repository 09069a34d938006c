package produce

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// Bounds of the analysis.
const (
	// maxRegexBytes bounds the regular expression built for a template's
	// role language.
	maxRegexBytes = 1 << 20
	// maxFiniteStrings is the size up to which a variable's finite
	// language is spelled out string by string.
	maxFiniteStrings = 64
	// maxLangSteps bounds the work on languages (summaries, matching).
	maxLangSteps = 2_000_000
)

// LimitError reports that analyzing a template needs more work than the
// analysis allows; the answer is unknown. It wraps automaton.ErrBudget.
type LimitError struct {
	// What says which bound was hit.
	What string
}

// Error describes the bound.
func (e *LimitError) Error() string { return "role template analysis: " + e.What }

// Unwrap returns automaton.ErrBudget.
func (e *LimitError) Unwrap() error { return automaton.ErrBudget }

// langCtx carries the bounds and caches of one analysis.
type langCtx struct {
	ops   automaton.Ops
	steps int
	may   map[mayKey]bool
	hulls map[*automaton.Automaton]hull
	keeps map[keepKey]bool
	res   map[string]*automaton.Automaton
}

type mayKey struct {
	text  *automaton.Automaton
	chain string
	chars string
}

type keepKey struct {
	text *automaton.Automaton
	e    encoder
}

// hull over-approximates an infinite language as prefix·Σ*·suffix.
type hull struct {
	prefix, suffix string
}

func newLangCtx(ops automaton.Ops) *langCtx {
	return &langCtx{ops: ops, may: map[mayKey]bool{}, hulls: map[*automaton.Automaton]hull{}, keeps: map[keepKey]bool{},
		res: map[string]*automaton.Automaton{}}
}

func (c *langCtx) step() error {
	c.steps++
	if c.steps > maxLangSteps {
		return &LimitError{What: "the template's languages need more than " + fmt.Sprint(maxLangSteps) + " steps"}
	}
	if c.steps%poolChunk == 0 {
		// the run's automaton pool bounds the analyses of all templates
		return c.ops.Pool.Take(poolChunk)
	}
	return nil
}

// poolChunk is how many analysis steps are charged to the run's pool at a
// time.
const poolChunk = 256

// compile compiles a regular expression this analysis built.
func (c *langCtx) compile(re string) (*automaton.Automaton, error) {
	if a, ok := c.res[re]; ok {
		return a, nil
	}
	a, err := c.compileNew(re)
	if err == nil {
		c.res[re] = a
	}
	return a, err
}

func (c *langCtx) compileNew(re string) (*automaton.Automaton, error) {
	budget := c.ops.MaxStates
	if budget <= 0 {
		budget = automaton.DefaultMaxStates
	}
	limit := max(budget, automaton.DefaultWorkLimit)
	a, err := automaton.CompileRegexp(re, automaton.Options{WorkLimit: limit})
	if err != nil {
		var se *automaton.SyntaxError
		if errors.As(err, &se) {
			// A bug in this package's regex writer, not a user error.
			return nil, fmt.Errorf("role template analysis: internal regular expression %q: %w", re, err)
		}
		return nil, &LimitError{What: "the template's role language is too complex (" + err.Error() + ")"}
	}
	return a, nil
}

func chainKey(chain []encoder) string {
	b := make([]byte, len(chain))
	for i, e := range chain {
		b[i] = byte('0' + e)
	}
	return string(b)
}

// rawMay reports whether some string of text contains one of chars.
func (c *langCtx) rawMay(text *automaton.Automaton, chars string) (bool, error) {
	if chars == "" {
		return false, nil
	}
	if text == nil {
		return true, nil
	}
	var cls strings.Builder
	cls.WriteString("[^")
	for _, r := range chars {
		cls.WriteByte('\\')
		cls.WriteRune(r)
	}
	cls.WriteString("]*")
	without, err := c.compile(cls.String())
	if err != nil {
		return false, err
	}
	sub, err := c.ops.SubsetOf(text, without)
	if err != nil {
		return false, &LimitError{What: err.Error()}
	}
	return !sub, nil
}

// mayContain reports whether an atom's encoded text may contain one of
// chars. It knows what the encoders write for the characters the JSON
// lexer cares about: '"', '\', '/', '*' and newline.
func (c *langCtx) mayContain(a *atom, chars string) (bool, error) {
	return c.outputMay(a.text, a.chain, chars)
}

func (c *langCtx) outputMay(text *automaton.Automaton, chain []encoder, chars string) (bool, error) {
	k := mayKey{text, chainKey(chain), chars}
	if v, ok := c.may[k]; ok {
		return v, nil
	}
	var v bool
	var err error
	if len(chain) == 0 {
		v, err = c.rawMay(text, chars)
	} else {
		outer, inner := chain[len(chain)-1], chain[:len(chain)-1]
		var need strings.Builder
		conservative := false
		for _, r := range chars {
			switch {
			case outer == encJSON && r == '\\':
				need.WriteString("\"\\\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f")
			case outer == encJSON && (r == '"' || r == '/' || r == '*'):
				need.WriteRune(r)
			case outer == encJSON && r == '\n':
			case outer == encURL && r == '*':
				need.WriteRune(r)
			case outer == encURL && (r == '"' || r == '\\' || r == '/' || r == '\n'):
			default:
				conservative = true
			}
		}
		if conservative {
			v = text == nil || !text.IsEmpty()
		} else {
			v, err = c.outputMay(text, inner, need.String())
		}
	}
	if err != nil {
		return false, err
	}
	c.may[k] = v
	return v, nil
}

// onlyEmpty reports whether an atom's text is always empty.
func (c *langCtx) onlyEmpty(a *atom) (bool, error) {
	if a.text == nil {
		return false, nil
	}
	w, ok := a.text.IsLiteral()
	return a.text.IsEmpty() || (ok && w == ""), nil
}

// keeps reports whether an encoder leaves every string of text unchanged.
func (c *langCtx) keepsAll(text *automaton.Automaton, e encoder) (bool, error) {
	if text == nil {
		return false, nil
	}
	k := keepKey{text, e}
	if v, ok := c.keeps[k]; ok {
		return v, nil
	}
	cls, err := c.compile("[" + e.keepSet() + "]*")
	if err != nil {
		return false, err
	}
	v, err := c.ops.SubsetOf(text, cls)
	if err != nil {
		return false, &LimitError{What: err.Error()}
	}
	c.keeps[k] = v
	return v, nil
}

// identity reports whether an atom's chain leaves its text unchanged.
func (c *langCtx) identity(a *atom) (bool, error) {
	for _, e := range a.chain {
		ok, err := c.keepsAll(a.text, e)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// automaton builds an automaton for a superset of l's language. Unions
// and atoms whose encoders leave them unchanged are built exactly (the
// union of automata is an automaton operation); the rest goes through a
// regular expression, where infinite atoms are widened to their hull.
func (c *langCtx) automaton(l *lang) (*automaton.Automaton, error) {
	if err := c.step(); err != nil {
		return nil, err
	}
	switch l.op {
	case lNone:
		return automaton.Empty(), nil
	case lLit:
		return automaton.Literal(l.lit), nil
	case lAlt:
		parts := make([]*automaton.Automaton, 0, len(l.subs))
		for _, s := range l.subs {
			a, err := c.automaton(s)
			if err != nil {
				return nil, err
			}
			parts = append(parts, a)
		}
		u, err := c.ops.Union(parts...)
		if err != nil {
			return nil, &LimitError{What: err.Error()}
		}
		return u, nil
	case lAtom:
		if l.atom.text == nil && len(l.atom.chain) == 0 {
			return automaton.Any(), nil
		}
		if l.atom.text != nil {
			same, err := c.identity(l.atom)
			if err != nil {
				return nil, err
			}
			if same {
				return l.atom.text, nil
			}
		}
	}
	re, err := c.regex(l)
	if err != nil {
		return nil, err
	}
	return c.compile(re)
}

// regex writes l as a Lucene regular expression for a superset of its
// language: atoms with infinite languages are widened to their hull.
func (c *langCtx) regex(l *lang) (string, error) {
	var b strings.Builder
	var walk func(l *lang) error
	walk = func(l *lang) error {
		if b.Len() > maxRegexBytes {
			return &LimitError{What: "the template's role language is too large to write down"}
		}
		if err := c.step(); err != nil {
			return err
		}
		switch l.op {
		case lNone:
			b.WriteString("#")
		case lLit:
			writeRegexLit(&b, l.lit)
		case lCat:
			for _, s := range l.subs {
				b.WriteByte('(')
				if err := walk(s); err != nil {
					return err
				}
				b.WriteByte(')')
			}
		case lAlt:
			b.WriteByte('(')
			for i, s := range l.subs {
				if i > 0 {
					b.WriteByte('|')
				}
				b.WriteByte('(')
				if err := walk(s); err != nil {
					return err
				}
				b.WriteByte(')')
			}
			b.WriteByte(')')
		case lStar:
			b.WriteByte('(')
			if err := walk(l.subs[0]); err != nil {
				return err
			}
			b.WriteString(")*")
		case lAtom:
			re, err := c.atomRegex(l.atom)
			if err != nil {
				return err
			}
			b.WriteByte('(')
			b.WriteString(re)
			b.WriteByte(')')
		}
		return nil
	}
	if err := walk(l); err != nil {
		return "", err
	}
	return b.String(), nil
}

// writeRegexLit writes s as a Lucene regular expression matching exactly
// s: every character but ASCII letters and digits is escaped.
func writeRegexLit(b *strings.Builder, s string) {
	if s == "" {
		b.WriteString("()")
		return
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}

func regexLit(s string) string {
	var b strings.Builder
	writeRegexLit(&b, s)
	return b.String()
}

// atomRegex is a regular expression for a superset of an atom's encoded
// texts.
func (c *langCtx) atomRegex(a *atom) (string, error) {
	if a.text == nil {
		if outer, ok := a.outer(); ok {
			return outer.imageRegex(), nil
		}
		return ".*", nil
	}
	if a.text.IsEmpty() {
		return "#", nil
	}
	if ss, ok := a.text.Strings(maxFiniteStrings); ok {
		var b strings.Builder
		for i, s := range ss {
			if i > 0 {
				b.WriteByte('|')
			}
			b.WriteByte('(')
			writeRegexLit(&b, applyChain(a.chain, s))
			b.WriteByte(')')
		}
		return b.String(), nil
	}
	same, err := c.identity(a)
	if err != nil {
		return "", err
	}
	if same && a.re != "" {
		return a.re, nil
	}
	h, err := c.hullOf(a.text)
	if err != nil {
		return "", err
	}
	mid := ".*"
	if outer, ok := a.outer(); ok {
		mid = outer.imageRegex()
		if same {
			mid = "[" + outer.keepSet() + "]*"
		}
	}
	return "(" + regexLit(applyChain(a.chain, h.prefix)) + ")(" + mid + ")(" + regexLit(applyChain(a.chain, h.suffix)) + ")", nil
}

// hullOf computes the longest common prefix and suffix of an infinite
// language, sized so that every string is prefix·x·suffix.
func (c *langCtx) hullOf(text *automaton.Automaton) (hull, error) {
	if h, ok := c.hulls[text]; ok {
		return h, nil
	}
	w, _ := text.Witness() // a shortest string
	rs := []rune(w)
	holds := func(re string) (bool, error) {
		a, err := c.compile(re)
		if err != nil {
			return false, err
		}
		ok, err := c.ops.SubsetOf(text, a)
		if err != nil {
			return false, &LimitError{What: err.Error()}
		}
		return ok, nil
	}
	// largest k in [0, hi] for which pred(k) holds; pred is monotone.
	largest := func(hi int, pred func(k int) (bool, error)) (int, error) {
		lo := 0
		for lo < hi {
			mid := (lo + hi + 1) / 2
			ok, err := pred(mid)
			if err != nil {
				return 0, err
			}
			if ok {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo, nil
	}
	p, err := largest(len(rs), func(k int) (bool, error) { return holds(regexLit(string(rs[:k])) + ".*") })
	if err != nil {
		return hull{}, err
	}
	s, err := largest(len(rs)-p, func(k int) (bool, error) { return holds(".*" + regexLit(string(rs[len(rs)-k:]))) })
	if err != nil {
		return hull{}, err
	}
	h := hull{prefix: string(rs[:p]), suffix: string(rs[len(rs)-s:])}
	c.hulls[text] = h
	return h, nil
}

// Regular expressions and automata of printed Java numbers.
const numberRegex = `\-?[0-9]+(\.[0-9]+)?(E\-?[0-9]+)?|NaN|\-?Infinity`

var fixedAutomata = sync.OnceValue(func() map[string]*automaton.Automaton {
	m := map[string]*automaton.Automaton{}
	for _, re := range []string{numberRegex, "[0-9]+", "."} {
		// On failure the entry stays nil, which stands for any text.
		if a, err := automaton.CompileRegexp(re, automaton.Options{}); err == nil {
			m[re] = a
		}
	}
	return m
})

func numberAutomaton() *automaton.Automaton { return fixedAutomata()[numberRegex] }

func sizeAutomaton() *automaton.Automaton { return fixedAutomata()["[0-9]+"] }

// anyCharLang is one character of any kind.
func anyCharLang() *lang {
	return atomLang(&atom{text: fixedAutomata()["."], re: ".", use: -1})
}
