package source

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Kind is the JSON data type of a Value.
type Kind uint8

// The kinds of values, as JSON knows them.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String returns the JSON name of the kind ("string", "object", ...).
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return "unknown"
}

// Token returns the name Elasticsearch's XContent parser gives the token
// that starts a value of this kind (VALUE_STRING, START_OBJECT, ...), used
// to reproduce its error messages.
func (k Kind) Token() string {
	switch k {
	case Null:
		return "VALUE_NULL"
	case Bool:
		return "VALUE_BOOLEAN"
	case Number:
		return "VALUE_NUMBER"
	case String:
		return "VALUE_STRING"
	case Array:
		return "START_ARRAY"
	case Object:
		return "START_OBJECT"
	}
	return "UNKNOWN"
}

// Value is one node of the position-carrying value tree that the loaders
// build from JSON and YAML alike. Every value knows where it came from.
type Value struct {
	Kind Kind
	// Str is the string value for String, and the number's literal text
	// (normalized to JSON syntax) for Number.
	Str string
	// Bool is the value of a Bool.
	Bool bool
	// Items are the elements of an Array.
	Items []*Value
	// Members are the members of an Object, in source order. Duplicate keys
	// are kept (the loader reports them); Get returns the first.
	Members []*Member
	// Span is where the value is written.
	Span Span
	// Note carries loader remarks about how the value was read (for example
	// the YAML tag that was resolved); it is informational only.
	Note string
	// Alt is how Elasticsearch's own YAML reader (YAML 1.1, aliases not
	// expanded) reads a YAML value that this tool's YAML 1.2 reading gives
	// differently; nil when both readings agree (and always for JSON).
	Alt *Value
}

// Member is one key/value pair of an Object.
type Member struct {
	Key     string
	KeySpan Span
	Value   *Value
}

// Get returns the first member value named key, or nil.
func (v *Value) Get(key string) *Value {
	if m := v.Member(key); m != nil {
		return m.Value
	}
	return nil
}

// Member returns the first member named key, or nil.
func (v *Value) Member(key string) *Member {
	if v == nil || v.Kind != Object {
		return nil
	}
	for _, m := range v.Members {
		if m.Key == key {
			return m
		}
	}
	return nil
}

// Distinct returns the object's members without later duplicates of a key:
// the members a parser that stops at duplicate keys would see first.
func (v *Value) Distinct() []*Member {
	if v == nil || v.Kind != Object {
		return nil
	}
	dup := false
	seen := make(map[string]bool, len(v.Members))
	for _, m := range v.Members {
		if seen[m.Key] {
			dup = true
			break
		}
		seen[m.Key] = true
	}
	if !dup {
		return v.Members
	}
	out := make([]*Member, 0, len(v.Members))
	clear(seen)
	for _, m := range v.Members {
		if !seen[m.Key] {
			seen[m.Key] = true
			out = append(out, m)
		}
	}
	return out
}

// Has reports whether the object has a member named key.
func (v *Value) Has(key string) bool { return v.Member(key) != nil }

// IsNull reports whether v is missing or a JSON null.
func (v *Value) IsNull() bool { return v == nil || v.Kind == Null }

// Int64 converts a Number the way Jackson's longValue() does for
// Elasticsearch: integral values must fit in a long, fractional values are
// truncated toward zero. ok is false when the number is out of range.
func (v *Value) Int64() (n int64, ok bool) {
	if v == nil || v.Kind != Number {
		return 0, false
	}
	if i, err := strconv.ParseInt(v.Str, 10, 64); err == nil {
		return i, true
	}
	f, _, err := big.ParseFloat(v.Str, 10, 256, big.ToZero)
	if err != nil || f.IsInf() {
		return 0, false
	}
	if strings.ContainsAny(v.Str, ".eE") {
		// Jackson's coercion of a floating value to long: truncation, with
		// out-of-range values rejected.
		if f.Cmp(big.NewFloat(math.MaxInt64)) > 0 || f.Cmp(big.NewFloat(math.MinInt64)) < 0 {
			return 0, false
		}
		i, _ := f.Int64()
		return i, true
	}
	return 0, false
}

// Float64 returns a Number as a float64.
func (v *Value) Float64() float64 {
	if v == nil || v.Kind != Number {
		return 0
	}
	f, _ := strconv.ParseFloat(v.Str, 64)
	return f
}

// IsIntegral reports whether a Number is written without fraction or exponent.
func (v *Value) IsIntegral() bool {
	return v != nil && v.Kind == Number && !strings.ContainsAny(v.Str, ".eE")
}

// Text returns the value the way Elasticsearch's parser.text() reads a
// scalar: strings as they are, numbers and booleans as their literal text.
// ok is false for null, arrays and objects.
func (v *Value) Text() (string, bool) {
	if v == nil {
		return "", false
	}
	switch v.Kind {
	case String, Number:
		return v.Str, true
	case Bool:
		return strconv.FormatBool(v.Bool), true
	}
	return "", false
}

// Interface converts the tree into plain Go values (map[string]any, []any,
// string, bool, nil, and json.Number-compatible numbers as Number) for
// libraries that need them, such as the JSON Schema validator. Duplicate
// keys keep their first value.
func (v *Value) Interface(number func(string) any) any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Bool
	case Number:
		return number(v.Str)
	case String:
		return v.Str
	case Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = it.Interface(number)
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			if _, dup := out[m.Key]; !dup {
				out[m.Key] = m.Value.Interface(number)
			}
		}
		return out
	}
	return nil
}

// Lookup follows a JSON pointer's reference tokens (already unescaped) from v
// and returns the value found, or nil.
func (v *Value) Lookup(tokens []string) *Value {
	cur := v
	for _, t := range tokens {
		if cur == nil {
			return nil
		}
		switch cur.Kind {
		case Object:
			cur = cur.Get(t)
		case Array:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(cur.Items) {
				return nil
			}
			cur = cur.Items[i]
		default:
			return nil
		}
	}
	return cur
}
