package automaton

import "sync"

// Cache compiles each distinct pattern once and shares the result. It is
// safe for concurrent use; concurrent requests for the same pattern wait
// for a single compilation. The zero value is ready to use.
type Cache struct {
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
	e.once.Do(func() { e.a, e.err = CompileRegexp(src, opt) })
	return e.a, e.err
}

// Wildcard is CompileWildcard, cached.
func (c *Cache) Wildcard(pattern string, opt Options) (*Automaton, error) {
	e := c.entry(cacheKey{cacheWildcard, pattern, opt})
	e.once.Do(func() { e.a, e.err = CompileWildcard(pattern, opt) })
	return e.a, e.err
}

// Value is CompileValue, cached.
func (c *Cache) Value(v string, opt Options) (*Automaton, bool, error) {
	e := c.entry(cacheKey{cacheValue, v, opt})
	e.once.Do(func() { e.a, e.pattern, e.err = CompileValue(v, opt) })
	return e.a, e.pattern, e.err
}

// Len returns the number of distinct patterns compiled or being compiled.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
