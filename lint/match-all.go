package lint

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
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
