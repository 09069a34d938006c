package dn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the small pieces of Java string behaviour that UnboundID's
// DN code relies on: UTF-8 decoding with replacement, case mapping, UTF-16
// ordering and indexing, and String.trim.

const replacementChar = '\uFFFD'

// sanitizeUTF8 replaces every byte that is not part of a valid UTF-8
// sequence with U+FFFD, one replacement per bad byte.
func sanitizeUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// javaUTF8Decode decodes b the way JDK 17+ `new String(b, UTF_8)` does,
// including how many bytes each U+FFFD replaces. The result is valid UTF-8.
func javaUTF8Decode(src []byte) string {
	ascii := true
	for _, c := range src {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(src)
	}
	var out strings.Builder
	out.Grow(len(src) + 8)
	sp, sl := 0, len(src)
	s8 := func(i int) int { return int(int8(src[i])) }
loop:
	for sp < sl {
		b1 := s8(sp)
		sp++
		switch {
		case b1 >= 0:
			out.WriteByte(byte(b1))
		case b1>>5 == -2 && b1&0x1e != 0: // C2..DF
			if sp < sl {
				b2 := s8(sp)
				sp++
				if notContinuation(b2) {
					out.WriteRune(replacementChar)
					sp--
				} else {
					out.WriteRune(rune((b1&0x1f)<<6 | b2&0x3f))
				}
				continue
			}
			out.WriteRune(replacementChar)
			break loop
		case b1>>4 == -2: // E0..EF
			if sp+1 < sl {
				b2, b3 := s8(sp), s8(sp+1)
				sp += 2
				if isMalformed3(b1, b2, b3) {
					out.WriteRune(replacementChar)
					sp -= 3
					sp += malformed3(src, sp)
				} else {
					c := rune((b1&0x0f)<<12 | (b2&0x3f)<<6 | b3&0x3f)
					if c >= 0xD800 && c <= 0xDFFF {
						out.WriteRune(replacementChar)
					} else {
						out.WriteRune(c)
					}
				}
				continue
			}
			if sp < sl && isMalformed3x2(b1, s8(sp)) {
				out.WriteRune(replacementChar)
				continue
			}
			out.WriteRune(replacementChar)
			break loop
		case b1>>3 == -2: // F0..F7
			if sp+2 < sl {
				b2, b3, b4 := s8(sp), s8(sp+1), s8(sp+2)
				sp += 3
				uc := (b1&0x07)<<18 | (b2&0x3f)<<12 | (b3&0x3f)<<6 | b4&0x3f
				if notContinuation(b2) || notContinuation(b3) || notContinuation(b4) ||
					uc < 0x10000 || uc > 0x10FFFF {
					out.WriteRune(replacementChar)
					sp -= 4
					sp += malformed4(src, sp)
				} else {
					out.WriteRune(rune(uc))
				}
				continue
			}
			u1 := b1 & 0xff
			if u1 > 0xf4 || (sp < sl && isMalformed4x2(u1, int(src[sp]))) {
				out.WriteRune(replacementChar)
				continue
			}
			sp++
			out.WriteRune(replacementChar)
			if sp < sl && notContinuation(s8(sp)) {
				continue
			}
			break loop
		default:
			out.WriteRune(replacementChar)
		}
	}
	return out.String()
}

func notContinuation(b int) bool { return b&0xc0 != 0x80 }

func isMalformed3(b1, b2, b3 int) bool {
	return (b1 == -32 && b2&0xe0 == 0x80) || notContinuation(b2) || notContinuation(b3)
}

func isMalformed3x2(b1, b2 int) bool {
	return (b1 == -32 && b2&0xe0 == 0x80) || notContinuation(b2)
}

func isMalformed4x2(b1, b2 int) bool { // both unsigned
	return (b1 == 0xf0 && (b2 < 0x90 || b2 > 0xbf)) ||
		(b1 == 0xf4 && b2&0xf0 != 0x80) ||
		notContinuation(b2)
}

func malformed3(src []byte, sp int) int {
	b1 := int(int8(src[sp]))
	b2 := int(int8(src[sp+1]))
	if (b1 == -32 && b2&0xe0 == 0x80) || notContinuation(b2) {
		return 1
	}
	return 2
}

func malformed4(src []byte, sp int) int {
	b1 := int(src[sp])
	b2 := int(src[sp+1])
	if b1 > 0xf4 || (b1 == 0xf0 && (b2 < 0x90 || b2 > 0xbf)) ||
		(b1 == 0xf4 && b2&0xf0 != 0x80) || notContinuation(b2) {
		return 1
	}
	if notContinuation(int(src[sp+2])) {
		return 2
	}
	return 3
}

// isJavaUpper reports Character.isUpperCase(int): category Lu or the
// Other_Uppercase property.
func isJavaUpper(r rune) bool {
	return unicode.Is(unicode.Lu, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// javaLowerString mirrors UnboundID StaticUtils.toLowerCase: ASCII-only
// strings get A-Z mapped, anything else goes through Java's
// String.toLowerCase() in a non-Turkic, non-Lithuanian locale.
func javaLowerString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return asciiLower(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	for i, r := range s {
		switch r {
		case '\u0130': // LATIN CAPITAL LETTER I WITH DOT ABOVE
			b.WriteString("i\u0307")
		case '\u03A3': // GREEK CAPITAL LETTER SIGMA
			if isFinalSigma(s, i) {
				b.WriteRune('\u03C2')
			} else {
				b.WriteRune('\u03C3')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// isFinalSigma approximates Java's ConditionalSpecialCasing FINAL_CASED test:
// within the surrounding word (letters, marks, digits, '_') there is a cased
// letter before the sigma and none after it. Java delimits the word with a
// BreakIterator; this simpler word rule is an approximation that only matters
// for Greek capital sigma in attribute names.
func isFinalSigma(s string, at int) bool {
	before := false
	for i := at; i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			break
		}
		if isCased(r) {
			before = true
			break
		}
		i -= size
	}
	if !before {
		return false
	}
	for i := at + utf8.RuneLen('\u03A3'); i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		if isCased(r) {
			return false
		}
		i += size
	}
	return true
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

func isCased(r rune) bool {
	return unicode.Is(unicode.Lu, r) || unicode.Is(unicode.Ll, r) || unicode.Is(unicode.Lt, r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// compareUTF16 orders two valid UTF-8 strings like Java's String.compareTo,
// which compares UTF-16 code units (so supplementary characters sort before
// U+E000..U+FFFF). Only the sign of the result is meaningful.
func compareUTF16(a, b string) int {
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

func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + ((r - 0x10000) >> 10)
	}
	return r
}

// utf16Index converts a byte offset in the valid UTF-8 string s into the
// index Java would use (UTF-16 code units before that offset).
func utf16Index(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	n := 0
	for _, r := range s[:off] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// javaTrim mirrors String.trim: it strips every leading and trailing
// character <= U+0020.
func javaTrim(s string) string {
	start, end := 0, len(s)
	for start < end && s[start] <= ' ' {
		start++
	}
	for end > start && s[end-1] <= ' ' {
		end--
	}
	return s[start:end]
}
