package lint

import (
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

var matchAll = &Analyzer{
	Name:     "match-all",
	Level:    diag.Warning,
	Security: true,
	Summary:  "a mapping whose rules match every user, decided exactly with the automata",
	Doc: "The rules are true for every user of every realm: a pattern that accepts every string (`\"*\"`, `/.*/`, `/@/`) " +
		"on a field every user has (`username`, `realm.name`), an `all: []`, or a combination whose exceptions cancel out. " +
		"The mapping then grants its roles to anyone who can authenticate, through any realm, including realms added later. " +
		"Decided exactly from the rules: every field rule is an automaton or value set, and every combination is checked.",
	Run: runMatchAll,
}

var neverMatches = &Analyzer{
	Name:    "never-matches",
	Level:   diag.Warning,
	Summary: "a mapping whose rules can match no user, decided exactly with the automata",
	Doc: "No user can satisfy the rules: two different literal `realm.name` values in one `all`, an `except` that cancels " +
		"its siblings, a regex with an empty language (`/#/`), a number on `username`, an `any: []`... Elasticsearch accepts " +
		"the mapping but never grants its roles, which usually hides a typo. Only reported when proven; rules too complex to " +
		"decide are left alone.",
	Run: runNeverMatches,
}

// decidable reports whether the mapping's rules are worth deciding: valid,
// enabled, and free of the problems a more specific check owns (an empty
// all/any, an unknown field, a value of the wrong type), so that one cause
// is reported once, by the check that points at it.
func decidable(m *mapping.Mapping) bool {
	if m.Rules == nil || !m.Enabled || !m.Valid() {
		return false
	}
	specific := false
	m.Rules.Walk(func(e *rules.Expr) bool {
		switch e.Op {
		case rules.All, rules.Any:
			specific = specific || len(e.Children) == 0
		case rules.Field:
			specific = specific || fieldHasSpecificProblem(e)
		}
		return !specific
	})
	return !specific
}

// fieldHasSpecificProblem reports whether unknown-field or type-mismatch
// report the field rule.
func fieldHasSpecificProblem(e *rules.Expr) bool {
	if !knownFields[e.Field] && !strings.HasPrefix(e.Field, "metadata.") {
		return true
	}
	if !stringFields[e.Field] {
		return false
	}
	for _, v := range e.Values {
		if v.Kind == rules.LongValue || v.Kind == rules.BoolValue || (v.Kind == rules.NullValue && e.Field != "dn") {
			return true
		}
	}
	return false
}

func rulesSpan(m *mapping.Mapping) diag.Diagnostic {
	d := diag.Diagnostic{Mapping: m.Name, Pointer: m.Pointer.Append("rules").String()}
	if mem := m.Field("rules"); mem != nil {
		d.Span = mem.KeySpan
	}
	return d
}

func grants(m *mapping.Mapping) string {
	if len(m.Roles) > 0 {
		names := make([]string, len(m.Roles))
		for i, r := range m.Roles {
			names[i] = r.Name
		}
		return "[" + strings.Join(names, ", ") + "]"
	}
	return "its role templates' output"
}

func runMatchAll(p *Pass) {
	for _, m := range p.Workspace.Mappings {
		if !decidable(m) || !matchesProbe(m) {
			continue
		}
		out := decide.MatchesEveryone(m.Rules, p.analysisOptions())
		if out.Budget != nil {
			p.undecided(m, "whether the rules match every user", out.Budget)
		}
		if out.Satisfiable != decide.No {
			continue
		}
		d := rulesSpan(m)
		d.Message = fmt.Sprintf("the rules of mapping [%s] match every user: it grants %s to anyone who can authenticate, through any realm; scope it, e.g. with {\"field\": {\"realm.name\": \"<realm>\"}} and the groups that should have access",
			m.Name, grants(m))
		p.Report(d)
	}
}

func runNeverMatches(p *Pass) {
	for _, m := range p.Workspace.Mappings {
		if !decidable(m) {
			continue
		}
		out := p.satisfiable(m.Rules)
		if out.Budget != nil {
			p.undecided(m, "whether some user matches the rules", out.Budget)
		}
		if out.Satisfiable != decide.No {
			continue
		}
		d := rulesSpan(m)
		d.Message = fmt.Sprintf("the rules of mapping [%s] can match no user (%s): Elasticsearch accepts it but never grants %s; fix the rules or delete the mapping",
			m.Name, out.Reason, grants(m))
		p.Report(d)
	}
}

// satisfiable decides, once per rule tree and run, whether some user
// matches it.
func (p *Pass) satisfiable(e *rules.Expr) decide.Outcome {
	if out, ok := p.Settings.satisfiable[e]; ok {
		return out
	}
	if p.Settings.satisfiable == nil {
		p.Settings.satisfiable = map[*rules.Expr]decide.Outcome{}
	}
	out := decide.Satisfiable(e, p.analysisOptions())
	p.Settings.satisfiable[e] = out
	return out
}

// analysisOptions configures rule analysis for the run.
func (p *Pass) analysisOptions() decide.Options {
	return decide.Options{DN: p.Settings.DNOracle, Budget: p.Settings.Budget}
}

// probeUser is an ordinary user with nothing special: rules that do not
// match it cannot match everyone, which spares the analysis for most
// mappings.
var probeUser = user.User{Username: "rolemap-lint-probe", Groups: []string{}, Metadata: map[string]any{},
	Realm: user.Realm{Name: "rolemap-lint-probe-realm"}}

func matchesProbe(m *mapping.Mapping) bool {
	u := probeUser
	model, err := match.NewModel(&u, nil)
	if err != nil {
		return true
	}
	ok, err := match.Eval(m.Rules, model)
	return err != nil || ok
}
