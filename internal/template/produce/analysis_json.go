package produce

import (
	"errors"
	"unicode/utf8"
)

// A json-format template's roles are the strings of the rendered JSON.
// tokens computes, from the language of rendered texts, the language of
// the contents (decoded) of the string tokens they hold, by tracking the
// JSON lexer (internal/jsonx) through the text: outside or inside a
// string, in an escape, or in a comment, where quotes mean nothing.
// Valid JSON is tracked exactly; invalid JSON (which Elasticsearch
// rejects, yielding no role) is tracked as if it were valid, which only
// adds strings. When the lexer state after some part of the template
// depends on the user (an unescaped value that may hold a quote, a
// section whose body opens a string it does not close), the analysis
// gives up with errUserStructure: any role is then possible.

var errUserStructure = errors.New("the JSON structure of the rendered text depends on user values")

type jmode uint8

const (
	jOut       jmode = iota // between tokens
	jSlash                  // after '/' between tokens
	jLine                   // in a // comment
	jBlock                  // in a /* comment
	jBlockStar              // in a /* comment, after '*'
	jIn                     // in a string
	jEsc                    // in a string, after '\'
	jHex                    // in a string, in \uXXXX
)

type jstate struct {
	mode jmode
	n    uint8  // hex digits read (jHex)
	val  uint16 // their value
}

func (s jstate) inString() bool { return s.mode == jIn || s.mode == jEsc || s.mode == jHex }

// summary describes a part of the rendered text entered in a lexer state.
// Paths through it either cross no quote (thr: the content they add to
// the current string, ε outside strings) or cross some (pre: content
// before the first quote; tok: the strings that start and end inside;
// suf: content after the last quote). nothing marks impossible pieces.
type summary struct {
	exit               jstate
	void               bool // the part has no text at all
	thr, pre, tok, suf *lang
}

type tokenizer struct {
	ctx  *langCtx
	memo map[summaryKey]*summary
}

type summaryKey struct {
	l *lang
	s jstate
}

// tokens returns the language of the string contents of texts in l.
func (c *langCtx) tokens(l *lang) (*lang, error) {
	t := &tokenizer{ctx: c, memo: map[summaryKey]*summary{}}
	s, err := t.summarize(l, jstate{})
	if err != nil {
		return nil, err
	}
	if s.void {
		return langNothing, nil
	}
	return s.tok, nil
}

func (t *tokenizer) summarize(l *lang, e jstate) (*summary, error) {
	k := summaryKey{l, e}
	if s, ok := t.memo[k]; ok {
		return s, nil
	}
	if err := t.ctx.step(); err != nil {
		return nil, err
	}
	var s *summary
	var err error
	switch l.op {
	case lNone:
		s = &summary{exit: e, void: true, thr: langNothing, pre: langNothing, tok: langNothing, suf: langNothing}
	case lLit:
		s = literalSummary(l.lit, e)
	case lAtom:
		s, err = t.atomSummary(l.atom, e)
	case lCat:
		s, err = t.summarize(l.subs[0], e)
		for _, sub := range l.subs[1:] {
			if err != nil {
				break
			}
			var b *summary
			b, err = t.summarize(sub, s.exit)
			if err == nil {
				s = catSummary(s, b)
			}
		}
	case lAlt:
		var parts []*summary
		for _, sub := range l.subs {
			var p *summary
			p, err = t.summarize(sub, e)
			if err != nil {
				break
			}
			parts = append(parts, p)
		}
		if err == nil {
			s, err = altSummary(e, parts)
		}
	case lStar:
		var b *summary
		b, err = t.summarize(l.subs[0], e)
		if err == nil {
			s, err = starSummary(e, b)
		}
	}
	if err != nil {
		return nil, err
	}
	t.memo[k] = s
	return s, nil
}

func catSummary(a, b *summary) *summary {
	if a.void || b.void {
		return &summary{exit: b.exit, void: true, thr: langNothing, pre: langNothing, tok: langNothing, suf: langNothing}
	}
	joined := langNothing
	if a.exit.inString() {
		joined = catLang(a.suf, b.pre)
	}
	return &summary{
		exit: b.exit,
		thr:  catLang(a.thr, b.thr),
		pre:  altLang(a.pre, catLang(a.thr, b.pre)),
		suf:  altLang(b.suf, catLang(a.suf, b.thr)),
		tok:  altLang(a.tok, b.tok, joined),
	}
}

func altSummary(e jstate, parts []*summary) (*summary, error) {
	out := &summary{exit: e, void: true, thr: langNothing, pre: langNothing, tok: langNothing, suf: langNothing}
	for _, p := range parts {
		if p.void {
			continue
		}
		if !out.void && p.exit != out.exit {
			return nil, errUserStructure
		}
		out.exit, out.void = p.exit, false
		out.thr = altLang(out.thr, p.thr)
		out.pre = altLang(out.pre, p.pre)
		out.tok = altLang(out.tok, p.tok)
		out.suf = altLang(out.suf, p.suf)
	}
	return out, nil
}

