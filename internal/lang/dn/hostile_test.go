package dn

import (
	"strings"
	"testing"
	"time"
)

// Inputs of about 1 MB in the shapes that make naive DN parsers quadratic.
// UnboundID itself allocates the rest of the string for every #hex value and
// hex escape; the port must stay linear.
func TestHostileInputsAreFast(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	const size = 1 << 20
	rep := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	cases := map[string]string{
		"many RDNs":              rep("cn=a,") + "cn=a",
		"many spaced RDNs":       rep(" CN = A ; ") + "cn=a",
		"many BER values":        rep("cn=#04024869,") + "cn=a",
		"huge multi-valued RDN":  rep("cn=a+") + "cn=a",
		"distinct multi-valued":  "cn=x" + multiValued(size/12),
		"one long value":         "cn=" + rep("Ab "),
		"long escaped value":     "cn=" + rep(`\41`),
		"long value of spaces":   "cn=" + rep(" ") + "a" + rep(" "),
		"trailing escaped space": "cn=" + rep(`\20`),
		"long quoted value":      `cn="` + rep("a,") + `"`,
		"long invalid utf8":      "cn=" + rep(`\ff`),
		"long non-ascii":         "cn=" + rep("É"),
		"long attribute name":    rep("A") + "=x",
		"long bad tail":          rep("cn=a,") + ",",
		"long unclosed quote":    `cn="` + rep("a"),
	}
	for name, s := range cases {
		start := time.Now()
		d, err := Parse(s)
		if err == nil {
			_, _ = RelativeName(d)
		}
		elapsed := time.Since(start)
		t.Logf("%s: %v", name, elapsed)
		if elapsed > 10*time.Second { // quadratic work on 1 MB would take hours
			t.Errorf("%s: Parse of %d bytes took %v", name, len(s), elapsed)
		}
	}
}

func multiValued(n int) string {
	var b strings.Builder
	for i := n; i > 0; i-- {
		b.WriteString("+cn=v")
		b.WriteString(strings.Repeat("z", i%7))
	}
	return b.String()
}
