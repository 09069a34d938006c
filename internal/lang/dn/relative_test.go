package dn

import (
	"errors"
	"strings"
	"testing"
)

func TestRDNStringAndRelativeName(t *testing.T) {
	cases := []struct {
		in, rdn, rel string
		relErr       bool
	}{
		// DnRoleMapperTests STARK_GROUP_DNS / testRelativeDN.
		{"cn=shield,ou=marvel,o=superheros", "cn=shield", "shield", false},
		{"cn=avengers,ou=marvel,o=superheros", "cn=avengers", "avengers", false},
		{"group=genius, dc=mit, dc=edu", "group=genius", "genius", false},
		{"groupName = billionaire , ou = acme", "groupName = billionaire", "billionaire", false},
		{"gid = playboy , dc = example , dc = com", "gid = playboy", "playboy", false},
		{"groupid=philanthropist,ou=groups,dc=unitedway,dc=org", "groupid=philanthropist", "philanthropist", false},
		// Raw case is kept.
		{"CN=Admins,DC=example,DC=com", "CN=Admins", "Admins", false},
		// Java split semantics.
		{"cn=a+sn=b,o=x", "cn=a+sn=b", "a+sn", false},
		{`cn=a\=b`, `cn=a\=b`, `a\`, false},
		{"cn==x", "cn==x", "", false},
		{"cn=a=", "cn=a=", "a", false},
		{"cn=", "cn=", "", true},
		{"cn= ,o=x", "cn=", "", true},
		{"cn==", "cn==", "", true},
		{"cn===", "cn===", "", true},
		// Escapes, quotes and BER are not decoded.
		{`cn=\ a`, `cn=\ a`, `\ a`, false},
		{`cn=a\ ,o=x`, `cn=a\ `, `a\`, false},
		{`cn=" a b " ,o=x`, `cn=" a b "`, `" a b "`, false},
		{"cn=#04024869 ,o=x", "cn=#04024869", "#04024869", false},
		{`cn=Jos\c3\a9`, `cn=Jos\c3\a9`, `Jos\c3\a9`, false},
	}
	for _, c := range cases {
		d := mustParse(t, c.in)
		if got := d.RDNString(); got != c.rdn {
			t.Errorf("Parse(%q).RDNString() = %q, want %q", c.in, got, c.rdn)
		}
		rel, err := RelativeName(d)
		if c.relErr {
			if err == nil || !strings.Contains(err.Error(), "ArrayIndexOutOfBoundsException") {
				t.Errorf("RelativeName(%q) = %q, %v; want an ArrayIndexOutOfBounds error", c.in, rel, err)
			}
			continue
		}
		if err != nil || rel != c.rel {
			t.Errorf("RelativeName(%q) = %q, %v; want %q", c.in, rel, err, c.rel)
		}
	}
	if _, err := RelativeName(mustParse(t, "")); !errors.Is(err, ErrNullDN) {
		t.Errorf("RelativeName(null DN) error = %v, want ErrNullDN", err)
	}
	if _, err := RelativeName(nil); !errors.Is(err, ErrNullDN) {
		t.Errorf("RelativeName(nil) error = %v, want ErrNullDN", err)
	}
}
