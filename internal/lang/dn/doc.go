// Package dn parses LDAP distinguished names the way the UnboundID LDAP SDK
// does (com.unboundid.ldap.sdk.DN and RDN, no schema), because that is what
// Elasticsearch uses to compare the dn and groups values of role mappings and
// to key role_mapping.yml.
//
// The port is literal rather than RFC-4514-clean, so Elasticsearch's quirks
// carry over:
//
//   - Only the ASCII space is whitespace. Spaces around '=', ',', ';' and '+'
//     are skipped; ';' separates RDNs just like ','. A string made only of
//     spaces (or the empty string) is the null DN, whose normalized form is "".
//   - An attribute name is everything up to a space or '='. It may contain
//     '+', '"', '\', '#', digits, '-' or non-ASCII characters. A ',' or ';' in
//     it is an error. Names are only lower-cased, never checked or mapped
//     (2.5.4.3=x and cn=x are different DNs).
//   - Values may be quoted ("a,b"), use backslash escapes (\, \+ \\ ...), hex
//     escapes (\c3\a9; adjacent escapes are decoded together as UTF-8, and
//     invalid UTF-8 becomes U+FFFD the way Java's decoder does it), or be a
//     #hex BER element (any tag byte; only the octets inside are used).
//     Unescaped trailing spaces are dropped; so is a trailing \20 escape (an
//     UnboundID quirk), but not a trailing "\ ".
//   - Normalization follows RDN.toNormalizedString with the default
//     case-ignore matching rule: the value is lower-cased, leading and
//     trailing spaces are removed and internal runs of spaces are collapsed
//     to one (a value made only of spaces becomes a single space). The result
//     is escaped: \ = " + , ; < > always, # only first, space only first or
//     last, and every character outside ' '..'~' as \xx per UTF-8 byte.
//     Multi-valued RDNs are sorted by lower-cased attribute name (Java
//     String.compareTo order) and then by the normalized value bytes;
//     components that are equal after normalization collapse into one.
//
// Case folding. Values: a character is lower-cased only when Java's
// Character.isUpperCase is true (general category Lu or Other_Uppercase), using
// the simple Unicode mapping (Character.toLowerCase); titlecase letters are kept.
// Attribute names: Java's String.toLowerCase in a non-Turkic locale, i.e. the
// simple mapping for every character plus U+0130 -> "i\u0307" and final sigma;
// the final-sigma context is approximated (see javatext.ToLowerCase). Go's Unicode
// tables are used for both, so results match a JVM that has the same Unicode
// version.
//
// Positions. Error messages carry UnboundID's text, including its positions,
// which count UTF-16 code units like Java. ParseError.Offset is a byte offset
// into ParseError.Input for reporting. Input that is not valid UTF-8 is first
// made valid by replacing each bad byte with U+FFFD (what a Go range loop
// sees); offsets then refer to that repaired string.
package dn
