package mustache

import "strings"

// CodeKind says what a code of a compiled template does, for static
// analysis of the outputs a template can produce.
type CodeKind uint8

// Code kinds.
const (
	// CodeText writes its Appended text only.
	CodeText CodeKind = iota
	// CodeValue writes a variable ({{x}} escaped, {{{x}}} and {{&x}} raw).
	CodeValue
	// CodeSection renders its children once per element or truthy value.
	CodeSection
	// CodeInverted renders its children once when the value is falsey.
	CodeInverted
	// CodeBlock ({{$x}}...{{/x}}) renders its children once.
	CodeBlock
	// CodeToJSON is Elasticsearch's {{#toJson}}name{{/toJson}}.
	CodeToJSON
	// CodeJoin is Elasticsearch's {{#join}}name{{/join}} and its
	// delimiter variant.
	CodeJoin
	// CodeURL is Elasticsearch's {{#url}}...{{/url}}: each child's output
	// is URL-encoded.
	CodeURL
	// CodeOther writes nothing but its Appended text (comments, pragmas,
	// template inheritance that never runs).
	CodeOther
)

// Code is a read-only view of one code of a compiled template.
type Code struct{ n *node }

// Codes returns the template's top-level codes, in order.
func (t *Template) Codes() []Code { return view(t.codes) }

func view(list []*node) []Code {
	out := make([]Code, len(list))
	for i, n := range list {
		out[i] = Code{n}
	}
	return out
}

// Kind returns what the code does.
func (c Code) Kind() CodeKind {
	switch c.n.kind {
	case kWrite, kPlain:
		return CodeText
	case kValue:
		if !c.n.hasName {
			return CodeText
		}
		return CodeValue
	case kSection:
		return CodeSection
	case kInverted:
		return CodeInverted
	case kExtendName:
		return CodeBlock
	case kToJSON:
		return CodeToJSON
	case kJoin:
		return CodeJoin
	case kURL:
		return CodeURL
	}
	return CodeOther
}

// Name is the variable the code looks up: for functions, the identifier
// extracted from their body.
func (c Code) Name() string { return c.n.name }

// Escaped reports whether a value code applies the encoder ({{x}}).
func (c Code) Escaped() bool { return c.n.encoded }

// Delimiter is a join's delimiter.
func (c Code) Delimiter() string { return c.n.delim }

// Children are the codes a section, inverted section, block or url
// function renders.
func (c Code) Children() []Code { return view(c.n.children) }

// Appended is the literal text written after the code.
func (c Code) Appended() string { return c.n.appended }

// Delims are the start and end delimiters in force where the code is
// written.
func (c Code) Delims() (start, end string) { return c.n.sm, c.n.em }

// Line is the 1-based line of the code in the compiled text.
func (c Code) Line() int { return c.n.line }

// Offsets are where the code is written in the compiled text, in UTF-16
// units: from its opening delimiter to the end of its tag (for sections
// and functions, of the closing tag). Both are 0 for literal text.
func (c Code) Offsets() (start, end int) { return c.n.start, c.n.end }

// Fragment compiles the text a toJson or join function renders at run
// time (IterableCode.handleFunction): its body's template text, with the
// delimiters in force. A join of a value that is not a collection writes
// that fragment's output.
func (c Code) Fragment() (*Template, error) {
	var b strings.Builder
	for _, ch := range c.n.children {
		ch.identity(&b)
	}
	return compileWith(b.String(), FileName, c.n.sm, c.n.em, c.n.startOfLine)
}

// Encode applies the encoder to a value's text.
func (e Encoder) Encode(s string) string { return e.encode(s) }

// Falsey is BaseObjectHandler.falsey for a Java value.
func Falsey(v any) bool { return falsey(v) }

// Member looks key up in one scope value as a lookup does (maps and
// collections have keys); found is false when the scope has no such key.
// An error is the exception the lookup throws (a negative or out of range
// collection index).
func Member(scope any, key string) (v any, found bool, err error) {
	return member(scope, key)
}
