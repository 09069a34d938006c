package decide

import (
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
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
	// Budget, when set, bounds the whole run: each question draws its
	// automaton states from Budget.Question() (which replaces Ops.Pool)
	// and its steps (truth assignments, field decisions) from the run's
	// analysis-step pool. A question that runs out is Unknown with
	// Outcome.Budget set.
	Budget *budget.Run
}

// Outcome is the answer to "can some user satisfy the expression?".
type Outcome struct {
	// Satisfiable is Yes when some user satisfies it, No when none can.
	Satisfiable Tri
	// Reason explains a No.
	Reason string
	// Witness is a user satisfying it when Satisfiable is Yes.
	Witness *user.User
	// Budget is set, with Satisfiable Unknown, when the answer could not
	// be found within the run's budget (errors.Is(Budget,
	// budget.ErrExhausted)); it names the setting that raises the limit.
	Budget error
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
	// steps is the run's analysis-step pool (nil: unbounded).
	steps *budget.Pool
	// budgetErr is the first budget error met.
	budgetErr error
}

// stepChunk is how many steps are charged to the pool at a time.
const stepChunk = 1024

// noteErr records an automaton error that is a budget error.
func (p *problem) noteErr(err error) {
	if p.budgetErr == nil && errors.Is(err, budget.ErrExhausted) {
		p.budgetErr = err
	}
}

// undecided returns the budget error of a value that could not be
// compiled within the budget, if any atom has one.
func (p *problem) undecided() error {
	for _, a := range p.atoms {
		for _, v := range a.Values {
			if v.Undecided != nil {
				return v.Undecided
			}
		}
	}
	return nil
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
	if opt.Budget != nil {
		opt.Ops.Pool = opt.Budget.Question()
	}
	p := &problem{index: map[*rules.Expr]int{}, negate: negate, opt: opt, memo: map[string]fieldResult{},
		steps: opt.Budget.Steps()}
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
	if err := p.steps.Exhausted(); err != nil {
		return Outcome{Satisfiable: Unknown, Budget: err}
	}
	if err := opt.Ops.Pool.Exhausted(); err != nil {
		return Outcome{Satisfiable: Unknown, Budget: err}
	}
	if p.undecided() != nil {
		// the value's own budget finding says that nothing can evaluate it
		return Outcome{Satisfiable: Unknown}
	}
	sawUnknown := false
	firstReason := ""
	booleanSat := false
	// A truth assignment costs about one step per atom (evaluating the
	// structure, sorting its atoms by field, looking up the memo).
	pending := int64(0)
	for mask := uint64(0); mask < 1<<n; mask++ {
		if pending += int64(n) + 1; pending >= stepChunk {
			if err := p.steps.Take(pending); err != nil {
				return Outcome{Satisfiable: Unknown, Budget: err}
			}
			pending = 0
		}
		if p.budgetErr != nil {
			return Outcome{Satisfiable: Unknown, Budget: p.budgetErr}
		}
		if p.eval(e, mask) == negate {
			continue
		}
		booleanSat = true
		ans, reason, wit := p.consistent(mask)
		switch ans {
		case Yes:
			_ = p.steps.Take(pending)
			return Outcome{Satisfiable: Yes, Witness: wit}
		case Unknown:
			sawUnknown = true
		default:
			if firstReason == "" {
				firstReason = reason
			}
		}
	}
	_ = p.steps.Take(pending)
	if sawUnknown {
		out := Outcome{Satisfiable: Unknown, Budget: p.budgetErr}
		if out.Budget == nil {
			// the DN oracle swallows its errors: an empty pool explains them
			if err := opt.Ops.Pool.Exhausted(); err != nil {
				out.Budget = err
			}
		}
		return out
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
	if err := p.steps.Take(int64(len(pos) + len(neg))); err != nil {
		p.noteErr(err)
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
