package automaton

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var allDialects = []Dialect{DialectES9, DialectES9_0, DialectES8}

// Messages and positions as Lucene's RegExp produces them; positions in
// messages are UTF-16 indexes, Offset is a byte offset.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		src      string
		dialects []Dialect // nil = all
		msg      string
		offset   int
		pos      int
	}{
		{src: "a{", msg: "integer expected at position 2", offset: 2, pos: 2},
		{src: "a{x}", msg: "integer expected at position 2", offset: 2, pos: 2},
		{src: "a{1", msg: "expected '}' at position 3", offset: 3, pos: 3},
		{src: "a{1,2", msg: "expected '}' at position 5", offset: 5, pos: 5},
		{src: "a{1,x}", msg: "expected '}' at position 4", offset: 4, pos: 4},
		{src: "[a", msg: "expected ']' at position 2", offset: 2, pos: 2},
		{src: "[]", msg: "expected ']' at position 2", offset: 2, pos: 2},
		{src: "[^]", msg: "expected ']' at position 3", offset: 3, pos: 3},
		{src: "[a-]", msg: "invalid range: from (97) cannot be > to (93)", offset: 1, pos: -1},
		{src: "[z-a]", msg: "invalid range: from (122) cannot be > to (97)", offset: 1, pos: -1},
		{src: "(", msg: "unexpected end-of-string", offset: 1, pos: -1},
		{src: "(a", msg: "expected ')' at position 2", offset: 2, pos: 2},
		{src: "a)", msg: "end-of-string expected at position 1", offset: 1, pos: 1},
		{src: "a|", msg: "unexpected end-of-string", offset: 2, pos: -1},
		{src: `\`, msg: "unexpected end-of-string", offset: 1, pos: -1},
		{src: "~", msg: "unexpected end-of-string", offset: 1, pos: -1},
		{src: `"ab`, msg: `expected '"' at position 3`, offset: 3, pos: 3},
		{src: "<1-", msg: "expected '>' at position 3", offset: 3, pos: 3},
		{src: "<a-b>", msg: "interval syntax error at position 4", offset: 4, pos: 4},
		{src: "<-5>", msg: "interval syntax error at position 3", offset: 3, pos: 3},
		{src: "<5->", msg: "interval syntax error at position 3", offset: 3, pos: 3},
		{src: "<1-2-3>", msg: "interval syntax error at position 6", offset: 6, pos: 6},
		{src: "<1-99999999999>", msg: "interval syntax error at position 14", offset: 14, pos: 14},
		{src: "a{99999999999}", msg: `For input string: "99999999999"`, offset: 2, pos: -1},
		{src: "a{1,99999999999}", msg: `For input string: "99999999999"`, offset: 4, pos: -1},
		{src: `\n`, msg: `invalid character class \110`, offset: 0, pos: -1},
		{src: `a\q`, msg: `invalid character class \113`, offset: 1, pos: -1},
		{src: `[\n]`, msg: `invalid character class \110`, offset: 1, pos: -1},
		{src: "a{5,3}", dialects: []Dialect{DialectES9, DialectES9_0},
			msg: "invalid repetition range(out of order): 5..3", offset: 4, pos: -1},
		// positions count UTF-16 code units, offsets count bytes
		{src: "é{", msg: "integer expected at position 2", offset: 3, pos: 2},
		{src: "😀{", msg: "integer expected at position 3", offset: 5, pos: 3},
		{src: "😀)", msg: "end-of-string expected at position 2", offset: 4, pos: 2},
	}
	for _, tc := range tests {
		dialects := tc.dialects
		if dialects == nil {
			dialects = allDialects
		}
		for _, d := range dialects {
			_, err := ParseRegexp(tc.src, Options{Dialect: d})
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("%v %q: got %v, want SyntaxError %q", d, tc.src, err, tc.msg)
				continue
			}
			if se.Msg != tc.msg || se.Error() != tc.msg || se.Offset != tc.offset || se.Pos != tc.pos {
				t.Errorf("%v %q: got %q offset %d pos %d, want %q offset %d pos %d",
					d, tc.src, se.Msg, se.Offset, se.Pos, tc.msg, tc.offset, tc.pos)
			}
		}
	}
}

