package template

import "github.com/rolemap-lint/rolemap-lint/internal/input/source"

// Stage says when Elasticsearch (or, for StageOffline, this package) fails.
type Stage uint8

// Stages, in the order Elasticsearch runs them.
const (
	// StageParse: the role template's shape (TemplateRoleName parser);
	// Elasticsearch rejects the mapping body itself.
	StageParse Stage = iota + 1
	// StageScript: the script inside "template" (its JSON and the Script
	// parser), checked when the mapping is validated on PUT.
	StageScript
	// StageScripting: the node's script settings (allowed types and
	// contexts, stored script lookup, inline size limit).
	StageScripting
	// StageCompile: the mustache encoder and template syntax.
	StageCompile
	// StageRuntime: rendering the template for a user.
	StageRuntime
	// StageOutput: turning the rendered text into role names.
	StageOutput
	// StageOffline: this package cannot reproduce the result offline (a
	// stored script whose source is unknown, a non-mustache stored script,
	// or a template beyond the engine's work bounds). Elasticsearch may
	// succeed.
	StageOffline
)

// String names the stage.
func (s Stage) String() string {
	switch s {
	case StageParse:
		return "parse"
	case StageScript:
		return "script"
	case StageScripting:
		return "scripting"
	case StageCompile:
		return "compile"
	case StageRuntime:
		return "runtime"
	case StageOutput:
		return "output"
	case StageOffline:
		return "offline"
	}
	return "unknown"
}

// Error is a failure reproduced offline. Error() returns the message
// Elasticsearch reports (the innermost one of its exception chain), so
// that it can be matched against expected error substrings.
type Error struct {
	Stage Stage
	// Message is Elasticsearch's text (for StageOffline, this package's).
	Message string
	// Advice says what to do about it.
	Advice string
	// Span is where the problem is, when known.
	Span source.Span
	// Pointer is the JSON pointer of the offending value when the template
	// was parsed with ParseAt.
	Pointer string
	// Budget is set when the run's budget ran out before the template
	// could be evaluated (errors.Is(Budget, budget.ErrExhausted)).
	Budget error
}

// Error returns Elasticsearch's message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns Budget.
func (e *Error) Unwrap() error { return e.Budget }
