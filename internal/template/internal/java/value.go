// Package java models the handful of Java value types that Elasticsearch's
// mustache engine sees when it renders a role template (String, Integer,
// Long, BigInteger, Double, Boolean, List/Set, HashMap, null) and reproduces
// how Java prints them: toString, the JSON that Jackson writes, the JSON
// string escaping of JsonStringEncoder, URLEncoder and HashMap iteration
// order.
package java

import (
	"encoding/json"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// Values are plain Go values with these meanings:
//
//	nil        null
//	string     java.lang.String
//	bool       java.lang.Boolean
//	Int        java.lang.Integer
//	Long       java.lang.Long
//	*BigInt    java.math.BigInteger
//	Double     java.lang.Double
//	*List      a java.util.Collection (ArrayList, or a Set)
//	*Map       java.util.HashMap with string keys
//	*CollectionMap  Elasticsearch's CollectionMap view of a collection

// Int is a java.lang.Integer.
type Int int32

// Long is a java.lang.Long.
type Long int64

// Double is a java.lang.Double.
type Double float64

// BigInt is a java.math.BigInteger.
type BigInt struct{ V *big.Int }

// List is a Java collection: an ArrayList, or a Set when IsSet is true.
// Sets keep the order they were built in (Elasticsearch's own order for a
// user's groups is unspecified).
type List struct {
	Items []any
	IsSet bool
}

// CollectionMap is the map view Elasticsearch's mustache object handler
// puts over a collection when it becomes a scope: keys "size" and element
// indexes. It prints like a map ({0=a, 1=b}) and iterates like the list.
type CollectionMap struct{ L *List }

// NumberFromLiteral converts a JSON number literal the way Jackson and
// XContent do: integral literals become Integer, Long or BigInteger by
// magnitude, anything with a fraction or exponent becomes a Double.
func NumberFromLiteral(lit string) any {
	if !strings.ContainsAny(lit, ".eE") {
		if i, err := strconv.ParseInt(lit, 10, 64); err == nil {
			if i >= math.MinInt32 && i <= math.MaxInt32 {
				return Int(i)
			}
			return Long(i)
		}
		if b, ok := new(big.Int).SetString(lit, 10); ok {
			return &BigInt{V: b}
		}
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		// ParseFloat reports out-of-range values as ±Inf with an error,
		// which is what Java's Double.parseDouble yields too.
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return Double(f)
		}
		return lit
	}
	return Double(f)
}

// FromGo converts a JSON-ish Go value (string, bool, json.Number, ints,
// floats, []string, []any, map[string]any, nil, or values of this package)
// into a Java value. Maps become HashMaps filled in sorted key order (the
// original insertion order is unknown); slices become ArrayLists.
func FromGo(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string, bool, Int, Long, Double, *BigInt, *List, *Map, *CollectionMap:
		return x
	case json.Number:
		return NumberFromLiteral(string(x))
	case int:
		return longOrInt(int64(x))
	case int8:
		return Int(x)
	case int16:
		return Int(x)
	case int32:
		return Int(x)
	case int64:
		return longOrInt(x)
	case uint8:
		return Int(x)
	case uint16:
		return Int(x)
	case uint32:
		return longOrInt(int64(x))
	case uint:
		return bigOrLong(uint64(x))
	case uint64:
		return bigOrLong(x)
	case float32:
		return Double(x)
	case float64:
		return Double(x)
	case *big.Int:
		return &BigInt{V: x}
	case []string:
		l := &List{Items: make([]any, len(x))}
		for i, s := range x {
			l.Items[i] = s
		}
		return l
	case []any:
		l := &List{Items: make([]any, len(x))}
		for i, it := range x {
			l.Items[i] = FromGo(it)
		}
		return l
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		m := NewHashMap()
		for _, k := range keys {
			m.Put(k, FromGo(x[k]))
		}
		return m
	case map[string]string:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		m := NewHashMap()
		for _, k := range keys {
			m.Put(k, x[k])
		}
		return m
	}
	// Anything else is printed with Go's formatting; it cannot come from
	// JSON, so this only keeps the function total.
	return stringer{v}
}

type stringer struct{ v any }

func longOrInt(i int64) any {
	if i >= math.MinInt32 && i <= math.MaxInt32 {
		return Int(i)
	}
	return Long(i)
}

func bigOrLong(u uint64) any {
	if u <= math.MaxInt64 {
		return longOrInt(int64(u))
	}
	return &BigInt{V: new(big.Int).SetUint64(u)}
}

// Coerce applies Elasticsearch's CustomReflectionObjectHandler.coerce: a
// collection becomes a CollectionMap, anything else is unchanged.
func Coerce(v any) any {
	if l, ok := v.(*List); ok {
		return &CollectionMap{L: l}
	}
	return v
}

// Iterable returns the elements of a value Java treats as Iterable (a
// collection or a CollectionMap) and whether it is one.
func Iterable(v any) ([]any, bool) {
	switch x := v.(type) {
	case *List:
		return x.Items, true
	case *CollectionMap:
		return x.L.Items, true
	}
	return nil, false
}

// ClassName is the Java class name Elasticsearch prints for a value parsed
// from JSON by XContent (java.lang.Integer, java.util.HashMap, ...).
func ClassName(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "java.lang.String"
	case bool:
		return "java.lang.Boolean"
	case Int:
		return "java.lang.Integer"
	case Long:
		return "java.lang.Long"
	case Double:
		return "java.lang.Double"
	case *BigInt:
		return "java.math.BigInteger"
	case *List:
		if x.IsSet {
			return "java.util.HashSet"
		}
		return "java.util.ArrayList"
	case *Map:
		return "java.util.HashMap"
	case *CollectionMap:
		return "org.elasticsearch.script.mustache.CustomReflectionObjectHandler$CollectionMap"
	}
	return "java.lang.Object"
}
