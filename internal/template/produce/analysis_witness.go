package produce

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/template"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

// Bounds of the search for an example user.
const (
	maxWitnessRenders    = 300
	maxCandidatesByField = 12
)

// witnessSearch looks for a user who gets a role, by rendering the
// template with the real engine for users built from the analysis'
// candidate values and a few generic shapes.
type witnessSearch struct {
	t       *template.Template
	vals    *values
	role    string
	uses    []VarUse
	renders int
	stop    bool
	// steps is the run's pool of rendering steps; budgetErr is set when
	// it ran out during the search.
	steps     *budget.Pool
	budgetErr error
}

// variant changes one field of a user.
type variant struct {
	field string
	apply func(u *template.UserData)
	desc  string // e.g. `username "superuser"`
	uses  []int  // the codes that write the value
}

type witness struct {
	user     template.UserData
	variants []variant
}

func (w *witnessSearch) lang(field string) *automaton.Automaton {
	if w.vals == nil {
		return nil
	}
	return w.vals.lang(field)
}

// pick returns a value of field, preferring dflt; ok is false when the
// field can take no value.
func (w *witnessSearch) pick(field, dflt string) (string, bool) {
	l := w.lang(field)
	if l == nil || l.Match(dflt) {
		return dflt, true
	}
	return l.Witness()
}

// distinct returns up to n different values of field.
func (w *witnessSearch) distinct(field, dflt string, n int) []string {
	l := w.lang(field)
	if l == nil {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s%d", dflt, i+1)
		}
		return out
	}
	ss, ok := l.Strings(n)
	if ok {
		return ss
	}
	var out []string
	rest := l
	for len(out) < n {
		s, ok := rest.Witness()
		if !ok {
			break
		}
		out = append(out, s)
		next, err := automaton.Minus(rest, automaton.Literal(s))
		if err != nil {
			break
		}
		rest = next
	}
	return out
}

func (w *witnessSearch) allows(field, value string) bool {
	l := w.lang(field)
	return l == nil || l.Match(value)
}

// find returns a user who gets the role, or nil.
func (w *witnessSearch) find(cands []candidate) *witness {
	base, ok := w.base()
	if !ok {
		return nil
	}
	if w.try(base) {
		return &witness{user: base}
	}
	vs := w.variants(cands)
	for _, v := range vs {
		if w.stop {
			return nil
		}
		u := cloneUser(base)
		v.apply(&u)
		if w.try(u) {
			return &witness{user: u, variants: []variant{v}}
		}
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if w.stop {
				return nil
			}
			if vs[i].field == vs[j].field {
				continue
			}
			u := cloneUser(base)
			vs[i].apply(&u)
			vs[j].apply(&u)
			if w.try(u) {
				return &witness{user: u, variants: []variant{vs[i], vs[j]}}
			}
		}
	}
	return nil
}

// base is the plainest user the vars allow.
func (w *witnessSearch) base() (template.UserData, bool) {
	name, ok1 := w.pick(fieldUsername, "u")
	realm, ok2 := w.pick(fieldRealm, "realm")
	return template.UserData{Username: name, RealmName: realm}, ok1 && ok2
}

func cloneUser(u template.UserData) template.UserData {
	c := u
	c.Groups = slices.Clone(u.Groups)
	if u.Metadata != nil {
		c.Metadata = make(map[string]any, len(u.Metadata))
		for k, v := range u.Metadata {
			c.Metadata[k] = v
		}
	}
	return c
}

// try renders the template for u and reports whether it gets the role.
func (w *witnessSearch) try(u template.UserData) bool {
	if w.stop || w.renders >= maxWitnessRenders {
		w.stop = true
		return false
	}
	w.renders++
	roles, err := w.t.RolesWith(template.ScriptSettings{Steps: w.steps}, u.Model())
	if err != nil {
		var e *template.Error
		if !errors.As(err, &e) {
			// RolesWith fails only with an *Error; anything else stops
			// the search.
			w.stop = true
			return false
		}
		if e.Stage == template.StageOffline {
			w.stop = true
		}
		if e.Budget != nil {
			w.budgetErr = e
		}
		return false
	}
	return slices.Contains(roles, w.role)
}

