package mustache

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
)

// FileName is the template name Elasticsearch's mustache engine compiles
// with; it appears in mustache.java's error messages.
const FileName = "query-template"

// MaxDepth bounds section nesting. mustache.java recurses once per section
// and would overflow the Java stack somewhere in the thousands; this limit
// is far above any real role template.
const MaxDepth = 500

// Template is a compiled mustache template.
type Template struct {
	codes []*node
}

type parser struct {
	src   []uint16
	pos   int
	line  int
	file  string
	depth int
}

func (p *parser) read() int {
	if p.pos >= len(p.src) {
		return -1
	}
	c := p.src[p.pos]
	p.pos++
	return int(c)
}

func u16(s string) []uint16 { return utf16.Encode([]rune(s)) }

func str(u []uint16) string { return string(utf16.Decode(u)) }

// Compile parses src as Elasticsearch's mustache engine does, including the
// init step that resolves partials (which always fails here).
func Compile(src string) (*Template, error) {
	return compileWith(src, FileName, "{{", "}}", true)
}

func compileWith(src, file, sm, em string, startOfLine bool) (*Template, error) {
	p := &parser{src: u16(src), file: file}
	codes, err := p.compile("", false, u16(sm), u16(em), startOfLine)
	if err != nil {
		return nil, err
	}
	if err := initCodes(codes); err != nil {
		return nil, err
	}
	return &Template{codes: codes}, nil
}

// initCodes mirrors Mustache.init: partials and template extension are
// compiled then, from a resolver this engine does not have.
func initCodes(codes []*node) error {
	for _, c := range codes {
		switch c.kind {
		case kPartial, kExtend:
			return &Error{Kind: CompileMustache, Msg: "Template " + javaPath(c.name) + " not found"}
		}
		if err := initCodes(c.children); err != nil {
			return err
		}
	}
	return nil
}

