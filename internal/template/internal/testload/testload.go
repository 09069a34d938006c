// Package testload parses JSON text into source.Value trees with byte
// spans for the tests of the template packages, standing in for the
// project's loader (which sits in a higher layer).
package testload

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// LoadJSON parses JSON text into a source.Value tree with byte spans,
// standing in for the project's loader.
func LoadJSON(name string, text string) (*source.Value, error) {
	f := source.NewFile(name, []byte(text))
	d := jsontext.NewDecoder(strings.NewReader(text), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(false))
	v, err := decodeValue(d, f, 0)
	if err != nil {
		return nil, err
	}
	return v, nil
}

// MustLoad is LoadJSON of a test's input, failing the test on an error.
func MustLoad(t testing.TB, text string) *source.Value {
	t.Helper()
	v, err := LoadJSON("t.json", text)
	if err != nil {
		t.Fatalf("LoadJSON(%s): %v", text, err)
	}
	return v
}

// decodeValue reads one JSON value at depth (bounded) with its span.
func decodeValue(d *jsontext.Decoder, f *source.File, depth int) (*source.Value, error) {
	if depth > 200 {
		return nil, fmt.Errorf("too deep")
	}
	switch d.PeekKind() {
	case '{':
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		start := int(d.InputOffset()) - 1
		v := &source.Value{Kind: source.Object}
		for d.PeekKind() != '}' {
			raw, err := d.ReadValue()
			if err != nil {
				return nil, err
			}
			end := int(d.InputOffset())
			key, err := jsontext.AppendUnquote(nil, raw)
			if err != nil {
				return nil, err
			}
			child, err := decodeValue(d, f, depth+1)
			if err != nil {
				return nil, err
			}
			v.Members = append(v.Members, &source.Member{Key: string(key), KeySpan: source.Span{File: f, Start: end - len(raw), End: end}, Value: child})
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		v.Span = source.Span{File: f, Start: start, End: int(d.InputOffset())}
		return v, nil
	case '[':
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		start := int(d.InputOffset()) - 1
		v := &source.Value{Kind: source.Array}
		for d.PeekKind() != ']' {
			child, err := decodeValue(d, f, depth+1)
			if err != nil {
				return nil, err
			}
			v.Items = append(v.Items, child)
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		v.Span = source.Span{File: f, Start: start, End: int(d.InputOffset())}
		return v, nil
	}
	raw, err := d.ReadValue()
	if err != nil {
		return nil, err
	}
	end := int(d.InputOffset())
	v := &source.Value{Span: source.Span{File: f, Start: end - len(raw), End: end}}
	switch raw.Kind() {
	case 'n':
		v.Kind = source.Null
	case 't', 'f':
		v.Kind, v.Bool = source.Bool, raw.Kind() == 't'
	case '0':
		v.Kind, v.Str = source.Number, string(raw)
	case '"':
		s, err := jsontext.AppendUnquote(nil, raw)
		if err != nil {
			return nil, err
		}
		v.Kind, v.Str = source.String, string(s)
	}
	return v, nil
}

// SpanText is the source text a span covers.
// SpanText returns the source text a span covers.
func SpanText(s source.Span) string {
	if s.File == nil {
		return ""
	}
	return string(s.File.Content[s.Start:s.End])
}
