package automaton

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

func TestCacheCompilesOnce(t *testing.T) {
	var c Cache
	const workers = 16
	results := make([]*Automaton, workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			a, err := c.Regexp(`.*\@example\.com`, Options{})
			if err != nil {
				t.Error(err)
			}
			results[i] = a
		}(i)
	}
	wg.Wait()
	for _, a := range results {
		if a != results[0] {
			t.Fatal("concurrent requests got different automata: compiled more than once")
		}
	}
	if !results[0].Match("x@example.com") {
		t.Error("wrong automaton")
	}
	w1, err1 := c.Wildcard("a*", Options{})
	w2, err2 := c.Wildcard("a*", Options{})
	if err1 != nil || err2 != nil || w1 != w2 {
		t.Error("wildcard not cached")
	}
	if _, err := c.Regexp("a{", Options{}); err == nil {
		t.Error("errors must be returned")
	}
	if _, err := c.Regexp("a{", Options{}); err == nil {
		t.Error("cached errors must be returned")
	}
	v, pattern, err := c.Value("/a.c/", Options{})
	if err != nil || !pattern || !v.Match("abc") {
		t.Error("Value")
	}
	// options are part of the key
	if a, _ := c.Regexp("~a", Options{NoComplement: true}); !a.Match("~a") {
		t.Error("options ignored by the cache")
	}
	if c.Len() != 5 {
		t.Errorf("Len = %d, want 5", c.Len())
	}
}

func TestConcurrentMatch(t *testing.T) {
	a := mustRegexp(t, "[a-z]+[0-9]*@[a-z]+\\.(com|org)")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				if !a.Match("bob42@example.org") || a.Match("bob@example") {
					t.Error("wrong answer under concurrency")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestConcurrentCompileOfOneRegexp(t *testing.T) {
	r, err := ParseRegexp("abc(de|fg)*h\"ij\"k", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, err := r.Compile()
			if err != nil || !a.Match("abcdefghijk") || r.String() == "" {
				t.Error("concurrent compile failed")
			}
		}()
	}
	wg.Wait()
}

// Automata too large for the dense transition table match through a
// binary search per state; both paths must agree.
func TestMatchWithoutTable(t *testing.T) {
	for _, src := range []string{emailRegexp, "[^a-c]+é😀", "(a|b)*a(a|b){3}", ".*"} {
		a := mustRegexp(t, src)
		b := &Automaton{d: a.d}
		b.tablesOnce.Do(func() { b.tables = &matchTables{} }) // no table: binary search
		for _, s := range append(allStrings("ab@.é", 3), "bob@example.com", "dé😀", "xa😀") {
			if a.Match(s) != b.Match(s) {
				t.Fatalf("%q on %q: table %v, search %v", src, s, a.Match(s), b.Match(s))
			}
		}
	}
}

// TestCacheMaxLength checks that a pattern longer than MaxLength fails
// with a budget error naming limits.pattern_length, without compiling, and
// that literals of any length are not patterns and compile.
func TestCacheMaxLength(t *testing.T) {
	c := &Cache{MaxLength: 10}
	long := "/" + strings.Repeat("a", 20) + "/"
	for name, err := range map[string]error{
		"value regex": func() error { _, _, err := c.Value(long, Options{}); return err }(),
		"value wildcard": func() error {
			_, _, err := c.Value(strings.Repeat("a", 20)+"*", Options{})
			return err
		}(),
		"regexp":   func() error { _, err := c.Regexp(strings.Repeat("a", 20), Options{}); return err }(),
		"wildcard": func() error { _, err := c.Wildcard(strings.Repeat("a", 20)+"*", Options{}); return err }(),
	} {
		var be *budget.Error
		if !errors.As(err, &be) || be.Setting != budget.SettingPatternLength {
			t.Errorf("%s: err = %v, want the pattern_length budget", name, err)
		}
	}
	if _, pattern, err := c.Value(strings.Repeat("a", 20), Options{}); err != nil || pattern {
		t.Errorf("a long literal: pattern %v, err %v", pattern, err)
	}
	if a, _, err := c.Value("/a+/", Options{}); err != nil || !a.Match("aaa") {
		t.Errorf("a short regex: %v", err)
	}
}
