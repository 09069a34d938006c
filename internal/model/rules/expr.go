// Package rules models the role-mapping rule DSL (`rules`): the expression
// tree with positions, its parser with Elasticsearch's exact error messages,
// and Elasticsearch's realm-scope validator. Evaluation against a user lives
// in package match; reasoning over all users in package analysis.
package rules

import (
	"sync"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
)

// Op is the kind of a rule node.
type Op uint8

// Rule node kinds.
const (
	All Op = iota
	Any
	Except
	Field
)

// String returns the DSL keyword of the node kind.
func (o Op) String() string {
	switch o {
	case All:
		return "all"
	case Any:
		return "any"
	case Except:
		return "except"
	case Field:
		return "field"
	}
	return "?"
}

// Expr is one node of a parsed rule tree.
type Expr struct {
	Op Op
	// Children of All and Any; Except has exactly one.
	Children []*Expr
	// Field is the field name of a Field node.
	Field string
	// FieldSpan is where the field name is written.
	FieldSpan source.Span
	// Values are the values of a Field node (at least one).
	Values []*Value
	// Span covers the whole rule object.
	Span source.Span
	// KeySpan is the span of the "any"/"all"/"field"/"except" key.
	KeySpan source.Span
	// Pointer is the JSON pointer of the rule object.
	Pointer string
}

// ValueKind is the Java type Elasticsearch stores for a field value.
type ValueKind uint8

// Field value kinds.
const (
	NullValue ValueKind = iota
	BoolValue
	LongValue
	StringValue
)

// String names the kind as a user would.
func (k ValueKind) String() string {
	switch k {
	case NullValue:
		return "null"
	case BoolValue:
		return "boolean"
	case LongValue:
		return "number"
	case StringValue:
		return "string"
	}
	return "?"
}

// PatternKind says how a string value is matched.
type PatternKind uint8

// Pattern kinds of string values (docs/semantics.md, "Pattern kinds").
const (
	// Literal strings are compared with equals.
	Literal PatternKind = iota
	// Wildcard strings contain `*`: `*`, `?` and `\` are special.
	Wildcard
	// Regex strings are written `/…/`: a Lucene RegExp.
	Regex
)

// String names the pattern kind.
func (k PatternKind) String() string {
	switch k {
	case Wildcard:
		return "wildcard"
	case Regex:
		return "regex"
	}
	return "literal"
}

// Value is one value of a field rule, as Elasticsearch stores it.
type Value struct {
	Kind ValueKind
	Str  string
	Bool bool
	Long int64
	// Pattern is set for strings; Automaton is non-nil for Wildcard and a
	// valid Regex.
	Pattern   PatternKind
	Automaton *automaton.Automaton
	// Undecided is set, with Automaton nil, for a pattern that could not
	// be compiled within the run's budget (errors.Is(Undecided,
	// budget.ErrExhausted)): nothing can evaluate it, and evaluating it
	// fails with this error.
	Undecided error
	// Src is the value as written (for checks that care about the form,
	// such as a fractional number that Elasticsearch truncates).
	Src *source.Value

	// memo of NormalizedDN
	dnOnce sync.Once
	dnNorm string
	dnOK   bool
}

// NormalizedDN returns the value's string normalized as a DN (ok=false when
// it is not one), computed once per value however many indexes and
// evaluations ask: a run builds several indexes over the same rules.
func (v *Value) NormalizedDN(n *dn.Normalizer) (string, bool) {
	v.dnOnce.Do(func() { v.dnNorm, v.dnOK = n.Normalize(v.Str) })
	return v.dnNorm, v.dnOK
}

// Span is where the value is written.
func (v *Value) Span() source.Span { return v.Src.Span }

// Display renders the value the way it is written in JSON.
func (v *Value) Display() string {
	switch v.Kind {
	case NullValue:
		return "null"
	case BoolValue:
		if v.Bool {
			return "true"
		}
		return "false"
	case LongValue:
		return v.Src.Str
	}
	return quote(v.Str)
}

// Walk calls fn for e and every node below it, depth first, parents first.
// fn returning false skips the node's children.
func (e *Expr) Walk(fn func(*Expr) bool) {
	if e == nil || !fn(e) {
		return
	}
	for _, c := range e.Children {
		c.Walk(fn)
	}
}
