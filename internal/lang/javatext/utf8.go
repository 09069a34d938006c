package javatext

import (
	"strings"
	"unicode/utf8"
)

const replacementChar = '\uFFFD'

// Sanitize returns s as a Java string holds it: each byte that is not part
// of valid UTF-8 becomes U+FFFD (what a Go range loop reads), so that every
// comparison and every derived form sees the same characters. Valid input
// is returned as is, without allocating.
func Sanitize(s string) string {
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

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// DecodeUTF8 decodes src the way JDK 17+ `new String(src, UTF_8)` does,
// including how many bytes each U+FFFD replaces (which differs from Go's
// one-per-byte rule for truncated and overlong sequences). The result is
// valid UTF-8.
func DecodeUTF8(src []byte) string {
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
