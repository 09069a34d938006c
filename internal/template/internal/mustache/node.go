// Package mustache is a mustache engine that behaves like the one inside
// Elasticsearch: spullara/mustache.java's parser and code tree, with
// Elasticsearch's CustomMustacheFactory (JSON escaping by default, the
// toJson/join/url functions) and CustomReflectionObjectHandler (map and
// collection lookups only, "size" and index keys on collections).
//
// It parses in UTF-16 code units as Java does, reproduces mustache.java's
// whitespace handling and error messages, never reads partials (they fail
// to compile, as they do on an Elasticsearch node that has no such file),
// and bounds nesting depth, work and output.
package mustache

import "strings"

type kind uint8

const (
	kWrite      kind = iota // WriteCode: literal text
	kValue                  // ValueCode: {{x}}, {{{x}}}, {{&x}}
	kSection                // IterableCode: {{#x}}...{{/x}}
	kInverted               // NotIterableCode: {{^x}}...{{/x}}
	kExtendName             // ExtendNameCode: {{$x}}...{{/x}}
	kExtend                 // ExtendCode: {{<x}}...{{/x}}
	kPartial                // PartialCode: {{>x}}
	kComment                // CommentCode: {{!x}}
	kPlain                  // a nameless DefaultCode (pragma handler, EOF)
	kToJSON                 // Elasticsearch {{#toJson}}x{{/toJson}}
	kJoin                   // Elasticsearch {{#join}}x{{/join}}, {{#join delimiter='d'}}
	kURL                    // Elasticsearch {{#url}}...{{/url}}
)

// node is one mustache.java Code. Text that follows a code in the template
// is stored in appended, as mustache.java does.
type node struct {
	kind     kind
	name     string // variable name; for toJson/join the extracted identifier
	hasName  bool
	encoded  bool   // ValueCode: escape with the factory encoder
	typ      string // identity type prefix: "#", "^", "$", "<", ">", "!"
	code     string // function code written by identity ("toJson", "join")
	delim    string // join delimiter
	children []*node
	appended string
	// TemplateContext of the code.
	sm, em      string
	line        int
	startOfLine bool
	// Where the code is written in the compiled text, in UTF-16 units:
	// from its opening delimiter to the end of its (closing) tag. Only
	// read by the analysis view (view.go).
	start, end int
}

// identity writes the template text a code stands for, as mustache.java's
// Code.identity does (used by toJson and join to rebuild their body).
func (n *node) identity(b *strings.Builder) {
	switch n.kind {
	case kWrite, kPlain:
		b.WriteString(n.appended)
	case kValue:
		if n.hasName {
			b.WriteString(n.sm)
			if !n.encoded {
				b.WriteByte('{')
			}
			b.WriteString(n.name)
			if !n.encoded {
				b.WriteByte('}')
			}
			b.WriteString(n.em)
		}
		b.WriteString(n.appended)
	case kURL:
		// UrlEncoderCode is a DefaultMustache: no self output, no text.
		for _, c := range n.children {
			c.identity(b)
		}
	case kToJSON, kJoin:
		b.WriteString(n.sm + "#" + n.code + n.em)
		for _, c := range n.children {
			c.identity(b)
		}
		b.WriteString(n.sm + "/" + n.code + n.em)
		b.WriteString(n.appended)
	case kSection, kInverted, kExtendName, kExtend:
		b.WriteString(n.sm + n.typ + n.name + n.em)
		for _, c := range n.children {
			c.identity(b)
		}
		b.WriteString(n.sm + "/" + n.name + n.em)
		b.WriteString(n.appended)
	case kPartial, kComment:
		b.WriteString(n.sm + n.typ + n.name + n.em)
		b.WriteString(n.appended)
	}
}

// visitor collects the codes of one compile level, as DefaultMustacheVisitor.
type visitor struct {
	list []*node
}

func (v *visitor) write(text string) {
	if text == "" {
		return
	}
	if len(v.list) > 0 {
		v.list[len(v.list)-1].appended += text
		return
	}
	v.list = append(v.list, &node{kind: kWrite, appended: text})
}