// javaPath is new File(name).getPath() on Unix: repeated slashes collapse
// and a trailing slash is dropped.
func javaPath(name string) string {
	if name == "" {
		return ""
	}
	var b strings.Builder
	prevSlash := false
	for _, r := range name {
		if r == '/' {
			if prevSlash {
				continue
			}
			prevSlash = true
		} else {
			prevSlash = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if len(out) > 1 && strings.HasSuffix(out, "/") {
		out = out[:len(out)-1]
	}
	return out
}

func javaErr(msg string) *Error {
	return &Error{Kind: CompileJava, Msg: msg}
}

// compile is MustacheParser.compile for one nesting level. tag is the name
// of the section being compiled (hasTag false at the top level).
func (p *parser) compile(tag string, hasTag bool, sm, em []uint16, startOfLine bool) ([]*node, error) {
	if p.depth > MaxDepth {
		return nil, &Error{Kind: WorkLimit, Msg: "sections are nested more than " + strconv.Itoa(MaxDepth) + " deep"}
	}
	sawCR := false
	startLine := p.line
	v := &visitor{}
	onlyWS := true
	iterable := p.line != 0
	if p.line == 0 {
		p.line = 1
	}
	var out []uint16
	flush := func() {
		v.write(str(out))
		out = out[:0]
	}
	for {
		c := p.read()
		if c < 0 {
			break
		}
		if c == '\r' {
			sawCR = true
			continue
		}
		if c == '\n' {
			p.line++
			if !iterable || !onlyWS {
				if sawCR {
					out = append(out, '\r')
				}
				out = append(out, '\n')
			}
			flush()
			iterable = false
			onlyWS = true
			startOfLine = true
			continue
		}
		sawCR = false
		if len(sm) == 0 {
			return nil, javaErr("java.lang.StringIndexOutOfBoundsException: Index 0 out of bounds for length 0")
		}
		if uint16(c) == sm[0] {
			mark := p.pos
			if len(sm) == 1 || p.read() == int(sm[1]) {
				var sb []uint16
				last := -1
				for {
					last = p.read()
					if last < 0 {
						break
					}
					mark2 := p.pos
					if len(em) == 0 {
						return nil, javaErr("java.lang.StringIndexOutOfBoundsException: Index 0 out of bounds for length 0")
					}
					if uint16(last) == em[0] {
						if len(em) > 1 {
							if p.read() == int(em[1]) {
								break
							}
							p.pos = mark2
						} else {
							break
						}
					}
					sb = append(sb, uint16(last))
				}
				if len(sb) == 0 {
					return nil, compileErr(p.file, p.line, "Empty mustache")
				}
				command := str(sb)
				ch := sb[0]
				variable := javatext.Trim(str(sb[1:]))
				tagStart := mark - 1
				tc := func(sol bool) node {
					return node{sm: str(sm), em: str(em), line: p.line, startOfLine: sol, start: tagStart, end: p.pos}
				}
				switch ch {
				case '#', '^', '<', '$':
					startOfLine = startOfLine && onlyWS
					line := p.line
					p.depth++
					body, err := p.compile(variable, true, sm, em, startOfLine)
					p.depth--
					if err != nil {
						return nil, err
					}
					lines := p.line - line
					if !onlyWS || lines == 0 {
						v.write(str(out))
					}
					out = out[:0]
					n := tc(startOfLine)
					n.line = line
					n.name, n.hasName, n.children = variable, true, body
					switch ch {
					case '#':
						fn, err := function(&n, variable, body)
						if err != nil {
							return nil, err
						}
						v.list = append(v.list, fn)
					case '^':
						n.kind, n.typ = kInverted, "^"
						v.list = append(v.list, &n)
					case '<':
						n.kind, n.typ = kExtend, "<"
						v.list = append(v.list, &n)
					case '$':
						n.kind, n.typ = kExtendName, "$"
						v.list = append(v.list, &n)
					}
					iterable = lines != 0
				case '/':
					if !startOfLine || !onlyWS {
						v.write(str(out))
					}
					if !hasTag || variable != tag {
						t := "null"
						if hasTag {
							t = tag
						}
						return nil, compileErr(p.file, p.line, "Mismatched start/end tags: %s != %s in %s:%d", t, variable, p.file, p.line)
					}
					return v.list, nil
				case '>':
					flush()
					startOfLine = startOfLine && onlyWS
					n := tc(startOfLine)
					n.kind, n.typ, n.name, n.hasName = kPartial, ">", variable, true
					v.list = append(v.list, &n)
				case '{':
					flush()
					name := variable
					if len(em) < 2 {
						return nil, javaErr("java.lang.StringIndexOutOfBoundsException: Index 1 out of bounds for length 1")
					}
					if em[1] != '}' {
						if variable == "" {
							return nil, javaErr("java.lang.StringIndexOutOfBoundsException: begin 0, end -1, length 0")
						}
						vu := u16(variable)
						name = str(vu[:len(vu)-1])
					} else if p.read() != '}' {
						return nil, compileErr(p.file, p.line, "Improperly closed variable in %s:%d", p.file, p.line)
					}
					n := tc(false)
					n.kind, n.name, n.hasName = kValue, name, true
					v.list = append(v.list, &n)
				case '&':
					flush()
					n := tc(false)
					n.kind, n.name, n.hasName = kValue, variable, true
					v.list = append(v.list, &n)
				case '%':
					flush()
					pragma := variable
					if i := strings.IndexByte(variable, ' '); i >= 0 {
						pragma = variable[:i]
					}
					if strings.ToLower(pragma) == "implicit-iterator" {
						v.list = append(v.list, &node{kind: kPlain})
					}
				case '!':
					n := tc(startOfLine)
					n.kind, n.typ, n.name, n.hasName = kComment, "!", variable, true
					v.list = append(v.list, &n)
					flush()
				case '=':
					flush()
					d := removeJavaWhitespace(sb)
					if len(d) > 6 || len(d)%2 != 0 {
						return nil, compileErr(p.file, p.line, "Invalid delimiter string")
					}
					sm = append([]uint16(nil), d[1:len(d)/2]...)
					em = append([]uint16(nil), d[len(d)/2:len(d)-1]...)
				default:
					if last < 0 {
						return nil, compileErr(p.file, p.line, "Improperly closed variable")
					}
					flush()
					n := tc(false)
					n.kind, n.name, n.hasName, n.encoded = kValue, javatext.Trim(command), true, true
					v.list = append(v.list, &n)
				}
				startOfLine = false
				continue
			}
			p.pos = mark
		}
		onlyWS = onlyWS && (c == ' ' || c == '\t' || c == '\r')
		out = append(out, uint16(c))
	}
	v.write(str(out))
	if hasTag {
		return nil, compileErr(p.file, startLine, "Failed to close '%s' tag", tag)
	}
	v.list = append(v.list, &node{kind: kPlain})
	return v.list, nil
}

// removeJavaWhitespace is command.replaceAll("\\s+", ""): Java's \s is
// [ \t\n\x0B\f\r].
func removeJavaWhitespace(u []uint16) []uint16 {
	out := make([]uint16, 0, len(u))
	for _, c := range u {
		switch c {
		case ' ', '\t', '\n', 0x0B, '\f', '\r':
			continue
		}
		out = append(out, c)
	}
	return out
}

// function is Elasticsearch's CustomMustacheVisitor.iterable: it turns a
// {{#name}} section into a toJson, join or url function when the name
// matches, or into a plain section.
func function(n *node, variable string, body []*node) (*node, error) {
	switch {
	case javatext.EqualsIgnoreCase("toJson", variable):
		name, err := extractVariableName("toJson", body)
		if err != nil {
			return nil, err
		}
		n.kind, n.code, n.name = kToJSON, "toJson", name
	case javatext.EqualsIgnoreCase("join", variable):
		name, err := extractVariableName("join", body)
		if err != nil {
			return nil, err
		}
		n.kind, n.code, n.name, n.delim = kJoin, "join", name, ","
	case isCustomJoin(variable):
		name, err := extractVariableName("join", body)
		if err != nil {
			return nil, err
		}
		n.kind, n.code, n.name = kJoin, "join", name
		n.delim = strings.TrimSuffix(strings.TrimPrefix(variable, customJoinPrefix), "'")
	case javatext.EqualsIgnoreCase("url", variable):
		n.kind = kURL
	default:
		n.kind, n.typ = kSection, "#"
	}
	return n, nil
}

const customJoinPrefix = "join delimiter='"

// isCustomJoin is Pattern "^join delimiter='(.*)'$" with matches(): '.'
// does not match Java's line terminators.
func isCustomJoin(v string) bool {
	if len(v) < len(customJoinPrefix)+1 || !strings.HasPrefix(v, customJoinPrefix) || !strings.HasSuffix(v, "'") {
		return false
	}
	return !strings.ContainsAny(v[len(customJoinPrefix):len(v)-1], "\n\r\u0085\u2028\u2029")
}

// extractVariableName is CustomCode.extractVariableName: the body must be
// exactly one code; a literal text body is the identifier itself,
// anything else contributes its template text.
func extractVariableName(fn string, body []*node) (string, error) {
	if len(body) != 1 {
		return "", &Error{Kind: CompileMustache, Msg: "Mustache function [" + fn + "] must contain one and only one identifier"}
	}
	var b strings.Builder
	if body[0].kind == kWrite {
		b.WriteString(body[0].appended)
	} else {
		body[0].identity(&b)
	}
	return b.String(), nil
}
