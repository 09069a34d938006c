// Package jsonx reads JSON the way Elasticsearch's XContent parser
// (Jackson, as configured by Elasticsearch) does: as a stream of tokens
// read on demand, with comments allowed, duplicate object keys rejected,
// several root values allowed one after another, and Jackson's wording for
// syntax errors. Reading stops where the caller stops asking, so trailing
// content after the first value is not an error, exactly as in
// Elasticsearch.
package jsonx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is an XContent token.
type Kind int

// Tokens, named as XContentParser.Token names them.
const (
	EOF Kind = iota
	StartObject
	EndObject
	StartArray
	EndArray
	FieldName
	String
	Number
	Bool
	Null
)

// String returns the XContent token name; EOF is Java's "null".
func (k Kind) String() string {
	switch k {
	case StartObject:
		return "START_OBJECT"
	case EndObject:
		return "END_OBJECT"
	case StartArray:
		return "START_ARRAY"
	case EndArray:
		return "END_ARRAY"
	case FieldName:
		return "FIELD_NAME"
	case String:
		return "VALUE_STRING"
	case Number:
		return "VALUE_NUMBER"
	case Bool:
		return "VALUE_BOOLEAN"
	case Null:
		return "VALUE_NULL"
	}
	return "null"
}

// Token is one token. Text is the decoded string for String and FieldName,
// the literal for Number, and "true"/"false" for Bool. Offset is the byte
// offset where the token starts.
type Token struct {
	Kind   Kind
	Text   string
	Offset int
}

// MaxDepth is Jackson's default StreamReadConstraints nesting limit.
const MaxDepth = 1000

// Error is a JSON syntax error with Jackson's wording.
type Error struct {
	Msg    string
	Offset int
	Line   int
	Column int
}

// Error returns the message with its line and column.
func (e *Error) Error() string {
	return fmt.Sprintf("%s at [line: %d, column: %d]", e.Msg, e.Line, e.Column)
}

type frame struct {
	obj      bool
	n        int // members/elements read so far
	afterKey bool
	keys     map[string]struct{}
}

// Lexer yields XContent tokens from JSON text.
type Lexer struct {
	s     string
	pos   int
	stack []frame
	// rootValues counts values completed at the root.
	rootValues int
	lastWasNum bool
	err        error
}

// NewLexer returns a lexer over s.
func NewLexer(s string) *Lexer { return &Lexer{s: s} }

// Depth is the current nesting depth.
func (l *Lexer) Depth() int { return len(l.stack) }

