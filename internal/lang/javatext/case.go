package javatext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsUpperCase is Character.isUpperCase(int): general category Lu or the
// Other_Uppercase property.
func IsUpperCase(r rune) bool {
	return unicode.Is(unicode.Lu, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// ToLowerCase is String.toLowerCase(Locale.ROOT) (and so the default-locale
// toLowerCase of any non-Turkic, non-Lithuanian locale): the simple
// lower-case mapping of every character (Character.toLowerCase), except
// U+0130 which becomes "i\u0307" and a capital sigma at the end of a word
// which becomes final sigma (Java's ConditionalSpecialCasing). ASCII input
// without capitals is returned without allocating.
func ToLowerCase(s string) string {
	if isASCII(s) {
		return asciiMap(s, 'A', 'Z', 'a'-'A')
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

// ToUpperCase is String.toUpperCase(Locale.ROOT): SpecialCasing's
// unconditional multi-character mappings (ß -> SS, ŉ -> ʼN, ...) and the
// simple upper-case mapping (Character.toUpperCase) for everything else.
// ASCII input without lower-case letters is returned without allocating.
func ToUpperCase(s string) string {
	if isASCII(s) {
		return asciiMap(s, 'a', 'z', 'A'-'a')
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	for _, r := range s {
		if sp, ok := upperSpecial[r]; ok {
			b.WriteString(sp)
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// asciiMap returns s with bytes in lo..hi shifted by delta, or s itself when
// no byte is in range (no allocation).
func asciiMap(s string, lo, hi byte, delta int) string {
	i := 0
	for i < len(s) && (s[i] < lo || s[i] > hi) {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] >= lo && b[i] <= hi {
			b[i] = byte(int(b[i]) + delta)
		}
	}
	return string(b)
}

// isFinalSigma approximates Java's ConditionalSpecialCasing FINAL_CASED test
// for the capital sigma at byte offset at: within the surrounding word
// (letters, marks, digits, '_') a cased letter precedes it and none follows.
// Java delimits the word with a BreakIterator; this simpler word rule
// differs only for unusual punctuation inside Greek words.
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
