package match

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
)

// Errors of model construction and evaluation. They are wrapped with the
// field they concern; test with errors.Is.
var (
	// ErrUnsupportedValue: a user value of a type Elasticsearch cannot build
	// a predicate for (an object, for instance). Elasticsearch's
	// ExpressionModel.buildPredicate throws IllegalArgumentException
	// "Unsupported value type class ...", which fails the user's whole role
	// resolution.
	ErrUnsupportedValue = errors.New("Unsupported value type")
	// ErrNullMetadata: a top-level metadata value is null. Elasticsearch
	// 8.x/9.x copies the metadata with Map.copyOf, which throws
	// NullPointerException on a null value, so no realm can present such a
	// user (realms drop null values before building the user).
	ErrNullMetadata = errors.New("null metadata value")
	// ErrLongRange: comparing a rule number with an integer metadata value
	// outside the range of a Java long; Elasticsearch's
	// Numbers.toLongExact throws ArithmeticException.
	ErrLongRange = errors.New("BigInteger out of long range")
	// ErrBadExpr: the rule tree is not one rules.Parse produces (a nil
	// node, a pattern without its automaton, an unknown operator).
	ErrBadExpr = errors.New("malformed rule expression")
)

// jkind is the Java type of a user value.
type jkind uint8

const (
	jNull jkind = iota
	jBool
	jLong   // Integer or Long
	jDouble // Float or Double
	jBig    // BigInteger
	jString
	jList // a Collection
)

// jvalue is a user-side value typed as Elasticsearch holds it.
type jvalue struct {
	kind jkind
	b    bool
	l    int64
	d    float64
	big  *big.Int
	s    string
	list []jvalue
}

// maxValueDepth bounds the nesting of lists inside a user value.
const maxValueDepth = 100

// javaClass names the Java class Elasticsearch would report for a Go value
// it cannot use, as in "Unsupported value type class java.util.HashMap".
func javaClass(v any) string {
	switch v.(type) {
	case map[string]any, map[string]string:
		return "class java.util.HashMap"
	}
	return fmt.Sprintf("class %T", v)
}

// toJValue converts a Go value (string, bool, integer and float types,
// json.Number, *big.Int, []any, []string, nil) into its Java form.
func toJValue(v any, depth int) (jvalue, error) {
	if depth > maxValueDepth {
		return jvalue{}, fmt.Errorf("%w: lists nested deeper than %d levels", ErrUnsupportedValue, maxValueDepth)
	}
	switch x := v.(type) {
	case nil:
		return jvalue{kind: jNull}, nil
	case string:
		return jvalue{kind: jString, s: javatext.Sanitize(x)}, nil
	case bool:
		return jvalue{kind: jBool, b: x}, nil
	case int:
		return jvalue{kind: jLong, l: int64(x)}, nil
	case int8:
		return jvalue{kind: jLong, l: int64(x)}, nil
	case int16:
		return jvalue{kind: jLong, l: int64(x)}, nil
	case int32:
		return jvalue{kind: jLong, l: int64(x)}, nil
	case int64:
		return jvalue{kind: jLong, l: x}, nil
	case uint8:
		return jvalue{kind: jLong, l: int64(x)}, nil
	case uint16:
		return jvalue{kind: jLong, l: int64(x)}, nil
	case uint32:
		return jvalue{kind: jLong, l: int64(x)}, nil
	case uint:
		return unsignedJValue(uint64(x)), nil
	case uint64:
		return unsignedJValue(x), nil
	case float32:
		return jvalue{kind: jDouble, d: float64(x)}, nil
	case float64:
		return jvalue{kind: jDouble, d: x}, nil
	case *big.Int:
		if x == nil {
			return jvalue{kind: jNull}, nil
		}
		if x.IsInt64() {
			return jvalue{kind: jLong, l: x.Int64()}, nil
		}
		return jvalue{kind: jBig, big: new(big.Int).Set(x)}, nil
	case json.Number:
		return numberJValue(string(x))
	case []string:
		out := jvalue{kind: jList, list: make([]jvalue, len(x))}
		for i, s := range x {
			out.list[i] = jvalue{kind: jString, s: javatext.Sanitize(s)}
		}
		return out, nil
	case []any:
		out := jvalue{kind: jList, list: make([]jvalue, len(x))}
		for i, it := range x {
			e, err := toJValue(it, depth+1)
			if err != nil {
				return jvalue{}, err
			}
			out.list[i] = e
		}
		return out, nil
	}
	return jvalue{}, fmt.Errorf("%w %s", ErrUnsupportedValue, javaClass(v))
}