// variants lists single-field changes: candidate values first, then
// generic shapes for the fields the template uses.
func (w *witnessSearch) variants(cands []candidate) []variant {
	var out []variant
	// The role itself is a candidate for every field the template uses
	// (the analysis may have no candidates when the JSON structure
	// depends on the user).
	// For json templates, values that are JSON themselves matter when
	// they are written unescaped.
	values := []string{w.role}
	if w.t.Format() == template.FormatJSON {
		q := java.ToJSON(w.role)
		values = append(values, q, "["+q+"]")
	}
	var fields []string
	var keys []string
	for i, u := range w.uses {
		for _, f := range u.Fields {
			if !slices.Contains(fields, f) {
				fields = append(fields, f)
				for _, v := range values {
					cands = append(cands, candidate{field: f, value: v, use: i})
				}
			}
		}
		for _, k := range strings.Split(u.Name, ".") {
			if k != "" && !slices.Contains(keys, k) && len(keys) < 8 {
				keys = append(keys, k)
			}
		}
	}
	perField := map[string]int{}
	groupVals := []string{}
	groupUses := []int{}
	for _, c := range cands {
		if perField[c.field] >= maxCandidatesByField || !w.allows(c.field, c.value) {
			continue
		}
		perField[c.field]++
		uses := []int{}
		if c.use >= 0 {
			uses = append(uses, c.use)
		}
		if v, ok := w.valueVariant(c.field, c.value, uses); ok {
			out = append(out, v...)
		}
		if c.field == fieldGroups && !slices.Contains(groupVals, c.value) {
			groupVals = append(groupVals, c.value)
			groupUses = unionInts(groupUses, uses)
		}
	}
	if len(groupVals) > 1 {
		vals := slices.Clone(groupVals)
		out = append(out, variant{field: fieldGroups, desc: "groups " + quoteList(vals), uses: groupUses,
			apply: func(u *template.UserData) { u.Groups = slices.Clone(vals) }})
	}
	// Generic shapes for the fields the template uses.
	for _, f := range fields {
		switch {
		case f == fieldGroups:
			gs := w.distinct(fieldGroups, "g", 3)
			for n := 1; n <= len(gs); n++ {
				vals := slices.Clone(gs[:n])
				out = append(out, variant{field: f, desc: "groups " + quoteList(vals),
					apply: func(u *template.UserData) { u.Groups = vals }})
			}
		case f == fieldDN:
			if dn, ok := w.pick(fieldDN, "cn=u,dc=example,dc=com"); ok {
				out = append(out, variant{field: f, desc: "DN " + quote(dn),
					apply: func(u *template.UserData) { u.DN = &dn }})
			}
		case strings.HasPrefix(f, metadataDot):
			key := strings.TrimPrefix(f, metadataDot)
			var shapes []any
			if v, ok := w.pick(f, "x"); ok {
				shapes = append(shapes, v, []any{v})
			}
			if w.allows(f, "true") {
				shapes = append(shapes, true)
			}
			if w.lang(f) == nil {
				// A map whose keys are names the template looks up.
				for _, k := range keys {
					shapes = append(shapes, map[string]any{k: w.role})
				}
			}
			for _, s := range shapes {
				out = append(out, variant{field: f, desc: "metadata " + key + " " + describeValue(s),
					apply: func(u *template.UserData) { setMetadata(u, key, s) }})
			}
		}
	}
	return out
}

// valueVariant sets a field to a candidate value.
func (w *witnessSearch) valueVariant(field, value string, uses []int) ([]variant, bool) {
	switch {
	case field == fieldUsername:
		return []variant{{field: field, desc: "username " + quote(value), uses: uses,
			apply: func(u *template.UserData) { u.Username = value }}}, true
	case field == fieldRealm:
		return []variant{{field: field, desc: "realm " + quote(value), uses: uses,
			apply: func(u *template.UserData) { u.RealmName = value }}}, true
	case field == fieldDN:
		return []variant{{field: field, desc: "DN " + quote(value), uses: uses,
			apply: func(u *template.UserData) { u.DN = &value }}}, true
	case field == fieldGroups:
		return []variant{{field: field, desc: "group " + quote(value), uses: uses,
			apply: func(u *template.UserData) { u.Groups = []string{value} }}}, true
	case strings.HasPrefix(field, metadataDot):
		key := strings.TrimPrefix(field, metadataDot)
		return []variant{
			{field: field, desc: "metadata " + key + " " + quote(value), uses: uses,
				apply: func(u *template.UserData) { setMetadata(u, key, value) }},
			{field: field, desc: "metadata " + key + " " + describeValue([]any{value}), uses: uses,
				apply: func(u *template.UserData) { setMetadata(u, key, []any{value}) }},
		}, true
	}
	return nil, false
}

func setMetadata(u *template.UserData, key string, v any) {
	if u.Metadata == nil {
		u.Metadata = map[string]any{}
	}
	u.Metadata[key] = v
}

func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case []any:
		parts := make([]string, len(x))
		for i, it := range x {
			parts[i] = describeValue(it)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = quote(k) + ": " + describeValue(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

func quoteList(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = quote(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func unionInts(a, b []int) []int {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// uses are the indexes of the uses that write the witness's values.
func (found *witness) uses() []int {
	var uses []int
	for _, v := range found.variants {
		uses = unionInts(uses, v.uses)
	}
	return uses
}

// explain says how the example user gets the role.
func (w *witnessSearch) explain(found *witness) string {
	var descs []string
	for _, v := range found.variants {
		descs = append(descs, v.desc)
	}
	uses := found.uses()
	who := "a user with " + strings.Join(descs, " and ")
	if len(descs) == 0 {
		who = "for example a user with username " + quote(found.user.Username)
	}
	var how []string
	for _, i := range uses {
		if i < len(w.uses) {
			u := w.uses[i]
			how = append(how, u.Text+" "+useVerb(u, w.t.Format()))
		}
	}
	if len(how) == 0 {
		return who + " gets role " + quote(w.role)
	}
	return strings.Join(how, "; ") + ": " + who + " gets role " + quote(w.role)
}

// useVerb says what a use does with user values.
func useVerb(u VarUse, f template.Format) string {
	what := "user values"
	if len(u.Fields) > 0 {
		parts := make([]string, len(u.Fields))
		for i, field := range u.Fields {
			parts[i] = fieldNoun(field)
		}
		what = strings.Join(parts, " or ")
	}
	switch u.Kind {
	case VarToJSON:
		if f == template.FormatJSON {
			return "turns " + what + " into roles"
		}
		return "writes " + what + " as JSON into the role name"
	case VarJoin:
		return "joins " + what + " into the role name"
	case VarSection:
		return "repeats its body for " + what
	case VarRawValue:
		return "copies " + what + " unescaped into the role name"
	}
	return "copies " + what + " into the role name"
}

// fieldNoun names a model field for a message.
func fieldNoun(field string) string {
	switch {
	case field == fieldUsername:
		return "the username"
	case field == fieldDN:
		return "the DN"
	case field == fieldGroups:
		return "the group names"
	case field == fieldRealm:
		return "the realm name"
	case strings.HasPrefix(field, metadataDot):
		return "metadata " + strings.TrimPrefix(field, metadataDot)
	}
	return field
}
