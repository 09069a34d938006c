package loader

import (
	"bytes"
	"strconv"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// ParseJSON parses one JSON document the way Elasticsearch's JSON parser
// reads it (comments allowed, duplicate keys reported, nesting limited to
// 1000 levels). root is nil when the file is unusable; diags may hold
// findings even when root is not nil (duplicate keys, trailing content).
func ParseJSON(f *source.File) (root *source.Value, diags []diag.Diagnostic) {
	return ParseJSONWith(f, Limits{})
}

// ParseJSONWith is ParseJSON within lim: a file with a longer array or
// string, or a bigger object, gives no value and an info finding of check
// CheckBudget naming the limit.
func ParseJSONWith(f *source.File, lim Limits) (root *source.Value, diags []diag.Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			root = nil
			diags = append(diags, syntaxAt(f, 0, 0, "internal error while reading JSON: %v", r))
		}
	}()
	bom, d := checkEncoding(f)
	if d != nil {
		return nil, []diag.Diagnostic{*d}
	}
	buf, d := blankComments(f, bom)
	if d != nil {
		return nil, []diag.Diagnostic{*d}
	}
	if skipJSONSpace(buf, 0) == len(buf) {
		return nil, []diag.Diagnostic{syntaxAt(f, 0, 0, "empty file: expected a JSON document")}
	}
	p := &jsonParser{
		f:   f,
		lim: lim,
		buf: buf,
		dec: jsontext.NewDecoder(bytes.NewBuffer(buf), jsontext.AllowDuplicateNames(true)),
	}
	root = p.parse()
	return root, p.diags
}

// jsonFrame is one open object or array.
type jsonFrame struct {
	v *source.Value
	// pending is the object member whose value comes next, or nil when an
	// object expects a key.
	pending *source.Member
	// childTok is the JSON pointer token of the open child container.
	childTok string
	dups     dupIndex
}

// jsonParser builds the value tree from the token stream iteratively.
type jsonParser struct {
	f     *source.File
	lim   Limits
	buf   []byte // the file with comments blanked
	dec   *jsontext.Decoder
	stack []jsonFrame
	diags []diag.Diagnostic
	// interned holds one copy of each short string written without
	// escapes: a dump of 48,000 mappings repeats the same keys and role
	// names a million times.
	interned map[string]string
}

// Interning bounds: strings up to internMax bytes, at most internCount
// distinct ones per file.
const (
	internMax   = 64
	internCount = 1 << 16
)

// str returns the value of the string token tok written at [start, end):
// a shared copy for a short string without escapes, else a new one.
func (p *jsonParser) str(tok jsontext.Token, start, end int) string {
	raw := p.buf[start:end]
	if len(raw) < 2 || len(raw)-2 > internMax || raw[0] != '"' || raw[len(raw)-1] != '"' || bytes.IndexByte(raw, '\\') >= 0 {
		return tok.String()
	}
	raw = raw[1 : len(raw)-1]
	if s, ok := p.interned[string(raw)]; ok {
		return s
	}
	s := tok.String()
	if s != string(raw) {
		return s // not the text as written (invalid UTF-8 replaced)
	}
	if p.interned == nil {
		p.interned = make(map[string]string)
	}
	if len(p.interned) < internCount {
		p.interned[s] = s
	}
	return s
}

// parse reads the top-level value and checks that nothing follows it.
func (p *jsonParser) parse() *source.Value {
	var root *source.Value
	for root == nil {
		prev := int(p.dec.InputOffset())
		tok, err := p.dec.ReadToken()
		if err != nil {
			p.fail(err, prev)
			return nil
		}
		end := int(p.dec.InputOffset())
		start := skipSeparators(p.buf, prev, end)
		if err := p.full(tok, end-start); err != nil {
			p.diags = append(p.diags, limitFinding(p.f, start, end, err))
			return nil
		}
		var v *source.Value
		switch tok.Kind() {
		case jsontext.KindBeginObject, jsontext.KindBeginArray:
			if len(p.stack) >= maxDepth {
				p.diags = append(p.diags, syntaxAt(p.f, start, start+1,
					"nesting depth exceeds %d: Elasticsearch rejects documents nested more than %d levels deep", maxDepth, maxDepth))
				return nil
			}
			kind := source.Object
			if tok.Kind() == jsontext.KindBeginArray {
				kind = source.Array
			}
			v = &source.Value{Kind: kind, Span: source.Span{File: p.f, Start: start, End: end}}
			p.attach(v)
			p.stack = append(p.stack, jsonFrame{v: v})
			continue
		case jsontext.KindEndObject, jsontext.KindEndArray:
			top := p.stack[len(p.stack)-1]
			top.v.Span.End = end
			p.stack = p.stack[:len(p.stack)-1]
			if len(p.stack) == 0 {
				root = top.v
			}
			continue
		case jsontext.KindString:
			if top := p.top(); top != nil && top.v.Kind == source.Object && top.pending == nil {
				p.key(top, p.str(tok, start, end), start, end)
				continue
			}
			v = &source.Value{Kind: source.String, Str: p.str(tok, start, end)}
		case jsontext.KindNumber:
			v = &source.Value{Kind: source.Number, Str: string(p.buf[start:end])}
		case jsontext.KindTrue, jsontext.KindFalse:
			v = &source.Value{Kind: source.Bool, Bool: tok.Kind() == jsontext.KindTrue}
		default:
			v = &source.Value{Kind: source.Null}
		}
		v.Span = source.Span{File: p.f, Start: start, End: end}
		if len(p.stack) == 0 {
			root = v
		} else {
			p.attach(v)
		}
	}
	p.checkTrailing()
	return root
}