func starSummary(e jstate, b *summary) (*summary, error) {
	if b.void {
		return literalSummary("", e), nil
	}
	if b.exit != e {
		return nil, errUserStructure
	}
	loop := starLang(b.thr)
	joined := langNothing
	if e.inString() {
		joined = catLang(b.suf, loop, b.pre)
	}
	return &summary{
		exit: e,
		thr:  loop,
		pre:  catLang(loop, b.pre),
		suf:  catLang(b.suf, loop),
		tok:  altLang(b.tok, joined),
	}, nil
}

// literalSummary runs the lexer over literal text.
func literalSummary(text string, e jstate) *summary {
	st := e
	var content []*lang
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			content = append(content, litLang(string(cur)))
			cur = cur[:0]
		}
	}
	emit := func(r rune) {
		if r >= 0xD800 && r <= 0xDFFF {
			// Half of a \u surrogate pair, or a lone one read as U+FFFD:
			// at most one character of any kind.
			flush()
			content = append(content, optLang(anyCharLang()))
			return
		}
		cur = utf8.AppendRune(cur, r)
	}
	take := func() *lang {
		flush()
		l := catLang(content...)
		content = content[:0]
		return l
	}
	crossed := false
	pre := langNothing
	var toks []*lang
	boundary := func(closing bool) {
		seg := take()
		switch {
		case !crossed:
			pre = seg
			crossed = true
		case closing:
			toks = append(toks, seg)
		}
	}
	for _, r := range text {
	again:
		switch st.mode {
		case jOut:
			switch r {
			case '"':
				boundary(false)
				st = jstate{mode: jIn}
			case '/':
				st = jstate{mode: jSlash}
			}
		case jSlash:
			switch r {
			case '/':
				st = jstate{mode: jLine}
			case '*':
				st = jstate{mode: jBlock}
			default:
				// Jackson fails here; carry on as if the '/' were absent.
				st = jstate{mode: jOut}
				goto again
			}
		case jLine:
			if r == '\n' {
				st = jstate{mode: jOut}
			}
		case jBlock:
			if r == '*' {
				st = jstate{mode: jBlockStar}
			}
		case jBlockStar:
			switch r {
			case '/':
				st = jstate{mode: jOut}
			case '*':
			default:
				st = jstate{mode: jBlock}
			}
		case jIn:
			switch r {
			case '"':
				boundary(true)
				st = jstate{mode: jOut}
			case '\\':
				st = jstate{mode: jEsc}
			default:
				emit(r)
			}
		case jEsc:
			st = jstate{mode: jIn}
			switch r {
			case 'b':
				emit('\b')
			case 'f':
				emit('\f')
			case 'n':
				emit('\n')
			case 'r':
				emit('\r')
			case 't':
				emit('\t')
			case 'u':
				st = jstate{mode: jHex}
			default:
				emit(r)
			}
		case jHex:
			d, ok := -1, false
			if r < utf8.RuneSelf {
				var v int
				v, ok = hexVal(byte(r))
				d = v
			}
			if !ok {
				// Jackson fails on a bad escape; carry on in the string.
				st = jstate{mode: jIn}
				goto again
			}
			st.val = st.val<<4 | uint16(d)
			st.n++
			if st.n == 4 {
				emit(rune(st.val))
				st = jstate{mode: jIn}
			}
		}
	}
	rest := take()
	if !crossed {
		return &summary{exit: st, thr: rest, pre: langNothing, tok: langNothing, suf: langNothing}
	}
	return &summary{exit: st, thr: langNothing, pre: pre, tok: altLang(toks...), suf: rest}
}

// atomSummary tracks a variable's text: it must leave the lexer state
// alone whatever its value, or the structure depends on the user.
func (t *tokenizer) atomSummary(a *atom, e jstate) (*summary, error) {
	stay := func(content *lang) *summary {
		return &summary{exit: e, thr: content, pre: langNothing, tok: langNothing, suf: langNothing}
	}
	outer, hasOuter := a.outer()
	switch e.mode {
	case jOut:
		// JSON-escaped text holds quotes only after '\', where Jackson
		// fails; a '/' may start a comment.
		bad := "/"
		if !hasOuter {
			bad = `"/`
		}
		may, err := t.ctx.mayContain(a, bad)
		if err != nil || may {
			return nil, orStructure(err)
		}
		return stay(langEpsilon), nil
	case jIn:
		if hasOuter && outer == encJSON {
			inner := *a
			inner.chain = a.chain[:len(a.chain)-1]
			return stay(atomLang(&inner)), nil
		}
		may, err := t.ctx.mayContain(a, `"\`)
		if err != nil || may {
			return nil, orStructure(err)
		}
		return stay(atomLang(a)), nil
	case jLine:
		may, err := t.ctx.mayContain(a, "\n")
		if err != nil || may {
			return nil, orStructure(err)
		}
		return stay(langEpsilon), nil
	case jBlock:
		may, err := t.ctx.mayContain(a, "*")
		if err != nil || may {
			return nil, orStructure(err)
		}
		return stay(langEpsilon), nil
	}
	empty, err := t.ctx.onlyEmpty(a)
	if err != nil || !empty {
		return nil, orStructure(err)
	}
	return stay(langEpsilon), nil
}

func orStructure(err error) error {
	if err != nil {
		return err
	}
	return errUserStructure
}

// outer is the last encoder applied to an atom.
func (a *atom) outer() (encoder, bool) {
	if len(a.chain) == 0 {
		return 0, false
	}
	return a.chain[len(a.chain)-1], true
}
