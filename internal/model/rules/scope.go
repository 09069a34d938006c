package rules

// RealmScoped reports whether the expression is scoped to a concrete realm
// name exactly as Elasticsearch's RoleMapperExpressionValidator defines it:
// a field rule on `realm.name` none of whose values is a wildcard or regex;
// an `all` is scoped if any child is; an `any` is scoped if every child is
// (so `any: []` counts as scoped, as in Elasticsearch); `except` never counts.
func RealmScoped(e *Expr) bool {
	if e == nil {
		return false
	}
	switch e.Op {
	case Field:
		if e.Field != "realm.name" {
			return false
		}
		for _, v := range e.Values {
			if v.Automaton != nil || v.Pattern != Literal {
				return false
			}
		}
		return true
	case All:
		for _, c := range e.Children {
			if RealmScoped(c) {
				return true
			}
		}
		return false
	case Any:
		for _, c := range e.Children {
			if !RealmScoped(c) {
				return false
			}
		}
		return true
	}
	return false
}
