package dn

import (
	"errors"
	"testing"
)

func TestParseErrors(t *testing.T) {
	const pfx = "Unable to parse string '"
	cases := []struct {
		in, key, msg string
		pos, off     int
	}{
		{"not-a-dn", KeyNoEqualSign, pfx + "not-a-dn' as a DN because it does not have an equal sign after RDN attribute 'not-a-dn'.", -1, 8},
		{"cn ou=x", KeyNoEqualSign, pfx + "cn ou=x' as a DN because it does not have an equal sign after RDN attribute 'cn'.", -1, 3},
		{"cn=a,", KeyEndsWithComma, pfx + "cn=a,' as a DN because it ends with an unexpected comma or semicolon.", -1, 5},
		{"cn=a, ", KeyEndsWithComma, pfx + "cn=a, ' as a DN because it ends with an unexpected comma or semicolon.", -1, 6},
		{"cn=a;", KeyEndsWithComma, pfx + "cn=a;' as a DN because it ends with an unexpected comma or semicolon.", -1, 5},
		{",cn=a", KeyUnexpectedComma, pfx + ",cn=a' as a DN because it contains an unexpected comma or semicolon at position 0.", 0, 0},
		{"cn=a,,ou=b", KeyUnexpectedComma, pfx + "cn=a,,ou=b' as a DN because it contains an unexpected comma or semicolon at position 5.", 5, 5},
		{"cn=a+,ou=b", KeyUnexpectedComma, pfx + "cn=a+,ou=b' as a DN because it contains an unexpected comma or semicolon at position 5.", 5, 5},
		{"é,,", KeyUnexpectedComma, pfx + "é,,' as a DN because it contains an unexpected comma or semicolon at position 1.", 1, 2},
		{"=bar", KeyNoAttrInRDN, pfx + "=bar' as a DN because it does not contain an attribute name in an RDN component.", -1, 0},
		{"cn=a+", KeyEndsWithPlus, pfx + "cn=a+' as a DN because it ends with a plus sign that is not followed by a name-value pair.", -1, 5},
		{"cn=a+ ", KeyEndsWithPlus, pfx + "cn=a+ ' as a DN because it ends with a plus sign that is not followed by a name-value pair.", -1, 6},
		{"cn=a+sn=b+", KeyEndsWithPlus, pfx + "cn=a+sn=b+' as a DN because it ends with a plus sign that is not followed by a name-value pair.", -1, 10},
		{"cn=#0400 x", KeyUnexpectedChar, pfx + "cn=#0400 x' as a DN because it contains unexpected character 'x' at position 9.", 9, 9},
		{"cn=#04", KeyHexNotBER, pfx + "cn=#04' as a DN or RDN because it contains a malformed hex-encoded value for attribute 'cn' that cannot be parsed as a BER element.", -1, 3},
		{"cn=#", KeyHexNotBER, pfx + "cn=#' as a DN or RDN because it contains a malformed hex-encoded value for attribute 'cn' that cannot be parsed as a BER element.", -1, 3},
		{"cn=#0401", KeyHexNotBER, pfx + "cn=#0401' as a DN or RDN because it contains a malformed hex-encoded value for attribute 'cn' that cannot be parsed as a BER element.", -1, 3},
		{"cn=#0g", KeyInvalidHexChar, pfx + "cn=#0g' as a DN or RDN because contains a hex string with invalid character 'g' at position 5.", 5, 5},
		{"cn=#g0", KeyInvalidHexChar, pfx + "cn=#g0' as a DN or RDN because contains a hex string with invalid character 'g' at position 4.", 4, 4},
		{`cn=#0400"`, KeyInvalidHexChar, pfx + `cn=#0400"' as a DN or RDN because contains a hex string with invalid character '"' at position 8.`, 8, 8},
		{"cn=#040", KeyMissingHexChar, pfx + "cn=#040' as a DN or RDN because it contains a hex string with an odd number of characters.", -1, 7},
		{`cn=\4`, KeyMissingHexChar, pfx + `cn=\4' as a DN or RDN because it contains a hex string with an odd number of characters.`, -1, 5},
		{`cn=\4g`, KeyInvalidHexChar, pfx + `cn=\4g' as a DN or RDN because contains a hex string with invalid character 'g' at position 5.`, 5, 5},
		{`cn=\a\b`, KeyInvalidHexChar, pfx + `cn=\a\b' as a DN or RDN because contains a hex string with invalid character '\' at position 5.`, 5, 5},
		{`cn=a\`, KeyEndsWithBackslash, pfx + `cn=a\' as a DN or RDN because it ends with an unexpected backslash.`, -1, 4},
		{`cn="a"b`, KeyCharOutsideQuotes, pfx + `cn="a"b' as a DN or RDN because it contains unexpected character 'b' at position 5 outside the quotes surrounding the RDN value.`, 5, 6},
		{`cn="a"  b`, KeyCharOutsideQuotes, pfx + `cn="a"  b' as a DN or RDN because it contains unexpected character 'b' at position 7 outside the quotes surrounding the RDN value.`, 7, 8},
		{`cn=a"b"`, KeyUnexpectedQuote, pfx + `cn=a"b"' as a DN or RDN because it contains an unescaped double quote at position 4.`, 4, 4},
		{"cn=\U0001F600\"", KeyUnexpectedQuote, pfx + "cn=\U0001F600\"' as a DN or RDN because it contains an unescaped double quote at position 5.", 5, 7},
		{`cn="a`, KeyUnclosedDoubleQuote, pfx + `cn="a' as a DN or RDN because it has an unclosed double quote in an RDN value.`, -1, 5},
		{`cn="a,ou=b`, KeyUnclosedDoubleQuote, pfx + `cn="a,ou=b' as a DN or RDN because it has an unclosed double quote in an RDN value.`, -1, 10},
	}
	for _, c := range cases {
		_, err := Parse(c.in)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) error = %v, want a *ParseError", c.in, err)
			continue
		}
		if pe.Key != c.key || pe.Message != c.msg || pe.Error() != c.msg || pe.Pos != c.pos || pe.Offset != c.off {
			t.Errorf("Parse(%q):\n got  key=%s pos=%d off=%d %q\n want key=%s pos=%d off=%d %q",
				c.in, pe.Key, pe.Pos, pe.Offset, pe.Message, c.key, c.pos, c.off, c.msg)
		}
	}
}

func TestInvalidUTF8InputIsRepaired(t *testing.T) {
	d, err := Parse("cn=a\xffb")
	if err != nil {
		t.Fatal(err)
	}
	if d.String() != "cn=a\uFFFDb" || d.Normalized() != `cn=a\ef\bf\bdb` {
		t.Errorf("got %q / %q", d.String(), d.Normalized())
	}
	_, err = Parse("\xff\xfe")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Input != "\uFFFD\uFFFD" || pe.Key != KeyNoEqualSign {
		t.Errorf("got %v", err)
	}
}
