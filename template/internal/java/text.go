package java

import (
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// UTF16Len is the length of s in Java chars (UTF-16 code units). Invalid
// UTF-8 bytes count as one char each (they read as U+FFFD).
func UTF16Len(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// EqualsIgnoreCase is String.equalsIgnoreCase: equal length in UTF-16
// code units and, unit by unit, equal after upper-casing or after
// upper-then-lower-casing.
func EqualsIgnoreCase(a, b string) bool {
	ua := utf16.Encode([]rune(a))
	ub := utf16.Encode([]rune(b))
	if len(ua) != len(ub) {
		return false
	}
	for i := range ua {
		c1, c2 := ua[i], ub[i]
		if c1 == c2 {
			continue
		}
		u1, u2 := upperChar(c1), upperChar(c2)
		if u1 == u2 {
			continue
		}
		if lowerChar(u1) == lowerChar(u2) {
			continue
		}
		return false
	}
	return true
}

// upperChar and lowerChar are Character.toUpperCase/toLowerCase(char):
// mappings that leave the BMP or are not 1:1 keep the char.
func upperChar(c uint16) uint16 {
	if utf16.IsSurrogate(rune(c)) {
		return c
	}
	u := unicode.ToUpper(rune(c))
	if u > 0xFFFF {
		return c
	}
	return uint16(u)
}

func lowerChar(c uint16) uint16 {
	if utf16.IsSurrogate(rune(c)) {
		return c
	}
	l := unicode.ToLower(rune(c))
	if l > 0xFFFF {
		return c
	}
	return uint16(l)
}

// Trim is String.trim: it strips leading and trailing chars <= U+0020.
func Trim(s string) string {
	start, end := 0, len(s)
	for start < end && s[start] <= ' ' {
		start++
	}
	for end > start && s[end-1] <= ' ' {
		end--
	}
	return s[start:end]
}

// ParseInt is Integer.parseInt(s, 10): an optional sign and one or more
// decimal digits (any Unicode decimal digit, as Character.digit accepts),
// within the int range. ok is false where Java throws
// NumberFormatException.
func ParseInt(s string) (n int32, ok bool) {
	if s == "" {
		return 0, false
	}
	neg := false
	i := 0
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		i = 1
		if len(s) == 1 {
			return 0, false
		}
	}
	var acc int64
	for _, r := range s[i:] {
		d, isDigit := digitValue(r)
		if !isDigit {
			return 0, false
		}
		acc = acc*10 + int64(d)
		if acc > 1<<31 {
			return 0, false
		}
	}
	if neg {
		acc = -acc
	}
	if acc > 1<<31-1 || acc < -(1<<31) {
		return 0, false
	}
	return int32(acc), true
}

// digitValue is Character.digit(r, 10) for decimal digits: the value of a
// character in Unicode category Nd. Those come in runs of ten starting at
// a zero, and every range of the Nd table starts at a zero.
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}
