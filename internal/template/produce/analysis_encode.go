package produce

import (
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// encoder is an escaping a template applies to text: JSON string escaping
// (the default content type) or form URL encoding (content type
// application/x-www-form-urlencoded, and the url function). text/plain
// applies none. Both act character by character.
type encoder uint8

const (
	encJSON encoder = iota
	encURL
)

// encoderOf returns the escaping a mustache encoder applies; ok is false
// for text/plain.
func encoderOf(e mustache.Encoder) (encoder, bool) {
	switch e {
	case mustache.EncodeJSON:
		return encJSON, true
	case mustache.EncodeURL:
		return encURL, true
	}
	return 0, false
}

// apply encodes s.
func (e encoder) apply(s string) string {
	if e == encURL {
		return java.URLEncode(s)
	}
	return java.QuoteJSON(s)
}

// hexVal is the value of a hexadecimal digit.
func hexVal(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10, true
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10, true
	}
	return 0, false
}

// applyChain encodes raw text with a chain of encoders.
func applyChain(chain []encoder, s string) string {
	for _, e := range chain {
		s = e.apply(s)
	}
	return s
}

// keepSet is the set of characters an encoder copies unchanged; text made
// only of them is its own encoding. It is written as the inside of a
// Lucene character class.
func (e encoder) keepSet() string {
	if e == encURL {
		return `A-Za-z0-9.*_\-`
	}
	return "^\"\\\\\x00-\x1f"
}

// imageRegex is a Lucene regular expression for a superset of everything
// the encoder can output.
func (e encoder) imageRegex() string {
	if e == encURL {
		return `([A-Za-z0-9.*_+\-]|%[0-9A-F][0-9A-F])*`
	}
	return "([^\"\\\\\x00-\x1f]|\\\\[\"\\\\bfnrt]|\\\\u00[01][0-9A-F])*"
}

// unitPrefix reports whether s is the start of an encoding the encoder
// writes for one character (more input may complete it).
func (e encoder) unitPrefix(s []rune) bool {
	if e == encJSON {
		if s[0] != '\\' || len(s) >= 6 {
			return false
		}
		want := []rune{'\\', 'u', '0', '0'}
		for k := 1; k < len(s) && k < 4; k++ {
			if s[k] != want[k] {
				return false
			}
		}
		return len(s) < 5 || s[4] == '0' || s[4] == '1'
	}
	var b []byte
	for k := 0; k < len(s); k += 3 {
		if s[k] != '%' {
			return false
		}
		for d := 1; d <= 2; d++ {
			if k+d < len(s) && !strings.ContainsRune("0123456789ABCDEF", s[k+d]) {
				return false
			}
		}
		if k+3 > len(s) {
			return true
		}
		hi := strings.IndexRune("0123456789ABCDEF", s[k+1])
		lo := strings.IndexRune("0123456789ABCDEF", s[k+2])
		b = append(b, byte(hi<<4|lo))
		if len(b) > utf8.UTFMax {
			return false
		}
	}
	return !utf8.FullRune(b)
}

// decodeUnit reads the encoding of one character at the start of s: the
// character and the number of runes its encoding takes (0: s does not
// start with an encoding the encoder writes).
func (e encoder) decodeUnit(s []rune) (rune, int) {
	c := s[0]
	if e == encJSON {
		switch {
		case c == '"' || c < 0x20:
			return 0, 0
		case c != '\\':
			return c, 1
		case len(s) < 2:
			return 0, 0
		}
		switch s[1] {
		case '"', '\\':
			return s[1], 2
		case 'b':
			return '\b', 2
		case 't':
			return '\t', 2
		case 'n':
			return '\n', 2
		case 'f':
			return '\f', 2
		case 'r':
			return '\r', 2
		case 'u':
			if len(s) < 6 || s[2] != '0' || s[3] != '0' || (s[4] != '0' && s[4] != '1') {
				return 0, 0
			}
			lo := strings.IndexRune("0123456789ABCDEF", s[5])
			if lo < 0 {
				return 0, 0
			}
			r := rune((s[4]-'0')<<4) | rune(lo)
			if java.QuoteJSON(string(r)) != string(s[:6]) {
				return 0, 0
			}
			return r, 6
		}
		return 0, 0
	}
	// URL encoding.
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '*', c == '_':
		return c, 1
	case c == '+':
		return ' ', 1
	case c != '%':
		return 0, 0
	}
	var b []byte
	for k := 0; k+3 <= len(s) && s[k] == '%' && len(b) < utf8.UTFMax; k += 3 {
		hi := strings.IndexRune("0123456789ABCDEF", s[k+1])
		lo := strings.IndexRune("0123456789ABCDEF", s[k+2])
		if hi < 0 || lo < 0 {
			return 0, 0
		}
		b = append(b, byte(hi<<4|lo))
		if utf8.FullRune(b) {
			r, size := utf8.DecodeRune(b)
			if size != len(b) {
				return 0, 0
			}
			if java.URLEncode(string(r)) != string(s[:k+3]) {
				return 0, 0
			}
			return r, k + 3
		}
	}
	return 0, 0
}
