package automaton

import (
	"strconv"
	"strings"
)

// nodeKind mirrors RegExp.Kind.
type nodeKind uint8

const (
	kUnion nodeKind = iota
	kConcat
	kInter
	kOptional
	kRepeat
	kRepeatMin
	kRepeatMinMax
	kComplement    // complement of a character class (any complement in Lucene 9)
	kDepComplement // Lucene 10's REGEXP_DEPRECATED_COMPLEMENT
	kChar
	kCharRange
	kCharClass // Lucene 10.2's REGEXP_CHAR_CLASS
	kAnyChar
	kEmpty
	kString
	kAnyString
	kAutomaton
	kInterval
	kPreClass // Lucene 9/10.1's REGEXP_PRE_CLASS (\d, \w, ...)
)

// node is one RegExp node. Which fields are used depends on kind.
type node struct {
	kind     nodeKind
	a, b     *node
	s        []rune // kString (see str)
	ropeL    *node  // kString built by merging: ropeL's text then ropeR's
	ropeR    *node
	c        rune    // kChar, kPreClass
	min, max int     // repeats, kInterval
	digits   int     // kInterval
	from, to []int32 // kCharRange (one range), kCharClass
	name     string  // kAutomaton
	off      int     // byte offset where the node starts (kAutomaton)
}

// isCharOrString is the test makeConcatenation uses for merging literals.
func (n *node) isCharOrString() bool { return n.kind == kChar || n.kind == kString }

// str returns the text of a kChar or kString node. Merged strings are kept
// as a rope until first needed, so that merging a long literal one
// character at a time stays linear.
func (n *node) str() []rune {
	if n.kind == kChar {
		return []rune{n.c}
	}
	if n.ropeL == nil {
		return n.s
	}
	var out []rune
	stack := []*node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case x.kind == kChar:
			out = append(out, x.c)
		case x.ropeL != nil:
			stack = append(stack, x.ropeR, x.ropeL)
		default:
			out = append(out, x.s...)
		}
	}
	n.s, n.ropeL, n.ropeR = out, nil, nil
	return out
}

// mkString is RegExp.makeString(flags, exp1, exp2).
func mkString(a, b *node) *node { return &node{kind: kString, ropeL: a, ropeR: b} }

// makeConcatenation is RegExp.makeConcatenation, which merges adjacent
// characters and strings into one string node.
func makeConcatenation(e1, e2 *node) *node {
	if e1.isCharOrString() && e2.isCharOrString() {
		return mkString(e1, e2)
	}
	r1, r2 := e1, e2
	switch {
	case e1.kind == kConcat && e1.b.isCharOrString() && e2.isCharOrString():
		r1, r2 = e1.a, mkString(e1.b, e2)
	case e1.isCharOrString() && e2.kind == kConcat && e2.a.isCharOrString():
		r1, r2 = mkString(e1, e2.a), e2.b
	}
	return &node{kind: kConcat, a: r1, b: r2}
}

// String renders the node as Lucene's RegExp.toString does.
func (n *node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *node) write(b *strings.Builder) {
	switch n.kind {
	case kUnion, kInter:
		op := "|"
		if n.kind == kInter {
			op = "&"
		}
		b.WriteByte('(')
		n.a.write(b)
		b.WriteString(op)
		n.b.write(b)
		b.WriteByte(')')
	case kConcat:
		n.a.write(b)
		n.b.write(b)
	case kOptional, kRepeat:
		b.WriteByte('(')
		n.a.write(b)
		if n.kind == kOptional {
			b.WriteString(")?")
		} else {
			b.WriteString(")*")
		}
	case kRepeatMin:
		b.WriteByte('(')
		n.a.write(b)
		b.WriteString("){" + strconv.Itoa(n.min) + ",}")
	case kRepeatMinMax:
		b.WriteByte('(')
		n.a.write(b)
		b.WriteString("){" + strconv.Itoa(n.min) + "," + strconv.Itoa(n.max) + "}")
	case kComplement, kDepComplement:
		b.WriteString("~(")
		n.a.write(b)
		b.WriteByte(')')
	case kChar, kPreClass:
		b.WriteByte('\\')
		b.WriteRune(n.c)
	case kCharRange:
		b.WriteString("[\\")
		b.WriteRune(n.from[0])
		b.WriteString("-\\")
		b.WriteRune(n.to[0])
		b.WriteByte(']')
	case kCharClass:
		b.WriteByte('[')
		for i := range n.from {
			b.WriteByte('\\')
			b.WriteRune(n.from[i])
			if n.from[i] != n.to[i] {
				b.WriteString("-\\")
				b.WriteRune(n.to[i])
			}
		}
		b.WriteByte(']')
	case kAnyChar:
		b.WriteByte('.')
	case kEmpty:
		b.WriteByte('#')
	case kString:
		b.WriteByte('"')
		b.WriteString(string(n.str()))
		b.WriteByte('"')
	case kAnyString:
		b.WriteByte('@')
	case kAutomaton:
		b.WriteString("<" + n.name + ">")
	case kInterval:
		s1, s2 := strconv.Itoa(n.min), strconv.Itoa(n.max)
		if n.digits > 0 {
			s1, s2 = pad(s1, n.digits), pad(s2, n.digits)
		}
		b.WriteString("<" + s1 + "-" + s2 + ">")
	}
}

// children returns the sub-expressions of n.
func (n *node) children() []*node {
	switch {
	case n.a != nil && n.b != nil:
		return []*node{n.a, n.b}
	case n.a != nil:
		return []*node{n.a}
	}
	return nil
}

// flattenStrings turns every merged string of the tree into a plain one,
// so that the tree is never modified after parsing.
func (n *node) flattenStrings() {
	stack := []*node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.kind == kString {
			x.str()
		}
		stack = append(stack, x.children()...)
	}
}

// depth returns the nesting depth of the tree, counting a chain of unions
// or of concatenations (which are built as one list) as one level.
func (n *node) depth() int {
	type item struct {
		n *node
		d int
	}
	best := 0
	stack := []item{{n, 1}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		best = max(best, it.d)
		for _, ch := range it.n.children() {
			d := it.d + 1
			if (it.n.kind == kUnion || it.n.kind == kConcat) && ch.kind == it.n.kind {
				d = it.d
			}
			stack = append(stack, item{ch, d})
		}
	}
	return best
}
