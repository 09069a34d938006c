package dn

import "github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"

// This file reads one attribute value, porting RDN.readValueString,
// RDN.readEscapedHexString, RDN.readHexString and
// ASN1OctetString.decodeAsOctetString. Positions are byte offsets into the
// (valid UTF-8) DN string; UnboundID only ever tests ASCII characters, so
// walking bytes makes the same decisions as walking Java chars.

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func isHex(c byte) bool {
	_, ok := hexVal(c)
	return ok
}

// readValue reads the value that starts at pos (just after '=' and any
// spaces) and returns its octets and the position where reading stopped.
func readValue(s string, pos int, attr string) (string, int, error) {
	if pos >= len(s) {
		return "", pos, nil
	}
	if s[pos] == '#' {
		return readBERValue(s, pos+1, attr)
	}
	return readValueString(s, pos)
}

// readBERValue reads "#" followed by hex digits (stopping at the end or at
// ' ', '+', ',' or ';') and unwraps the BER element they encode.
func readBERValue(s string, start int, attr string) (string, int, error) {
	var octets []byte
	pos := start
	for pos < len(s) {
		c := s[pos]
		pos++
		hi, ok := hexVal(c)
		if !ok {
			if c == ' ' || c == '+' || c == ',' || c == ';' {
				break
			}
			return "", 0, errInvalidHexChar(s, pos-1)
		}
		if pos >= len(s) {
			return "", 0, errMissingHexChar(s, pos)
		}
		lo, ok := hexVal(s[pos])
		pos++
		if !ok {
			return "", 0, errInvalidHexChar(s, pos-1)
		}
		octets = append(octets, hi<<4|lo)
	}
	end := start + 2*len(octets)
	value, ok := decodeOctetString(octets)
	if !ok {
		return "", 0, errHexNotBER(s, attr, start-1)
	}
	return value, end, nil
}

// decodeOctetString mirrors ASN1OctetString.decodeAsOctetString: one type
// byte (not checked), a short or long form length (computed in a Java int,
// wrapping), and exactly that many value bytes.
func decodeOctetString(b []byte) (string, bool) {
	if len(b) < 2 {
		return "", false
	}
	start := 2
	length := int32(b[1] & 0x7f)
	if b[1]&0x80 != 0 {
		n := int(length)
		if len(b) < 2+n {
			return "", false
		}
		length = 0
		for i := 0; i < n; i++ {
			length = length<<8 | int32(b[start])
			start++
		}
	}
	if int64(len(b)-start) != int64(length) {
		return "", false
	}
	return string(b[start:]), true
}

// readValueString reads a (possibly quoted or escaped) string value. It
// stops at an unquoted ',', ';' or '+', or after the closing quote and any
// spaces that follow it.
func readValueString(s string, start int) (string, int, error) {
	if v, pos, ok := plainValue(s, start); ok {
		return v, pos, nil
	}
	return readValueGeneral(s, start)
}

// readValueGeneral is UnboundID's readValueString loop, for any value.
func readValueGeneral(s string, start int) (string, int, error) {
	buf := make([]byte, 0, 16)
	pos := start
	inQuotes := false
loop:
	for pos < len(s) {
		c := s[pos]
		switch c {
		case '\\':
			if pos+1 >= len(s) {
				return "", 0, errEndsWithBackslash(s, pos)
			}
			pos++
			c = s[pos]
			if isHex(c) {
				var err error
				buf, pos, err = readEscapedHex(s, pos, buf)
				if err != nil {
					return "", 0, err
				}
				pos-- // compensate for the increment below
			} else {
				buf = append(buf, c)
			}
		case '"':
			if inQuotes {
				pos++
				for pos < len(s) {
					c = s[pos]
					if c == '+' || c == ',' || c == ';' {
						break
					}
					if c != ' ' {
						return "", 0, errCharOutsideQuotes(s, pos)
					}
					pos++
				}
				inQuotes = false
				break loop
			}
			if pos != start {
				return "", 0, errUnexpectedQuote(s, pos)
			}
			inQuotes = true
		case ',', ';', '+':
			if !inQuotes {
				break loop
			}
			buf = append(buf, c)
		default:
			buf = append(buf, c)
		}
		pos++
	}
	if inQuotes {
		return "", 0, errUnclosedDoubleQuote(s, pos)
	}

	// Drop trailing spaces unless the input character just before the
	// space is a backslash. Like UnboundID this walks the buffer and the
	// input in lock step, so a trailing \20 escape is dropped too.
	bufPos, strPos := len(buf)-1, pos-2
	for bufPos > 0 && buf[bufPos] == ' ' {
		if strPos < 0 || s[strPos] == '\\' {
			break
		}
		buf = buf[:bufPos]
		bufPos--
		strPos--
	}
	return string(buf), pos, nil
}

// plainValue is the fast path of readValueString for values without quotes
// or escapes: the value is a substring of s minus trailing spaces (never its
// first character), exactly what the general path would build.
func plainValue(s string, start int) (string, int, bool) {
	pos := start
	for pos < len(s) {
		switch s[pos] {
		case '\\', '"':
			return "", 0, false
		case ',', ';', '+':
			goto done
		}
		pos++
	}
done:
	end := pos
	for end-start > 1 && s[end-1] == ' ' {
		end--
	}
	return s[start:end], pos, true
}

// readEscapedHex reads one or more adjacent \XX escapes starting at the first
// hex digit, appends their UTF-8 decoding (Java replacement rules) to buf,
// and returns the position after the last escape.
func readEscapedHex(s string, pos int, buf []byte) ([]byte, int, error) {
	var octets []byte
	for pos < len(s) {
		hi, ok := hexVal(s[pos])
		pos++
		if !ok {
			return nil, 0, errInvalidHexChar(s, pos-1)
		}
		if pos >= len(s) {
			return nil, 0, errMissingHexChar(s, pos)
		}
		lo, ok := hexVal(s[pos])
		pos++
		if !ok {
			return nil, 0, errInvalidHexChar(s, pos-1)
		}
		octets = append(octets, hi<<4|lo)
		if pos+1 < len(s) && s[pos] == '\\' && isHex(s[pos+1]) {
			pos++
			continue
		}
		break
	}
	return append(buf, javatext.DecodeUTF8(octets)...), pos, nil
}
