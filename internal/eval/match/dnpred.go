package match

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// dnValue is one user string under Elasticsearch's DistinguishedNamePredicate
// (the dn, or one group): the string and its normalized DN, computed once
// when the model is built, as the predicate's constructor does.
type dnValue struct {
	raw  string
	norm string // valid when isDN
	isDN bool   // the string parses as a DN (normalize != null)

	forms atomic.Pointer[caseForms] // computed on first use
}

// caseForms are the derived strings pattern matching and indexing need.
type caseForms struct {
	lower, upper string // String.toLowerCase/toUpperCase(Locale.ROOT)
	fold         string // javatext.FoldKey(raw)
	foldNorm     string // javatext.FoldKey(norm), when isDN
	// Forms equal to one tried before need not be run again.
	normRepeat, lowerRepeat, upperRepeat bool
}

func newDNValue(s string, n *dn.Normalizer) *dnValue {
	d := &dnValue{raw: s}
	d.norm, d.isDN = n.Normalize(s)
	return d
}

// caseForms returns the derived forms, computing them on first use.
func (d *dnValue) caseForms() *caseForms {
	if f := d.forms.Load(); f != nil {
		return f
	}
	f := &caseForms{lower: javatext.ToLowerCase(d.raw), upper: javatext.ToUpperCase(d.raw), fold: javatext.FoldKey(d.raw)}
	if d.isDN {
		f.foldNorm = javatext.FoldKey(d.norm)
		f.normRepeat = d.norm == d.raw
	}
	f.lowerRepeat = f.lower == d.raw || (d.isDN && f.lower == d.norm)
	f.upperRepeat = f.upper == d.raw || f.upper == f.lower || (d.isDN && f.upper == d.norm)
	d.forms.Store(f)
	return f
}

// dnStep says which step of DistinguishedNamePredicate.test decided a match.
type dnStep uint8

const (
	dnNoMatch     dnStep = iota
	dnRaw                // 1a: the automaton accepts the string as written
	dnNorm               // 1b: ... its normalized DN
	dnLower              // 1c: ... its lower-cased form
	dnUpper              // 1c: ... its upper-cased form
	dnSubtree            // 1e: "*,<dn>" and the normalized DN is a strict descendant
	dnEqualIC            // 2a: the value equals the string ignoring case
	dnSameNorm           // 2c: both normalize to the same DN
	dnNormEqualIC        // 2d: the value equals the normalized DN ignoring case
	dnNonString          // 3: numbers, booleans and null never match (no match)
)

// subtreeSuffix returns the suffix of a "*,<dn>" pattern when the
// predicate's subtree fallback applies to it (the rest has no other '*').
func subtreeSuffix(pattern string) (string, bool) {
	suffix, ok := strings.CutPrefix(pattern, "*,")
	if !ok || strings.IndexByte(suffix, '*') >= 0 {
		return "", false
	}
	return suffix, true
}

// isStrictDescendant is DistinguishedNamePredicate.isDescendantOf: the
// normalized DN ends with "," + the normalized suffix, or the suffix is the
// empty DN and the DN is not.
func isStrictDescendant(norm, normSuffix string) bool {
	return strings.HasSuffix(norm, ","+normSuffix) || (normSuffix == "" && norm != "")
}

// dnRule is a rule value prepared for the DN-aware predicate: its
// normalized form and its subtree suffix are computed at most once however
// many user strings it is tested against.
type dnRule struct {
	v *rules.Value
	n *dn.Normalizer

	normDone bool
	norm     string
	isDN     bool

	subDone    bool
	subtree    bool   // the pattern is "*,<suffix>" with no other '*'
	suffix     string // the suffix as written
	suffixNorm string
	suffixDN   bool

	shapeDone bool
	shape     wildShape
	lit       string
}

func newDNRule(v *rules.Value, n *dn.Normalizer) *dnRule { return &dnRule{v: v, n: n} }

// normalized returns the rule value's normalized DN (strings only).
func (r *dnRule) normalized() (string, bool) {
	if !r.normDone {
		r.normDone = true
		r.norm, r.isDN = r.v.NormalizedDN(r.n)
	}
	return r.norm, r.isDN
}

// subtreeInfo reports whether the pattern is a subtree pattern, and its
// suffix and normalized suffix.
func (r *dnRule) subtreeInfo() (subtree bool, suffix, norm string, isDN bool) {
	if !r.subDone {
		r.subDone = true
		r.suffix, r.subtree = subtreeSuffix(r.v.Str)
		if r.subtree {
			r.suffixNorm, r.suffixDN = r.n.Normalize(r.suffix)
		}
	}
	return r.subtree, r.suffix, r.suffixNorm, r.suffixDN
}

