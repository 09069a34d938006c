package jsonx

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

func tokens(s string) ([]string, error) {
	l := NewLexer(s)
	var out []string
	for i := 0; i < len(s)+10; i++ {
		t, err := l.Next()
		if err != nil {
			return out, err
		}
		out = append(out, t.Kind.String()+":"+t.Text)
		if t.Kind == EOF {
			return out, nil
		}
	}
	return out, nil
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`{"a": [1, -2.5e3, true, false, null, "x\"\u00e9\ud83d\ude00"]}`,
			`START_OBJECT: FIELD_NAME:a START_ARRAY: VALUE_NUMBER:1 VALUE_NUMBER:-2.5e3 VALUE_BOOLEAN:true VALUE_BOOLEAN:false VALUE_NULL:null VALUE_STRING:x"é😀 END_ARRAY: END_OBJECT: null:`},
		{"/* c */ [1] // x\n {} ", `START_ARRAY: VALUE_NUMBER:1 END_ARRAY: START_OBJECT: END_OBJECT: null:`},
		{`"a" "b"`, `VALUE_STRING:a VALUE_STRING:b null:`},
		{``, `null:`},
		{`"\ud800x"`, "VALUE_STRING:\uFFFDx null:"},
	}
	for _, tc := range tests {
		got, err := tokens(tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, strings.Join(got, " "), tc.want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`heroes`, "Unrecognized token 'heroes': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"},
		{`{"a":1,"a":2}`, "Duplicate field 'a'"},
		{`{a:1}`, "was expecting double-quote to start field name"},
		{`{"a" 1}`, "was expecting a colon to separate field name and value"},
		{`[1 2]`, "was expecting comma to separate Array entries"},
		{`{"a":1 "b":2}`, "was expecting comma to separate Object entries"},
		{`[1,]`, "Unexpected character (']' (code 93)): expected a value"},
		{`[`, "Unexpected end-of-input: expected close marker for ARRAY"},
		{`{"a":`, "Unexpected end-of-input: expected a value"},
		{`"abc`, "Unexpected end-of-input: was expecting closing quote for a string value"},
		{"\"a\nb\"", "Illegal unquoted character ((CTRL-CHAR, code 10))"},
		{`"\x"`, "Unrecognized character escape 'x' (code 120)"},
		{`01`, "Invalid numeric value: Leading zeroes not allowed"},
		{`-`, "expected digit (0-9) to follow minus sign"},
		{`1.`, "Decimal point not followed by a digit"},
		{`1e`, "Exponent indicator not followed by a digit"},
		{`1{}`, "Expected space separating root-level values"},
		{`/x`, "was expecting either '*' or '/' for a comment"},
		{`/* x`, "Unexpected end-of-input in a comment"},
		{strings.Repeat("[", MaxDepth+1), "Document nesting depth (1001) exceeds the maximum allowed (1000"},
		{"\"\xff\"", "Invalid UTF-8 start byte 0xff"},
	}
	for _, tc := range tests {
		_, err := tokens(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
	// Errors carry a position.
	_, err := tokens("{\n  x}")
	if e, ok := err.(*Error); !ok || e.Line != 2 || e.Column != 3 {
		t.Errorf("position: %v", err)
	}
}

func TestReadJavaAndTree(t *testing.T) {
	l := NewLexer(`{"b": [1, 2.0, "s", null, {"x": false}], "a": 5000000000} trailing garbage`)
	tok, _ := l.Next()
	v, err := ReadJava(l, tok)
	if err != nil {
		t.Fatal(err)
	}
	if got := java.Stringify(v); got != "{a=5000000000, b=[1, 2.0, s, null, {x=false}]}" {
		t.Errorf("ReadJava = %s", got)
	}
	span := source.Span{Start: 1, End: 2}
	l = NewLexer(`{"k": [1, "v", true, null]}`)
	tok, _ = l.Next()
	tree, err := ReadTree(l, tok, span)
	if err != nil {
		t.Fatal(err)
	}
	k := tree.Get("k")
	if k == nil || len(k.Items) != 4 || k.Items[0].Str != "1" || k.Items[1].Str != "v" || !k.Items[2].Bool || k.Items[3].Kind != source.Null || k.Span != span {
		t.Errorf("ReadTree = %+v", tree)
	}
}

func FuzzLexer(f *testing.F) {
	for _, s := range []string{`{"a": [1, -2.5e3, true, null, "x\u00e9"]}`, "/* */ [1] // c\n", `"\ud83d\ude00"`, `{"a":{"b":[{}]}}`, `1 2 "x"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := NewLexer(s)
		for i := 0; i <= len(s)+1; i++ {
			tok, err := l.Next()
			if err != nil || tok.Kind == EOF {
				break
			}
			if l.Depth() > MaxDepth {
				t.Fatalf("depth %d", l.Depth())
			}
		}
		l = NewLexer(s)
		if tok, err := l.Next(); err == nil {
			_, _ = ReadJava(l, tok)
		}
		l = NewLexer(s)
		if tok, err := l.Next(); err == nil {
			_, _ = ReadTree(l, tok, source.Span{})
		}
	})
}
