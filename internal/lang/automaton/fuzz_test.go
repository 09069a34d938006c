package automaton

import (
	"errors"
	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"", "abc", "a*b", "(a|b)*a(a|b){4}", `.*\@avengers\.(net|org)`, "[^a-c]+", "~(a.*)", "a&b", "<1-10>",
	"<01-10>", `"lit"`, "@", "#", "<x>", `\d+\w*\s?`, `[\d-z]`, `[\.-z]`, "a{2,}", "a{1,3}", "a{5,3}",
	"a{", "[a", "(", `\n`, "😀é", "x?{20}", "((a))", "[]a]", "a||b", "*", "{", "<+1-5>", "<a-b>",
}

// checkError fails unless err is one of the package's documented errors.
func checkError(t *testing.T, src string, err error) {
	var se *SyntaxError
	var tc *TooComplexError
	switch {
	case err == nil, errors.As(err, &se), errors.As(err, &tc), errors.Is(err, ErrTooLarge):
	default:
		t.Fatalf("%q: unexpected error type %T: %v", src, err, err)
	}
	if se != nil && (se.Offset < 0 || se.Offset > len(src) || se.Msg == "") {
		t.Fatalf("%q: bad SyntaxError %+v", src, se)
	}
}

func FuzzParseRegexp(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, d := range allDialects {
			r, err := ParseRegexp(src, Options{Dialect: d})
			checkError(t, src, err)
			if err == nil {
				_ = r.String()
				for _, op := range r.Operators() {
					if op.Offset < 0 || op.End > len(src) || op.Offset >= op.End {
						t.Fatalf("%q: bad operator span %+v", src, op)
					}
				}
			}
		}
	})
}

// FuzzCompileRegexp compiles short expressions (long ones only repeat what
// short ones exercise, slower) and checks the minimized automaton against a
// simulation of the Lucene-shaped NFA.
func FuzzCompileRegexp(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "abc")
	}
	f.Fuzz(func(t *testing.T, src, input string) {
		if len(src) > 48 || len(input) > 32 || strings.Count(src, "{") > 3 {
			return
		}
		for _, d := range allDialects {
			opt := Options{Dialect: d}
			r, err := ParseRegexp(src, opt)
			checkError(t, src, err)
			if err != nil {
				continue
			}
			// Within a budget, as a run compiles patterns: a short
			// pattern can cost seconds to reject ("x?{2020}", a seed).
			a, err := r.compile(budget.NewPool("limits.automaton_states", "automaton states", 4_000_000))
			if errors.Is(err, budget.ErrExhausted) {
				continue
			}
			checkError(t, src, err)
			if err != nil {
				continue
			}
			nfa, err := newCtx(opt).buildNode(r.root)
			if err != nil {
				t.Fatalf("%v %q: compiled, but building again failed: %v", d, src, err)
			}
			if !utf8.ValidString(input) || strings.ContainsRune(input, utf8.RuneError) {
				continue
			}
			for _, s := range []string{input, "", src} {
				if !utf8.ValidString(s) {
					continue
				}
				if a.Match(s) != nfaMatch(nfa, s) {
					t.Fatalf("%v %q on %q: automaton %v, NFA %v", d, src, s, a.Match(s), nfaMatch(nfa, s))
				}
			}
			if w, ok := a.Witness(); ok != !a.IsEmpty() || (ok && !a.Match(w)) {
				t.Fatalf("%v %q: witness %q, %v", d, src, w, ok)
			}
		}
	})
}

// FuzzWildcard compares a wildcard with the equivalent regex.
func FuzzWildcard(f *testing.F) {
	for _, s := range []string{"*", "abc*", "a?c*", `a\*b*`, `*ab\`, "*😀*", "**?", `\\*`, "*.*"} {
		f.Add(s, "abc")
	}
	f.Fuzz(func(t *testing.T, pattern, input string) {
		if len(pattern) > 64 || pattern == "" {
			return // Automatons.wildcard("") accepts nothing, unlike the empty regex
		}
		a, err := CompileWildcard(pattern, Options{})
		checkError(t, pattern, err)
		if err != nil {
			return
		}
		var re strings.Builder
		units := []rune(pattern)
		for i := 0; i < len(units); i++ {
			switch c := units[i]; {
			case c == '*':
				re.WriteString(".*")
			case c == '?':
				re.WriteString(".")
			case c == '\\' && i+1 < len(units):
				i++
				re.WriteString(quoteRegexRune(units[i]))
			default:
				re.WriteString(quoteRegexRune(c))
			}
		}
		b, err := CompileRegexp(re.String(), Options{WorkLimit: 1 << 20})
		if err != nil {
			t.Fatalf("%q as regex %q: %v", pattern, re.String(), err)
		}
		if !utf8.ValidString(pattern) {
			return // the regex reads U+FFFD where the wildcard saw code units
		}
		// supplementary characters never match in a wildcard
		for _, c := range pattern {
			if c > 0xFFFF {
				if !a.IsEmpty() {
					t.Fatalf("%q: a supplementary character matched", pattern)
				}
				return
			}
		}
		if !a.Equal(b) {
			t.Fatalf("wildcard %q differs from regex %q (input %q: %v vs %v)", pattern, re.String(), input, a.Match(input), b.Match(input))
		}
	})
}

// quoteRegexRune escapes c for a Lucene regex.
func quoteRegexRune(c rune) string {
	if c == '"' {
		return `\"`
	}
	return `"` + string(c) + `"`
}
