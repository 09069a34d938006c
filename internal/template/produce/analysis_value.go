package produce

import (
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// aval is an abstract value: a description of every Java value a lookup
// may yield for some user. The zero aval stands for no value at all.
// Avals may be cyclic (a JSON value's list elements are JSON values
// again) and are never modified once built.
type aval struct {
	null    bool      // null, or a missing variable
	scalars []*scalar // strings, numbers, booleans
	consts  []any     // known non-null Java values (script params)
	list    *aval     // a collection whose elements are list (nil: none)
	coll    bool      // ... seen through CollectionMap (a collection scope)
	umap    *aval     // a map with user-chosen keys and these values
	root    bool      // the root scope: script params and the user model
	fields  []string  // user model fields the value comes from
	nn      *aval     // cache of nonNull
}

// scalar is a string, number or boolean whose text (String.valueOf) is
// in text.
type scalar struct {
	text  *automaton.Automaton // nil: any text of the kinds below
	re    string               // a regular expression for text, if known
	str   bool                 // may be a string
	num   bool                 // may be a number
	boo   bool                 // may be a boolean
	field string               // the user model field it comes from
}

// nullVal is shared, so its nonNull cache is filled up front.
var nullVal = &aval{null: true, nn: &aval{}}

// empty reports whether a has no possible value.
func (a *aval) empty() bool {
	return !a.null && len(a.scalars) == 0 && len(a.consts) == 0 && a.list == nil && a.umap == nil && !a.root
}

// mergeVals unites abstract values; cycles are tied through a memo.
func mergeVals(xs ...*aval) *aval {
	memo := map[[2]*aval]*aval{}
	out := &aval{}
	for _, x := range xs {
		out = merge2(out, x, memo)
	}
	return out
}

func merge2(a, b *aval, memo map[[2]*aval]*aval) *aval {
	switch {
	case a == nil || a.empty():
		return b
	case b == nil || b.empty() || a == b:
		return a
	}
	k := [2]*aval{a, b}
	if r, ok := memo[k]; ok {
		return r
	}
	r := &aval{}
	memo[k] = r
	r.null = a.null || b.null
	r.root = a.root || b.root
	r.coll = a.coll || b.coll
	r.scalars = slices.Clip(a.scalars)
	for _, x := range b.scalars {
		if !slices.Contains(r.scalars, x) {
			r.scalars = append(r.scalars, x)
		}
	}
	r.consts = slices.Clip(a.consts)
	for _, x := range b.consts {
		if !slices.Contains(r.consts, x) {
			r.consts = append(r.consts, x)
		}
	}
	r.fields = unionStrings(a.fields, b.fields)
	switch {
	case a.list == nil:
		r.list = b.list
	case b.list == nil:
		r.list = a.list
	default:
		r.list = merge2(a.list, b.list, memo)
	}
	switch {
	case a.umap == nil:
		r.umap = b.umap
	case b.umap == nil:
		r.umap = a.umap
	default:
		r.umap = merge2(a.umap, b.umap, memo)
	}
	return r
}

func unionStrings(a, b []string) []string {
	out := slices.Clip(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// nonNull is a without null.
func (a *aval) nonNull() *aval {
	if !a.null {
		return a
	}
	if a.nn == nil {
		c := *a
		c.null = false
		a.nn = &c
	}
	return a.nn
}

// asScope is a pushed as a section scope: collections are coerced to
// CollectionMap.
func (a *aval) asScope() *aval {
	if a.list == nil && len(a.consts) == 0 {
		return a
	}
	c := *a
	c.coll = c.coll || a.list != nil
	c.consts = make([]any, len(a.consts))
	for i, v := range a.consts {
		c.consts[i] = java.Coerce(v)
	}
	return &c
}

// mayBeFalsey reports whether some value of a is falsey
// (BaseObjectHandler.falsey); mayBeTruthy whether some is not.
func (a *aval) mayBeFalsey() bool {
	if a.null || a.list != nil {
		return true
	}
	for _, s := range a.scalars {
		if s.str && (s.text == nil || s.text.Match("")) {
			return true
		}
		if s.boo && (s.text == nil || s.text.Match("false")) {
			return true
		}
	}
	for _, c := range a.consts {
		if mustache.Falsey(c) {
			return true
		}
	}
	return false
}

func (a *aval) mayBeTruthy() bool {
	if a.root || a.umap != nil || a.list != nil && !a.list.empty() {
		return true
	}
	for _, s := range a.scalars {
		if s.num || s.boo || s.text == nil {
			return true
		}
		if w, ok := s.text.IsLiteral(); !ok || w != "" {
			if !s.text.IsEmpty() {
				return true
			}
		}
	}
	for _, c := range a.consts {
		if !mustache.Falsey(c) {
			return true
		}
	}
	return false
}

// sectionScopes splits a section's value into what it iterates: whether
// it may run zero times, once, or any number of times, and the scope
// values its body sees.
func (a *aval) sectionScopes() (zero, once, many bool, scope *aval) {
	zero = a.mayBeFalsey()
	var parts []*aval
	if a.root || a.umap != nil {
		once = true
		c := *a
		c.null, c.scalars, c.consts, c.list = false, nil, nil, nil
		parts = append(parts, &c)
	}
	var truthy []*scalar
	for _, s := range a.scalars {
		if (&aval{scalars: []*scalar{s}}).mayBeTruthy() {
			truthy = append(truthy, s)
		}
	}
	if len(truthy) > 0 {
		once = true
		parts = append(parts, &aval{scalars: truthy, fields: a.fields})
	}
	if a.list != nil && !a.list.empty() {
		many = true
		parts = append(parts, a.list.asScope())
	}
	for _, c := range a.consts {
		if items, ok := java.Iterable(c); ok {
			if len(items) > 1 {
				many = true
			} else if len(items) == 1 {
				once = true
			}
			for _, it := range items {
				parts = append(parts, constVal(java.Coerce(it)))
			}
			continue
		}
		if !mustache.Falsey(c) {
			once = true
			parts = append(parts, constVal(c))
		}
	}
	return zero, once, many, mergeVals(parts...)
}

// constVal is the abstract value of one known Java value.
func constVal(v any) *aval {
	if v == nil {
		return nullVal
	}
	return &aval{consts: []any{v}}
}
