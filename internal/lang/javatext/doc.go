// Package javatext reproduces the pieces of Java's string behaviour that
// Elasticsearch (and the UnboundID LDAP SDK it uses for DNs) relies on, so
// that Go code agrees with the JVM character for character:
//
//   - reading text: Sanitize (a Go string as a Java string: every invalid
//     UTF-8 byte reads as U+FFFD) and DecodeUTF8 (JDK 17+ new String(bytes,
//     UTF_8), including how many bytes each U+FFFD replaces);
//   - case: ToLowerCase and ToUpperCase (String.toLowerCase/toUpperCase with
//     Locale.ROOT: İ -> "i\u0307", final sigma, SpecialCasing's
//     multi-character upper-case mappings), IsUpperCase
//     (Character.isUpperCase), EqualsIgnoreCase (JDK 16+
//     String.equalsIgnoreCase) and FoldKey, a canonical form that strings
//     equal under EqualsIgnoreCase share;
//   - UTF-16: CompareTo (String.compareTo order), UTF16Len and UTF16Index
//     (lengths and indexes in Java chars) and Trim (String.trim).
//
// Strings are read as Unicode code points; an invalid UTF-8 byte reads as
// U+FFFD, as a Go range loop reads it. Go's Unicode tables are used, so
// results match a JVM with the same Unicode version (the simple mappings
// involved are stable across the Unicode 13-16 tables of the JDKs that
// Elasticsearch 8.x/9.x bundle). Every function is linear in its input and
// never panics.
package javatext
