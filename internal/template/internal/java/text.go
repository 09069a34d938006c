package java

import "unicode"

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
