package match

import (
	"fmt"
	"math"

	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// testGeneric is the predicate ExpressionModel.buildPredicate builds for the
// user value u, applied to the rule value v. There is no coercion: a string
// never equals a number or boolean, and numbers compare by numberEquals.
func testGeneric(u jvalue, v *rules.Value) (bool, error) {
	if err := checkValue(v); err != nil {
		return false, err
	}
	switch u.kind {
	case jNull:
		return v.Kind == rules.NullValue, nil
	case jBool:
		return v.Kind == rules.BoolValue && v.Bool == u.b, nil
	case jLong, jDouble, jBig:
		return numberEquals(u, v)
	case jString:
		if v.Automaton != nil {
			return v.Automaton.Match(u.s), nil
		}
		return v.Kind == rules.StringValue && v.Str == u.s, nil
	}
	// A Collection: the OR of its elements' predicates, in order (an empty
	// collection matches nothing).
	for _, e := range u.list {
		ok, err := testGeneric(e, v)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// numberEquals is ExpressionModel.numberEquals with the user number on the
// left and the rule value (a Long when it is a number) on the right: equal
// objects, else Double.compare when either side is floating point, else
// exact long equality through Numbers.toLongExact (which throws for a
// BigInteger outside the long range).
func numberEquals(u jvalue, v *rules.Value) (bool, error) {
	if v.Kind != rules.LongValue {
		return false, nil
	}
	switch u.kind {
	case jLong:
		return u.l == v.Long, nil
	case jDouble:
		return doubleCompareEqual(u.d, float64(v.Long)), nil
	case jBig:
		if !u.big.IsInt64() {
			return false, fmt.Errorf("%w: %s", ErrLongRange, u.big.String())
		}
		return u.big.Int64() == v.Long, nil
	}
	return false, nil
}

// doubleCompareEqual is Double.compare(a, b) == 0: NaN equals NaN, and 0.0
// differs from -0.0.
func doubleCompareEqual(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}
