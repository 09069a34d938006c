package automaton

import (
	"sync"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

// Cache compiles each distinct pattern once and shares the result. It is
// safe for concurrent use; concurrent requests for the same pattern wait
// for a single compilation. The zero value is ready to use and unbounded.
//
// A cache keeps every automaton for the life of the run (the parsed rules
// refer to them), so its memory is bounded by Held: each compiled
// automaton draws its states and transitions from it, and a pattern that
// does not fit fails with the pool's *budget.Error instead of being kept.
// Work draws the construction work of every compilation.
type Cache struct {
	// Work, when set, bounds the construction work of all compilations.
	Work *budget.Pool
	// Held, when set, bounds the states and transitions of the automata
	// the cache holds.
	Held *budget.Pool
	// MaxLength, when > 0, is the longest pattern (in bytes) the cache
	// compiles: a longer wildcard or regex fails with a *budget.Error
	// naming limits.pattern_length before any work is done, since parsing
	// alone costs memory in proportion to its length.
	MaxLength int

	mu sync.Mutex
	m  map[cacheKey]*cacheEntry
}

type cacheKind uint8

const (
	cacheRegexp cacheKind = iota
	cacheWildcard
	cacheValue
)

type cacheKey struct {
	kind cacheKind
	src  string
	opt  Options
}

type cacheEntry struct {
	once    sync.Once
	a       *Automaton
	pattern bool
	err     error
}

func (c *Cache) entry(k cacheKey) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[cacheKey]*cacheEntry)
	}
	e := c.m[k]
	if e == nil {
		e = &cacheEntry{}
		c.m[k] = e
	}
	return e
}

// Regexp is CompileRegexp, cached.
func (c *Cache) Regexp(src string, opt Options) (*Automaton, error) {
	e := c.entry(cacheKey{cacheRegexp, src, opt})
	e.once.Do(func() {
		if e.err = c.tooLong(src); e.err == nil {
			e.a, e.err = c.hold(compileRegexp(src, opt, c.Work))
		}
	})
	return e.a, e.err
}

// Wildcard is CompileWildcard, cached.
func (c *Cache) Wildcard(pattern string, opt Options) (*Automaton, error) {
	e := c.entry(cacheKey{cacheWildcard, pattern, opt})
	e.once.Do(func() {
		if e.err = c.tooLong(pattern); e.err == nil {
			e.a, e.err = c.hold(compileWildcard(pattern, opt, c.Work))
		}
	})
	return e.a, e.err
}

// Value is CompileValue, cached, except that a value that is not a pattern
// (it matches only itself) gives a nil automaton and is not kept: rule
// values are mostly literals, and their automata would only cost time and
// memory.
func (c *Cache) Value(v string, opt Options) (*Automaton, bool, error) {
	if !IsWildcardValue(v) && !IsRegexValue(v) {
		return nil, false, nil
	}
	e := c.entry(cacheKey{cacheValue, v, opt})
	e.once.Do(func() {
		var a *Automaton
		if len(v) > c.MaxLength && c.MaxLength > 0 && (IsWildcardValue(v) || IsRegexValue(v)) {
			e.pattern, e.err = true, c.tooLong(v)
			return
		}
		a, e.pattern, e.err = compileValue(v, opt, c.Work)
		if e.err == nil && e.pattern {
			e.a, e.err = c.hold(a, nil)
		} else {
			e.a = a
		}
	})
	return e.a, e.pattern, e.err
}

// Len returns the number of distinct patterns compiled or being compiled.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// tooLong returns the error for a pattern longer than MaxLength, or nil.
func (c *Cache) tooLong(src string) error {
	if c.MaxLength > 0 && len(src) > c.MaxLength {
		return &budget.Error{Setting: budget.SettingPatternLength, What: "bytes of one pattern", Limit: int64(c.MaxLength)}
	}
	return nil
}

// hold charges a compiled automaton to Held.
func (c *Cache) hold(a *Automaton, err error) (*Automaton, error) {
	if err != nil || a == nil || c.Held == nil {
		return a, err
	}
	if err := c.Held.Take(int64(a.NumStates()) + int64(a.fa().numTransitions())); err != nil {
		return nil, err
	}
	return a, nil
}
