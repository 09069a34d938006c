package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// fail turns a tokenizer error into a syntax finding at the offending byte
// with a message saying what was expected. prev is the offset just after
// the last token read successfully.
func (p *jsonParser) fail(err error, prev int) {
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) {
		p.diags = append(p.diags, syntaxAt(p.f, prev, prev, "invalid JSON: %v", err))
		return
	}
	if errors.Is(se.Err, io.ErrUnexpectedEOF) {
		p.unexpectedEOF(prev)
		return
	}
	off := min(max(int(se.ByteOffset), prev), len(p.buf))
	msg := se.Err.Error()
	switch {
	case strings.Contains(msg, "escape sequence `"), strings.Contains(msg, "surrogate pair `"):
		start, end := p.locateQuoted(msg, off)
		p.diags = append(p.diags, syntaxAt(p.f, start, end, "%s", msg))
		return
	case errors.Is(se.Err, jsontext.ErrNonStringName):
		p.report(off, "expected a double-quoted object key, found %s", describeChar(p.buf, off))
		return
	case strings.HasPrefix(msg, "missing value after object name"):
		if top := p.top(); top != nil && top.pending != nil {
			p.report(off, "missing value for key %q before %s", top.pending.Key, describeChar(p.buf, off))
			return
		}
	case strings.HasSuffix(msg, "at start of value"):
		p.badValueStart(off)
		return
	}
	if leadingZero(p.buf, off) {
		p.report(off-1, "invalid number: JSON does not allow leading zeros (write the number without them, or quote it)")
		return
	}
	msg = strings.ReplaceAll(msg, "object name", "object key")
	if top := p.top(); top != nil {
		line := p.f.Position(top.v.Span.Start).Line
		if strings.HasSuffix(msg, "(expecting ',' or '}')") {
			msg = strings.TrimSuffix(msg, ")") + fmt.Sprintf(" to close the '{' at line %d)", line)
		} else if strings.HasSuffix(msg, "(expecting ',' or ']')") {
			msg = strings.TrimSuffix(msg, ")") + fmt.Sprintf(" to close the '[' at line %d)", line)
		}
	}
	p.report(off, "%s", msg)
}

// report adds a finding covering the character at off.
func (p *jsonParser) report(off int, format string, args ...any) {
	p.diags = append(p.diags, syntaxAt(p.f, off, off+runeLen(p.buf, off), format, args...))
}

// badValueStart explains a character found where a value or key should
// start.
func (p *jsonParser) badValueStart(off int) {
	c := byte(0)
	if off < len(p.buf) {
		c = p.buf[off]
	}
	what := describeChar(p.buf, off)
	if c == ',' && !afterOpenerOrComma(p.buf, off) {
		if next := skipJSONSpace(p.buf, off+1); next < len(p.buf) && (p.buf[next] == '}' || p.buf[next] == ']') {
			p.report(off, "trailing comma before '%c': JSON does not allow a comma after the last element; remove it", p.buf[next])
			return
		}
	}
	top := p.top()
	hint := ""
	if c == '\'' {
		hint = " (JSON strings use double quotes)"
	}
	switch {
	case top == nil && (c == '}' || c == ']'):
		p.report(off, "unexpected %s: there is no open '%c' to close", what, opener(c))
	case top == nil:
		p.report(off, "invalid character %s at the start of the document: expected a JSON value%s", what, hint)
	case top.v.Kind == source.Object && top.pending == nil:
		p.report(off, "expected a double-quoted object key, found %s%s", what, hint)
	case top.v.Kind == source.Object && (c == '}' || c == ']'):
		p.report(off, "missing value for key %q before %s", top.pending.Key, what)
	case c == '}' || c == ']':
		p.report(off, "unexpected %s: the '%c' at line %d is still open", what, openerOf(top), p.f.Position(top.v.Span.Start).Line)
	default:
		p.report(off, "invalid character %s where a value was expected%s", what, hint)
	}
}

// unexpectedEOF explains where the input ended too early.
func (p *jsonParser) unexpectedEOF(prev int) {
	n := len(p.buf)
	q := skipSeparators(p.buf, prev, n)
	if q < n {
		if p.buf[q] == '"' {
			p.diags = append(p.diags, syntaxAt(p.f, q, n, "unexpected end of file inside the string that starts here (missing closing '\"')"))
		} else {
			p.diags = append(p.diags, syntaxAt(p.f, q, n, "unexpected end of file inside a value"))
		}
		return
	}
	top := p.top()
	if top == nil {
		p.diags = append(p.diags, syntaxAt(p.f, n, n, "unexpected end of file: expected a JSON value"))
		return
	}
	open := openerOf(top)
	closer := byte(']')
	if open == '{' {
		closer = '}'
	}
	line := p.f.Position(top.v.Span.Start).Line
	d := syntaxAt(p.f, n, n, "unexpected end of file: missing '%c' for the '%c' at line %d", closer, open, line)
	if top.pending != nil {
		d.Message = fmt.Sprintf("unexpected end of file: missing value for key %q and '%c' for the '%c' at line %d", top.pending.Key, closer, open, line)
	}
	d.Related = append(d.Related, relatedAt(p.f, top.v.Span.Start, fmt.Sprintf("the '%c' opened here", open)))
	p.diags = append(p.diags, d)
}

// locateQuoted finds the text the tokenizer quotes in backticks (an escape
// sequence) at or after off and returns its span.
func (p *jsonParser) locateQuoted(msg string, off int) (int, int) {
	i := strings.IndexByte(msg, '`')
	j := strings.LastIndexByte(msg, '`')
	if i < 0 || j <= i+1 {
		return off, off + runeLen(p.buf, off)
	}
	text := []byte(msg[i+1 : j])
	window := p.buf[off:min(len(p.buf), off+len(text)+4096)]
	if k := bytes.Index(window, text); k >= 0 {
		return off + k, off + k + len(text)
	}
	return off, off + runeLen(p.buf, off)
}

// openerOf returns the bracket that opened the frame's container.
func openerOf(f *jsonFrame) byte {
	if f.v.Kind == source.Object {
		return '{'
	}
	return '['
}

// opener returns the opening bracket matching a closing one.
func opener(c byte) byte {
	if c == '}' {
		return '{'
	}
	return '['
}

// runeLen returns the byte length of the character at off (0 at the end).
func runeLen(b []byte, off int) int {
	if off >= len(b) || off < 0 {
		return 0
	}
	_, size := utf8.DecodeRune(b[off:])
	return size
}

// describeChar quotes the character at off for a message.
func describeChar(b []byte, off int) string {
	if off >= len(b) || off < 0 {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(b[off:])
	return strconv.QuoteRune(r)
}

// afterOpenerOrComma reports whether the comma at off follows '{', '[' or
// another comma (so it is not a trailing comma after an element).
func afterOpenerOrComma(b []byte, off int) bool {
	i := off - 1
	for i >= 0 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i--
	}
	return i >= 0 && (b[i] == '{' || b[i] == '[' || b[i] == ',')
}

// leadingZero reports whether the digit at off follows a number that is a
// lone 0, as in 01.
func leadingZero(b []byte, off int) bool {
	if off < 1 || off >= len(b) || b[off] < '0' || b[off] > '9' || b[off-1] != '0' {
		return false
	}
	if off >= 2 {
		switch c := b[off-2]; {
		case c >= '0' && c <= '9', c == '.', c == 'e', c == 'E', c == '+':
			return false
		}
	}
	return true
}
