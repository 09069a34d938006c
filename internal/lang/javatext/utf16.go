package javatext

import "unicode/utf8"

// CompareTo orders two strings like Java's String.compareTo, which compares
// UTF-16 code units (so supplementary characters sort before
// U+E000..U+FFFF, unlike Go's byte order). Only the sign of the result is
// meaningful: negative when a sorts first, 0 when equal, positive
// otherwise. Invalid UTF-8 bytes read as U+FFFD.
func CompareTo(a, b string) int {
	for len(a) > 0 && len(b) > 0 {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			if ua != ub {
				if ua < ub {
					return -1
				}
				return 1
			}
			// Same high surrogate: both supplementary, code point order
			// equals low-surrogate order.
			if ra < rb {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case len(a) == len(b):
		return 0
	case len(a) == 0:
		return -1
	default:
		return 1
	}
}

// firstUnit is the first UTF-16 code unit of r.
func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + ((r - 0x10000) >> 10)
	}
	return r
}

// UTF16Len is the length of s in Java chars (UTF-16 code units):
// String.length(). Invalid UTF-8 bytes count as one char each (they read as
// U+FFFD).
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// UTF16Index converts the byte offset off in s into the index Java would
// use: the number of UTF-16 code units before it. An offset past the end
// counts the whole string; a negative one counts nothing.
func UTF16Index(s string, off int) int {
	return UTF16Len(s[:max(0, min(off, len(s)))])
}

// Trim is String.trim: it strips every leading and trailing character
// <= U+0020 (control characters included, U+00A0 and other Unicode spaces
// kept).
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
