package dn

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
)

// caseIgnoreNormalize ports CaseIgnoreStringMatchingRule.normalize (equality
// flavour) on the value's octets. All-ASCII values take the byte path: A-Z
// lower-cased, spaces trimmed and collapsed, and a value of only spaces
// becomes a single space. Any other value is decoded as UTF-8 (Java
// replacement rules) and processed per code point.
func caseIgnoreNormalize(v string) string {
	if v == "" {
		return v
	}
	nonSpace := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= 0x80 {
			return normalizeNonASCII(javatext.DecodeUTF8([]byte(v)))
		}
		if c != ' ' {
			nonSpace = true
		}
	}
	if !nonSpace {
		return " "
	}
	if isNormalizedASCII(v) {
		return v
	}
	out := make([]byte, 0, len(v))
	pendingSpace, started := false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == ' ' {
			pendingSpace = started
			continue
		}
		if pendingSpace {
			out = append(out, ' ')
			pendingSpace = false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out = append(out, c)
		started = true
	}
	return string(out)
}

// isNormalizedASCII reports whether an ASCII value with a non-space
// character is already in case-ignore normal form.
func isNormalizedASCII(v string) bool {
	if v[0] == ' ' || v[len(v)-1] == ' ' {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (c >= 'A' && c <= 'Z') || (c == ' ' && v[i-1] == ' ') {
			return false
		}
	}
	return true
}

// normalizeNonASCII is the code point path of the case-ignore rule: spaces
// trimmed and collapsed, and characters for which Java's
// Character.isUpperCase holds mapped with Character.toLowerCase.
func normalizeNonASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace, started := false, false
	for _, r := range s {
		if r == ' ' {
			pendingSpace = started
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		if javatext.IsUpperCase(r) {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
		started = true
	}
	return b.String()
}

const hexDigits = "0123456789abcdef"

// appendEscapedValue ports the escaping loop of RDN.appendNormalizedValue
// for a normalized value (valid UTF-8).
func appendEscapedValue(b *strings.Builder, v string) {
	for i, r := range v {
		switch r {
		case '\\', '=', '"', '+', ',', ';', '<', '>':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '#':
			if i == 0 {
				b.WriteString(`\#`)
			} else {
				b.WriteByte('#')
			}
		case ' ':
			if i == 0 || i+1 == len(v) {
				b.WriteString(`\ `)
			} else {
				b.WriteByte(' ')
			}
		default:
			if r >= ' ' && r <= '~' {
				b.WriteRune(r)
				continue
			}
			var tmp [4]byte
			n := utf8.EncodeRune(tmp[:], r)
			for _, c := range tmp[:n] {
				b.WriteByte('\\')
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0x0f])
			}
		}
	}
}

// normalizeRDN builds RDN.toNormalizedString for the components of one RDN
// and fills in their normalized fields.
func normalizeRDN(avas []ava) string {
	for i := range avas {
		a := &avas[i]
		a.normName = javatext.ToLowerCase(a.name)
		a.normValue = caseIgnoreNormalize(a.value)
		var b strings.Builder
		b.Grow(len(a.normName) + 1 + len(a.normValue))
		b.WriteString(a.normName)
		b.WriteByte('=')
		appendEscapedValue(&b, a.normValue)
		a.normText = b.String()
	}
	if len(avas) == 1 {
		return avas[0].normText
	}
	// Multi-valued: a TreeSet ordered by lower-cased name (Java String order),
	// then by the normalized value octets; equal components collapse.
	order := make([]int, len(avas))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		return compareAVA(&avas[order[x]], &avas[order[y]]) < 0
	})
	var b strings.Builder
	var prev *ava
	for _, i := range order {
		a := &avas[i]
		if prev != nil && compareAVA(prev, a) == 0 {
			continue
		}
		if prev != nil {
			b.WriteByte('+')
		}
		b.WriteString(a.normText)
		prev = a
	}
	return b.String()
}

// compareAVA ports RDNNameValuePair.compareTo without a schema.
func compareAVA(a, b *ava) int {
	if c := javatext.CompareTo(a.normName, b.normName); c != 0 {
		return c
	}
	return strings.Compare(a.normValue, b.normValue)
}
