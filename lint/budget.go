package lint

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// CheckBudget is the id of the check that reports what could not be
// decided within the run's budgets.
const CheckBudget = rules.CheckBudget

var budgetCheck = &Analyzer{
	Name:    CheckBudget,
	Level:   diag.Info,
	Summary: "a check could not decide within the run's budget (limits in .rolemap-lint.yaml)",
	Doc: "Some inputs cost a lot to analyze: regexes with large automata, rules with many patterns, YAML aliases that " +
		"expand to millions of values, templates with deeply nested sections. The whole run has budgets (automaton " +
		"states, analysis steps, states of compiled patterns held in memory, YAML values, template rendering steps) so " +
		"that no input makes it slow or exhausts memory. When one runs out, the check that needed it reports here which " +
		"question it could not decide and names the `limits` setting that raises the budget; nothing is claimed about " +
		"the input. A fixture test that needs an evaluation beyond the budget fails with the same explanation. These " +
		"findings are `info`: set the check to `warning` or `error` to make a run that could not decide everything fail.",
	Run: runBudget,
}

// runBudget reports the parse-time findings (patterns that could not be
// compiled, YAML left unread); Run adds those the other checks hand over
// through undecided once every check ran.
func runBudget(p *Pass) { forward(CheckBudget)(p) }

// undecided records that the pass's check could not decide a question
// about mapping m within the budget; Run reports it under the budget
// check after every check ran.
func (p *Pass) undecided(m *mapping.Mapping, question string, err error) {
	d := rulesSpan(m)
	d.Level = diag.Info
	d.Message = fmt.Sprintf("%s could not decide %s for mapping [%s]: %v", p.Analyzer.Name, question, m.Name, err)
	p.undecidedFindings = append(p.undecidedFindings, d)
}
