package automaton

import (
	"errors"
	"testing"
)

// One row per operator of Lucene's regex syntax; every row runs in every
// dialect unless it names some.
func TestRegexpSemantics(t *testing.T) {
	tests := []struct {
		src      string
		dialects []Dialect
		opt      Options
		yes, no  []string
	}{
		{src: "", yes: []string{""}, no: []string{"a", " "}},
		{src: "abc", yes: []string{"abc"}, no: []string{"ab", "abcd", "ABC", "xabc"}},
		{src: "a.c", yes: []string{"abc", "a-c", "aéc", "a😀c", "a\nc"}, no: []string{"ac", "abbc"}},
		{src: "a?c", yes: []string{"c", "ac"}, no: []string{"abc", "a?c"}},
		{src: "ab*", yes: []string{"a", "ab", "abbb"}, no: []string{"b", ""}},
		{src: "ab+", yes: []string{"ab", "abbb"}, no: []string{"a"}},
		{src: "a{2}", yes: []string{"aa"}, no: []string{"a", "aaa"}},
		{src: "a{2,}", yes: []string{"aa", "aaaaa"}, no: []string{"a", ""}},
		{src: "a{1,3}", yes: []string{"a", "aaa"}, no: []string{"", "aaaa"}},
		{src: "a{0}", yes: []string{""}, no: []string{"a"}},
		{src: "(ab){2}", yes: []string{"abab"}, no: []string{"ab", "aabb"}},
		{src: "a|b|cd", yes: []string{"a", "b", "cd"}, no: []string{"c", "ab"}},
		{src: "(a|b)*c", yes: []string{"c", "abbac"}, no: []string{"ab", "cc"}},
		{src: "[a-c]x", yes: []string{"ax", "cx"}, no: []string{"dx", "x"}},
		{src: "[abc]", yes: []string{"a", "c"}, no: []string{"d", "ab"}},
		{src: "[a-cx-z]", yes: []string{"b", "y"}, no: []string{"d", "w"}},
		{src: "[^a-c]", yes: []string{"d", "é", "😀", "-"}, no: []string{"a", "c", "", "dd"}},
		{src: "[é-😀]", yes: []string{"é", "ü", "😀", "中"}, no: []string{"a", "😁"}},
		{src: `[\]a]`, yes: []string{"]", "a"}, no: []string{`\`}},
		{src: "[]a]", yes: []string{"]", "a"}, no: []string{"b"}},
		{src: `[\\]`, yes: []string{`\`}, no: []string{"]"}},
		{src: `[a\-z]`, yes: []string{"a", "-", "z"}, no: []string{"b"}},
		{src: "@", yes: []string{"", "anything at all", "😀"}},
		{src: "#", no: []string{"", "#", "a"}},
		{src: "a@", yes: []string{"a", "abc"}, no: []string{"b", ""}},
		// an unescaped @ in an e-mail address means "any string"
		{src: `user@example\.com`, yes: []string{"user@example.com", "userexample.com", "userXYZexample.com"},
			no: []string{"user@example.org"}},
		{src: `user\@example\.com`, yes: []string{"user@example.com"}, no: []string{"userexample.com"}},
		{src: `.*\@avengers\.(net|org)`, yes: []string{"america@avengers.net", "@avengers.org"},
			no: []string{"america@avengers.com", "avengers.net"}},
		{src: "a&b", no: []string{"a", "b", ""}},
		{src: ".*a.*&.*b.*", yes: []string{"ab", "ba", "xaybz"}, no: []string{"aa", ""}},
		{src: "~a", yes: []string{"", "b", "aa", "😀"}, no: []string{"a"}},
		{src: "~a", opt: Options{NoComplement: true}, yes: []string{"~a"}, no: []string{"", "b"}},
		{src: "~(.*admin.*)", yes: []string{"bob", "adm1n"}, no: []string{"admin", "xadminx"}},
		{src: "~~a", yes: []string{"a"}, no: []string{"b"}},
		{src: "<1-10>", yes: []string{"1", "10", "01", "007", "0010"}, no: []string{"0", "11", "", "a", "1 "}},
		{src: "<01-10>", yes: []string{"01", "05", "10"}, no: []string{"1", "010", "11", "00"}},
		{src: "<0-5>", yes: []string{"0", "3", "5"}, no: []string{"05", "6", ""}},
		{src: "<10-1>", yes: []string{"1", "10"}, no: []string{"11"}},
		{src: "<+1-5>", yes: []string{"1", "5", "001"}, no: []string{"+1", "6"}},
		{src: "<0-0>", yes: []string{"0"}, no: []string{"00", "1"}},
		{src: "<0-2147483647>", yes: []string{"0", "2147483647", "0002147483647"}, no: []string{"2147483648"}},
		{src: "<١-٣>", yes: []string{"1", "3"}, no: []string{"١", "4"}},
		{src: `"a.b"`, yes: []string{"a.b"}, no: []string{"axb"}},
		{src: `"a@b"`, yes: []string{"a@b"}, no: []string{"ab"}},
		{src: `a\.b`, yes: []string{"a.b"}, no: []string{"axb"}},
		{src: `\d+`, yes: []string{"0123456789"}, no: []string{"12a", "", "١"}},
		{src: `\D`, yes: []string{"a", "é"}, no: []string{"5"}},
		{src: `\w+`, yes: []string{"a_Z9"}, no: []string{"a-b", "é"}},
		{src: `\W`, yes: []string{"-", "é"}, no: []string{"_", "a"}},
		{src: `\s`, yes: []string{" ", "\t", "\n", "\r"}, no: []string{"x", "\v"}},
		{src: `\S`, yes: []string{"x"}, no: []string{" "}},
		{src: `[\d]x`, yes: []string{"5x"}, no: []string{"ax"}},
		{src: `[^\d]`, yes: []string{"a"}, no: []string{"5"}},
		{src: `[\w-]+`, yes: []string{"a-b_1"}, no: []string{"a.b"}},
		{src: "😀+", yes: []string{"😀", "😀😀"}, no: []string{"", "😁"}},
		{src: "*", yes: []string{"*"}, no: []string{"", "a"}},
		{src: "a||b", yes: []string{"a", "|b"}, no: []string{"b"}},
		{src: "()", yes: []string{""}, no: []string{"()"}},
		// Lucene's Kleene star of an automaton without states accepts
		// nothing (Operations.repeat returns its argument unchanged).
		{src: "#*", no: []string{"", "#"}},
		{src: "#?", yes: []string{""}, no: []string{"#"}},
		{src: "#{0,2}", yes: []string{""}},
		{src: "(a#)*", dialects: []Dialect{DialectES9, DialectES8}, no: []string{"", "a"}},
		{src: "(a#)*", dialects: []Dialect{DialectES9_0}, yes: []string{""}, no: []string{"a"}},
		{src: "a{5,3}", dialects: []Dialect{DialectES8}, no: []string{"", "a", "aaaa"}},
		{src: `[\.-z]`, dialects: []Dialect{DialectES9}, yes: []string{".", "-", "z"}, no: []string{"a", "/"}},
		{src: `[\.-z]`, dialects: []Dialect{DialectES9_0, DialectES8}, yes: []string{".", "/", "a", "z"}, no: []string{"-"}},
	}
	for _, tc := range tests {
		dialects := tc.dialects
		if dialects == nil {
			dialects = allDialects
		}
		for _, d := range dialects {
			opt := tc.opt
			opt.Dialect = d
			a, err := CompileRegexp(tc.src, opt)
			if err != nil {
				t.Errorf("%v %q: %v", d, tc.src, err)
				continue
			}
			for _, s := range tc.yes {
				if !a.Match(s) {
					t.Errorf("%v %q should match %q", d, tc.src, s)
				}
			}
			for _, s := range tc.no {
				if a.Match(s) {
					t.Errorf("%v %q should not match %q", d, tc.src, s)
				}
			}
		}
	}
}

func TestNamedAutomatonNotFound(t *testing.T) {
	for _, d := range allDialects {
		_, err := CompileRegexp("ab<myname>", Options{Dialect: d})
		var se *SyntaxError
		if !errors.As(err, &se) || se.Msg != "'myname' not found" || se.Offset != 2 || se.Pos != -1 {
			t.Errorf("%v: got %#v", d, err)
		}
		_, err = CompileRegexp("<>", Options{Dialect: d})
		if err == nil || err.Error() != "'' not found" {
			t.Errorf("%v <>: got %v", d, err)
		}
	}
}