// testDN is DistinguishedNamePredicate.test for the user string d and the
// rule value r, returning the step that matched (dnNoMatch or dnNonString
// when none did). The value must have passed checkValue.
func testDN(d *dnValue, r *dnRule) dnStep {
	v := r.v
	if v.Automaton != nil {
		if r.match(d.raw) {
			return dnRaw
		}
		f := d.caseForms()
		if d.isDN && !f.normRepeat && r.match(d.norm) {
			return dnNorm
		}
		if !f.lowerRepeat && r.match(f.lower) {
			return dnLower
		}
		if !f.upperRepeat && r.match(f.upper) {
			return dnUpper
		}
		if !d.isDN {
			return dnNoMatch
		}
		if sub, _, ns, ok := r.subtreeInfo(); sub && ok && isStrictDescendant(d.norm, ns) {
			return dnSubtree
		}
		return dnNoMatch
	}
	if v.Kind != rules.StringValue {
		return dnNonString
	}
	if javatext.EqualsIgnoreCase(v.Str, d.raw) {
		return dnEqualIC
	}
	if !d.isDN {
		return dnNoMatch
	}
	if nv, ok := r.normalized(); ok {
		if d.norm == nv {
			return dnSameNorm
		}
		return dnNoMatch
	}
	if javatext.EqualsIgnoreCase(v.Str, d.norm) {
		return dnNormEqualIC
	}
	return dnNoMatch
}

// checkValue rejects values rules.Parse never produces.
func checkValue(v *rules.Value) error {
	if v == nil {
		return fmt.Errorf("%w: nil value", ErrBadExpr)
	}
	if v.Undecided != nil {
		return v.Undecided // built once by rules.Parse: evaluations are many
	}
	if v.Kind == rules.StringValue && v.Pattern != rules.Literal && v.Automaton == nil {
		return fmt.Errorf("%w: %s pattern %s has no compiled automaton", ErrBadExpr, v.Pattern, quote(v.Str))
	}
	return nil
}

// matched reports whether the step is a match.
func (s dnStep) matched() bool { return s != dnNoMatch && s != dnNonString }

// how describes a matching step for the user string d and rule value v.
func (s dnStep) how(d *dnValue, r *dnRule) string {
	v := r.v
	switch s {
	case dnRaw:
		return "matches " + quote(v.Str)
	case dnNorm:
		return fmt.Sprintf("matches %s in its normalized form %s", quote(v.Str), quote(d.norm))
	case dnLower:
		return fmt.Sprintf("matches %s in its lower-cased form %s", quote(v.Str), quote(d.caseForms().lower))
	case dnUpper:
		return fmt.Sprintf("matches %s in its upper-cased form %s", quote(v.Str), quote(d.caseForms().upper))
	case dnSubtree:
		_, _, ns, _ := r.subtreeInfo()
		if ns == "" {
			return fmt.Sprintf("matches %s: %s is a non-empty DN", quote(v.Str), quote(d.norm))
		}
		return fmt.Sprintf("matches %s: it is a strict descendant of %s", quote(v.Str), quote(ns))
	case dnEqualIC:
		if v.Str == d.raw {
			return "equals " + quote(v.Str)
		}
		return fmt.Sprintf("equals %s ignoring case", quote(v.Str))
	case dnSameNorm:
		return fmt.Sprintf("equals %s as a DN (both normalize to %s)", quote(v.Str), quote(d.norm))
	case dnNormEqualIC:
		return fmt.Sprintf("equals %s ignoring case in its normalized form %s", quote(v.Str), quote(d.norm))
	}
	return "does not match " + display(v)
}

// whyNot explains why the user string d does not match the string rule
// value v under the DN-aware predicate.
func whyNot(d *dnValue, r *dnRule) string {
	v := r.v
	if v.Automaton != nil {
		subtree, suffix, ns, ok := r.subtreeInfo()
		switch {
		case !d.isDN && subtree:
			return "is not a DN, so the subtree test of \"*,<dn>\" does not apply, and it does not match the pattern as written, lower-cased or upper-cased"
		case !d.isDN:
			return "is not a DN and does not match the pattern as written, lower-cased or upper-cased"
		case subtree:
			switch {
			case !ok:
				return fmt.Sprintf("does not match: the subtree suffix %s is not a valid DN", quote(suffix))
			case d.norm == ns:
				return fmt.Sprintf("is the subtree root %s itself, not a strict descendant", quote(ns))
			}
			return fmt.Sprintf("normalizes to %s, which is not under %s", quote(d.norm), quote(ns))
		}
		msg := fmt.Sprintf("does not match (normalized %s)", quote(d.norm))
		if strings.HasPrefix(v.Str, "*,") {
			msg += "; the subtree form \"*,<dn>\" only applies when the rest of the pattern has no other '*'"
		}
		if isMixedCase(v.Str) {
			msg += "; the pattern mixes upper and lower case, but Elasticsearch only tries the value as written, " +
				"normalized (lower case), lower-cased and upper-cased, so write patterns in lower case"
		}
		return msg
	}
	if !d.isDN {
		return fmt.Sprintf("is not a DN and does not equal %s ignoring case", quote(v.Str))
	}
	if nv, ok := r.normalized(); ok {
		return fmt.Sprintf("normalizes to %s, not %s", quote(d.norm), quote(nv))
	}
	return fmt.Sprintf("differs from %s, which is not a DN, ignoring case both as written and normalized (%s)",
		quote(v.Str), quote(d.norm))
}

// isMixedCase reports whether s has both upper- and lower-case letters.
func isMixedCase(s string) bool {
	return javatext.ToLowerCase(s) != s && javatext.ToUpperCase(s) != s
}
