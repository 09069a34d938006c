package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Error is one problem that makes a config (or elasticsearch.yml) unusable.
// Its text is "file:line:col: message" (or "file:line: message" when the
// column is unknown, or "file: message" when no position is known).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error formats the error as "file:line:col: message".
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList is every Error found in one file, in position order. It is
// returned as the error of Load, Parse and LoadElasticsearchYML.
type ErrorList []*Error

// Error joins the errors one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap exposes the individual errors to errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// sorted returns the list ordered by position (stable for equal positions).
func (l ErrorList) sorted() ErrorList {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Line != l[j].Line {
			return l[i].Line < l[j].Line
		}
		return l[i].Col < l[j].Col
	})
	return l
}

// errOrNil returns the list as an error, or nil when it is empty.
func (l ErrorList) errOrNil() error {
	if len(l) == 0 {
		return nil
	}
	return l.sorted()
}

// Problem is something worth reporting about the configuration that does
// not stop rolemap-lint from working: an elasticsearch.yml that
// Elasticsearch would refuse, a realm layout the configured es_version does
// not understand, an es_version newer than the newest modelled. The caller
// turns problems into findings with Diagnostic.
type Problem struct {
	// Span is where the problem is (in the config or in elasticsearch.yml).
	Span source.Span
	// Level is how serious it is: Error when Elasticsearch would refuse to
	// start, Warning when it is almost certainly a mistake, Info otherwise.
	Level diag.Level
	// Message says what is wrong and what to do.
	Message string
}

// Diagnostic converts the problem into a finding of the given check.
func (p Problem) Diagnostic(check string) diag.Diagnostic {
	return diag.Diagnostic{Check: check, Level: p.Level, Message: p.Message, Span: p.Span}
}

// String renders the problem like an Error, for logs and tests.
func (p Problem) String() string {
	name := ""
	if p.Span.File != nil {
		name = p.Span.File.Name
	}
	pos := p.Span.Range().Start
	return (&Error{File: name, Line: pos.Line, Col: pos.Col, Msg: p.Level.String() + ": " + p.Message}).Error()
}
