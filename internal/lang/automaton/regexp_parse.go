package automaton

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// OperatorKind names an optional Lucene operator found in a regex.
type OperatorKind uint8

const (
	// OpAnyString is '@', any string.
	OpAnyString OperatorKind = iota + 1
	// OpEmpty is '#', the empty language.
	OpEmpty
	// OpIntersection is '&'.
	OpIntersection
	// OpComplement is '~'.
	OpComplement
	// OpInterval is '<n-m>', a numeric interval.
	OpInterval
	// OpNamed is '<name>', a named automaton (always an error in
	// Elasticsearch, which provides none).
	OpNamed
	// OpQuoted is '"..."', a quoted literal.
	OpQuoted
)

// String returns the operator's syntax.
func (k OperatorKind) String() string {
	switch k {
	case OpAnyString:
		return "@"
	case OpEmpty:
		return "#"
	case OpIntersection:
		return "&"
	case OpComplement:
		return "~"
	case OpInterval:
		return "<n-m>"
	case OpNamed:
		return "<name>"
	case OpQuoted:
		return `"..."`
	}
	return "?"
}

// Operator is one use of an optional operator: the characters that a
// PCRE-minded author probably meant literally.
type Operator struct {
	Kind OperatorKind
	// Offset and End are byte offsets of the operator's text in the source.
	Offset, End int
}

// Regexp is a parsed Lucene regular expression.
type Regexp struct {
	src  string
	opt  Options
	root *node
	ops  []Operator
}

// Source returns the expression text.
func (r *Regexp) Source() string { return r.src }

// Options returns the options it was parsed with.
func (r *Regexp) Options() Options { return r.opt }

// Operators lists the optional operators used, in source order.
func (r *Regexp) Operators() []Operator { return append([]Operator(nil), r.ops...) }

// String renders the parsed expression as Lucene's RegExp.toString does.
func (r *Regexp) String() string { return r.root.String() }

// ParseRegexp parses src (the text between the slashes of a /regex/ rule
// value) as Lucene's new RegExp(src) does. Errors are *SyntaxError with
// Lucene's message, or *LimitError for absurd nesting.
func ParseRegexp(src string, opt Options) (*Regexp, error) {
	p := newParser(src, opt.profile())
	root, err := p.parse()
	if err != nil {
		return nil, err
	}
	if root.depth() > maxNesting {
		return nil, &LimitError{What: fmt.Sprintf("expression nested more than %d levels deep", maxNesting)}
	}
	return &Regexp{src: src, opt: opt, root: root, ops: p.ops}, nil
}

// parser reads a pattern rune by rune; off and u16 map rune indexes to
// byte offsets and to Java (UTF-16) positions.
type parser struct {
	src   string
	rs    []rune
	off   []int
	u16   []int
	pos   int
	prof  profile
	depth int
	ops   []Operator
}

func newParser(src string, prof profile) *parser {
	p := &parser{src: src, prof: prof}
	u := 0
	for i, c := range src {
		p.rs = append(p.rs, c)
		p.off = append(p.off, i)
		p.u16 = append(p.u16, u)
		u += utf16.RuneLen(c)
	}
	p.off = append(p.off, len(src))
	p.u16 = append(p.u16, u)
	return p
}

func (p *parser) more() bool { return p.pos < len(p.rs) }

func (p *parser) peek(set string) bool { return p.more() && strings.ContainsRune(set, p.rs[p.pos]) }

