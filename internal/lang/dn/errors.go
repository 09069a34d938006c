package dn

import (
	"fmt"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
)

// ParseError is a string that UnboundID's DN constructor rejects. Message is
// UnboundID's text (messages/unboundid-ldapsdk-ldap.properties), so it reads
// exactly like the LDAPException message Elasticsearch would log.
type ParseError struct {
	// Input is the string that failed to parse (after invalid UTF-8 repair).
	Input string
	// Key is UnboundID's message key, e.g. "ERR_DN_NO_EQUAL_SIGN".
	Key string
	// Message is the full UnboundID message text.
	Message string
	// Pos is the position quoted in Message (UTF-16 code units, as Java
	// counts), or -1 when the message quotes none.
	Pos int
	// Offset is the byte offset in Input where the problem was found; it is
	// set for every error, including those whose message has no position.
	Offset int
}

// Error returns UnboundID's message.
func (e *ParseError) Error() string { return e.Message }

// UnboundID message keys, one per way a DN string can be rejected.
const (
	KeyEndsWithComma       = "ERR_DN_ENDS_WITH_COMMA"
	KeyUnexpectedComma     = "ERR_DN_UNEXPECTED_COMMA"
	KeyNoAttrInRDN         = "ERR_DN_NO_ATTR_IN_RDN"
	KeyUnexpectedChar      = "ERR_DN_UNEXPECTED_CHAR"
	KeyEndsWithPlus        = "ERR_DN_ENDS_WITH_PLUS"
	KeyNoEqualSign         = "ERR_DN_NO_EQUAL_SIGN"
	KeyHexNotBER           = "ERR_RDN_HEX_STRING_NOT_BER_ENCODED"
	KeyInvalidHexChar      = "ERR_RDN_INVALID_HEX_CHAR"
	KeyMissingHexChar      = "ERR_RDN_MISSING_HEX_CHAR"
	KeyEndsWithBackslash   = "ERR_RDN_ENDS_WITH_BACKSLASH"
	KeyCharOutsideQuotes   = "ERR_RDN_CHAR_OUTSIDE_QUOTES"
	KeyUnexpectedQuote     = "ERR_RDN_UNEXPECTED_DOUBLE_QUOTE"
	KeyUnclosedDoubleQuote = "ERR_RDN_UNCLOSED_DOUBLE_QUOTE"
)

func newErr(s, key string, off, pos int, msg string) *ParseError {
	return &ParseError{Input: s, Key: key, Message: msg, Pos: pos, Offset: off}
}

// charAt renders the character starting at byte offset off the way
// MessageFormat prints a Java char (a whole code point here; Java would print
// only the high surrogate of a supplementary character).
func charAt(s string, off int) string {
	r, _ := utf8.DecodeRuneInString(s[off:])
	return string(r)
}

func errEndsWithComma(s string, off int) *ParseError {
	return newErr(s, KeyEndsWithComma, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN because it ends with an unexpected comma or semicolon.", s))
}

func errUnexpectedComma(s string, off int) *ParseError {
	p := javatext.UTF16Index(s, off)
	return newErr(s, KeyUnexpectedComma, off, p, fmt.Sprintf(
		"Unable to parse string '%s' as a DN because it contains an unexpected comma or semicolon at position %d.", s, p))
}

func errNoAttrInRDN(s string, off int) *ParseError {
	return newErr(s, KeyNoAttrInRDN, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN because it does not contain an attribute name in an RDN component.", s))
}

func errUnexpectedChar(s string, off int) *ParseError {
	p := javatext.UTF16Index(s, off)
	return newErr(s, KeyUnexpectedChar, off, p, fmt.Sprintf(
		"Unable to parse string '%s' as a DN because it contains unexpected character '%s' at position %d.", s, charAt(s, off), p))
}

func errEndsWithPlus(s string, off int) *ParseError {
	return newErr(s, KeyEndsWithPlus, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN because it ends with a plus sign that is not followed by a name-value pair.", s))
}

func errNoEqualSign(s, attr string, off int) *ParseError {
	return newErr(s, KeyNoEqualSign, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN because it does not have an equal sign after RDN attribute '%s'.", s, attr))
}

func errHexNotBER(s, attr string, off int) *ParseError {
	return newErr(s, KeyHexNotBER, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN or RDN because it contains a malformed hex-encoded value for attribute '%s' that cannot be parsed as a BER element.", s, attr))
}

func errInvalidHexChar(s string, off int) *ParseError {
	p := javatext.UTF16Index(s, off)
	return newErr(s, KeyInvalidHexChar, off, p, fmt.Sprintf(
		"Unable to parse string '%s' as a DN or RDN because contains a hex string with invalid character '%s' at position %d.", s, charAt(s, off), p))
}

func errMissingHexChar(s string, off int) *ParseError {
	return newErr(s, KeyMissingHexChar, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN or RDN because it contains a hex string with an odd number of characters.", s))
}

func errEndsWithBackslash(s string, off int) *ParseError {
	return newErr(s, KeyEndsWithBackslash, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN or RDN because it ends with an unexpected backslash.", s))
}

// errCharOutsideQuotes reports the character at off; like UnboundID it
// quotes the position of the character before it.
func errCharOutsideQuotes(s string, off int) *ParseError {
	p := javatext.UTF16Index(s, off) - 1
	return newErr(s, KeyCharOutsideQuotes, off, p, fmt.Sprintf(
		"Unable to parse string '%s' as a DN or RDN because it contains unexpected character '%s' at position %d outside the quotes surrounding the RDN value.", s, charAt(s, off), p))
}

func errUnexpectedQuote(s string, off int) *ParseError {
	p := javatext.UTF16Index(s, off)
	return newErr(s, KeyUnexpectedQuote, off, p, fmt.Sprintf(
		"Unable to parse string '%s' as a DN or RDN because it contains an unescaped double quote at position %d.", s, p))
}

func errUnclosedDoubleQuote(s string, off int) *ParseError {
	return newErr(s, KeyUnclosedDoubleQuote, off, -1, fmt.Sprintf(
		"Unable to parse string '%s' as a DN or RDN because it has an unclosed double quote in an RDN value.", s))
}
