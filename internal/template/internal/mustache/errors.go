package mustache

import "fmt"

// ErrorKind says where a failure happened.
type ErrorKind uint8

// Kinds of errors.
const (
	// CompileMustache is a MustacheException while compiling: the template
	// is rejected with a ScriptException carrying Msg.
	CompileMustache ErrorKind = iota + 1
	// CompileJava is a non-mustache Java exception while compiling (for
	// example from empty delimiters); Elasticsearch reports it as
	// "Failed to compile inline script [...] using lang [mustache]".
	CompileJava
	// Runtime is a failure while rendering.
	Runtime
	// OutputLimit is Elasticsearch's mustache.max_output_size_bytes limit.
	OutputLimit
	// WorkLimit is this engine's own bound on nesting, work or memory: the
	// template is too expensive to evaluate offline. Elasticsearch may
	// well accept it.
	WorkLimit
)

// Error is a failure with the text Elasticsearch (or mustache.java) uses.
type Error struct {
	Kind ErrorKind
	Msg  string
	// Cause is the underlying Java exception, if any, as Java prints it.
	Cause string
	// Budget is set, for WorkLimit, when the run's budget ran out
	// (errors.Is(Budget, budget.ErrExhausted)).
	Budget error
}

// Unwrap returns Budget.
func (e *Error) Unwrap() error { return e.Budget }

// Error returns the message and its cause.
func (e *Error) Error() string {
	if e.Cause != "" {
		return e.Msg + ": " + e.Cause
	}
	return e.Msg
}

// OutputLimitMessage is what Elasticsearch reports when a template renders
// more than mustache.max_output_size_bytes characters.
const OutputLimitMessage = "Mustache script result size limit exceeded"

func compileErr(file string, line int, format string, args ...any) *Error {
	return &Error{Kind: CompileMustache, Msg: fmt.Sprintf(format, args...) + fmt.Sprintf(" @[%s:%d]", file, line)}
}
