package produce

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// Model fields with a fixed meaning (template.UserData.Model).
const (
	fieldUsername = "username"
	fieldDN       = "dn"
	fieldGroups   = "groups"
	fieldRealm    = "realm.name"
	metadataDot   = "metadata."
)

// values resolves names against the abstract scope stack as the engine's
// lookup does (see internal/mustache/lookup.go), for every user at once.
type values struct {
	vars   Vars
	params *java.Map
	langs  map[string]*automaton.Automaton
	json   map[string]*aval
	root   *aval
}

func newValues(vars Vars, params *java.Map) *values {
	return &values{vars: vars, params: params, langs: map[string]*automaton.Automaton{},
		json: map[string]*aval{}, root: &aval{root: true}}
}

// lang returns the language of a model field (nil: any).
func (v *values) lang(field string) *automaton.Automaton {
	if l, ok := v.langs[field]; ok {
		return l
	}
	var l *automaton.Automaton
	if v.vars != nil {
		l = v.vars(field)
	}
	v.langs[field] = l
	return l
}

func (v *values) param(key string) (any, bool) {
	if v.params == nil {
		return nil, false
	}
	return v.params.Get(key)
}

// rootMember looks key up in the root map: the params overlaid by the user
// model.
func (v *values) rootMember(key string) (found *aval, notFound bool) {
	switch {
	case key == fieldUsername, key == fieldRealm:
		return v.stringField(key), false
	case key == fieldGroups:
		l := v.lang(fieldGroups)
		if l != nil && l.IsEmpty() {
			return &aval{list: &aval{}, fields: []string{fieldGroups}}, false
		}
		el := &aval{scalars: []*scalar{{text: l, str: true, field: fieldGroups}}, fields: []string{fieldGroups}}
		return &aval{list: el, fields: []string{fieldGroups}}, false
	case key == fieldDN:
		found = v.stringField(key)
	case strings.HasPrefix(key, metadataDot):
		found = v.jsonField(key)
	default:
		if p, ok := v.param(key); ok {
			return constVal(p), false
		}
		return &aval{}, true
	}
	// dn and metadata keys exist only for some users; otherwise a param
	// of that name shows through.
	if p, ok := v.param(key); ok {
		return mergeVals(found, constVal(p)), false
	}
	return found, true
}

// stringField is a string-valued field; an empty language means no user
// has a value there.
func (v *values) stringField(field string) *aval {
	l := v.lang(field)
	if l != nil && l.IsEmpty() {
		return &aval{}
	}
	return &aval{scalars: []*scalar{{text: l, str: true, field: field}}, fields: []string{field}}
}

// jsonField is a metadata field: any JSON value, or with a language, a
// scalar or (nested) list of scalars whose texts are in it.
func (v *values) jsonField(field string) *aval {
	if a, ok := v.json[field]; ok {
		return a
	}
	l := v.lang(field)
	a := &aval{null: true, fields: []string{field}}
	a.list = a
	if l == nil || !l.IsEmpty() {
		// With an empty language the value holds no scalar: it is null
		// or (nested) empty lists.
		a.scalars = []*scalar{{text: l, str: true, num: true, boo: true, field: field}}
	}
	if l == nil {
		a.umap = a
	}
	v.json[field] = a
	return a
}

// member looks key up in every value of a scope; notFound reports whether
// some value has no such key (including null and scalars, which have no
// keys, and lookups Elasticsearch fails on).
func (v *values) member(a *aval, key string) (found *aval, notFound bool) {
	var parts []*aval
	if a.null || len(a.scalars) > 0 {
		notFound = true
	}
	for _, c := range a.consts {
		x, ok, err := mustache.Member(c, key)
		switch {
		case err != nil || !ok:
			notFound = true
		default:
			parts = append(parts, constVal(x))
		}
	}
	if a.list != nil {
		if key == "size" {
			parts = append(parts, &aval{scalars: []*scalar{sizeScalar(a.fields)}, fields: a.fields})
		} else if idx, ok := java.ParseInt(key); ok && idx >= 0 {
			parts = append(parts, a.list.nonNull())
		}
		notFound = true
	}
	if a.umap != nil {
		parts = append(parts, a.umap)
		notFound = true
	}
	if a.root {
		f, nf := v.rootMember(key)
		parts = append(parts, f)
		notFound = notFound || nf
	}
	return mergeVals(parts...), notFound
}

// lookup resolves a name as ReflectionObjectHandler.find does.
func (v *values) lookup(name string, scopes []*aval) *aval {
	if name == "." {
		// A null element is never pushed (exec.go's next): its body sees
		// the enclosing scope.
		var parts []*aval
		for i := len(scopes) - 1; i >= 0; i-- {
			parts = append(parts, scopes[i].nonNull())
			if !scopes[i].null {
				return mergeVals(parts...)
			}
		}
		parts = append(parts, nullVal)
		return mergeVals(parts...)
	}
	var parts []*aval
	segs := strings.Split(name, ".")
	for i := len(scopes) - 1; i >= 0; i-- {
		sc := scopes[i]
		f, nf := v.member(sc, name)
		parts = append(parts, f)
		if !nf {
			return mergeVals(parts...)
		}
		if len(segs) == 1 {
			continue
		}
		// The dot walk: every segment but the last must be found, or the
		// lookup moves on to the next scope; once walked, a missing last
		// key or a null in between yields null.
		cur := sc
		next := false
		walked := true
		for _, seg := range segs[:len(segs)-1] {
			f, nf := v.member(cur, seg)
			if nf {
				next = true
			}
			if f.empty() {
				walked = false
				break
			}
			if f.null {
				parts = append(parts, nullVal)
			}
			cur = f.nonNull()
			if cur.empty() {
				walked = false
				break
			}
		}
		if walked {
			f, nf := v.member(cur, segs[len(segs)-1])
			parts = append(parts, f)
			if nf {
				parts = append(parts, nullVal)
			}
		}
		if !next {
			return mergeVals(parts...)
		}
	}
	parts = append(parts, nullVal)
	return mergeVals(parts...)
}

// sizeScalar is the text of a collection's "size" key.
func sizeScalar(fields []string) *scalar {
	field := ""
	if len(fields) > 0 {
		field = fields[0]
	}
	return &scalar{text: sizeAutomaton(), re: "[0-9]+", num: true, field: field}
}
