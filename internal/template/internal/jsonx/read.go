package jsonx

import (
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

// ReadJava reads the value that starts with tok (already read from l) into
// Java values as XContent's map()/list() build them: objects become
// HashMaps, arrays ArrayLists, numbers Integer/Long/BigInteger/Double.
func ReadJava(l *Lexer, tok Token) (any, error) {
	switch tok.Kind {
	case String:
		return tok.Text, nil
	case Number:
		return java.NumberFromLiteral(tok.Text), nil
	case Bool:
		return tok.Text == "true", nil
	case Null:
		return nil, nil
	case StartArray:
		list := &java.List{}
		for {
			t, err := l.Next()
			if err != nil {
				return nil, err
			}
			if t.Kind == EndArray {
				return list, nil
			}
			v, err := ReadJava(l, t)
			if err != nil {
				return nil, err
			}
			list.Items = append(list.Items, v)
		}
	case StartObject:
		m := java.NewHashMap()
		for {
			t, err := l.Next()
			if err != nil {
				return nil, err
			}
			if t.Kind == EndObject {
				return m, nil
			}
			vt, err := l.Next()
			if err != nil {
				return nil, err
			}
			v, err := ReadJava(l, vt)
			if err != nil {
				return nil, err
			}
			m.Put(t.Text, v)
		}
	}
	return nil, l.errorf(tok.Offset, "Unexpected token (%s)", tok.Kind)
}

// ReadTree reads the value that starts with tok into a source.Value tree
// whose nodes all carry span (the place the JSON text came from).
func ReadTree(l *Lexer, tok Token, span source.Span) (*source.Value, error) {
	v := &source.Value{Span: span}
	switch tok.Kind {
	case String:
		v.Kind, v.Str = source.String, tok.Text
	case Number:
		v.Kind, v.Str = source.Number, tok.Text
	case Bool:
		v.Kind, v.Bool = source.Bool, tok.Text == "true"
	case Null:
		v.Kind = source.Null
	case StartArray:
		v.Kind = source.Array
		for {
			t, err := l.Next()
			if err != nil {
				return nil, err
			}
			if t.Kind == EndArray {
				return v, nil
			}
			it, err := ReadTree(l, t, span)
			if err != nil {
				return nil, err
			}
			v.Items = append(v.Items, it)
		}
	case StartObject:
		v.Kind = source.Object
		for {
			t, err := l.Next()
			if err != nil {
				return nil, err
			}
			if t.Kind == EndObject {
				return v, nil
			}
			vt, err := l.Next()
			if err != nil {
				return nil, err
			}
			it, err := ReadTree(l, vt, span)
			if err != nil {
				return nil, err
			}
			v.Members = append(v.Members, &source.Member{Key: t.Text, KeySpan: span, Value: it})
		}
	default:
		return nil, l.errorf(tok.Offset, "Unexpected token (%s)", tok.Kind)
	}
	return v, nil
}
