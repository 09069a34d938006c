package automaton

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// This file tests the wildcard automaton against a direct matcher written
// from Elasticsearch's Automatons.wildcard: the pattern is read as UTF-16
// code units (String.charAt), '*' is any string, '?' any one character,
// '\' makes the next code unit literal (a trailing '\' is itself literal),
// any other code unit is literal; the automaton then runs on the input's
// code points. A literal surrogate code unit therefore never matches, and a
// supplementary character in the pattern makes it match nothing.

// wildTok is one element of a wildcard pattern.
type wildTok struct {
	kind byte  // '*', '?' or 'c' (a literal code unit)
	unit int32 // the code unit of a literal
}

// wildTokens splits a pattern the way Automatons.wildcard does.
func wildTokens(pattern string) []wildTok {
	units := utf16.Encode([]rune(pattern))
	out := make([]wildTok, 0, len(units))
	for i := 0; i < len(units); i++ {
		switch u := units[i]; u {
		case '*', '?':
			out = append(out, wildTok{kind: byte(u)})
		case '\\':
			if i+1 < len(units) {
				i++
				out = append(out, wildTok{kind: 'c', unit: int32(units[i])})
			} else {
				out = append(out, wildTok{kind: 'c', unit: '\\'})
			}
		default:
			out = append(out, wildTok{kind: 'c', unit: int32(u)})
		}
	}
	return out
}

// directWildcardMatch decides whether the pattern accepts s (read as code
// points, invalid UTF-8 bytes as U+FFFD like Automaton.Match) by dynamic
// programming over (pattern position, input position): no automaton.
func directWildcardMatch(pattern, s string) bool {
	toks := wildTokens(pattern)
	if len(toks) == 0 {
		return false // Lucene's empty concatenation: Automatons.wildcard("") accepts nothing
	}
	in := []rune(s)
	// reach[j] = the first i tokens can consume exactly in[:j]
	reach := make([]bool, len(in)+1)
	next := make([]bool, len(in)+1)
	reach[0] = true
	for _, tk := range toks {
		clear(next)
		switch tk.kind {
		case '*':
			any := false
			for j := range reach {
				any = any || reach[j]
				next[j] = any
			}
		case '?':
			for j := 0; j < len(in); j++ {
				next[j+1] = reach[j]
			}
		default:
			for j := 0; j < len(in); j++ {
				next[j+1] = reach[j] && in[j] == tk.unit
			}
		}
		reach, next = next, reach
	}
	return reach[len(in)]
}

// wildcardSamples derives inputs from the pattern so that matches are
// exercised too, not only the (likely) mismatch of an unrelated input: the
// pattern with its wildcards filled in, with one unit changed, cut short
// or extended.
func wildcardSamples(pattern, input string) []string {
	var filled, empty, upper strings.Builder
	units := []rune(pattern)
	for i := 0; i < len(units); i++ {
		switch c := units[i]; {
		case c == '*':
			filled.WriteString("x*é")
		case c == '?':
			filled.WriteString("😀")
			empty.WriteString("?")
			upper.WriteString("Q")
		case c == '\\' && i+1 < len(units):
			i++
			filled.WriteRune(units[i])
			empty.WriteRune(units[i])
			upper.WriteString(strings.ToUpper(string(units[i])))
		default:
			filled.WriteRune(c)
			empty.WriteRune(c)
			upper.WriteString(strings.ToUpper(string(c)))
		}
	}
	out := []string{input, "", pattern, filled.String(), empty.String(), upper.String(), input + pattern, pattern + input}
	if f := filled.String(); f != "" {
		_, w := utf8.DecodeLastRuneInString(f)
		out = append(out, f[:len(f)-w], f+"x", "\xff"+f)
	}
	return out
}

