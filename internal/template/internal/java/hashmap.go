package java

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Map is a java.util.HashMap with string keys. It remembers insertion
// order and simulates HashMap's table growth, so that Keys returns the
// order in which Java would iterate the map (bucket order, then insertion
// order within a bucket). Tree bins (9+ keys colliding in one bucket of a
// table of 64+ slots) are iterated in insertion order, which can differ
// from Java; that needs deliberately colliding keys.
type Map struct {
	keys []string
	vals map[string]any
	// HashMap state: table capacity (0 = no table yet) and resize threshold.
	cap, thr int
	// bins counts keys per bucket for the current capacity.
	bins map[int]int
}

const (
	defaultCapacity  = 16
	treeifyThreshold = 8
	minTreeifyCap    = 64
	maxCapacity      = 1 << 30
)

// NewHashMap returns an empty map as `new HashMap<>()` creates it.
func NewHashMap() *Map {
	return &Map{vals: map[string]any{}}
}

// NewHashMapWithCapacity returns an empty map as `new HashMap<>(n)`.
func NewHashMapWithCapacity(n int) *Map {
	m := NewHashMap()
	m.thr = tableSizeFor(n)
	return m
}

// Len returns the number of entries.
func (m *Map) Len() int { return len(m.keys) }

// Get returns the value stored under k.
func (m *Map) Get(k string) (any, bool) {
	v, ok := m.vals[k]
	return v, ok
}

// Put stores v under k, as HashMap.put does.
func (m *Map) Put(k string, v any) {
	if _, ok := m.vals[k]; ok {
		m.vals[k] = v
		return
	}
	if m.cap == 0 {
		m.resize()
	}
	idx := bucket(k, m.cap)
	n := m.bins[idx]
	m.keys = append(m.keys, k)
	m.vals[k] = v
	m.bins[idx] = n + 1
	// putVal: appending as the (n+1)th node with n-1 >= TREEIFY_THRESHOLD-1
	// calls treeifyBin, which resizes small tables instead.
	if n >= 1 && n-1 >= treeifyThreshold-1 && m.cap < minTreeifyCap {
		m.resize()
	}
	if len(m.keys) > m.thr {
		m.resize()
	}
}

// PutAll copies o's entries in o's iteration order, as HashMap.putAll.
func (m *Map) PutAll(o *Map) {
	s := o.Len()
	if s == 0 {
		return
	}
	if m.cap == 0 {
		t := int(float32(s)/0.75 + 1)
		if t > m.thr {
			m.thr = tableSizeFor(t)
		}
	} else {
		for s > m.thr && m.cap < maxCapacity {
			m.resize()
		}
	}
	for _, k := range o.Keys() {
		m.Put(k, o.vals[k])
	}
}

// Remove deletes k.
func (m *Map) Remove(k string) {
	if _, ok := m.vals[k]; !ok {
		return
	}
	delete(m.vals, k)
	for i, x := range m.keys {
		if x == k {
			m.keys = append(m.keys[:i:i], m.keys[i+1:]...)
			break
		}
	}
	if m.cap > 0 {
		m.bins[bucket(k, m.cap)]--
	}
}

// Keys returns the keys in Java's iteration order.
func (m *Map) Keys() []string {
	out := make([]string, len(m.keys))
	copy(out, m.keys)
	if m.cap == 0 {
		return out
	}
	idx := make(map[string]int, len(out))
	for _, k := range out {
		idx[k] = bucket(k, m.cap)
	}
	sort.SliceStable(out, func(i, j int) bool { return idx[out[i]] < idx[out[j]] })
	return out
}

func (m *Map) resize() {
	oldCap, oldThr := m.cap, m.thr
	newCap, newThr := 0, 0
	switch {
	case oldCap > 0:
		if oldCap >= maxCapacity {
			m.thr = 1<<31 - 1
			return
		}
		newCap = oldCap << 1
		if newCap < maxCapacity && oldCap >= defaultCapacity {
			newThr = oldThr << 1
		}
	case oldThr > 0:
		newCap = oldThr
	default:
		newCap = defaultCapacity
		newThr = int(0.75 * defaultCapacity)
	}
	if newThr == 0 {
		ft := float32(newCap) * 0.75
		if newCap < maxCapacity && ft < float32(maxCapacity) {
			newThr = int(ft)
		} else {
			newThr = 1<<31 - 1
		}
	}
	m.cap, m.thr = newCap, newThr
	m.bins = make(map[int]int, len(m.keys))
	for _, k := range m.keys {
		m.bins[bucket(k, m.cap)]++
	}
}

func tableSizeFor(c int) int {
	n := 1
	for n < c && n < maxCapacity {
		n <<= 1
	}
	return n
}

func bucket(k string, capacity int) int {
	h := StringHashCode(k)
	h ^= int32(uint32(h) >> 16)
	return int(h) & (capacity - 1)
}

// StringHashCode is java.lang.String.hashCode: s[0]*31^(n-1) + ... over
// the string's UTF-16 code units, with int overflow.
func StringHashCode(s string) int32 {
	var h int32
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			h = 31*h + int32(r1)
			h = 31*h + int32(r2)
			continue
		}
		h = 31*h + int32(r)
	}
	return h
}
