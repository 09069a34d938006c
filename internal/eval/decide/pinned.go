package decide

import (
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// Pinned returns the language of the values field can take for users that
// satisfy e, as far as e's conjunctive structure says (an over-
// approximation: never too small), or nil when e does not constrain it.
// Only username and realm.name can be pinned: they always hold exactly one
// string, compared as written. (groups and metadata may hold lists with
// other elements besides the matching one, and dn is compared modulo case
// and normalization.)
func Pinned(e *rules.Expr, field string, ops automaton.Ops) *automaton.Automaton {
	if field != "username" && field != "realm.name" {
		return nil
	}
	l, err := pinned(e, field, ops)
	if err != nil {
		return nil
	}
	return l
}

func pinned(e *rules.Expr, field string, ops automaton.Ops) (*automaton.Automaton, error) {
	switch e.Op {
	case rules.Field:
		if e.Field != field {
			return nil, nil
		}
		var parts []*automaton.Automaton
		for _, v := range e.Values {
			switch {
			case v.Kind != rules.StringValue:
			case v.Undecided != nil:
				return nil, v.Undecided // unknown language: pins nothing
			case v.Automaton != nil:
				parts = append(parts, v.Automaton)
			default:
				parts = append(parts, automaton.Literal(v.Str))
			}
		}
		if len(parts) == 0 {
			return automaton.Empty(), nil
		}
		return ops.Union(parts...)
	case rules.All:
		var out *automaton.Automaton
		for _, c := range e.Children {
			l, err := pinned(c, field, ops)
			if err != nil {
				return nil, err
			}
			if l == nil {
				continue
			}
			if out == nil {
				out = l
			} else if out, err = ops.Intersect(out, l); err != nil {
				return nil, err
			}
		}
		return out, nil
	case rules.Any:
		var parts []*automaton.Automaton
		for _, c := range e.Children {
			l, err := pinned(c, field, ops)
			if err != nil || l == nil {
				return nil, err // an unconstrained branch leaves the field free
			}
			parts = append(parts, l)
		}
		if len(parts) == 0 {
			return automaton.Empty(), nil // any: [] matches nobody
		}
		return ops.Union(parts...)
	}
	return nil, nil // except: a negation pins nothing
}
