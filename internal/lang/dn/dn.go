package dn

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
)

// DN is a parsed distinguished name: zero or more RDNs, leftmost (most
// specific) first. It is immutable and safe for concurrent use.
type DN struct {
	str  string
	rdns []RDN
	norm string
}

// RDN is one relative distinguished name: one or more attribute/value
// components joined by '+'.
type RDN struct {
	str        string
	start, end int
	avas       []ava
	norm       string
}

// ava is one attribute-value component of an RDN.
type ava struct {
	name      string // as written
	value     string // octets: UTF-8 for string values, anything for #hex
	normName  string // Java-lower-cased name
	normValue string // case-ignore normalized octets
	normText  string // normName=escaped(normValue)
}

// Attribute is one attribute/value component of an RDN as written.
type Attribute struct {
	// Name is the attribute name exactly as written (never validated).
	Name string
	// Value is the decoded value (escapes, quotes and #hex resolved),
	// as Java's ASN1OctetString.stringValue would return it.
	Value string
}

// String returns the DN exactly as given to Parse (after invalid UTF-8
// repair), like Java's DN.toString().
func (d *DN) String() string { return d.str }

// Normalized returns UnboundID's DN.toNormalizedString(): the normalized RDNs
// joined by ',' ("" for the null DN).
func (d *DN) Normalized() string { return d.norm }

// IsNull reports whether d has no RDNs (the input was empty or only spaces).
func (d *DN) IsNull() bool { return len(d.rdns) == 0 }

// RDNs returns the RDNs, leftmost first. The slice is a copy.
func (d *DN) RDNs() []RDN { return append([]RDN(nil), d.rdns...) }

// RDNString returns getRDNString(): the leftmost RDN as written, with
// unescaped trailing spaces removed, or "" for the null DN (Java returns
// null; use IsNull to tell the two apart).
func (d *DN) RDNString() string {
	if len(d.rdns) == 0 {
		return ""
	}
	return d.rdns[0].str
}

// Equal reports whether two DNs are equal for UnboundID (same normalized
// form).
func (d *DN) Equal(o *DN) bool { return o != nil && d.norm == o.norm }

// IsDescendantOf ports DN.isDescendantOf(ancestor, allowEquals) with
// allowEquals = !strict: d is a descendant if its RDNs end with all of
// ancestor's RDNs (compared by normalized form). The null DN is an ancestor of
// every non-null DN; with strict=false every DN descends from itself. A nil
// ancestor is never matched.
func (d *DN) IsDescendantOf(ancestor *DN, strict bool) bool {
	if ancestor == nil {
		return false
	}
	allowEquals := !strict
	this, that := len(d.rdns)-1, len(ancestor.rdns)-1
	if that < 0 {
		return allowEquals || this >= 0
	}
	if this < that || (this == that && !allowEquals) {
		return false
	}
	for ; that >= 0; this, that = this-1, that-1 {
		if d.rdns[this].norm != ancestor.rdns[that].norm {
			return false
		}
	}
	return true
}

// String returns the RDN as written in the DN string (getRDNString for the
// first RDN), with unescaped trailing spaces removed.
func (r RDN) String() string { return r.str }

// Normalized returns RDN.toNormalizedString().
func (r RDN) Normalized() string { return r.norm }

// Span returns the byte range [start, end) of the RDN's text in the DN string.
func (r RDN) Span() (start, end int) { return r.start, r.end }

// IsMultiValued reports whether the RDN has more than one component.
func (r RDN) IsMultiValued() bool { return len(r.avas) > 1 }

// Attributes returns the RDN's components in the order written.
func (r RDN) Attributes() []Attribute {
	out := make([]Attribute, len(r.avas))
	for i, a := range r.avas {
		out[i] = Attribute{Name: a.name, Value: javatext.DecodeUTF8([]byte(a.value))}
	}
	return out
}

func newRDN(s string, start, end int, avas []ava) RDN {
	text := trimmedRDN(s[start:end])
	return RDN{str: text, start: start, end: start + len(text), avas: avas, norm: normalizeRDN(avas)}
}

// trimmedRDN ports DN.getTrimmedRDN: trailing spaces are removed unless the
// character before a space is a backslash.
func trimmedRDN(t string) string {
	for len(t) >= 2 && t[len(t)-1] == ' ' && t[len(t)-2] != '\\' {
		t = t[:len(t)-1]
	}
	return t
}

func joinNormalized(rdns []RDN) string {
	switch len(rdns) {
	case 0:
		return ""
	case 1:
		return rdns[0].norm
	}
	n := len(rdns) - 1
	for _, r := range rdns {
		n += len(r.norm)
	}
	var b strings.Builder
	b.Grow(n)
	for i, r := range rdns {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(r.norm)
	}
	return b.String()
}
