package template

import (
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// The accessors below expose what an analysis of a template's output
// needs beyond the public surface (package produce, which computes the
// role names a template can produce). Their types come from this
// package's internal engine, so only packages under internal/template can
// use them.

// ScriptErr is the error Elasticsearch reports when it parses the
// template's script (its JSON or Script object), or nil.
func (t *Template) ScriptErr() error {
	if t.scriptErr == nil {
		return nil
	}
	return t.scriptErr
}

// Program returns the compiled mustache program of an inline template
// and the encoder its content_type selects, as a node with default
// script settings runs it. The error is nil on success; otherwise it is
// what running the template reports before rendering: a compile failure,
// or an *Error with StageOffline for a stored script (its source is not
// available offline) or a template beyond the engine's bounds.
func (t *Template) Program() (*mustache.Template, mustache.Encoder, *Error) {
	c, _, e := t.program(ScriptSettings{})
	if e != nil {
		return nil, c.enc, e
	}
	return c.prog, c.enc, nil
}

// Params are the script's params, which a template can name like user
// fields (model entries win); nil when it has none.
func (t *Template) Params() *java.Map { return t.script.params }
