package automaton

import (
	"errors"
	"fmt"
	"strconv"
)

// SyntaxError is an IllegalArgumentException that Lucene's RegExp throws for
// a pattern: a syntax error, or a named automaton "<name>" that does not
// exist. Error returns Lucene's message verbatim; positions inside that
// message are Java string indexes (UTF-16 code units).
type SyntaxError struct {
	// Offset is the 0-based byte offset in the pattern where the problem
	// was found (for CompileValue: in the rule value, slashes included).
	Offset int
	// Pos is the position Lucene prints in the message (UTF-16 index), or
	// -1 when the message has none.
	Pos int
	// Msg is Lucene's message text.
	Msg string
}

// Error returns Lucene's message.
func (e *SyntaxError) Error() string { return e.Msg }

// TooComplexError is Lucene's TooComplexToDeterminizeException: turning the
// pattern into a deterministic automaton needs more work than the limit.
// Error returns the message Lucene builds.
type TooComplexError struct {
	// Wrapped is true when Lucene 9's RegExp wrapped the exception; the
	// message then names the expression (Regexp) instead of the automaton.
	Wrapped bool
	// Regexp is the expression named by a wrapped message.
	Regexp string
	// States and Transitions describe the automaton Lucene gave up on.
	States, Transitions int
	// Limit is the limit printed in the message.
	Limit int
}

// Error returns Lucene's message.
func (e *TooComplexError) Error() string {
	if e.Wrapped {
		return "Determinizing " + e.Regexp + " would require more than " + strconv.Itoa(e.Limit) + " effort."
	}
	return fmt.Sprintf("Determinizing automaton with %d states and %d transitions would require more than %d effort.",
		e.States, e.Transitions, e.Limit)
}

// InvalidPatternError is Elasticsearch's rejection of a rule value that
// starts with '/' and contains '*' but is not a /regex/.
type InvalidPatternError struct {
	// Value is the rule value.
	Value string
}

// Error returns Elasticsearch's message.
func (e *InvalidPatternError) Error() string {
	return "invalid pattern [" + e.Value + "]. patterns starting with '/' indicate regular expression pattern" +
		" and therefore must also end with '/'. other patterns (those that do not start with '/')" +
		" will be treated as simple wildcard patterns"
}

// ErrTooLarge is wrapped by LimitError.
var ErrTooLarge = errors.New("automaton: pattern too large to analyze")

// LimitError reports a pattern this package refuses to build because it
// would exceed the package's own memory and time bounds (Elasticsearch
// would typically run out of memory or stall on it instead of rejecting it
// cleanly). It is not an Elasticsearch message.
type LimitError struct {
	// What says which bound was hit.
	What string
}

// Error describes the bound.
func (e *LimitError) Error() string { return ErrTooLarge.Error() + ": " + e.What }

// Unwrap returns ErrTooLarge.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// ErrBudget is wrapped by BudgetError.
var ErrBudget = errors.New("automaton: state budget exceeded")

// BudgetError reports a set operation that would need more states than its
// budget allows.
type BudgetError struct {
	// Op names the operation.
	Op string
	// MaxStates is the budget that was exceeded.
	MaxStates int
}

// Error describes the operation and budget.
func (e *BudgetError) Error() string {
	return fmt.Sprintf("%s: %s needs more than %d states", ErrBudget.Error(), e.Op, e.MaxStates)
}

// Unwrap returns ErrBudget.
func (e *BudgetError) Unwrap() error { return ErrBudget }
