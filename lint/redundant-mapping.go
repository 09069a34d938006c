package lint

import (
	"slices"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

var redundantMapping = &Analyzer{
	Name:    "redundant-mapping",
	Level:   diag.Warning,
	Summary: "a mapping whose roles another mapping already grants to every user it matches",
	Doc: "Elasticsearch gives a user the union of the roles of every enabled mapping whose rules match. When another " +
		"mapping grants every role of this one and its rules hold for every user this one matches (this mapping's rules " +
		"imply the other's, decided exactly with the automata), this mapping grants nothing more: deleting it changes no " +
		"user's roles. It is usually a copy left behind after the other mapping was widened, and it keeps access alive " +
		"after the other mapping is narrowed on purpose. Only reported when proven: mappings with role templates, disabled " +
		"or invalid mappings, rules too complex to decide or that match no user (never-matches), and mappings that read differently for the two YAML readers are " +
		"left alone; a mapping whose rules match every user (match-all) never makes another one redundant, since the fix there is to scope it, " +
		"which would bring the other mapping's access back; of two mappings that grant the same roles to the same users, the later one is reported. At most " +
		"4096 pairs of mappings that share a role are compared in a run.",
	Run: runRedundantMapping,
}

// maxRedundancyPairs bounds the implications decided in one run; past it
// the check says nothing more (it never claims what it did not prove).
const maxRedundancyPairs = 4096

// runRedundantMapping reports each mapping A for which a mapping B grants
// every role of A and rules(A) ⇒ rules(B), that is, rules(A) ∧ ¬rules(B) is
// unsatisfiable. Candidates are indexed by role: only the mappings that
// grant A's least granted role are compared with A, the widest first.
func runRedundantMapping(p *Pass) {
	var ms []*mapping.Mapping
	byRole := map[string][]int{}
	for _, m := range p.Workspace.Mappings {
		if !fixedRolesOnly(m) {
			continue
		}
		for _, r := range roleSet(m) {
			byRole[r] = append(byRole[r], len(ms))
		}
		ms = append(ms, m)
	}
	// The widest candidates (fewest field rules) are tried first: a mapping
	// is most often redundant next to a broader one, and the pair budget is
	// not spent on narrow siblings first.
	size := make([]int, len(ms))
	for i, m := range ms {
		m.Rules.Walk(func(e *rules.Expr) bool {
			if e.Op == rules.Field {
				size[i]++
			}
			return true
		})
	}
	for r, l := range byRole {
		sorted := slices.Clone(l)
		sort.SliceStable(sorted, func(x, y int) bool { return size[sorted[x]] < size[sorted[y]] })
		byRole[r] = sorted
	}
	// A mapping that matches everyone is match-all's to report: advising to
	// delete what it covers would lose that access once it is scoped.
	everyone := map[int]bool{}
	matchesEveryone := func(j int) bool {
		v, ok := everyone[j]
		if !ok {
			v = matchesProbe(ms[j]) && decide.MatchesEveryone(ms[j].Rules, p.analysisOptions()).Satisfiable == decide.No
			everyone[j] = v
		}
		return v
	}
	// A cheap refutation first: a user that a's rules match (the witness of
	// its satisfiability) and b's do not shows that a is not redundant
	// with b. The index names the mappings that can match that user, so
	// the exact decision below runs only for the few that do.
	norm := p.Settings.normalizer()
	index := rulesIndex(ms, norm)
	mayMatch := make([]int, len(ms)) // i+1 when mapping j may match a's witness
	pairs := 0
	for i, a := range ms {
		// A mapping no user matches is never-matches' to report.
		sat := p.satisfiable(a.Rules)
		if sat.Satisfiable != decide.Yes {
			continue
		}
		witness := witnessModel(sat.Witness, a.Rules, norm)
		if witness != nil {
			index.Candidates(witness, func(j int) { mayMatch[j] = i + 1 })
		}
		cands := leastGranted(roleSet(a), byRole)
		for _, j := range cands {
			if witness != nil && mayMatch[j] != i+1 {
				continue
			}
			if j == i || ms[j].Name == a.Name || !grantsAll(ms[j], a) || matchesEveryone(j) {
				continue
			}
			if witness != nil {
				if ok, err := match.Eval(ms[j].Rules, witness); err == nil && !ok {
					continue
				}
			}
			if pairs >= maxRedundancyPairs {
				return
			}
			pairs++
			b := ms[j]
			out := p.implies(a, b)
			if out.Budget != nil {
				p.undecided(a, "whether mapping ["+b.Name+"] matches every user it matches", out.Budget)
				continue
			}
			if out.Satisfiable != decide.No {
				continue
			}
			// Of two mappings that are each other's copy, only the later
			// one is redundant: deleting both would drop the access.
			if j > i && grantsAll(a, b) {
				if back := p.implies(b, a); back.Budget == nil && back.Satisfiable == decide.No {
					continue
				}
			}
			d := at(a, a.NameSpan, "every role of mapping [%s] ([%s]) is already granted, to every user it matches, by mapping [%s] (%s:%d): deleting it changes no user's roles; delete it, or change it if it was meant to grant more",
				a.Name, strings.Join(roleSet(a), ", "), b.Name, b.File().Name, b.NameSpan.Range().Start.Line)
			d.Pointer = a.Pointer.String()
			p.Report(d)
			break
		}
	}
}

// witnessModel returns the model of the witness user when a's rules match
// it as Elasticsearch evaluates them, or nil.
func witnessModel(u *user.User, e *rules.Expr, norm *dn.Normalizer) *match.Model {
	if u == nil {
		return nil
	}
	m, err := match.NewModel(u, norm)
	if err != nil {
		return nil
	}
	if ok, err := match.Eval(e, m); err != nil || !ok {
		return nil
	}
	return m
}

// fixedRolesOnly reports whether the mapping takes part in the comparison:
// applied, decidable, granting fixed roles only, read the same way by
// either YAML reader.
func fixedRolesOnly(m *mapping.Mapping) bool {
	return decidable(m) && len(m.Roles) > 0 && len(m.Templates) == 0 && m.AltReading == nil
}

// roleSet returns the distinct role names the mapping grants, in order of
// first appearance.
func roleSet(m *mapping.Mapping) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range m.Roles {
		if !seen[r.Name] {
			seen[r.Name] = true
			out = append(out, r.Name)
		}
	}
	return out
}

// leastGranted returns the mappings (indices) that grant the role of roles
// granted by the fewest mappings.
func leastGranted(roles []string, byRole map[string][]int) []int {
	var best []int
	for i, r := range roles {
		if l := byRole[r]; i == 0 || len(l) < len(best) {
			best = l
		}
	}
	return best
}

// grantsAll reports whether b grants every role a grants.
func grantsAll(b, a *mapping.Mapping) bool {
	have := map[string]bool{}
	for _, r := range b.Roles {
		have[r.Name] = true
	}
	for _, r := range a.Roles {
		if !have[r.Name] {
			return false
		}
	}
	return true
}

// implies decides whether the rules of b hold for every user the rules of
// a match: Satisfiable No for rules(a) ∧ ¬rules(b) means they do.
func (p *Pass) implies(a, b *mapping.Mapping) decide.Outcome {
	notB := &rules.Expr{Op: rules.Except, Children: []*rules.Expr{b.Rules}, Span: b.Rules.Span}
	both := &rules.Expr{Op: rules.All, Children: []*rules.Expr{a.Rules, notB}, Span: a.Rules.Span}
	return decide.Satisfiable(both, p.analysisOptions())
}
