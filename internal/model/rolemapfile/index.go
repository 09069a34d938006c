package rolemapfile

import (
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// leaf is where one flattened setting is written.
type leaf struct {
	// keySpan is the innermost key as written.
	keySpan source.Span
	// topKey is the text of the first-level key the setting is under.
	topKey string
	// value is the value (never an object unless it is an alias copy).
	value *source.Value
}

// posIndex maps flattened setting keys to where they are written. It is
// built from the loader's position-carrying tree and flattened the way the
// settings loader flattens the YAML; aliases are leaves, as Elasticsearch
// reads *name as a string.
type posIndex struct {
	f      *source.File
	leaves map[string]leaf
	top    map[string]source.Span // first-level key text → key span
}

// buildIndex parses f with the loader for positions. Only the first
// document matters (the settings loader rejects a second one).
func buildIndex(f *source.File) *posIndex {
	ix := &posIndex{f: f, leaves: map[string]leaf{}, top: map[string]source.Span{}}
	docs, _ := loader.ParseYAML(f)
	if len(docs) == 0 || docs[0] == nil || docs[0].Kind != source.Object {
		return ix
	}
	for _, m := range docs[0].Members {
		if _, ok := ix.top[m.Key]; !ok {
			ix.top[m.Key] = m.KeySpan
		}
	}
	ix.walk(docs[0], "", "")
	return ix
}

// walk flattens an object; later keys replace earlier ones, like the
// settings builder. Depth is bounded by the loader's nesting limit.
func (ix *posIndex) walk(v *source.Value, prefix, top string) {
	for _, m := range v.Members {
		key := prefix + m.Key
		t := top
		if prefix == "" {
			t = m.Key
		}
		if m.Value != nil && m.Value.Kind == source.Object && !ix.isAlias(m.Value) {
			ix.walk(m.Value, key+".", t)
			continue
		}
		ix.leaves[key] = leaf{keySpan: m.KeySpan, topKey: t, value: m.Value}
	}
}

// isAlias reports whether a value is written as an alias (*name): the
// loader gives an expanded alias the span of the alias itself.
func (ix *posIndex) isAlias(v *source.Value) bool {
	return v != nil && v.Span.File != nil && v.Span.Start < len(ix.f.Content) && ix.f.Content[v.Span.Start] == '*'
}

// get returns the leaf of a flattened key.
func (ix *posIndex) get(key string) (leaf, bool) {
	l, ok := ix.leaves[key]
	return l, ok && l.value != nil
}
