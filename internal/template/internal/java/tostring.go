package java

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Stringify is String.valueOf(v): how mustache prints a value with
// {{name}} and how join prints the elements it joins.
func Stringify(v any) string {
	var b strings.Builder
	writeString(&b, v, 0)
	return b.String()
}

// maxPrintDepth bounds recursion through nested collections; deeper
// structures cannot come from JSON input, which is depth limited.
const maxPrintDepth = 2000

func writeString(b *strings.Builder, v any, depth int) {
	if depth > maxPrintDepth {
		b.WriteString("...")
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(x)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case Int:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case Long:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case *BigInt:
		b.WriteString(x.V.String())
	case Double:
		b.WriteString(FormatDouble(float64(x)))
	case *List:
		b.WriteByte('[')
		for i, it := range x.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			writeString(b, it, depth+1)
		}
		b.WriteByte(']')
	case *Map:
		b.WriteByte('{')
		for i, k := range x.Keys() {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k)
			b.WriteByte('=')
			writeString(b, x.vals[k], depth+1)
		}
		b.WriteByte('}')
	case *CollectionMap:
		// AbstractMap.toString over entries {index=element}, in the
		// natural order of small Integer keys.
		b.WriteByte('{')
		for i, it := range x.L.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(i))
			b.WriteByte('=')
			writeString(b, it, depth+1)
		}
		b.WriteByte('}')
	case stringer:
		fmt.Fprint(b, x.v)
	default:
		fmt.Fprint(b, x)
	}
}

// FormatDouble is Java's Double.toString (shortest round-trip digits, as in
// JDK 19 and later): plain notation with at least one fractional digit for
// 1e-3 <= |d| < 1e7, otherwise d.dddE±n.
func FormatDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	if len(digits) == 1 {
		// Java picks the closest two-digit decimal when one digit would
		// do; it differs from d.0 only for subnormals.
		e2 := strconv.FormatFloat(f, 'e', 1, 64)
		if back, err := strconv.ParseFloat(e2, 64); err == nil && back == f {
			mant, expStr, _ = strings.Cut(e2, "e")
			exp, _ = strconv.Atoi(expStr)
			digits = strings.TrimRight(strings.Replace(mant, ".", "", 1), "0")
		}
	}
	if f >= 1e-3 && f < 1e7 {
		// Plain notation: the decimal point sits after exp+1 digits.
		point := exp + 1
		var intPart, frac string
		switch {
		case point <= 0:
			intPart = "0"
			frac = strings.Repeat("0", -point) + digits
		case point >= len(digits):
			intPart = digits + strings.Repeat("0", point-len(digits))
			frac = "0"
		default:
			intPart = digits[:point]
			frac = digits[point:]
		}
		return sign + intPart + "." + frac
	}
	frac := digits[1:]
	if frac == "" {
		frac = "0"
	}
	return sign + digits[:1] + "." + frac + "E" + strconv.Itoa(exp)
}
