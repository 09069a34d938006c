package match

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// Index finds, for a user, the rules that can possibly match, so that
// testing many users against many mappings costs about
// users x (matching-ish rules), not users x rules.
//
// Each rule gets a necessary condition (see cond.go): a set of keys one of
// which the user must have for the rule to be able to match. Rules without
// such a condition (an except alone, patterns that are not "*,<dn>"
// subtrees, metadata, null values, all: []) are always candidates.
// Candidates then looks up the user's keys. An Index is immutable and safe
// for concurrent use.
type Index struct {
	n      int
	always []uint64 // bitset of rules that are always candidates
	post   [nsCount]map[string][]int32
}

// NewIndex indexes the rules exprs; the i-th rule is reported as i by
// Candidates. A nil rule (a mapping whose rules do not parse) is never a
// candidate. n normalizes rule values that are DNs; nil uses a private
// Normalizer.
func NewIndex(exprs []*rules.Expr, n *dn.Normalizer) *Index {
	if n == nil {
		n = dn.NewNormalizer(0)
	}
	b := newCondBuilder(n)
	for _, e := range exprs {
		b.countFields(e)
	}
	ix := &Index{n: len(exprs), always: make([]uint64, (len(exprs)+63)/64)}
	for ns := range ix.post {
		ix.post[ns] = make(map[string][]int32)
	}
	for i, e := range exprs {
		if e == nil {
			continue
		}
		c := b.cond(e)
		if c.always {
			ix.always[i/64] |= 1 << (i % 64)
			continue
		}
		for _, k := range c.keys {
			p := ix.post[k.ns][k.s]
			if len(p) > 0 && p[len(p)-1] == int32(i) {
				continue
			}
			ix.post[k.ns][k.s] = append(p, int32(i))
		}
	}
	return ix
}

// Len returns the number of indexed rules.
func (ix *Index) Len() int { return ix.n }

// Candidates calls fn, in increasing order, with the index of every rule
// that can match the user: a superset of the rules Eval finds true (and of
// those whose evaluation fails). For a generic model (NewGenericModel),
// whose fields do not follow the user model, every rule is a candidate.
func (ix *Index) Candidates(m *Model, fn func(i int)) {
	if m.generic != nil {
		for i := 0; i < ix.n; i++ {
			fn(i)
		}
		return
	}
	set := make([]uint64, len(ix.always))
	copy(set, ix.always)
	ix.userKeys(m, func(ns int, s string) {
		for _, i := range ix.post[ns][s] {
			set[i/64] |= 1 << (i % 64)
		}
	})
	for w, word := range set {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			fn(w*64 + b)
			word &^= 1 << b
		}
	}
}

// userKeys visits every key the user has (see cond.go for their meaning).
// Namespaces no rule uses are skipped.
func (ix *Index) userKeys(m *Model, visit func(ns int, s string)) {
	stringKeys := func(s string, ns, prefixNS, suffixNS int) {
		if len(ix.post[ns]) > 0 {
			visit(ns, s)
		}
		if len(ix.post[prefixNS]) > 0 {
			for i := 1; i <= min(len(s), maxAffixBytes); i++ {
				if i == len(s) || utf8.RuneStart(s[i]) {
					visit(prefixNS, s[:i])
				}
			}
		}
		if len(ix.post[suffixNS]) > 0 {
			for i := max(0, len(s)-maxAffixBytes); i < len(s); i++ {
				if utf8.RuneStart(s[i]) {
					visit(suffixNS, s[i:])
				}
			}
		}
	}
	stringKeys(m.realm, nsRealm, nsRealmPrefix, nsRealmSuffix)
	stringKeys(m.username, nsUsername, nsUsernamePrefix, nsUsernameSuffix)
	if m.dn == nil {
		visit(nsDNNull, "")
	} else {
		ix.dnKeys(m.dn, dnSpaces, visit)
	}
	for _, g := range m.groups {
		ix.dnKeys(g, groupSpaces, visit)
	}
}

// dnKeys visits the keys of one user string under the DN-aware predicate:
// literal keys (its case fold; and its normalized DN and that DN's case
// fold), exact keys (the four strings a pattern is run against) and suffix
// keys (whatever follows each ',' of those four strings; and the empty
// string when it is a non-empty DN).
func (ix *Index) dnKeys(d *dnValue, sp spaces, visit func(ns int, s string)) {
	lit, exact, suffix := len(ix.post[sp.lit]) > 0, len(ix.post[sp.exact]) > 0, len(ix.post[sp.suffix]) > 0
	if !lit && !exact && !suffix {
		return
	}
	f := d.caseForms()
	if lit {
		visit(sp.lit, f.fold)
		if d.isDN {
			visit(sp.lit, d.norm)
			visit(sp.lit, f.foldNorm)
		}
	}
	forms := [4]string{d.raw, f.lower, f.upper, d.norm}
	nforms := 3
	if d.isDN {
		nforms = 4
	}
	for _, s := range forms[:nforms] {
		if exact {
			visit(sp.exact, s)
		}
		if suffix {
			// The text after each ',', by its last maxAffixBytes: all the
			// texts longer than that share one key, visited once.
			tail := tailBytes(s, maxAffixBytes)
			start := len(s) - len(tail)
			if strings.IndexByte(s[:start], ',') >= 0 {
				visit(sp.suffix, tail)
			}
			for i := max(start-1, 0); i < len(s); i++ {
				if s[i] == ',' {
					visit(sp.suffix, s[i+1:])
				}
			}
		}
	}
	if suffix && d.isDN && d.norm != "" {
		visit(sp.suffix, "")
	}
}
