package automaton

import (
	"errors"
	"strings"
	"testing"
)

func TestWildcard(t *testing.T) {
	tests := []struct {
		pattern string
		yes, no []string
		empty   bool
	}{
		{pattern: "*", yes: []string{"", "x", "😀 anything"}},
		{pattern: "abc*", yes: []string{"abc", "abcXY"}, no: []string{"_abc", "a", "", "ab"}},
		{pattern: "a?c*", yes: []string{"abc", "a😀c", "abcd"}, no: []string{"ac", "abbc"}},
		{pattern: "*@shield.gov", yes: []string{"fury@shield.gov", "@shield.gov"}, no: []string{"fury@shield.gov.x", "fury@shieldxgov"}},
		{pattern: "*,ou=sales,dc=example,dc=com", yes: []string{"cn=a,ou=sales,dc=example,dc=com"}, no: []string{"ou=sales,dc=example,dc=com"}},
		{pattern: "*?", yes: []string{"a", "ab"}, no: []string{""}},
		{pattern: "**", yes: []string{"", "a"}},
		{pattern: `a\*b*`, yes: []string{"a*b", "a*bc"}, no: []string{"ab", "axb"}},
		{pattern: `a\?b*`, yes: []string{"a?b"}, no: []string{"axb"}},
		{pattern: `*ab\`, yes: []string{`xab\`, `ab\`}, no: []string{"xab"}},
		{pattern: `\\*`, yes: []string{`\`, `\x`}, no: []string{"x"}},
		{pattern: `\a*`, yes: []string{"a", "ab"}, no: []string{`\a`}},
		{pattern: "[a]*", yes: []string{"[a]", "[a]x"}, no: []string{"a"}},
		{pattern: "é*", yes: []string{"é", "éa"}, no: []string{"e"}},
		// Elasticsearch builds wildcards from UTF-16 code units but runs
		// them on code points: a supplementary character never matches.
		{pattern: "*😀*", no: []string{"😀", "a😀b", ""}, empty: true},
		{pattern: `\😀*`, no: []string{"😀"}, empty: true},
	}
	for _, tc := range tests {
		for _, d := range allDialects {
			a, err := CompileWildcard(tc.pattern, Options{Dialect: d})
			if err != nil {
				t.Errorf("%v %q: %v", d, tc.pattern, err)
				continue
			}
			for _, s := range tc.yes {
				if !a.Match(s) {
					t.Errorf("%v %q should match %q", d, tc.pattern, s)
				}
			}
			for _, s := range tc.no {
				if a.Match(s) {
					t.Errorf("%v %q should not match %q", d, tc.pattern, s)
				}
			}
			if a.IsEmpty() != tc.empty {
				t.Errorf("%v %q: IsEmpty = %v", d, tc.pattern, a.IsEmpty())
			}
		}
	}
}

func TestWildcardTooComplex(t *testing.T) {
	p := "*a" + strings.Repeat("?", 14)
	for _, d := range allDialects {
		_, err := CompileWildcard(p, Options{Dialect: d})
		var tc *TooComplexError
		if !errors.As(err, &tc) || tc.Wrapped || tc.Limit != DefaultWorkLimit {
			t.Fatalf("%v %q: got %v, want an automaton-form TooComplexError", d, p, err)
		}
		if !strings.HasPrefix(err.Error(), "Determinizing automaton with ") ||
			!strings.HasSuffix(err.Error(), " would require more than 10000 effort.") {
			t.Errorf("%v: message %q", d, err)
		}
	}
	if _, err := CompileWildcard("*a"+strings.Repeat("?", 10), Options{}); err != nil {
		t.Errorf("10 '?' should still compile: %v", err)
	}
}

func TestCompileValue(t *testing.T) {
	tests := []struct {
		value   string
		pattern bool
		err     string
		yes, no []string
	}{
		{value: "abc", yes: []string{"abc"}, no: []string{"ABC", "abcd"}},
		{value: "a?c", yes: []string{"a?c"}, no: []string{"abc"}},
		{value: `a\?b`, yes: []string{`a\?b`}, no: []string{"a?b"}},
		{value: "", yes: []string{""}, no: []string{"a"}},
		{value: "/", yes: []string{"/"}, no: []string{""}},
		{value: "/abc", yes: []string{"/abc"}},
		{value: "abc/", yes: []string{"abc/"}},
		{value: "//", pattern: true, yes: []string{""}, no: []string{"/", "//"}},
		{value: "/a.c/", pattern: true, yes: []string{"abc"}, no: []string{"/abc/"}},
		{value: "/a/b/", pattern: true, yes: []string{"a/b"}},
		{value: "/*/", pattern: true, yes: []string{"*"}, no: []string{"", "a"}},
		{value: "*", pattern: true, yes: []string{"", "x"}},
		{value: "a*b", pattern: true, yes: []string{"ab", "axxb"}},
		{value: `a\*b`, pattern: true, yes: []string{"a*b"}, no: []string{"axb"}},
		{value: "/ab*", pattern: true, err: "invalid pattern [/ab*]. patterns starting with '/' indicate regular expression pattern and therefore must also end with '/'. other patterns (those that do not start with '/') will be treated as simple wildcard patterns"},
		{value: "/*", pattern: true, err: "invalid pattern [/*]"},
		{value: "/a{/", pattern: true, err: "integer expected at position 2"},
	}
	for _, tc := range tests {
		a, pattern, err := CompileValue(tc.value, Options{})
		if pattern != tc.pattern {
			t.Errorf("%q: pattern = %v", tc.value, pattern)
		}
		if tc.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
				t.Errorf("%q: got %v, want %q", tc.value, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.value, err)
			continue
		}
		for _, s := range tc.yes {
			if !a.Match(s) {
				t.Errorf("%q should match %q", tc.value, s)
			}
		}
		for _, s := range tc.no {
			if a.Match(s) {
				t.Errorf("%q should not match %q", tc.value, s)
			}
		}
	}
	var ip *InvalidPatternError
	if _, _, err := CompileValue("/x*", Options{}); !errors.As(err, &ip) || ip.Value != "/x*" {
		t.Errorf("want InvalidPatternError, got %v", err)
	}
	var se *SyntaxError
	if _, _, err := CompileValue("/a{/", Options{}); !errors.As(err, &se) || se.Offset != 3 {
		t.Errorf("syntax error offset should count the leading slash: %v", err)
	}
	if !IsRegexValue("//") || IsRegexValue("/") || IsRegexValue("/a") || !IsWildcardValue("a*") || IsWildcardValue("a?") {
		t.Error("pattern detection")
	}
}
