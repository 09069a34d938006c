package lint

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
)

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
