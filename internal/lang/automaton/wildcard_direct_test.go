package automaton

import (
	"fmt"
	"reflect"
	"testing"
)

// generalWildcard compiles pattern through concatenation, Lucene's subset
// construction and minimization, bypassing directWildcard.
func generalWildcard(t testing.TB, pattern string) (*Automaton, error) {
	t.Helper()
	saved := directWildcardEnabled
	directWildcardEnabled = false
	defer func() { directWildcardEnabled = saved }()
	return compileWildcard(pattern, Options{}, nil)
}

// TestDirectWildcardSameAutomaton checks that the closed-form automata are
// identical (states, numbering, transitions) to what the general path
// builds, on the shapes real mappings use and on repetitive literals whose
// failure links matter.
func TestDirectWildcardSameAutomaton(t *testing.T) {
	patterns := []string{
		"*,ou=people,dc=example,dc=com", "svc-*", "*@example.com", "*admin*", "a*", "*a", "*a*",
		"*aaaa", "aaab*", "*abab", "*ababc*", "*aabaaab", "*abcabd*", `*\*x`, `x\*y*`, `a\\*`, `*a\`,
		"*ü-ñ", "*日本*", "*\u00ff\u0100", "*\uffff", "*\x00a", "*" + string(rune(0xD7FF)) + "x",
	}
	for i := range 40 {
		patterns = append(patterns, fmt.Sprintf("*,ou=dept-%d,dc=example,dc=com", i*37), fmt.Sprintf("user-%d-*", i))
	}
	for _, p := range patterns {
		want, werr := generalWildcard(t, p)
		c := newCtx(Options{})
		got, ok, gerr := directWildcard(p, Options{}, c)
		if !ok {
			t.Errorf("%q: not taken by the direct path", p)
			continue
		}
		if werr != nil || gerr != nil {
			t.Errorf("%q: errors general=%v direct=%v", p, werr, gerr)
			continue
		}
		if !reflect.DeepEqual(got.d, want.d) {
			t.Errorf("%q: direct automaton differs\n got %+v\nwant %+v", p, got.d, want.d)
		}
	}
}

// TestDirectWildcardDeclines lists patterns the direct path must leave to
// the general one.
func TestDirectWildcardDeclines(t *testing.T) {
	long := make([]byte, 300)
	for i := range long {
		long[i] = 'a'
	}
	for _, p := range []string{"abc", "*", "**", "**a", "a*b", "*a?b", "?a*", "a**", `\*a`, "*\U0001F600", "*" + string(long), `a\*`} {
		if _, ok, _ := directWildcard(p, Options{}, newCtx(Options{})); ok {
			t.Errorf("%q: taken by the direct path", p)
		}
	}
}

// FuzzDirectWildcard checks the direct path against the general one.
func FuzzDirectWildcard(f *testing.F) {
	for _, s := range []string{"*,ou=x,dc=y", "ab*", "*abab", "*aXa*", `*\\a`, "*é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if len(p) > 200 {
			return
		}
		got, ok, gerr := directWildcard(p, Options{}, newCtx(Options{}))
		if !ok {
			return
		}
		want, werr := generalWildcard(t, p)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("%q: errors general=%v direct=%v", p, werr, gerr)
		}
		if gerr == nil && !reflect.DeepEqual(got.d, want.d) {
			t.Fatalf("%q: direct automaton differs\n got %+v\nwant %+v", p, got.d, want.d)
		}
	})
}
