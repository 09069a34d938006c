package template

import (
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// Format is a role template's "format": how the rendered text becomes
// role names.
type Format uint8

// Formats.
const (
	// FormatString: the rendered text is one role name, even when empty.
	FormatString Format = iota
	// FormatJSON: the rendered text is a JSON string or array of strings.
	FormatJSON
)

// String returns the format's name as written in a role template.
func (f Format) String() string {
	if f == FormatJSON {
		return "json"
	}
	return "string"
}

// Template is one parsed role template. It is never nil when returned by
// Parse; a template Elasticsearch would reject carries that failure (see
// ParseErr and ValidateAtPut).
type Template struct {
	span       source.Span // the role template object
	tmplSpan   source.Span // the "template" value
	format     Format
	raw        string // the template as Elasticsearch stores it
	stringForm bool

	parseErr  *Error // TemplateRoleName parser failure
	scriptErr *Error // JSON / Script parser failure

	script     script
	compileErr *Error             // encoder or mustache syntax failure (inline scripts)
	prog       *mustache.Template // compiled inline source
	enc        mustache.Encoder
}

// script is a parsed Elasticsearch Script.
type script struct {
	stored      bool
	idOrCode    string
	lang        string // as written (inline scripts are run as mustache anyway)
	langSet     bool
	options     *java.Map // compiler options after parsing
	params      *java.Map
	contentType string // options' content_type; "" when absent
	span        source.Span
	sourceSpan  source.Span // the source or id value
	sourcePtr   string      // its JSON pointer (with ParseAt)
}

// Format returns the template's format (string when not given).
func (t *Template) Format() Format { return t.format }

// Span is where the role template object is written.
func (t *Template) Span() source.Span { return t.span }

// TemplateSpan is where the "template" value is written.
func (t *Template) TemplateSpan() source.Span { return t.tmplSpan }

// SourceSpan is where the script's source (or stored script id) is
// written; for a template given as a JSON string, that string.
func (t *Template) SourceSpan() source.Span { return t.script.sourceSpan }

// Raw is the template as Elasticsearch stores and returns it: the string
// as given, or the template object as compact JSON.
func (t *Template) Raw() string { return t.raw }

// StringForm reports whether "template" was given as a string holding
// JSON (accepted by Elasticsearch, but not the documented form).
func (t *Template) StringForm() bool { return t.stringForm }

// IsStored reports whether the template refers to a stored script by id;
// such a template cannot be checked or evaluated offline without the
// script's source.
func (t *Template) IsStored() bool { return t.scriptErr == nil && t.script.stored }

// ID is the stored script id ("" for inline scripts).
func (t *Template) ID() string {
	if t.IsStored() {
		return t.script.idOrCode
	}
	return ""
}

// Source is the inline mustache source ("" for stored scripts and scripts
// that failed to parse). An object source is given as its compact JSON.
func (t *Template) Source() string {
	if t.scriptErr != nil || t.script.stored {
		return ""
	}
	return t.script.idOrCode
}

// ContentType is the script's content_type compiler option ("" when not
// set, which means application/json: values are JSON-escaped).
func (t *Template) ContentType() string { return t.script.contentType }

// ParseErr is the error Elasticsearch reports when it parses the mapping
// body (the role template's shape), or nil.
func (t *Template) ParseErr() error {
	if t.parseErr == nil {
		return nil
	}
	return t.parseErr
}
