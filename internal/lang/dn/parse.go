package dn

import "github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"

// Parse parses s like UnboundID's `new DN(s)` (no schema, lenient attribute
// names). The empty string and strings of spaces give the null DN. On failure
// the error is a *ParseError carrying UnboundID's message.
func Parse(s string) (*DN, error) {
	s = javatext.Sanitize(s)
	d := &DN{str: s}
	rdns, err := parseRDNs(s)
	if err != nil {
		return nil, err
	}
	d.rdns = rdns
	d.norm = joinNormalized(rdns)
	return d, nil
}

// Normalize returns the normalized form of s, or ok=false if s is not a DN.
func Normalize(s string) (normalized string, ok bool) {
	d, err := Parse(s)
	if err != nil {
		return "", false
	}
	return d.norm, true
}

func skipSpaces(s string, pos int) int {
	for pos < len(s) && s[pos] == ' ' {
		pos++
	}
	return pos
}

// readAttrName reads an attribute name: everything up to a space or '='.
// A ',' or ';' inside it is an error, and so is an empty name.
func readAttrName(s string, pos int) (string, int, error) {
	start := pos
	for pos < len(s) {
		c := s[pos]
		if c == ' ' || c == '=' {
			break
		}
		if c == ',' || c == ';' {
			return "", 0, errUnexpectedComma(s, pos)
		}
		pos++
	}
	if pos == start {
		return "", 0, errNoAttrInRDN(s, start)
	}
	return s[start:pos], pos, nil
}

// readAVA reads "name = value" starting at pos (after leading spaces) and
// returns the component, the end of the value (for the RDN text) and the
// position after the spaces that follow it.
func readAVA(s string, pos int) (ava, int, int, error) {
	name, pos, err := readAttrName(s, pos)
	if err != nil {
		return ava{}, 0, 0, err
	}
	pos = skipSpaces(s, pos)
	if pos >= len(s) || s[pos] != '=' {
		return ava{}, 0, 0, errNoEqualSign(s, name, pos)
	}
	pos = skipSpaces(s, pos+1)
	value, pos, err := readValue(s, pos, name)
	if err != nil {
		return ava{}, 0, 0, err
	}
	return ava{name: name, value: value}, pos, skipSpaces(s, pos), nil
}

// parseRDNs ports the DN(String, Schema, boolean) constructor loop.
func parseRDNs(s string) ([]RDN, error) {
	n := len(s)
	var rdns []RDN
	expectMore := false
	pos := 0
rdnLoop:
	for pos < n {
		pos = skipSpaces(s, pos)
		if pos >= n {
			if len(rdns) == 0 {
				break
			}
			return nil, errEndsWithComma(s, pos)
		}
		rdnStart := pos
		first, rdnEnd, next, err := readAVA(s, pos)
		if err != nil {
			return nil, err
		}
		pos = next
		if pos >= n {
			rdns = append(rdns, newRDN(s, rdnStart, rdnEnd, []ava{first}))
			expectMore = false
			break
		}
		switch s[pos] {
		case '+':
			pos++
		case ',', ';':
			rdns = append(rdns, newRDN(s, rdnStart, rdnEnd, []ava{first}))
			pos++
			expectMore = true
			continue rdnLoop
		default:
			return nil, errUnexpectedChar(s, pos)
		}
		if pos >= n {
			return nil, errEndsWithPlus(s, pos)
		}

		// Multi-valued RDN.
		avas := []ava{first}
		for pos < n {
			pos = skipSpaces(s, pos)
			if pos >= n {
				return nil, errEndsWithPlus(s, pos)
			}
			a, end, next, err := readAVA(s, pos)
			if err != nil {
				return nil, err
			}
			rdnEnd, pos = end, next
			avas = append(avas, a)
			if pos >= n {
				rdns = append(rdns, newRDN(s, rdnStart, rdnEnd, avas))
				expectMore = false
				break rdnLoop
			}
			switch s[pos] {
			case '+':
				pos++
				if pos >= n {
					return nil, errEndsWithPlus(s, pos)
				}
			case ',', ';':
				rdns = append(rdns, newRDN(s, rdnStart, rdnEnd, avas))
				pos++
				expectMore = true
				continue rdnLoop
			default:
				return nil, errUnexpectedChar(s, pos)
			}
		}
	}
	if expectMore {
		return nil, errEndsWithComma(s, pos)
	}
	return rdns, nil
}
