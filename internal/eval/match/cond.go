package match

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// Key namespaces of the index. A rule's condition and a user's keys meet in
// the same namespace only.
//
//   - realm, username: the exact string. The generic string predicate is
//     String.equals for a literal; a pattern whose language is a few strings
//     is indexed by those strings.
//   - realm prefix, username prefix: a wildcard whose text before its first
//     '*', '?' or '\' is a non-empty P accepts only strings starting with P.
//     Rule key: P; user keys: every prefix of the string.
//   - DN literal (dn, groups): a literal value v matches the user string s
//     iff (2a) v.equalsIgnoreCase(s), or s is a DN and either (2c) v is a DN
//     with norm(v) == norm(s), or (2d) v is not a DN and
//     v.equalsIgnoreCase(norm(s)). equalsIgnoreCase implies equal case
//     folds (javatext.FoldKey), so the rule's keys are {fold(v), norm(v)
//     if a DN} and the user's {fold(s), and if s is a DN: norm(s),
//     fold(norm(s))}: 2a meets on fold(s), 2c on norm(s), 2d on
//     fold(norm(s)).
//   - DN exact: a pattern whose language is a few strings W matches iff the
//     automaton accepts s, norm(s), lower(s) or upper(s) (1a-1c; the subtree
//     step needs a pattern starting with "*,", never finite). Rule keys: W;
//     user keys: those four strings.
//   - DN suffix: the wildcard "*,X" with X free of '*', '?' and '\' accepts
//     exactly the strings ending in ",X"; the subtree step (1e) adds the
//     DNs whose normalized form ends in "," + norm(X), or any non-empty DN
//     when norm(X) is empty. Rule keys: X and norm(X) (if X is a DN); user
//     keys: the text after every ',' of s, norm(s), lower(s) and upper(s),
//     and "" when s is a non-empty DN.
//   - realm suffix, username suffix: a pattern all of whose strings end
//     with a non-empty S (automaton.CommonSuffix: "/.*\@example\.com/").
//     Rule key: S; user keys: every suffix of the string.
//   - DN null: a null dn value matches exactly the users without a DN.
//
// Prefix and suffix keys are cut to maxAffixBytes (at a character
// boundary), on both sides, so that a user's keys are bounded however long
// the user's strings are: a cut prefix of P is still a prefix every string
// starts with, and likewise for suffixes. The DN suffix keys are cut the
// same way: the text after a ',' of a long DN is looked up by its last
// maxAffixBytes, and the rule's X likewise.
const (
	nsRealm = iota
	nsUsername
	nsRealmPrefix
	nsUsernamePrefix
	nsRealmSuffix
	nsUsernameSuffix
	nsDNNull
	nsDNLit
	nsDNExact
	nsDNSuffix
	nsGroupLit
	nsGroupExact
	nsGroupSuffix
	nsCount
)

// spaces are the namespaces of one DN-aware field.
type spaces struct{ lit, exact, suffix int }

var (
	dnSpaces    = spaces{nsDNLit, nsDNExact, nsDNSuffix}
	groupSpaces = spaces{nsGroupLit, nsGroupExact, nsGroupSuffix}
)

// finiteLimit is the most strings a finite pattern may accept to be indexed
// by them.
const finiteLimit = 16

type key struct {
	ns int
	s  string
}

// cond is a necessary condition for a rule to match: the user has one of
// keys. always means there is no condition; no keys and !always means the
// rule can never match.
type cond struct {
	always bool
	keys   []key
}

var alwaysCond = cond{always: true}

// condBuilder derives conditions. It first counts how many field nodes use
// each key, to prefer the rarest condition among the children of an all.
type condBuilder struct {
	n      *dn.Normalizer
	fields map[*rules.Expr]cond
	freq   map[key]int
}

func newCondBuilder(n *dn.Normalizer) *condBuilder {
	return &condBuilder{n: n, fields: make(map[*rules.Expr]cond), freq: make(map[key]int)}
}

// countFields derives the condition of every field node of e.
func (b *condBuilder) countFields(e *rules.Expr) {
	e.Walk(func(x *rules.Expr) bool {
		if x.Op == rules.Field {
			if _, done := b.fields[x]; done {
				return true
			}
			c := b.fieldCond(x)
			b.fields[x] = c
			for _, k := range c.keys {
				b.freq[k]++
			}
		}
		return true
	})
}

// cost estimates how many users meet the condition.
func (b *condBuilder) cost(c cond) int {
	n := 0
	for _, k := range c.keys {
		n += b.freq[k]
	}
	return n
}

