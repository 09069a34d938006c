package java

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
	"unicode"
)

var point1, point2 = 0.1, 0.2
var point3 = point1 + point2

func TestFormatDouble(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {-2.5, "-2.5"}, {1.84, "1.84"},
		{100, "100.0"}, {1234567, "1234567.0"}, {9999999, "9999999.0"}, {1e7, "1.0E7"}, {12345678.9, "1.23456789E7"},
		{0.001, "0.001"}, {0.0001, "1.0E-4"}, {0.00123, "0.00123"}, {1e21, "1.0E21"}, {1.5e-10, "1.5E-10"},
		{point3, "0.30000000000000004"}, {0.3, "0.3"}, {2e-323, "2.0E-323"}, {math.MaxFloat64, "1.7976931348623157E308"}, {5e-324, "4.9E-324"},
		{math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"}, {math.NaN(), "NaN"},
	}
	for _, tc := range tests {
		if got := FormatDouble(tc.f); got != tc.want {
			t.Errorf("FormatDouble(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestNumberFromLiteral(t *testing.T) {
	tests := []struct {
		lit, class, str string
	}{
		{"3", "java.lang.Integer", "3"}, {"-0", "java.lang.Integer", "0"}, {"2147483648", "java.lang.Long", "2147483648"},
		{"-2147483648", "java.lang.Integer", "-2147483648"}, {"9223372036854775808", "java.math.BigInteger", "9223372036854775808"},
		{"1.0", "java.lang.Double", "1.0"}, {"1e2", "java.lang.Double", "100.0"}, {"1E400", "java.lang.Double", "Infinity"},
	}
	for _, tc := range tests {
		v := NumberFromLiteral(tc.lit)
		if ClassName(v) != tc.class || Stringify(v) != tc.str {
			t.Errorf("NumberFromLiteral(%q) = %s %q, want %s %q", tc.lit, ClassName(v), Stringify(v), tc.class, tc.str)
		}
	}
}

func TestFromGo(t *testing.T) {
	v := FromGo(map[string]any{
		"s": "x", "b": true, "n": json.Number("7"), "i": int64(1) << 40, "f": 0.5, "l": []any{nil, "a"},
		"ss": []string{"p"}, "m": map[string]string{"k": "v"}, "u": uint64(math.MaxUint64), "bi": big.NewInt(5),
	}).(*Map)
	got := Stringify(v)
	for _, want := range []string{"s=x", "b=true", "n=7", "i=1099511627776", "f=0.5", "l=[null, a]", "ss=[p]", "m={k=v}", "u=18446744073709551615", "bi=5"} {
		if !strings.Contains(got, want) {
			t.Errorf("Stringify = %q, missing %q", got, want)
		}
	}
	if ClassName(FromGo(int64(1))) != "java.lang.Integer" || ClassName(FromGo(int64(1)<<40)) != "java.lang.Long" {
		t.Errorf("int classes")
	}
	if FromGo(nil) != nil {
		t.Errorf("FromGo(nil)")
	}
}

func TestHashMapOrder(t *testing.T) {
	build := func(keys ...string) *Map {
		m := NewHashMap()
		for _, k := range keys {
			m.Put(k, k)
		}
		return m
	}
	tests := []struct {
		keys []string
		want string
	}{
		// Orders Elasticsearch's MustacheTests assert.
		{[]string{"age", "name", "height"}, "name,age,height"},
		{[]string{"index", "type", "id"}, "index,id,type"},
		{[]string{"first", "second"}, "first,second"},
		{[]string{"b", "a"}, "a,b"},
	}
	for _, tc := range tests {
		if got := strings.Join(build(tc.keys...).Keys(), ","); got != tc.want {
			t.Errorf("keys %v iterate as %s, want %s", tc.keys, got, tc.want)
		}
	}
	// Growth keeps every key, and Remove/PutAll behave.
	m := NewHashMap()
	for i := 0; i < 1000; i++ {
		m.Put(strings.Repeat("k", i%13)+string(rune('a'+i%26))+string(rune('0'+i%10))+strings.Repeat("x", i/260), i)
	}
	n := m.Len()
	m2 := NewHashMapWithCapacity(4)
	m2.PutAll(m)
	if m2.Len() != n || len(m2.Keys()) != n {
		t.Errorf("PutAll: %d of %d", m2.Len(), n)
	}
	k := m2.Keys()[0]
	m2.Remove(k)
	if _, ok := m2.Get(k); ok || m2.Len() != n-1 {
		t.Errorf("Remove")
	}
	// Colliding keys ("Aa" and "BB" share a hash) keep insertion order.
	c := build("BB", "Aa")
	if got := strings.Join(c.Keys(), ","); got != "BB,Aa" {
		t.Errorf("collision order %s", got)
	}
	if StringHashCode("Aa") != StringHashCode("BB") || StringHashCode("hello") != 99162322 || StringHashCode("😀") != 1772899 {
		t.Errorf("StringHashCode")
	}
}

func TestQuoteAndJSON(t *testing.T) {
	if got := QuoteJSON("a\"b\\c\n\t\r\b\f\x01\x1f/é\u2028<"); got != `a\"b\\c\n\t\r\b\f\u0001\u001F/é`+"\u2028<" {
		t.Errorf("QuoteJSON = %q", got)
	}
	m := NewHashMap()
	m.Put("k", &List{Items: []any{Int(1), Double(1.5), Double(math.Inf(1)), nil, "s", false, &BigInt{big.NewInt(-3)}}})
	if got := ToJSON(m); got != `{"k":[1,1.5,"Infinity",null,"s",false,-3]}` {
		t.Errorf("ToJSON = %s", got)
	}
	if got := ToJSON(&CollectionMap{L: &List{Items: []any{"a"}}}); got != `["a"]` {
		t.Errorf("ToJSON(CollectionMap) = %s", got)
	}
}

func TestURLEncode(t *testing.T) {
	if got := URLEncode("a b+c~*._-/é😀\x00"); got != "a+b%2Bc%7E*._-%2F%C3%A9%F0%9F%98%80%00" {
		t.Errorf("URLEncode = %q", got)
	}
}

func TestParseInt(t *testing.T) {
	for _, tc := range []struct {
		s  string
		n  int32
		ok bool
	}{{"0", 0, true}, {"+1", 1, true}, {"-1", -1, true}, {"2147483647", 2147483647, true}, {"2147483648", 0, false},
		{"-2147483648", -2147483648, true}, {"", 0, false}, {"-", 0, false}, {" 1", 0, false}, {"١٢", 12, true}, {"1a", 0, false}} {
		n, ok := ParseInt(tc.s)
		if n != tc.n || ok != tc.ok {
			t.Errorf("ParseInt(%q) = %d, %v", tc.s, n, ok)
		}
	}
	// digitValue relies on every Nd range starting at a zero.
	for _, r := range unicode.Nd.R16 {
		if r.Stride != 1 || (int(r.Hi)-int(r.Lo)+1)%10 != 0 {
			t.Errorf("Nd range %+v", r)
		}
	}
	for _, r := range unicode.Nd.R32 {
		if r.Stride != 1 || (int(r.Hi)-int(r.Lo)+1)%10 != 0 {
			t.Errorf("Nd range %+v", r)
		}
	}
}
