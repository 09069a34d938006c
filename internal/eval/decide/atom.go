package decide

import (
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// Atom is a field rule seen as a predicate: field ∈ values. Field rules
// with the same field and value set are one atom.
type Atom struct {
	Field  string
	Values []*rules.Value
	// Expr is the first field rule the atom was built from.
	Expr *rules.Expr
	key  string
}

// atomKey identifies a field rule's predicate: its field and the sorted set
// of its values as written.
func atomKey(e *rules.Expr) string {
	vals := make([]string, len(e.Values))
	for i, v := range e.Values {
		vals[i] = v.Kind.String() + ":" + v.Display()
	}
	sort.Strings(vals)
	return e.Field + "\x00" + strings.Join(vals, "\x00")
}

// strings returns the atom's string values.
func (a *Atom) strings() []*rules.Value {
	var out []*rules.Value
	for _, v := range a.Values {
		if v.Kind == rules.StringValue {
			out = append(out, v)
		}
	}
	return out
}

// has reports whether the atom has a value of the kind.
func (a *Atom) has(k rules.ValueKind) bool {
	for _, v := range a.Values {
		if v.Kind == k {
			return true
		}
	}
	return false
}

// implies reports whether a's predicate syntactically implies b's: every
// value of a is also a value of b (a field rule is true when any of its
// values matches, and equal values match the same user values).
func (a *Atom) implies(b *Atom) bool {
	if a.Field != b.Field {
		return false
	}
	set := map[string]bool{}
	for _, v := range b.Values {
		set[v.Kind.String()+":"+v.Display()] = true
	}
	for _, v := range a.Values {
		if !set[v.Kind.String()+":"+v.Display()] {
			return false
		}
	}
	return true
}