// cond derives the necessary condition of e: a field's keys, the cheapest
// condition among an all's children (each is necessary), the union of an
// any's children (only if every child has one); except has none.
func (b *condBuilder) cond(e *rules.Expr) cond {
	if e == nil {
		return alwaysCond
	}
	switch e.Op {
	case rules.Field:
		if c, ok := b.fields[e]; ok {
			return c
		}
		return b.fieldCond(e)
	case rules.All:
		best, bestCost := alwaysCond, 0
		for _, ch := range e.Children {
			c := b.cond(ch)
			if c.always {
				continue
			}
			if cost := b.cost(c); best.always || cost < bestCost {
				best, bestCost = c, cost
			}
		}
		return best
	case rules.Any:
		var keys []key
		for _, ch := range e.Children {
			c := b.cond(ch)
			if c.always {
				return alwaysCond
			}
			keys = append(keys, c.keys...)
		}
		return cond{keys: dedupeKeys(keys)}
	}
	return alwaysCond
}

// fieldCond is the condition of a field node: the union of its values'
// keys, or none when some value has none.
func (b *condBuilder) fieldCond(e *rules.Expr) cond {
	var keys []key
	for _, v := range e.Values {
		if v == nil {
			return alwaysCond
		}
		ks, ok := b.valueKeys(e.Field, v)
		if !ok {
			return alwaysCond
		}
		keys = append(keys, ks...)
	}
	return cond{keys: dedupeKeys(keys)}
}

// valueKeys returns the keys under which one rule value can match the
// field, or ok=false when it cannot be indexed.
func (b *condBuilder) valueKeys(field string, v *rules.Value) ([]key, bool) {
	switch field {
	case FieldRealmName:
		return stringKeys(nsRealm, nsRealmPrefix, nsRealmSuffix, v)
	case FieldUsername:
		return stringKeys(nsUsername, nsUsernamePrefix, nsUsernameSuffix, v)
	case FieldDN:
		if v.Kind == rules.NullValue {
			return []key{{nsDNNull, ""}}, true
		}
		return b.dnValueKeys(dnSpaces, v)
	case FieldGroups:
		return b.dnValueKeys(groupSpaces, v)
	}
	return nil, false
}

// stringKeys indexes a value of a field that always holds a string.
func stringKeys(ns, prefixNS, suffixNS int, v *rules.Value) ([]key, bool) {
	if v.Kind != rules.StringValue {
		return nil, true // numbers, booleans and null never equal a string
	}
	if v.Pattern == rules.Literal {
		return []key{{ns, v.Str}}, true
	}
	if keys, ok := finiteKeys(ns, v); ok {
		return keys, true
	}
	if v.Automaton == nil {
		return nil, false
	}
	p := headBytes(v.Automaton.CommonPrefix(maxAffixBytes), maxAffixBytes)
	sfx := tailBytes(v.Automaton.CommonSuffix(maxAffixBytes), maxAffixBytes)
	switch {
	case p != "" && len(p) >= len(sfx):
		return []key{{prefixNS, p}}, true
	case sfx != "":
		return []key{{suffixNS, sfx}}, true
	}
	return nil, false
}

// maxAffixBytes bounds the prefix and suffix keys (see the namespaces).
const maxAffixBytes = 64

// headBytes is the longest prefix of s of at most n bytes that ends at a
// character boundary.
func headBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// tailBytes is the longest suffix of s of at most n bytes that starts at a
// character boundary.
func tailBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// finiteKeys indexes a pattern by the strings it accepts, when few.
func finiteKeys(ns int, v *rules.Value) ([]key, bool) {
	if v.Automaton == nil {
		return nil, false
	}
	ss, ok := v.Automaton.Strings(finiteLimit)
	if !ok {
		return nil, false
	}
	keys := make([]key, len(ss))
	for i, s := range ss {
		keys[i] = key{ns, s}
	}
	return keys, true
}

// dnValueKeys indexes a value of dn or groups (not null for dn).
func (b *condBuilder) dnValueKeys(sp spaces, v *rules.Value) ([]key, bool) {
	if v.Kind != rules.StringValue {
		return nil, true // the DN predicate rejects non-strings
	}
	if v.Pattern == rules.Literal {
		keys := []key{{sp.lit, javatext.FoldKey(v.Str)}}
		if nv, ok := v.NormalizedDN(b.n); ok {
			keys = append(keys, key{sp.lit, nv})
		}
		return keys, true
	}
	if suffix, ok := subtreeSuffix(v.Str); ok && v.Pattern == rules.Wildcard && v.Automaton != nil &&
		!strings.ContainsAny(suffix, "?\\") {
		keys := []key{{sp.suffix, tailBytes(suffix, maxAffixBytes)}}
		if ns, ok := b.n.Normalize(suffix); ok {
			keys = append(keys, key{sp.suffix, tailBytes(ns, maxAffixBytes)})
		}
		return keys, true
	}
	return finiteKeys(sp.exact, v)
}

func dedupeKeys(keys []key) []key {
	if len(keys) < 2 {
		return keys
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].ns != keys[j].ns {
			return keys[i].ns < keys[j].ns
		}
		return keys[i].s < keys[j].s
	})
	out := keys[:1]
	for _, k := range keys[1:] {
		if k != out[len(out)-1] {
			out = append(out, k)
		}
	}
	return out
}