// full returns the limit the next token (written in n bytes) passes, or
// nil: a string longer than allowed, one value too many for the open
// array, one key too many for the open object.
func (p *jsonParser) full(tok jsontext.Token, n int) *budget.Error {
	k := tok.Kind()
	// The raw length (quotes and escapes included) bounds the decoded one:
	// decode only a string that may be too long.
	if k == jsontext.KindString && p.lim.StringLength > 0 && int64(n-2) > p.lim.StringLength {
		if err := p.lim.stringTooLong(len(tok.String())); err != nil {
			return err
		}
	}
	top := p.top()
	if top == nil || k == jsontext.KindEndObject || k == jsontext.KindEndArray {
		return nil
	}
	if top.v.Kind == source.Array {
		return p.lim.arrayFull(len(top.v.Items))
	}
	if top.pending == nil {
		return p.lim.objectFull(len(top.v.Members))
	}
	return nil
}

// top returns the innermost open container, or nil.
func (p *jsonParser) top() *jsonFrame {
	if len(p.stack) == 0 {
		return nil
	}
	return &p.stack[len(p.stack)-1]
}

// key records an object key and reports it if it repeats an earlier one.
func (p *jsonParser) key(top *jsonFrame, name string, start, end int) {
	m := &source.Member{Key: name, KeySpan: source.Span{File: p.f, Start: start, End: end}}
	top.v.Members = append(top.v.Members, m)
	top.pending = m
	if first := top.dups.check(top.v.Members); first != nil && top.dups.found <= maxDupFindings {
		p.diags = append(p.diags, top.dups.report(first, m, p.pointer(name))...)
	} else if first != nil {
		top.dups.found++
	}
}

// attach adds v to the innermost open container.
func (p *jsonParser) attach(v *source.Value) {
	top := p.top()
	if top == nil {
		return
	}
	container := v.Kind == source.Object || v.Kind == source.Array
	if top.v.Kind == source.Object {
		m := top.pending
		m.Value = v
		top.pending = nil
		if container {
			top.childTok = m.Key
		}
		return
	}
	if container {
		top.childTok = strconv.Itoa(len(top.v.Items))
	}
	top.v.Items = append(top.v.Items, v)
}

// pointer returns the JSON pointer of the member last inside the open
// containers.
func (p *jsonParser) pointer(last string) string {
	ptr := make(source.Pointer, 0, len(p.stack))
	for i := 0; i < len(p.stack)-1; i++ {
		ptr = append(ptr, p.stack[i].childTok)
	}
	return append(ptr, last).String()
}

// checkTrailing reports anything but whitespace and comments after the
// top-level value.
func (p *jsonParser) checkTrailing() {
	q := skipJSONSpace(p.buf, int(p.dec.InputOffset()))
	if q >= len(p.buf) {
		return
	}
	what := "everything from here on"
	if p.buf[q] == '{' || p.buf[q] == '[' {
		what = "this second value (a second mapping here is lost without a word)"
	}
	// RestPutRoleMappingAction parses one object with ObjectParser and never
	// looks for more input: Elasticsearch accepts the body and ignores the rest.
	p.diags = append(p.diags, syntaxAt(p.f, q, q+runeLen(p.buf, q),
		"unexpected %s after the end of the JSON document: a file holds exactly one JSON value. Elasticsearch does not reject it: it reads the first value and silently drops %s; put each mapping in its own file, or all of them in one named collection",
		describeChar(p.buf, q), what))
}

// skipJSONSpace returns the first offset at or after i that is not JSON
// whitespace.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipSeparators returns the first offset in [i, limit) that is neither
// whitespace nor a ',' or ':' separator: where the next token starts.
func skipSeparators(b []byte, i, limit int) int {
	limit = min(limit, len(b))
	for i < limit {
		switch b[i] {
		case ' ', '\t', '\n', '\r', ',', ':':
			i++
		default:
			return i
		}
	}
	return i
}
