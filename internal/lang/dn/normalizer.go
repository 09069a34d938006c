package dn

import (
	"container/list"
	"strings"
	"sync"
)

// Default limits of a Normalizer.
const (
	// DefaultCacheEntries is the number of strings a zero Normalizer keeps:
	// more than the distinct DNs of a repository of tens of thousands of
	// mappings, whose indexes are built several times a run.
	DefaultCacheEntries = 1 << 16
	// MaxCachedLength is the longest string whose result is cached; longer
	// strings are still normalized, just not remembered.
	MaxCachedLength = 4096
	// MaxCacheBytes bounds the bytes of the strings a Normalizer keeps
	// (inputs and results, plus entryOverhead per entry), whatever their
	// number.
	MaxCacheBytes = 16 << 20
	// entryOverhead estimates the bookkeeping of one entry.
	entryOverhead = 128
)

// Normalizer memoizes Normalize per input string, like Elasticsearch's
// DistinguishedNameNormalizer, so each distinct string is parsed once per
// run. Failures are cached too. It keeps at most its capacity of entries,
// evicting the least recently used. The zero value is ready to use with
// DefaultCacheEntries; a Normalizer is safe for concurrent use.
type Normalizer struct {
	mu       sync.Mutex
	capacity int
	bytes    int        // the size of the cached entries (see MaxCacheBytes)
	order    *list.List // front = most recently used; values are *cacheEntry
	index    map[string]*list.Element
}

type cacheEntry struct {
	key  string
	norm string
	ok   bool
}

// NewNormalizer returns a Normalizer that keeps at most capacity results
// (DefaultCacheEntries if capacity <= 0).
func NewNormalizer(capacity int) *Normalizer {
	return &Normalizer{capacity: capacity}
}

// Normalize returns the normalized form of s, or ok=false if s is not a DN.
func (n *Normalizer) Normalize(s string) (normalized string, ok bool) {
	if len(s) > MaxCachedLength {
		return Normalize(s)
	}
	n.mu.Lock()
	if e, hit := n.index[s]; hit {
		n.order.MoveToFront(e)
		ce := e.Value.(*cacheEntry)
		n.mu.Unlock()
		return ce.norm, ce.ok
	}
	n.mu.Unlock()

	norm, ok := Normalize(s) // outside the lock: parsing may be slow

	n.mu.Lock()
	defer n.mu.Unlock()
	n.init()
	if e, hit := n.index[s]; hit { // another goroutine got there first
		n.order.MoveToFront(e)
		return norm, ok
	}
	key := strings.Clone(s) // do not pin a larger buffer s may point into
	n.index[key] = n.order.PushFront(&cacheEntry{key: key, norm: norm, ok: ok})
	n.bytes += entrySize(key, norm)
	for n.order.Len() > n.capacity || (n.bytes > MaxCacheBytes && n.order.Len() > 1) {
		last := n.order.Back()
		n.order.Remove(last)
		ce := last.Value.(*cacheEntry)
		delete(n.index, ce.key)
		n.bytes -= entrySize(ce.key, ce.norm)
	}
	return norm, ok
}

// Len returns the number of cached results.
func (n *Normalizer) Len() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.order == nil {
		return 0
	}
	return n.order.Len()
}

// init prepares the zero value; n.mu must be held.
func (n *Normalizer) init() {
	if n.order != nil {
		return
	}
	if n.capacity <= 0 {
		n.capacity = DefaultCacheEntries
	}
	n.order = list.New()
	n.index = make(map[string]*list.Element)
}

// entrySize is what one cached entry counts against MaxCacheBytes.
func entrySize(key, norm string) int { return len(key) + len(norm) + entryOverhead }
