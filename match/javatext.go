package match

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the Java string operations the DN-aware predicate uses:
// String.toLowerCase(Locale.ROOT), String.toUpperCase(Locale.ROOT) and
// String.equalsIgnoreCase, plus foldKey, a canonical form that strings equal
// under equalsIgnoreCase share (the index keys on it). Strings are read as
// Unicode code points; an invalid UTF-8 byte reads as U+FFFD, as the
// automaton package reads it, so every form of one string agrees.

// javaString returns s as a Java string would hold it: each byte that is
// not part of valid UTF-8 becomes U+FFFD (what a Go range loop reads), so
// that every comparison and every derived form sees the same characters.
func javaString(s string) string {
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

// javaLower is String.toLowerCase(Locale.ROOT): the simple lower-case mapping
// of every character (Character.toLowerCase), except U+0130 which becomes
// "i\u0307" and a capital sigma at the end of a word which becomes final
// sigma (Java's ConditionalSpecialCasing).
func javaLower(s string) string {
	if isASCII(s) {
		return asciiMap(s, 'A', 'Z', 'a'-'A')
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	for i, r := range s {
		switch r {
		case '\u0130':
			b.WriteString("i\u0307")
		case '\u03A3':
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

// javaUpper is String.toUpperCase(Locale.ROOT): SpecialCasing's
// unconditional multi-character mappings (ß -> SS, ŉ -> ʼN, ...) and the
// simple upper-case mapping (Character.toUpperCase) for everything else.
func javaUpper(s string) string {
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

// foldRune is the canonical case of r for equalsIgnoreCase:
// Character.toLowerCase(Character.toUpperCase(r)). Two characters that
// equalsIgnoreCase accepts as equal always share it.
func foldRune(r rune) rune {
	return unicode.ToLower(unicode.ToUpper(r))
}

// runeEqualFold is the per-character test of equalsIgnoreCase (JDK 16+
// StringUTF16.compareCodePointCI): equal upper-case mappings, or equal
// lower-case mappings of those.
func runeEqualFold(a, b rune) bool {
	if a == b {
		return true
	}
	ua, ub := unicode.ToUpper(a), unicode.ToUpper(b)
	return ua == ub || unicode.ToLower(ua) == unicode.ToLower(ub)
}

// javaEqualsIgnoreCase is String.equalsIgnoreCase: same length in UTF-16
// code units and every character equal ignoring case. Java compares code
// unit by code unit, pairing surrogates into code points; no case mapping
// crosses between the BMP and the supplementary planes, so a supplementary
// character facing a BMP character never matches and the comparison is
// code point by code point.
func javaEqualsIgnoreCase(a, b string) bool {
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

// foldKey maps s to its canonical case (foldRune of every character), so
// that javaEqualsIgnoreCase(a, b) implies foldKey(a) == foldKey(b).
func foldKey(s string) string {
	if isASCII(s) {
		return asciiMap(s, 'A', 'Z', 'a'-'A')
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}