func (l *Lexer) errorf(off int, format string, args ...any) error {
	line, col := 1, 1
	for i := 0; i < off && i < len(l.s); i++ {
		if l.s[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	l.err = &Error{Msg: fmt.Sprintf(format, args...), Offset: off, Line: line, Column: col}
	return l.err
}

// skipSpace skips whitespace and comments.
func (l *Lexer) skipSpace() error {
	for l.pos < len(l.s) {
		c := l.s[l.pos]
		switch c {
		case ' ', '\t', '\n', '\r':
			l.pos++
		case '/':
			if l.pos+1 >= len(l.s) {
				return l.errorf(l.pos, "Unexpected end-of-input in a comment")
			}
			switch l.s[l.pos+1] {
			case '/':
				end := strings.IndexByte(l.s[l.pos:], '\n')
				if end < 0 {
					l.pos = len(l.s)
				} else {
					l.pos += end + 1
				}
			case '*':
				end := strings.Index(l.s[l.pos+2:], "*/")
				if end < 0 {
					return l.errorf(len(l.s), "Unexpected end-of-input in a comment")
				}
				l.pos += 2 + end + 2
			default:
				return l.errorf(l.pos, "Unexpected character (%s): was expecting either '*' or '/' for a comment", describe(l.s[l.pos+1:]))
			}
		default:
			return nil
		}
	}
	return nil
}

// describe renders the next character as Jackson does: ('x' (code 120)).
func describe(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if r < 0x20 {
		return fmt.Sprintf("CTRL-CHAR, code %d", r)
	}
	return fmt.Sprintf("'%c' (code %d)", r, r)
}

// Next returns the next token. After an error every call returns it.
func (l *Lexer) Next() (Token, error) {
	if l.err != nil {
		return Token{}, l.err
	}
	if err := l.skipSpace(); err != nil {
		return Token{}, err
	}
	if len(l.stack) == 0 {
		if l.pos >= len(l.s) {
			return Token{Kind: EOF, Offset: l.pos}, nil
		}
		if l.rootValues > 0 && l.lastWasNum && l.pos > 0 && !isSpace(l.s[l.pos-1]) {
			return Token{}, l.errorf(l.pos, "Unexpected character (%s): Expected space separating root-level values", describe(l.s[l.pos:]))
		}
		return l.value()
	}
	top := &l.stack[len(l.stack)-1]
	if l.pos >= len(l.s) {
		what := "Array"
		if top.obj {
			what = "Object"
		}
		return Token{}, l.errorf(l.pos, "Unexpected end-of-input: expected close marker for %s", strings.ToUpper(what))
	}
	c := l.s[l.pos]
	if top.obj {
		if top.afterKey {
			if c != ':' {
				return Token{}, l.errorf(l.pos, "Unexpected character (%s): was expecting a colon to separate field name and value", describe(l.s[l.pos:]))
			}
			l.pos++
			if err := l.skipSpace(); err != nil {
				return Token{}, err
			}
			top.afterKey = false
			if l.pos >= len(l.s) {
				return Token{}, l.errorf(l.pos, "Unexpected end-of-input: expected a value")
			}
			return l.value()
		}
		if c == '}' {
			return l.close(true)
		}
		if top.n > 0 {
			if c != ',' {
				return Token{}, l.errorf(l.pos, "Unexpected character (%s): was expecting comma to separate Object entries", describe(l.s[l.pos:]))
			}
			l.pos++
			if err := l.skipSpace(); err != nil {
				return Token{}, err
			}
			if l.pos >= len(l.s) {
				return Token{}, l.errorf(l.pos, "Unexpected end-of-input: expected close marker for OBJECT")
			}
			c = l.s[l.pos]
		}
		if c != '"' {
			return Token{}, l.errorf(l.pos, "Unexpected character (%s): was expecting double-quote to start field name", describe(l.s[l.pos:]))
		}
		off := l.pos
		name, err := l.str()
		if err != nil {
			return Token{}, err
		}
		if _, dup := top.keys[name]; dup {
			return Token{}, l.errorf(off, "Duplicate field '%s'", name)
		}
		top.keys[name] = struct{}{}
		top.n++
		top.afterKey = true
		return Token{Kind: FieldName, Text: name, Offset: off}, nil
	}
	if c == ']' {
		return l.close(false)
	}
	if top.n > 0 {
		if c != ',' {
			return Token{}, l.errorf(l.pos, "Unexpected character (%s): was expecting comma to separate Array entries", describe(l.s[l.pos:]))
		}
		l.pos++
		if err := l.skipSpace(); err != nil {
			return Token{}, err
		}
		if l.pos >= len(l.s) {
			return Token{}, l.errorf(l.pos, "Unexpected end-of-input: expected close marker for ARRAY")
		}
	}
	top.n++
	return l.value()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (l *Lexer) close(obj bool) (Token, error) {
	off := l.pos
	l.pos++
	l.stack = l.stack[:len(l.stack)-1]
	l.lastWasNum = false
	if len(l.stack) == 0 {
		l.rootValues++
	}
	if obj {
		return Token{Kind: EndObject, Offset: off}, nil
	}
	return Token{Kind: EndArray, Offset: off}, nil
}

// value reads a value token at l.pos (whitespace already skipped).
func (l *Lexer) value() (Token, error) {
	off := l.pos
	c := l.s[l.pos]
	scalar := func(t Token) (Token, error) {
		if len(l.stack) == 0 {
			l.rootValues++
		}
		l.lastWasNum = t.Kind == Number
		return t, nil
	}
	switch {
	case c == '{' || c == '[':
		if len(l.stack) >= MaxDepth {
			return Token{}, l.errorf(off, "Document nesting depth (%d) exceeds the maximum allowed (%d, from `StreamReadConstraints.getMaxNestingDepth()`)", len(l.stack)+1, MaxDepth)
		}
		l.pos++
		if c == '{' {
			l.stack = append(l.stack, frame{obj: true, keys: map[string]struct{}{}})
			return Token{Kind: StartObject, Offset: off}, nil
		}
		l.stack = append(l.stack, frame{})
		return Token{Kind: StartArray, Offset: off}, nil
	case c == '"':
		s, err := l.str()
		if err != nil {
			return Token{}, err
		}
		return scalar(Token{Kind: String, Text: s, Offset: off})
	case c == '-' || (c >= '0' && c <= '9'):
		lit, err := l.number()
		if err != nil {
			return Token{}, err
		}
		return scalar(Token{Kind: Number, Text: lit, Offset: off})
	case c == ']' || c == '}' || c == ',' || c == ':':
		return Token{}, l.errorf(off, "Unexpected character (%s): expected a value", describe(l.s[off:]))
	}
	word := l.word()
	switch word {
	case "true", "false":
		return scalar(Token{Kind: Bool, Text: word, Offset: off})
	case "null":
		return scalar(Token{Kind: Null, Text: word, Offset: off})
	}
	if word == "" {
		return Token{}, l.errorf(off, "Unexpected character (%s): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", describe(l.s[off:]))
	}
	return Token{}, l.errorf(off, "Unrecognized token '%s': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", word)
}

// word reads a run of characters up to whitespace or a structural char.
func (l *Lexer) word() string {
	start := l.pos
	for l.pos < len(l.s) {
		c := l.s[l.pos]
		if isSpace(c) || strings.IndexByte("{}[]:,\"/", c) >= 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(l.s[l.pos:])
		l.pos += size
		if l.pos-start > 256 {
			break
		}
	}
	return l.s[start:l.pos]
}

func (l *Lexer) number() (string, error) {
	start := l.pos
	if l.s[l.pos] == '-' {
		l.pos++
		if l.pos >= len(l.s) || l.s[l.pos] < '0' || l.s[l.pos] > '9' {
			return "", l.errorf(start, "Unexpected character (%s) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value", describeAt(l.s, l.pos))
		}
	}
	if l.s[l.pos] == '0' && l.pos+1 < len(l.s) && l.s[l.pos+1] >= '0' && l.s[l.pos+1] <= '9' {
		return "", l.errorf(start, "Invalid numeric value: Leading zeroes not allowed")
	}
	for l.pos < len(l.s) && l.s[l.pos] >= '0' && l.s[l.pos] <= '9' {
		l.pos++
	}
	if l.pos < len(l.s) && l.s[l.pos] == '.' {
		l.pos++
		d := l.pos
		for l.pos < len(l.s) && l.s[l.pos] >= '0' && l.s[l.pos] <= '9' {
			l.pos++
		}
		if l.pos == d {
			return "", l.errorf(l.pos, "Unexpected character (%s) in numeric value: Decimal point not followed by a digit", describeAt(l.s, l.pos))
		}
	}
	if l.pos < len(l.s) && (l.s[l.pos] == 'e' || l.s[l.pos] == 'E') {
		l.pos++
		if l.pos < len(l.s) && (l.s[l.pos] == '+' || l.s[l.pos] == '-') {
			l.pos++
		}
		d := l.pos
		for l.pos < len(l.s) && l.s[l.pos] >= '0' && l.s[l.pos] <= '9' {
			l.pos++
		}
		if l.pos == d {
			return "", l.errorf(l.pos, "Unexpected character (%s) in numeric value: Exponent indicator not followed by a digit", describeAt(l.s, l.pos))
		}
	}
	return l.s[start:l.pos], nil
}

func describeAt(s string, pos int) string {
	if pos >= len(s) {
		return "end-of-input"
	}
	return describe(s[pos:])
}

// str reads a string literal starting at the opening quote.
func (l *Lexer) str() (string, error) {
	l.pos++
	var b strings.Builder
	var pending rune = -1 // a high surrogate from \uXXXX waiting for its pair
	flush := func() {
		if pending >= 0 {
			b.WriteRune(utf8.RuneError)
			pending = -1
		}
	}
	for {
		if l.pos >= len(l.s) {
			return "", l.errorf(l.pos, "Unexpected end-of-input: was expecting closing quote for a string value")
		}
		c := l.s[l.pos]
		switch {
		case c == '"':
			flush()
			l.pos++
			return b.String(), nil
		case c == '\\':
			if l.pos+1 >= len(l.s) {
				return "", l.errorf(l.pos, "Unexpected end-of-input in character escape sequence")
			}
			e := l.s[l.pos+1]
			l.pos += 2
			var r rune
			switch e {
			case '"', '\\', '/':
				r = rune(e)
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			case 'u':
				if l.pos+4 > len(l.s) {
					return "", l.errorf(l.pos, "Unexpected end-of-input in character escape sequence")
				}
				v, err := strconv.ParseUint(l.s[l.pos:l.pos+4], 16, 16)
				if err != nil {
					return "", l.errorf(l.pos, "Unexpected character (%s): expected a hex-digit for character escape sequence", describe(l.s[l.pos:]))
				}
				l.pos += 4
				r = rune(v)
				if utf16.IsSurrogate(r) {
					if r < 0xDC00 {
						flush()
						pending = r
						continue
					}
					if pending >= 0 {
						b.WriteRune(utf16.DecodeRune(pending, r))
						pending = -1
						continue
					}
					b.WriteRune(utf8.RuneError)
					continue
				}
			default:
				return "", l.errorf(l.pos-1, "Unrecognized character escape %s", describe(l.s[l.pos-1:]))
			}
			flush()
			b.WriteRune(r)
		case c < 0x20:
			return "", l.errorf(l.pos, "Illegal unquoted character ((CTRL-CHAR, code %d)): has to be escaped using backslash to be included in string value", c)
		default:
			flush()
			r, size := utf8.DecodeRuneInString(l.s[l.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", l.errorf(l.pos, "Invalid UTF-8 start byte 0x%02x", c)
			}
			b.WriteString(l.s[l.pos : l.pos+size])
			l.pos += size
		}
	}
}