// String() renders Lucene's toString, which shows how the expression was
// understood: operator precedence, merged literals, swapped intervals.
func TestParseTree(t *testing.T) {
	tests := []struct {
		src          string
		es9, es9_0   string // es9_0 defaults to es9; "ERR" expects an error
		es8          string // defaults to es9_0
		noComplement string // tree with NoComplement, when it differs
	}{
		{src: "", es9: `""`},
		{src: "a\\", es9: "ERR"},
		{src: "()", es9: `""`},
		{src: "abc", es9: `"abc"`},
		{src: `"a|b"`, es9: `"a|b"`},
		{src: `a"bc"d`, es9: `"abcd"`},
		{src: "a*bc", es9: `(\a)*"bc"`},
		{src: "ab|cd", es9: `("ab"|"cd")`},
		{src: "a|b&c", es9: `(\a|(\b&\c))`},
		{src: "a&b&c", es9: `((\a&\b)&\c)`, es8: `(\a&(\b&\c))`},
		{src: "a?", es9: `(\a)?`},
		{src: "a+", es9: `(\a){1,}`},
		{src: "a{2}", es9: `(\a){2,2}`},
		{src: "a{2,}", es9: `(\a){2,}`},
		{src: "a{2,5}", es9: `(\a){2,5}`},
		{src: "a{5,3}", es9: "ERR", es8: `(\a){5,3}`},
		{src: "a*?", es9: `((\a)*)?`},
		{src: ".", es9: "."},
		{src: "@", es9: "@"},
		{src: "#", es9: "#"},
		{src: "~a", es9: `~(\a)`, noComplement: `"~a"`},
		{src: "~~a", es9: `~(~(\a))`, noComplement: `"~~a"`},
		{src: "<x>", es9: "<x>"},
		{src: "<>", es9: "<>"},
		{src: "<1-10>", es9: "<1-10>"},
		{src: "<01-10>", es9: "<01-10>"},
		{src: "<10-1>", es9: "<1-10>"},
		{src: "<+1-5>", es9: "<1-5>"},
		{src: "<007-9>", es9: "<7-9>"},
		{src: "[a-c]", es9: `[\a-\c]`},
		{src: "[abc]", es9: `[\a\b\c]`, es9_0: `((\a|\b)|\c)`},
		{src: "[a-cx]", es9: `[\a-\c\x]`, es9_0: `([\a-\c]|\x)`},
		{src: "[a]b", es9: `"ab"`},
		{src: "[^a]", es9: `(.&~(\a))`},
		{src: `\d`, es9: `[\0-\9]`, es9_0: `\d`},
		{src: `\\`, es9: `[\\]`, es9_0: `\\`},
		{src: `\.`, es9: `\.`},
		{src: `a\.b`, es9: `"a.b"`},
		{src: `[\.-z]`, es9: `[\.\-\z]`, es9_0: `[\.-\z]`},
		{src: `[\d-z]`, es9: `[\0-\9\-\z]`, es9_0: `((\d|\-)|\z)`},
		// reserved characters that start an expression are literals
		{src: "*", es9: `\*`},
		{src: "+a", es9: `"+a"`},
		{src: "a||b", es9: `(\a|"|b")`},
		{src: "]", es9: `\]`},
		{src: "[]a]", es9: `[\]\a]`, es9_0: `(\]|\a)`},
		{src: "{", es9: `\{`},
		{src: "a&", es9: "ERR"},
	}
	for _, tc := range tests {
		want := map[Dialect]string{DialectES9: tc.es9, DialectES9_0: tc.es9_0, DialectES8: tc.es8}
		if want[DialectES9_0] == "" {
			want[DialectES9_0] = want[DialectES9]
		}
		if want[DialectES8] == "" {
			want[DialectES8] = want[DialectES9_0]
		}
		for _, d := range allDialects {
			r, err := ParseRegexp(tc.src, Options{Dialect: d})
			if want[d] == "ERR" {
				if err == nil {
					t.Errorf("%v %q: parsed as %s, want an error", d, tc.src, r)
				}
				continue
			}
			if err != nil {
				t.Errorf("%v %q: %v", d, tc.src, err)
				continue
			}
			if got := r.String(); got != want[d] {
				t.Errorf("%v %q: tree %s, want %s", d, tc.src, got, want[d])
			}
		}
		if tc.noComplement != "" {
			r, err := ParseRegexp(tc.src, Options{NoComplement: true})
			if err != nil || r.String() != tc.noComplement {
				t.Errorf("NoComplement %q: got %v %v, want %s", tc.src, r, err, tc.noComplement)
			}
		}
	}
}

func TestParseOperators(t *testing.T) {
	r, err := ParseRegexp(`a@b&~c#<1-2><x>"q"\@`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Operator{
		{OpAnyString, 1, 2}, {OpIntersection, 3, 4}, {OpComplement, 4, 5}, {OpEmpty, 6, 7},
		{OpInterval, 7, 12}, {OpNamed, 12, 15}, {OpQuoted, 15, 18},
	}
	if diff := cmp.Diff(want, r.Operators()); diff != "" {
		t.Errorf("operators (-want +got):\n%s", diff)
	}
	if got := OpComplement.String(); got != "~" {
		t.Errorf("OpComplement.String() = %q", got)
	}
	r, _ = ParseRegexp("~a", Options{NoComplement: true})
	if len(r.Operators()) != 0 {
		t.Errorf("NoComplement: '~' reported as operator: %v", r.Operators())
	}
	if r.Source() != "~a" || !r.Options().NoComplement {
		t.Errorf("Source/Options not kept: %q %+v", r.Source(), r.Options())
	}
}

func TestParseNestingLimit(t *testing.T) {
	deep := ""
	for i := 0; i < 2000; i++ {
		deep += "("
	}
	_, err := ParseRegexp(deep+"a", Options{})
	var le *LimitError
	if !errors.As(err, &le) || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("deep nesting: got %v, want LimitError", err)
	}
	stars := "a"
	for i := 0; i < 2000; i++ {
		stars += "*"
	}
	if _, err := ParseRegexp(stars, Options{}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("2000 stars: got %v, want LimitError", err)
	}
	if _, err := ParseRegexp("((((a))))****", Options{}); err != nil {
		t.Fatalf("modest nesting rejected: %v", err)
	}
}

func TestJavaParseInt(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true}, {"007", 7, true}, {"+5", 5, true}, {"-5", -5, true},
		{"2147483647", 2147483647, true}, {"2147483648", 0, false}, {"-2147483648", -2147483648, true},
		{"", 0, false}, {"+", 0, false}, {"-", 0, false}, {"1a", 0, false}, {" 1", 0, false},
		{"١٢", 12, true}, // Arabic-Indic digits count, as Character.digit says
		{"𝟗", 9, true},   // MATHEMATICAL BOLD DIGIT NINE
	}
	for _, tc := range tests {
		got, ok := javaParseInt([]rune(tc.in))
		if got != tc.want || ok != tc.ok {
			t.Errorf("javaParseInt(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
