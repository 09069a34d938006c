package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// This file builds source.Value trees for the tests without the loader:
// encoding/json's Decoder (with UseNumber) supplies the tokens and
// InputOffset the byte offsets, so every span is exact.

// treeBuilder reads one JSON document into a position-carrying tree.
type treeBuilder struct {
	dec  *json.Decoder
	text []byte
	file *source.File
}

// parseTree parses text (one JSON document) as file name.
func parseTree(name, text string) (*source.Value, error) {
	b := &treeBuilder{text: []byte(text)}
	b.file = source.NewFile(name, b.text)
	b.dec = json.NewDecoder(bytes.NewReader(b.text))
	b.dec.UseNumber()
	v, err := b.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := b.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("trailing data after the document")
	}
	return v, nil
}

// mustTree is parseTree for texts the test controls.
func mustTree(t testing.TB, text string) *source.Value {
	t.Helper()
	v, err := parseTree("body.json", text)
	if err != nil {
		t.Fatalf("parsing test body %s: %v", text, err)
	}
	return v
}

// next reads a token and returns it with the offset where it starts.
func (b *treeBuilder) next() (json.Token, int, error) {
	off := int(b.dec.InputOffset())
	tok, err := b.dec.Token()
	if err != nil {
		return nil, 0, err
	}
	for off < len(b.text) {
		switch b.text[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return tok, off, nil
}

const maxTreeDepth = 1000

// value reads one value.
func (b *treeBuilder) value(depth int) (*source.Value, error) {
	tok, start, err := b.next()
	if err != nil {
		return nil, err
	}
	return b.valueFrom(tok, start, depth)
}

func (b *treeBuilder) span(start int) source.Span {
	return source.Span{File: b.file, Start: start, End: int(b.dec.InputOffset())}
}

func (b *treeBuilder) valueFrom(tok json.Token, start, depth int) (*source.Value, error) {
	if depth > maxTreeDepth {
		return nil, fmt.Errorf("nesting deeper than %d", maxTreeDepth)
	}
	switch t := tok.(type) {
	case nil:
		return &source.Value{Kind: source.Null, Span: b.span(start)}, nil
	case bool:
		return &source.Value{Kind: source.Bool, Bool: t, Span: b.span(start)}, nil
	case json.Number:
		return &source.Value{Kind: source.Number, Str: string(t), Span: b.span(start)}, nil
	case string:
		return &source.Value{Kind: source.String, Str: t, Span: b.span(start)}, nil
	case json.Delim:
		switch t {
		case '[':
			v := &source.Value{Kind: source.Array}
			for b.dec.More() {
				it, err := b.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.Items = append(v.Items, it)
			}
			if _, err := b.dec.Token(); err != nil {
				return nil, err
			}
			v.Span = b.span(start)
			return v, nil
		case '{':
			v := &source.Value{Kind: source.Object}
			for b.dec.More() {
				ktok, kstart, err := b.next()
				if err != nil {
					return nil, err
				}
				key, ok := ktok.(string)
				if !ok {
					return nil, fmt.Errorf("object key is %T", ktok)
				}
				keySpan := b.span(kstart)
				val, err := b.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.Members = append(v.Members, &source.Member{Key: key, KeySpan: keySpan, Value: val})
			}
			if _, err := b.dec.Token(); err != nil {
				return nil, err
			}
			v.Span = b.span(start)
			return v, nil
		}
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

func TestParseTreeSpans(t *testing.T) {
	text := "{\n  \"a\": [1, \"x\"],\n  \"b\" :{\"c\":null}\n}"
	v := mustTree(t, text)
	got := func(s source.Span) string { return text[s.Start:s.End] }
	checks := []struct{ got, want string }{
		{got(v.Span), text},
		{got(v.Members[0].KeySpan), `"a"`},
		{got(v.Members[0].Value.Span), `[1, "x"]`},
		{got(v.Members[0].Value.Items[0].Span), `1`},
		{got(v.Members[0].Value.Items[1].Span), `"x"`},
		{got(v.Members[1].KeySpan), `"b"`},
		{got(v.Members[1].Value.Span), `{"c":null}`},
		{got(v.Members[1].Value.Members[0].Value.Span), `null`},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("span %d = %q, want %q", i, c.got, c.want)
		}
	}
	if _, err := parseTree("x.json", `{"a":1} 2`); err == nil {
		t.Error("trailing data accepted")
	}
}
