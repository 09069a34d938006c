// Package mapping is rolemap-lint's model of one role mapping: it reads a
// mapping body the way Elasticsearch's ExpressionRoleMapping parser does,
// runs the request validation of a PUT (or of operator file settings), and
// records every problem with the check that owns it.
package mapping

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

// Origin says where a mapping is defined, which decides how Elasticsearch
// validates it.
type Origin uint8

// Mapping origins.
const (
	// API mappings are PUT bodies or entries of a GET dump (native mappings).
	API Origin = iota
	// Operator mappings come from file-based settings (`state.role_mappings`)
	// or an ECK StackConfigPolicy.
	Operator
)

// String names the origin.
func (o Origin) String() string {
	if o == Operator {
		return "operator"
	}
	return "api"
}

// Role is one role name granted by `roles`.
type Role struct {
	Name string
	Span source.Span
}

// Mapping is one parsed role mapping.
type Mapping struct {
	// Name is the mapping name (file name or key).
	Name string
	// NameSpan is where the name is written (the key), or the start of the
	// body for mappings named after their file.
	NameSpan source.Span
	Origin   Origin
	// Body is the mapping body as written.
	Body *source.Value
	// Pointer is the JSON pointer of Body in its document.
	Pointer source.Pointer

	// Enabled is the parsed `enabled` flag.
	Enabled bool
	// Roles are the fixed role names; nil when `roles` is absent.
	Roles []Role
	// Templates are the parsed role templates; nil when absent.
	Templates []*template.Template
	// Rules is the parsed rule tree; nil when absent or invalid.
	Rules *rules.Expr
	// Metadata is the `metadata` object, if any.
	Metadata *source.Value

	// Problems are the findings of parsing and validation, each tagged with
	// the check that owns it.
	Problems []diag.Diagnostic

	// AltReading is the mapping as the other YAML reader reads it (see
	// ReconcileReadings), and AltReader names that reader; nil when the
	// reader is known or both readings agree.
	AltReading *Mapping
	AltReader  loader.Reader
}

// File is the file the mapping was read from.
func (m *Mapping) File() *source.File { return m.Body.Span.File }

// Valid reports whether Elasticsearch would accept the mapping: no problem
// of a rejecting check was found. Invalid mappings grant nothing.
func (m *Mapping) Valid() bool {
	for _, p := range m.Problems {
		if Rejection(p) {
			return false
		}
	}
	return true
}

// Rejection reports whether a problem makes Elasticsearch refuse the
// mapping: a problem of a rejecting check at its default (error) level. A
// problem its producer marked as a warning or info — a deprecated field
// Elasticsearch only logs, a template it does not compile when it applies
// operator settings — is not one.
func Rejection(d diag.Diagnostic) bool {
	return Rejects(d.Check) && (d.Level == diag.Default || d.Level == diag.Error)
}

// Field returns the member of the body named key, if present.
func (m *Mapping) Field(key string) *source.Member { return m.Body.Member(key) }

// Rejects reports whether problems of the check make Elasticsearch refuse a
// mapping (the table is diag.Rejects').
func Rejects(check string) bool { return diag.Rejects(check) }
