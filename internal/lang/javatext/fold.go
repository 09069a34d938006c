package javatext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// EqualsIgnoreCase is String.equalsIgnoreCase as of JDK 16
// (StringUTF16.compareCodePointCI): the same length in UTF-16 code units
// and every character equal, or with equal upper-case mappings, or with
// equal lower-case mappings of those. Java compares code unit by code unit,
// pairing surrogates into code points; no case mapping crosses between the
// BMP and the supplementary planes, so a supplementary character facing a
// BMP character never matches and the comparison is code point by code
// point. (JDK 15 and earlier compared lone code units, so supplementary
// letters such as Deseret only matched exactly.)
func EqualsIgnoreCase(a, b string) bool {
	if a == b {
		return true
	}
	for len(a) > 0 && len(b) > 0 {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		a, b = a[na:], b[nb:]
		if ra == rb {
			continue
		}
		if (ra >= 0x10000) != (rb >= 0x10000) || !runeEqualFold(ra, rb) {
			return false
		}
	}
	return len(a) == 0 && len(b) == 0
}

// runeEqualFold is the per-character test of EqualsIgnoreCase: equal
// upper-case mappings, or equal lower-case mappings of those.
func runeEqualFold(a, b rune) bool {
	if a == b {
		return true
	}
	ua, ub := unicode.ToUpper(a), unicode.ToUpper(b)
	return ua == ub || unicode.ToLower(ua) == unicode.ToLower(ub)
}

// FoldKey maps s to a canonical case, Character.toLowerCase(
// Character.toUpperCase(c)) of every character, so that EqualsIgnoreCase(a,
// b) implies FoldKey(a) == FoldKey(b): an index keyed on FoldKey finds every
// string equal ignoring case (and possibly a few more, to be confirmed with
// EqualsIgnoreCase). ASCII input without capitals is returned without
// allocating.
func FoldKey(s string) string {
	if isASCII(s) {
		return asciiMap(s, 'A', 'Z', 'a'-'A')
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(unicode.ToLower(unicode.ToUpper(r)))
	}
	return b.String()
}
