package produce

import (
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/template"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// VarKind says how a template uses a variable.
type VarKind uint8

// Uses of variables.
const (
	// VarValue is {{name}}: the value, escaped by the template's encoder.
	VarValue VarKind = iota
	// VarRawValue is {{{name}}} or {{&name}}: the value unescaped.
	VarRawValue
	// VarSection is {{#name}}...{{/name}}: the body once per element or
	// truthy value.
	VarSection
	// VarInverted is {{^name}}...{{/name}}: the body when the value is
	// falsey.
	VarInverted
	// VarToJSON is {{#toJson}}name{{/toJson}}: the value as JSON.
	VarToJSON
	// VarJoin is {{#join}}name{{/join}} (or with a delimiter): a
	// collection's elements joined.
	VarJoin
	// VarURL is the {{#url}}...{{/url}} function, which URL-encodes what
	// its body writes; it names no variable.
	VarURL
)

// String names the use.
func (k VarKind) String() string {
	switch k {
	case VarValue:
		return "value"
	case VarRawValue:
		return "unescaped value"
	case VarSection:
		return "section"
	case VarInverted:
		return "inverted section"
	case VarToJSON:
		return "toJson"
	case VarJoin:
		return "join"
	case VarURL:
		return "url"
	}
	return "unknown"
}

// VarUse is one use of a variable or function in a template.
type VarUse struct {
	// Name is the variable as written ("username", "groups", ".",
	// "metadata.team"); for toJson and join, the identifier inside them;
	// "" for url.
	Name string
	// Kind says how it is used.
	Kind VarKind
	// Text is the tag as written: "{{username}}", "{{#groups}}",
	// "{{#tojson}}groups{{/tojson}}".
	Text string
	// Fields are the user model fields ("username", "dn", "groups",
	// "metadata.<key>", "realm.name") the name can resolve to, for some
	// user; empty when it only reaches script params or nothing.
	Fields []string
	// Line is the 1-based line of the tag in the template source.
	Line int
	// Span is where the tag is written when Exact; otherwise where the
	// template source is written.
	Span source.Span
	// Exact reports whether Span is the tag itself (the source is written
	// without escapes, so offsets inside it map to the file).
	Exact bool
}

// Variables lists the variables and functions the template uses, in
// source order (stored and broken templates use none that can be known).
// Fields are resolved for every possible user.
func Variables(t *template.Template) []VarUse {
	uses, codes := variableUses(t)
	if len(uses) == 0 {
		return nil
	}
	prog, _, _ := t.Program() // not nil: variableUses found uses
	x := &absExec{vals: newValues(nil, t.Params()), uses: codes, hasEnc: false}
	x.fields = make([][]string, len(uses))
	// Errors only cut the field resolution short; the uses stand.
	_, _ = x.codes(prog.Codes(), []*aval{x.vals.root})
	for i := range uses {
		uses[i].Fields = x.fields[i]
	}
	return uses
}

// variableUses lists the uses in the compiled program, without fields,
// and maps each code to its index.
func variableUses(t *template.Template) ([]VarUse, map[mustache.Code]int) {
	// Program fails for stored scripts and templates that did not compile.
	prog, _, e := t.Program()
	if e != nil || t.ParseErr() != nil || t.ScriptErr() != nil {
		return nil, nil
	}
	src := t.Source()
	offs := utf16Offsets(src)
	srcSpan := t.SourceSpan()
	fileBase, exact := sourceBase(srcSpan, src)
	var uses []VarUse
	index := map[mustache.Code]int{}
	var walk func(list []mustache.Code)
	walk = func(list []mustache.Code) {
		for _, c := range list {
			var kind VarKind
			switch c.Kind() {
			case mustache.CodeValue:
				kind = VarValue
				if !c.Escaped() {
					kind = VarRawValue
				}
			case mustache.CodeSection:
				kind = VarSection
			case mustache.CodeInverted:
				kind = VarInverted
			case mustache.CodeToJSON:
				kind = VarToJSON
			case mustache.CodeJoin:
				kind = VarJoin
			case mustache.CodeURL:
				kind = VarURL
			default:
				walk(c.Children())
				continue
			}
			u := VarUse{Name: c.Name(), Kind: kind, Line: c.Line(), Span: srcSpan}
			if kind == VarURL {
				u.Name = ""
			}
			s16, e16 := c.Offsets()
			bs, be := byteOffset(offs, s16), byteOffset(offs, e16)
			if 0 <= bs && bs < be && be <= len(src) {
				if kind == VarSection || kind == VarInverted || kind == VarURL {
					sm, em := c.Delims()
					if i := strings.Index(src[min(bs+len(sm), be):be], em); i >= 0 {
						be = min(bs+len(sm), be) + i + len(em)
					}
				}
				u.Text = src[bs:be]
				if exact {
					u.Span = source.Span{File: srcSpan.File, Start: fileBase + bs, End: fileBase + be}
					u.Exact = true
				}
			}
			index[c] = len(uses)
			uses = append(uses, u)
			walk(c.Children())
		}
	}
	walk(prog.Codes())
	return uses, index
}

// utf16Offsets maps UTF-16 offsets of s to byte offsets: entry k is the
// byte offset of UTF-16 unit k (units inside a surrogate pair map to the
// character's start).
func utf16Offsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		offs = append(offs, i)
		if r >= 0x10000 {
			offs = append(offs, i)
		}
	}
	return append(offs, len(s))
}

func byteOffset(offs []int, u16 int) int {
	if u16 < 0 || u16 >= len(offs) {
		return -1
	}
	return offs[u16]
}

// sourceBase returns the file offset where the template source's text
// starts, when the source is written verbatim (a JSON or YAML string with
// no escapes), so that offsets inside it are offsets in the file.
func sourceBase(span source.Span, src string) (int, bool) {
	if !span.IsValid() || span.Start < 0 || span.End > len(span.File.Content) || span.Start > span.End {
		return 0, false
	}
	written := string(span.File.Content[span.Start:span.End])
	if !utf8.ValidString(written) {
		return 0, false
	}
	switch {
	case written == src:
		return span.Start, true
	case len(written) == len(src)+2 && written[1:len(written)-1] == src &&
		(written[0] == '"' && written[len(written)-1] == '"' || written[0] == '\'' && written[len(written)-1] == '\''):
		return span.Start + 1, true
	}
	return 0, false
}
