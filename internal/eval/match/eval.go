package match

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// Eval evaluates the rule e against the model exactly as Elasticsearch's
// RoleMapperExpression.match does: all (allMatch; all: [] is true), any
// (anyMatch; any: [] is false), except (negation), field (true when any
// value matches the field's predicate). Like Java's streams it stops at the
// first child or value that decides the result, so an error is returned
// only when Elasticsearch would reach it (a BigInteger metadata value
// outside the long range compared with a rule number, or a malformed tree).
func Eval(e *rules.Expr, m *Model) (bool, error) {
	if m == nil {
		return false, fmt.Errorf("%w: nil model", ErrBadExpr)
	}
	return eval(e, m)
}

func eval(e *rules.Expr, m *Model) (bool, error) {
	if e == nil {
		return false, fmt.Errorf("%w: nil node", ErrBadExpr)
	}
	switch e.Op {
	case rules.All:
		for _, c := range e.Children {
			ok, err := eval(c, m)
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	case rules.Any:
		for _, c := range e.Children {
			ok, err := eval(c, m)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case rules.Except:
		if len(e.Children) != 1 {
			return false, fmt.Errorf("%w: except with %d children", ErrBadExpr, len(e.Children))
		}
		ok, err := eval(e.Children[0], m)
		return !ok && err == nil, err
	case rules.Field:
		for _, v := range e.Values {
			ok, err := testField(m, e.Field, v)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, fmt.Errorf("%w: unknown operator %d", ErrBadExpr, e.Op)
}

// testField applies the model's predicate for the named field to one rule
// value (ExpressionModel.test for a single value).
func testField(m *Model, field string, v *rules.Value) (bool, error) {
	kind, jv, d := m.lookup(field)
	switch kind {
	case fieldGeneric:
		ok, err := testGeneric(jv, v)
		if err != nil {
			return false, fmt.Errorf("%s: %w", field, err)
		}
		return ok, nil
	case fieldDN:
		if err := checkValue(v); err != nil {
			return false, err
		}
		return testDN(d, newDNRule(v, m.norm)).matched(), nil
	case fieldGroups:
		if err := checkValue(v); err != nil {
			return false, err
		}
		r := newDNRule(v, m.norm)
		for _, g := range m.groups {
			if testDN(g, r).matched() {
				return true, nil
			}
		}
		return false, nil
	}
	if err := checkValue(v); err != nil {
		return false, err
	}
	return v.Kind == rules.NullValue, nil // NULL_PREDICATE
}
