package analysis

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/automaton"
	"github.com/rolemap-lint/rolemap-lint/rules"
	"github.com/rolemap-lint/rolemap-lint/user"
)

// DefaultMaxAtoms bounds the truth assignments enumerated (2^atoms).
const DefaultMaxAtoms = 16

// Options configure the analysis.
type Options struct {
	// MaxAtoms bounds the number of distinct field rules analyzed; larger
	// expressions are Unknown. 0 means DefaultMaxAtoms.
	MaxAtoms int
	// DN decides the DN-aware fields (dn, groups); nil uses syntactic rules
	// only.
	DN DNOracle
	// Ops bounds automaton operations.
	Ops automaton.Ops
}

// Outcome is the answer to "can some user satisfy the expression?".
type Outcome struct {
	// Satisfiable is Yes when some user satisfies it, No when none can.
	Satisfiable Tri
	// Reason explains a No.
	Reason string
	// Witness is a user satisfying it when Satisfiable is Yes.
	Witness *user.User
}

// Satisfiable decides whether some user makes e true.
func Satisfiable(e *rules.Expr, opt Options) Outcome {
	return decide(e, false, opt)
}

// MatchesEveryone decides whether every user makes e true; its Outcome
// describes the negation: Satisfiable No means e matches everyone, and a
// Witness is a user e does not match.
func MatchesEveryone(e *rules.Expr, opt Options) Outcome {
	return decide(e, true, opt)
}

type problem struct {
	atoms  []*Atom
	index  map[*rules.Expr]int
	negate bool
	opt    Options
	memo   map[string]fieldResult
	// work counts field decisions; past maxWork the answer is Unknown.
	work int
}

// maxWork bounds the field decisions (automaton operations) of one
// analysis, so that no rule can make the linter slow.
const maxWork = 4096

type fieldResult struct {
	answer  Tri
	reason  string
	witness func(u *user.User)
}

func decide(e *rules.Expr, negate bool, opt Options) Outcome {
	if opt.MaxAtoms <= 0 {
		opt.MaxAtoms = DefaultMaxAtoms
	}
	p := &problem{index: map[*rules.Expr]int{}, negate: negate, opt: opt, memo: map[string]fieldResult{}}
	byKey := map[string]int{}
	e.Walk(func(x *rules.Expr) bool {
		if x.Op != rules.Field {
			return true
		}
		k := atomKey(x)
		i, ok := byKey[k]
		if !ok {
			i = len(p.atoms)
			byKey[k] = i
			p.atoms = append(p.atoms, &Atom{Field: x.Field, Values: x.Values, Expr: x, key: k})
		}
		p.index[x] = i
		return true
	})
	n := len(p.atoms)
	if n > opt.MaxAtoms {
		return Outcome{Satisfiable: Unknown}
	}
	sawUnknown := false
	firstReason := ""
	booleanSat := false
	for mask := uint64(0); mask < 1<<n; mask++ {
		if p.eval(e, mask) == negate {
			continue
		}
		booleanSat = true
		ans, reason, wit := p.consistent(mask)
		switch ans {
		case Yes:
			return Outcome{Satisfiable: Yes, Witness: wit}
		case Unknown:
			sawUnknown = true
		default:
			if firstReason == "" {
				firstReason = reason
			}
		}
	}
	if sawUnknown {
		return Outcome{Satisfiable: Unknown}
	}
	if !booleanSat {
		firstReason = "its structure is contradictory whatever the user (e.g. an empty any, or a rule and its own except)"
		if negate {
			firstReason = "its structure is true whatever the user (e.g. an empty all, or an except of an empty any)"
		}
	}
	return Outcome{Satisfiable: No, Reason: firstReason}
}

// eval evaluates e with atom i true iff bit i of mask is set.
func (p *problem) eval(e *rules.Expr, mask uint64) bool {
	switch e.Op {
	case rules.Field:
		return mask&(1<<p.index[e]) != 0
	case rules.Except:
		return !p.eval(e.Children[0], mask)
	case rules.All:
		for _, c := range e.Children {
			if !p.eval(c, mask) {
				return false
			}
		}
		return true
	case rules.Any:
		for _, c := range e.Children {
			if p.eval(c, mask) {
				return true
			}
		}
		return false
	}
	return false
}

// consistent checks, field by field, that some user makes exactly the
// atoms of mask true and the others false.
func (p *problem) consistent(mask uint64) (Tri, string, *user.User) {
	type sides struct{ pos, neg []*Atom }
	fields := map[string]*sides{}
	var order []string
	for i, a := range p.atoms {
		s := fields[a.Field]
		if s == nil {
			s = &sides{}
			fields[a.Field] = s
			order = append(order, a.Field)
		}
		if mask&(1<<i) != 0 {
			s.pos = append(s.pos, a)
		} else {
			s.neg = append(s.neg, a)
		}
	}
	sort.Strings(order)
	u := &user.User{Username: "someone", Groups: []string{}, Metadata: map[string]any{}, Realm: user.Realm{Name: "any-realm"}}
	result := Yes
	for _, f := range order {
		s := fields[f]
		r := p.field(f, s.pos, s.neg)
		switch r.answer {
		case No:
			return No, r.reason, nil
		case Unknown:
			result = Unknown
		default:
			if r.witness != nil {
				r.witness(u)
			}
		}
	}
	if result != Yes {
		return result, "", nil
	}
	return Yes, "", u
}

// field decides one field, memoized.
func (p *problem) field(f string, pos, neg []*Atom) fieldResult {
	key := f + "\x01" + keys(pos) + "\x01" + keys(neg)
	if r, ok := p.memo[key]; ok {
		return r
	}
	p.work++
	if p.work > maxWork {
		return fieldResult{answer: Unknown}
	}
	var r fieldResult
	switch {
	case f == "username" || f == "realm.name":
		r = p.stringField(f, pos, neg)
	case strings.HasPrefix(f, "metadata.") && len(f) > len("metadata."):
		r = p.metadataField(f, pos, neg)
	case f == "dn" || f == "groups":
		r = p.dnField(f, pos, neg)
	default:
		r = unknownField(f, pos, neg)
	}
	p.memo[key] = r
	return r
}

func keys(as []*Atom) string {
	ks := make([]string, len(as))
	for i, a := range as {
		ks[i] = a.key
	}
	return strings.Join(ks, "\x02")
}

// unknownField handles a field outside the user model: it never has a
// value, so exactly the atoms with a null value are true.
func unknownField(f string, pos, neg []*Atom) fieldResult {
	for _, a := range pos {
		if !a.has(rules.NullValue) {
			return fieldResult{answer: No, reason: fmt.Sprintf("%s is not a field of the user model, so it never has a value and %s never matches it", f, values(a))}
		}
	}
	for _, a := range neg {
		if a.has(rules.NullValue) {
			return fieldResult{answer: No, reason: fmt.Sprintf("%s is not a field of the user model, so null always matches it", f)}
		}
	}
	return fieldResult{answer: Yes}
}

// values renders an atom's values for messages.
func values(a *Atom) string {
	parts := make([]string, len(a.Values))
	for i, v := range a.Values {
		parts[i] = v.Display()
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// popcount is used by tests to size enumerations.
func popcount(x uint64) int { return bits.OnesCount64(x) }
