// Package safetext makes text taken from a linted repository (file names,
// role names, keys, values, test names, config values) safe to print on a
// terminal, in a CI log or in a report a person reads: nothing in it can
// start a new line, move the cursor, change colours, set a terminal title,
// reorder the text on screen, or be read by a CI runner as a command.
//
// The repository is untrusted input (a pull request from a fork is linted
// with the repository's own CI), so every human-readable output path passes
// the strings it did not write itself through Escape. Machine formats that
// encode control characters themselves (JSON, SARIF) keep the data as is.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that could steer a terminal or a
// CI runner written visibly instead:
//
//   - line breaks as \n and \r, the other C0 controls as \xNN (a tab is
//     kept: it cannot steer anything, and source lines use it),
//   - DEL as \x7f, the C1 controls (U+0080–U+009F, e.g. the one-byte CSI
//     U+009B) as \u0080…\u009f,
//   - the Unicode line and paragraph separators (U+2028, U+2029) and the
//     bidirectional formatting characters (U+061C, U+200E, U+200F,
//     U+202A–U+202E, U+2066–U+2069), which reorder how a line is shown,
//     as \uNNNN,
//   - bytes that are not valid UTF-8 as \xNN.
//
// Everything else, including backslashes, is kept, so ordinary text reads
// the same. Escape allocates only when s needs escaping.
func Escape(s string) string {
	if Safe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// EscapeLines escapes each line of s (see Escape) and keeps the line
// breaks between them. Use it only where the stream itself encodes line
// breaks so that they cannot start a line of the log: a GitHub workflow
// command's message (%0A), a Markdown table cell (<br>), an XML text node.
func EscapeLines(s string) string {
	if Safe(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Escape(l)
	}
	return strings.Join(lines, "\n")
}

// Safe reports whether s holds nothing Escape would change.
func Safe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 {
			if c >= 0x80 {
				return safeTail(s[i:])
			}
			return false
		}
	}
	return true
}

// safeTail checks the rest of s from its first non-ASCII byte on.
func safeTail(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || r < 0x20 && r != '\t' || r == 0x7f || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// unsafeRune reports the non-ASCII runes Escape writes as \uNNNN.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f: // ALM, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return false
}