func unsignedJValue(u uint64) jvalue {
	if u <= math.MaxInt64 {
		return jvalue{kind: jLong, l: int64(u)}
	}
	return jvalue{kind: jBig, big: new(big.Int).SetUint64(u)}
}

// numberJValue reads a JSON number literal the way Jackson does for
// Elasticsearch: an integer literal is an Integer/Long (BigInteger beyond
// the long range), anything with a fraction or exponent a Double.
func numberJValue(lit string) (jvalue, error) {
	if !strings.ContainsAny(lit, ".eE") {
		if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
			return jvalue{kind: jLong, l: n}, nil
		}
		if b, ok := new(big.Int).SetString(lit, 10); ok {
			return jvalue{kind: jBig, big: b}, nil
		}
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return jvalue{}, fmt.Errorf("%w: number %q", ErrUnsupportedValue, lit)
	}
	return jvalue{kind: jDouble, d: f}, nil
}

// typeName names the user value's type for explanations.
func (v jvalue) typeName() string {
	switch v.kind {
	case jNull:
		return "null"
	case jBool:
		return "boolean"
	case jLong, jBig:
		return "integer"
	case jDouble:
		return "floating-point"
	case jString:
		return "string"
	}
	return "list"
}

// display renders the value as JSON-like text, doubles as Java prints them
// (1.0, not 1).
func (v jvalue) display() string {
	switch v.kind {
	case jNull:
		return "null"
	case jBool:
		return strconv.FormatBool(v.b)
	case jLong:
		return strconv.FormatInt(v.l, 10)
	case jBig:
		return v.big.String()
	case jDouble:
		return javaDouble(v.d)
	case jString:
		return quote(v.s)
	}
	var b strings.Builder
	b.WriteByte('[')
	for i, e := range v.list {
		if i > 0 {
			b.WriteByte(',')
		}
		if i == 8 && len(v.list) > 9 {
			fmt.Fprintf(&b, "... %d more", len(v.list)-8)
			break
		}
		b.WriteString(e.display())
	}
	b.WriteByte(']')
	return b.String()
}

// javaDouble formats a double roughly as Java's Double.toString.
func javaDouble(d float64) string {
	switch {
	case math.IsNaN(d):
		return "NaN"
	case math.IsInf(d, 1):
		return "Infinity"
	case math.IsInf(d, -1):
		return "-Infinity"
	}
	abs := math.Abs(d)
	if abs != 0 && (abs < 1e-3 || abs >= 1e7) {
		s := strconv.FormatFloat(d, 'E', -1, 64)
		mant, exp, _ := strings.Cut(s, "E")
		if !strings.Contains(mant, ".") {
			mant += ".0"
		}
		return mant + "E" + strings.TrimPrefix(exp, "+")
	}
	s := strconv.FormatFloat(d, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// quote renders s as a JSON string without HTML escaping, shortened when
// very long.
func quote(s string) string {
	const limit = 200
	if len(s) > limit {
		s = headBytes(s, limit) + "…"
	}
	b, err := json.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	out := string(b)
	out = strings.ReplaceAll(out, `\u003c`, "<")
	out = strings.ReplaceAll(out, `\u003e`, ">")
	return strings.ReplaceAll(out, `\u0026`, "&")
}