func (p *parser) match(c rune) bool {
	if p.more() && p.rs[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

func (p *parser) next() (rune, error) {
	if !p.more() {
		return 0, &SyntaxError{Offset: len(p.src), Pos: -1, Msg: "unexpected end-of-string"}
	}
	c := p.rs[p.pos]
	p.pos++
	return c, nil
}

// errAt builds "<msg> at position N" for rune index i.
func (p *parser) errAt(msg string, i int) error {
	return &SyntaxError{Offset: p.off[i], Pos: p.u16[i], Msg: msg + " at position " + strconv.Itoa(p.u16[i])}
}

func (p *parser) op(kind OperatorKind, from, to int) {
	p.ops = append(p.ops, Operator{Kind: kind, Offset: p.off[from], End: p.off[to]})
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxNesting {
		return &LimitError{What: fmt.Sprintf("expression nested more than %d levels deep", maxNesting)}
	}
	return nil
}

func (p *parser) parse() (*node, error) {
	if len(p.rs) == 0 {
		return &node{kind: kString}, nil
	}
	e, err := p.parseUnion()
	if err != nil {
		return nil, err
	}
	if p.more() {
		return nil, p.errAt("end-of-string expected", p.pos)
	}
	e.flattenStrings()
	return e, nil
}

// fold combines operands the way the dialect's parser associates them:
// Lucene 9 recurses to the right, Lucene 10 iterates to the left.
func (p *parser) fold(items []*node, mk func(a, b *node) *node) *node {
	if p.prof.iterativeParse {
		r := items[0]
		for _, e := range items[1:] {
			r = mk(r, e)
		}
		return r
	}
	r := items[len(items)-1]
	for i := len(items) - 2; i >= 0; i-- {
		r = mk(items[i], r)
	}
	return r
}

func (p *parser) parseUnion() (*node, error) {
	e, err := p.parseInter()
	if err != nil {
		return nil, err
	}
	items := []*node{e}
	for p.match('|') {
		if e, err = p.parseInter(); err != nil {
			return nil, err
		}
		items = append(items, e)
	}
	return p.fold(items, func(a, b *node) *node { return &node{kind: kUnion, a: a, b: b} }), nil
}

func (p *parser) parseInter() (*node, error) {
	e, err := p.parseConcat()
	if err != nil {
		return nil, err
	}
	items := []*node{e}
	for {
		at := p.pos
		if !p.match('&') {
			break
		}
		p.op(OpIntersection, at, p.pos)
		if e, err = p.parseConcat(); err != nil {
			return nil, err
		}
		items = append(items, e)
	}
	return p.fold(items, func(a, b *node) *node { return &node{kind: kInter, a: a, b: b} }), nil
}

func (p *parser) parseConcat() (*node, error) {
	e, err := p.parseRepeat()
	if err != nil {
		return nil, err
	}
	items := []*node{e}
	for p.more() && !p.peek(")|") && !p.peek("&") {
		if e, err = p.parseRepeat(); err != nil {
			return nil, err
		}
		items = append(items, e)
	}
	return p.fold(items, makeConcatenation), nil
}

// parseInt is Integer.parseInt on a run of ASCII digits.
func (p *parser) parseInt(from, to int) (int, error) {
	s := string(p.rs[from:to])
	v, ok := javaParseInt(p.rs[from:to])
	if !ok {
		return 0, &SyntaxError{Offset: p.off[from], Pos: -1, Msg: `For input string: "` + s + `"`}
	}
	return v, nil
}

func (p *parser) digits() {
	for p.peek("0123456789") {
		p.pos++
	}
}

func (p *parser) parseRepeat() (*node, error) {
	e, err := p.parseCompl()
	if err != nil {
		return nil, err
	}
	for p.peek("?*+{") {
		switch {
		case p.match('?'):
			e = &node{kind: kOptional, a: e}
		case p.match('*'):
			e = &node{kind: kRepeat, a: e}
		case p.match('+'):
			e = &node{kind: kRepeatMin, a: e, min: 1}
		case p.match('{'):
			start := p.pos
			p.digits()
			if start == p.pos {
				return nil, p.errAt("integer expected", p.pos)
			}
			n, err := p.parseInt(start, p.pos)
			if err != nil {
				return nil, err
			}
			m := -1
			if p.match(',') {
				start = p.pos
				p.digits()
				if start != p.pos {
					if m, err = p.parseInt(start, p.pos); err != nil {
						return nil, err
					}
				}
			} else {
				m = n
			}
			if !p.match('}') {
				return nil, p.errAt("expected '}'", p.pos)
			}
			if p.prof.repeatRangeError && m != -1 && n > m {
				return nil, &SyntaxError{Offset: p.off[start], Pos: -1,
					Msg: "invalid repetition range(out of order): " + strconv.Itoa(n) + ".." + strconv.Itoa(m)}
			}
			if m == -1 {
				e = &node{kind: kRepeatMin, a: e, min: n}
			} else {
				e = &node{kind: kRepeatMinMax, a: e, min: n, max: m}
			}
		}
	}
	return e, nil
}

func (p *parser) parseCompl() (*node, error) {
	at := p.pos
	if !p.prof.complement || !p.match('~') {
		return p.parseCharClassExp()
	}
	p.op(OpComplement, at, p.pos)
	if err := p.enter(); err != nil {
		return nil, err
	}
	e, err := p.parseCompl()
	p.depth--
	if err != nil {
		return nil, err
	}
	if p.prof.lucene9 {
		return &node{kind: kComplement, a: e}, nil
	}
	return &node{kind: kDepComplement, a: e}, nil
}

func (p *parser) parseCharClassExp() (*node, error) {
	if !p.match('[') {
		return p.parseSimple()
	}
	negate := p.match('^')
	var e *node
	var err error
	if p.prof.charClassNode {
		e, err = p.parseCharClassesNew()
	} else {
		e, err = p.parseCharClassesOld()
	}
	if err != nil {
		return nil, err
	}
	if negate {
		e = &node{kind: kInter, a: &node{kind: kAnyChar}, b: &node{kind: kComplement, a: e}}
	}
	if !p.match(']') {
		return nil, p.errAt("expected ']'", p.pos)
	}
	return e, nil
}

func rangeError(from, to int32) string {
	return "invalid range: from (" + strconv.Itoa(int(from)) + ") cannot be > to (" + strconv.Itoa(int(to)) + ")"
}

func (p *parser) makeRange(c1, c2 rune, at int) (*node, error) {
	if c1 > c2 {
		return nil, &SyntaxError{Offset: p.off[at], Pos: -1, Msg: rangeError(c1, c2)}
	}
	return &node{kind: kCharRange, from: []int32{c1}, to: []int32{c2}}, nil
}

func (p *parser) parseCharExp() (rune, error) {
	p.match('\\')
	return p.next()
}

// parseCharClassesOld is the Lucene 9/10.1 character-class parser: a union
// of characters, ranges and predefined classes.
func (p *parser) parseCharClassesOld() (*node, error) {
	e, err := p.parseCharClassOld()
	if err != nil {
		return nil, err
	}
	for p.more() && !p.peek("]") {
		e2, err := p.parseCharClassOld()
		if err != nil {
			return nil, err
		}
		e = &node{kind: kUnion, a: e, b: e2}
	}
	return e, nil
}

func (p *parser) parseCharClassOld() (*node, error) {
	if pre, err := p.matchPredefinedOld(); pre != nil || err != nil {
		return pre, err
	}
	at := p.pos
	c, err := p.parseCharExp()
	if err != nil {
		return nil, err
	}
	if p.match('-') {
		c2, err := p.parseCharExp()
		if err != nil {
			return nil, err
		}
		return p.makeRange(c, c2, at)
	}
	return &node{kind: kChar, c: c}, nil
}

const invalidEscapes = "abcefghijklmnopqrtuvxyzABCEFGHIJKLMNOPQRTUVXYZ"

func (p *parser) invalidClass() error {
	at := p.pos
	c, _ := p.next()
	return &SyntaxError{Offset: p.off[at-1], Pos: -1, Msg: "invalid character class \\" + strconv.Itoa(int(c))}
}

// matchPredefinedOld is the Lucene 9/10.1 matchPredefinedCharacterClass.
// Like Lucene, it consumes a backslash even when it returns nothing.
func (p *parser) matchPredefinedOld() (*node, error) {
	if !p.match('\\') {
		return nil, nil
	}
	switch {
	case p.peek("dDwWsS"):
		c, _ := p.next()
		return &node{kind: kPreClass, c: c}, nil
	case p.peek("\\"):
		c, _ := p.next()
		return &node{kind: kChar, c: c}, nil
	case p.peek(invalidEscapes):
		return nil, p.invalidClass()
	}
	return nil, nil
}

const escapeLetters = "\\ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

type classBuilder struct {
	starts, ends []int32
	at           []int // byte offset of each range, for errors
}

func (cb *classBuilder) add(lo, hi int32, at int) {
	cb.starts = append(cb.starts, lo)
	cb.ends = append(cb.ends, hi)
	cb.at = append(cb.at, at)
}

// expandPreDefined is Lucene 10.2's expandPreDefined: the parser sits on
// the character after a backslash.
func (p *parser) expandPreDefined(cb *classBuilder) error {
	at := p.off[p.pos-1]
	add := func(r ...int32) {
		for i := 0; i < len(r); i += 2 {
			cb.add(r[i], r[i+1], at)
		}
	}
	switch {
	case p.peek("\\"):
		add('\\', '\\')
	case p.peek("d"):
		add('0', '9')
	case p.peek("D"):
		add(0, '0'-1, '9'+1, maxCodePoint)
	case p.peek("s"):
		add('\t', '\n', '\r', '\r', ' ', ' ')
	case p.peek("S"):
		add(0, '\t'-1, '\n'+1, '\r'-1, '\r'+1, ' '-1, ' '+1, maxCodePoint)
	case p.peek("w"):
		add('0', '9', 'A', 'Z', '_', '_', 'a', 'z')
	case p.peek("W"):
		add(0, '0'-1, '9'+1, 'A'-1, 'Z'+1, '_'-1, '_'+1, 'a'-1, 'z'+1, maxCodePoint)
	case p.peek(invalidEscapes):
		return p.invalidClass()
	default:
		return nil
	}
	p.pos++
	return nil
}

// classNode is RegExp.makeCharClass with its range check.
func (cb *classBuilder) classNode() (*node, error) {
	for i := range cb.starts {
		if cb.starts[i] > cb.ends[i] {
			return nil, &SyntaxError{Offset: cb.at[i], Pos: -1, Msg: rangeError(cb.starts[i], cb.ends[i])}
		}
	}
	return &node{kind: kCharClass, from: cb.starts, to: cb.ends}, nil
}

// parseCharClassesNew is the Lucene 10.2 character-class parser, which
// collects ranges into one CHAR_CLASS node.
func (p *parser) parseCharClassesNew() (*node, error) {
	cb := &classBuilder{}
	for {
		at := p.off[p.pos]
		if p.match('\\') {
			if p.peek(escapeLetters) {
				if err := p.expandPreDefined(cb); err != nil {
					return nil, err
				}
			} else {
				c, err := p.next()
				if err != nil {
					return nil, err
				}
				cb.add(c, c, at)
			}
		} else {
			c, err := p.parseCharExp()
			if err != nil {
				return nil, err
			}
			if p.match('-') {
				c2, err := p.parseCharExp()
				if err != nil {
					return nil, err
				}
				cb.add(c, c2, at)
			} else {
				cb.add(c, c, at)
			}
		}
		if !p.more() || p.peek("]") {
			break
		}
	}
	if len(cb.starts) == 1 {
		if cb.starts[0] == cb.ends[0] {
			return &node{kind: kChar, c: cb.starts[0]}, nil
		}
		if cb.starts[0] > cb.ends[0] {
			return nil, &SyntaxError{Offset: cb.at[0], Pos: -1, Msg: rangeError(cb.starts[0], cb.ends[0])}
		}
		return &node{kind: kCharRange, from: cb.starts, to: cb.ends}, nil
	}
	return cb.classNode()
}

func (p *parser) parseSimple() (*node, error) {
	at := p.pos
	switch {
	case p.match('.'):
		return &node{kind: kAnyChar}, nil
	case p.match('#'):
		p.op(OpEmpty, at, p.pos)
		return &node{kind: kEmpty}, nil
	case p.match('@'):
		p.op(OpAnyString, at, p.pos)
		return &node{kind: kAnyString}, nil
	case p.match('"'):
		start := p.pos
		for p.more() && !p.peek(`"`) {
			p.pos++
		}
		if !p.match('"') {
			return nil, p.errAt(`expected '"'`, p.pos)
		}
		p.op(OpQuoted, at, p.pos)
		return &node{kind: kString, s: append([]rune(nil), p.rs[start:p.pos-1]...)}, nil
	case p.match('('):
		if p.match(')') {
			return &node{kind: kString}, nil
		}
		if err := p.enter(); err != nil {
			return nil, err
		}
		e, err := p.parseUnion()
		p.depth--
		if err != nil {
			return nil, err
		}
		if !p.match(')') {
			return nil, p.errAt("expected ')'", p.pos)
		}
		return e, nil
	case p.match('<'):
		return p.parseAngle(at)
	}
	var pre *node
	var err error
	if p.prof.charClassNode {
		pre, err = p.matchPredefinedNew()
	} else {
		pre, err = p.matchPredefinedOld()
	}
	if pre != nil || err != nil {
		return pre, err
	}
	c, err := p.parseCharExp()
	if err != nil {
		return nil, err
	}
	return &node{kind: kChar, c: c}, nil
}

// matchPredefinedNew is Lucene 10.2's matchPredefinedCharacterClass.
func (p *parser) matchPredefinedNew() (*node, error) {
	if !p.match('\\') || !p.peek(escapeLetters) {
		return nil, nil
	}
	cb := &classBuilder{}
	if err := p.expandPreDefined(cb); err != nil {
		return nil, err
	}
	return cb.classNode()
}

// parseAngle parses "<...>" after the '<' at rune index at: a numeric
// interval when it contains '-', otherwise a named automaton.
func (p *parser) parseAngle(at int) (*node, error) {
	start := p.pos
	for p.more() && !p.peek(">") {
		p.pos++
	}
	if !p.match('>') {
		return nil, p.errAt("expected '>'", p.pos)
	}
	s := p.rs[start : p.pos-1]
	i := indexRune(s, '-')
	if i == -1 {
		p.op(OpNamed, at, p.pos)
		return &node{kind: kAutomaton, name: string(s), off: p.off[at]}, nil
	}
	p.op(OpInterval, at, p.pos)
	bad := p.errAt("interval syntax error", p.pos-1)
	if i == 0 || i == len(s)-1 || i != lastIndexRune(s, '-') {
		return nil, bad
	}
	smin, smax := s[:i], s[i+1:]
	imin, ok1 := javaParseInt(smin)
	imax, ok2 := javaParseInt(smax)
	if !ok1 || !ok2 {
		return nil, bad
	}
	digits := 0
	if utf16Len(smin) == utf16Len(smax) {
		digits = utf16Len(smin)
	}
	if imin > imax {
		imin, imax = imax, imin
	}
	// makeDecimalInterval also rejects a max longer than digits, which a
	// value parsed from digits characters can never be.
	return &node{kind: kInterval, min: imin, max: imax, digits: digits}, nil
}

func indexRune(s []rune, c rune) int {
	for i, r := range s {
		if r == c {
			return i
		}
	}
	return -1
}

func lastIndexRune(s []rune, c rune) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func utf16Len(s []rune) int {
	n := 0
	for _, c := range s {
		n += utf16.RuneLen(c)
	}
	return n
}

// javaDigit is Character.digit(c, 10): the value of an ASCII or other
// Unicode decimal digit, or -1.
func javaDigit(c rune) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	if !unicode.Is(unicode.Nd, c) {
		return -1
	}
	start := c
	for start > 0 && unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return int(c-start) % 10
}

// javaParseInt is Integer.parseInt(s, 10): an optional sign, then decimal
// digits (any Unicode decimal digits), within the int range.
func javaParseInt(s []rune) (int, bool) {
	if len(s) == 0 {
		return 0, false
	}
	i := 0
	neg := false
	limit := int64(-2147483647)
	if s[0] < '0' {
		switch s[0] {
		case '-':
			neg = true
			limit = -2147483648
		case '+':
		default:
			return 0, false
		}
		if len(s) == 1 {
			return 0, false
		}
		i++
	}
	multmin := limit / 10
	var result int64
	for ; i < len(s); i++ {
		d := javaDigit(s[i])
		if d < 0 || result < multmin {
			return 0, false
		}
		result *= 10
		if result < limit+int64(d) {
			return 0, false
		}
		result -= int64(d)
	}
	if neg {
		return int(result), true
	}
	return int(-result), true
}
