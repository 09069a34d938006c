package dn

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
)

// ErrNullDN is returned by RelativeName for the null DN, where Elasticsearch
// fails with a NullPointerException (getRDNString() is null).
var ErrNullDN = errors.New("the null DN has no RDN (java.lang.NullPointerException in LdapUtils.relativeName)")

// RelativeName reproduces Elasticsearch's LdapUtils.relativeName:
// dn.getRDNString().split("=")[1].trim(), i.e. the raw text between the first
// and second '=' of the first RDN as written, trimmed of characters <= ' '.
// The value keeps its case and escapes, and a multi-valued first RDN gives
// e.g. "a+sn" for "cn=a+sn=b". When Java's split yields fewer than two parts
// (first RDN "cn=" or "cn=="), Elasticsearch throws
// ArrayIndexOutOfBoundsException; RelativeName returns an error instead.
func RelativeName(d *DN) (string, error) {
	if d == nil || d.IsNull() {
		return "", ErrNullDN
	}
	rdn := d.rdns[0].str
	eq := strings.IndexByte(rdn, '=')
	if eq < 0 {
		// Not reachable for a parsed RDN; Java would still index [1].
		return "", fmt.Errorf("relative name of %q: java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1", rdn)
	}
	rest := rdn[eq+1:]
	if strings.Trim(rest, "=") == "" {
		// split drops trailing empty strings, leaving only the name.
		return "", fmt.Errorf("relative name of %q: java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1", rdn)
	}
	if next := strings.IndexByte(rest, '='); next >= 0 {
		rest = rest[:next]
	}
	return javatext.Trim(rest), nil
}
