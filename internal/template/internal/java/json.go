package java

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

const hexDigits = "0123456789ABCDEF"

// QuoteJSON escapes s the way Jackson's JsonStringEncoder.quoteAsString
// does (Elasticsearch's default mustache encoder): '"' and '\\' are
// backslash-escaped, control characters below U+0020 use \b \t \n \f \r
// or \u00XX (upper-case hex); everything else, including non-ASCII, is
// kept as is.
func QuoteJSON(s string) string {
	var b strings.Builder
	appendQuoted(&b, s)
	return b.String()
}

func appendQuoted(b *strings.Builder, s string) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			// Not valid UTF-8: Java strings cannot hold it; it reads as U+FFFD.
			b.WriteRune(utf8.RuneError)
			s = s[1:]
			continue
		}
		s = s[size:]
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[r>>4])
			b.WriteByte(hexDigits[r&0xF])
		default:
			b.WriteRune(r)
		}
	}
}

// WriteJSON appends v as Elasticsearch's XContentBuilder (Jackson) writes
// it in compact form: maps in iteration order, doubles as Double.toString,
// non-finite doubles quoted.
func WriteJSON(b *strings.Builder, v any) {
	writeJSON(b, v, 0)
}

// ToJSON returns v as compact JSON, see WriteJSON.
func ToJSON(v any) string {
	var b strings.Builder
	writeJSON(&b, v, 0)
	return b.String()
}

func writeJSON(b *strings.Builder, v any, depth int) {
	if depth > maxPrintDepth {
		b.WriteString("null")
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteByte('"')
		appendQuoted(b, x)
		b.WriteByte('"')
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case Int:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case Long:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case *BigInt:
		b.WriteString(x.V.String())
	case Double:
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			// Jackson's QUOTE_NON_NUMERIC_NUMBERS is on by default.
			b.WriteByte('"')
			b.WriteString(FormatDouble(f))
			b.WriteByte('"')
			return
		}
		b.WriteString(FormatDouble(f))
	case *List:
		b.WriteByte('[')
		for i, it := range x.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, it, depth+1)
		}
		b.WriteByte(']')
	case *CollectionMap:
		writeJSON(b, x.L, depth)
	case *Map:
		b.WriteByte('{')
		for i, k := range x.Keys() {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('"')
			appendQuoted(b, k)
			b.WriteString(`":`)
			writeJSON(b, x.vals[k], depth+1)
		}
		b.WriteByte('}')
	default:
		b.WriteByte('"')
		appendQuoted(b, Stringify(x))
		b.WriteByte('"')
	}
}

// URLEncode is java.net.URLEncoder.encode(s, UTF_8): letters, digits and
// ".-*_" are kept, space becomes '+', every other byte of the UTF-8
// encoding becomes %XX (upper-case hex).
func URLEncode(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			// A Java string holds U+FFFD here.
			b.WriteString("%EF%BF%BD")
			s = s[1:]
			continue
		}
		chunk := s[:size]
		s = s[size:]
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == '.', r == '-', r == '*', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('+')
		default:
			for i := 0; i < len(chunk); i++ {
				c := chunk[i]
				b.WriteByte('%')
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xF])
			}
		}
	}
	return b.String()
}
