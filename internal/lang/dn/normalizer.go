package dn

import (
	"container/list"
	"strings"
	"sync"
)

// Default limits of a Normalizer.
const (
	// DefaultCacheEntries is the number of strings a zero Normalizer keeps.
	DefaultCacheEntries = 8192
	// MaxCachedLength is the longest string whose result is cached; longer
	// strings are still normalized, just not remembered, so the cache holds
	// at most about DefaultCacheEntries*MaxCachedLength*2 bytes.
	MaxCachedLength = 4096
)

// Normalizer memoizes Normalize per input string, like Elasticsearch's
// DistinguishedNameNormalizer, so each distinct string is parsed once per
// run. Failures are cached too. It keeps at most its capacity of entries,
// evicting the least recently used. The zero value is ready to use with
// DefaultCacheEntries; a Normalizer is safe for concurrent use.
type Normalizer struct {
	mu       sync.Mutex
	capacity int
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
	for n.order.Len() > n.capacity {
		last := n.order.Back()
		n.order.Remove(last)
		delete(n.index, last.Value.(*cacheEntry).key)
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