// FuzzWildcardOracle checks that the compiled wildcard automaton (built by
// CompileWildcard, Cache.Wildcard and CompileValue, in every dialect)
// accepts exactly what the direct matcher accepts, that it is empty
// exactly when the pattern is empty or has a supplementary character, and
// that its witness matches.
func FuzzWildcardOracle(f *testing.F) {
	for _, s := range [][2]string{
		{"*", ""},
		{"abc*", "abcdef"},
		{"a?c*", "a😀c"},
		{"*,ou=people,dc=example,dc=com", "cn=bob,ou=people,dc=example,dc=com"},
		{"cn=*,OU=People,*", "CN=x,OU=People,dc=com"},
		{`a\*b*`, "a*bc"},
		{`a\?b*`, "axb"},
		{`*ab\`, `xab\`},
		{`\\*`, `\x`},
		{`\a*`, `\a`},
		{"*?", ""},
		{"**??**", "ab"},
		{"*😀*", "😀"},
		{`\😀*`, "😀"},
		{"é*", "e\u0301"},
		{"*straße*", "STRASSE"},
		{"*İ?", "i̇x"},
		{"?*?", "\xff\xfe"},
		{"*\uFFFD", "a\xff"},
		{"cn=a\\\\,b*", `cn=a\,b,dc=com`},
		{"*a??????????", "ba0123456789"},
		{"*a??????????????", "a"},
		{"", ""},
		{"\\", "\\"},
		{"*\u00a0*", "\u00a0"},
		{"?", "\U0010FFFF"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, input string) {
		if len(pattern) > 48 || len(input) > 256 {
			return // long patterns repeat the short ones; keeps each run cheap
		}
		toks := wildTokens(pattern)
		a, err := CompileWildcard(pattern, Options{})
		var tc *TooComplexError
		if errors.As(err, &tc) {
			return // "*a??????????????": Elasticsearch fails the same way
		}
		if err != nil {
			t.Fatalf("%q: %v", pattern, err)
		}
		wantEmpty := len(toks) == 0
		for _, tk := range toks {
			if tk.kind == 'c' && tk.unit >= surrogateMin && tk.unit <= surrogateMax {
				wantEmpty = true
			}
		}
		if a.IsEmpty() != wantEmpty {
			t.Fatalf("%q: IsEmpty = %v, want %v", pattern, a.IsEmpty(), wantEmpty)
		}
		if w, ok := a.Witness(); ok && !directWildcardMatch(pattern, w) {
			t.Fatalf("%q: witness %q is not matched by the direct matcher", pattern, w)
		}
		others := []*Automaton{a}
		var cache Cache // one per input: a shared one would grow for the whole run
		b, err := cache.Wildcard(pattern, Options{})
		if err != nil || b == nil {
			t.Fatalf("%q: cache: %v", pattern, err)
		}
		if b2, _ := cache.Wildcard(pattern, Options{}); b2 != b {
			t.Fatalf("%q: the cache compiled the pattern twice", pattern)
		}
		others = append(others, b)
		for _, d := range allDialects[1:] {
			b, err := CompileWildcard(pattern, Options{Dialect: d})
			if errors.As(err, &tc) {
				// Lucene generations bound determinization differently
				// (states vs effort): one may give up where another does
				// not. What compiles must accept the same strings.
				continue
			}
			if err != nil {
				t.Fatalf("%v %q: %v (the default dialect compiled it)", d, pattern, err)
			}
			others = append(others, b)
		}
		if IsWildcardValue(pattern) && !strings.HasPrefix(pattern, "/") {
			b, isPattern, err := CompileValue(pattern, Options{})
			if err != nil || !isPattern {
				t.Fatalf("%q: CompileValue: %v %v", pattern, isPattern, err)
			}
			others = append(others, b)
		}
		for _, s := range wildcardSamples(pattern, input) {
			want := directWildcardMatch(pattern, s)
			for i, b := range others {
				if got := b.Match(s); got != want {
					t.Fatalf("pattern %q on %q: automaton %d says %v, direct matcher %v", pattern, s, i, got, want)
				}
			}
		}
	})
}
