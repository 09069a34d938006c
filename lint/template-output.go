package lint

import (
	"errors"
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

// FixtureUser is a fixture test's user, for checks that render templates.
type FixtureUser struct {
	User user.User
	// Test names the fixture test ("name (file:line)").
	Test string
	// ExpectsError is set when the test expects resolution to fail.
	ExpectsError bool
}

var templateOutput = &Analyzer{
	Name:    "template-output",
	Level:   diag.Warning,
	Summary: "a template that renders an empty role name, or json output that is not a string or array of strings",
	Doc: "Elasticsearch only checks at PUT that a template compiles and runs with empty parameters; what it renders for " +
		"real users is discovered at login. A `string` template that renders `\"\"` grants an empty role name; a `json` " +
		"template whose output is not a JSON string or array of strings fails the user's whole role resolution (`Roles " +
		"template must generate a string or an array of strings`), so the user cannot log in. Each template is rendered " +
		"for every fixture user its mapping matches (tests that expect an error are skipped), or, with no fixtures, for a " +
		"user synthesized from the rules.",
	Run: runTemplateOutput,
}

func runTemplateOutput(p *Pass) {
	var tms []*mapping.Mapping
	for _, m := range p.Workspace.Mappings {
		if m.Valid() && m.Enabled && len(m.Templates) > 0 && m.Rules != nil {
			tms = append(tms, m)
		}
	}
	users := p.templateUsers(tms)
	for i, m := range tms {
		for _, fu := range users[i] {
			if reportTemplateOutput(p, m, fu) {
				break // one user showing the problem is enough
			}
		}
	}
}

// templateUsers returns, for each of the template mappings tms, the users
// its templates are rendered for: the fixture users its rules match, in
// fixture order, or with no fixtures a user synthesized from the rules.
// Each fixture user's model is built once and evaluated only against the
// mappings an index of the rules names as candidates, so the cost grows
// with users + mappings rather than with their product.
func (p *Pass) templateUsers(tms []*mapping.Mapping) [][]FixtureUser {
	out := make([][]FixtureUser, len(tms))
	if len(tms) == 0 {
		return out
	}
	if len(p.Settings.FixtureUsers) == 0 {
		for i, m := range tms {
			sat := p.satisfiable(m.Rules)
			if sat.Satisfiable == decide.Yes && sat.Witness != nil {
				out[i] = []FixtureUser{{User: *sat.Witness, Test: "a user synthesized from the rules: " + describeUser(sat.Witness)}}
			}
		}
		return out
	}
	norm := p.Settings.normalizer()
	index := rulesIndex(tms, norm)
	for u, fu := range p.Settings.FixtureUsers {
		if fu.ExpectsError {
			continue
		}
		usr := fu.User
		model, err := match.NewModel(&usr, norm)
		if err != nil {
			continue
		}
		index.Candidates(model, func(i int) {
			if ok, err := match.Eval(tms[i].Rules, model); err == nil && ok {
				out[i] = append(out[i], p.Settings.FixtureUsers[u])
			}
		})
	}
	return out
}

// reportTemplateOutput renders every template of m for one user and
// reports the first problem; it returns whether it reported one.
func reportTemplateOutput(p *Pass, m *mapping.Mapping, fu FixtureUser) bool {
	u := fu.User
	model, err := match.NewModel(&u, nil)
	if err != nil {
		return false
	}
	scripting := ScriptSettings(p.Settings.Config.Scripting)
	scripting.Steps = p.Settings.Budget.Templates()
	for i, t := range m.Templates {
		if t.IsStored() || t.ParseErr() != nil {
			continue
		}
		roles, err := t.RolesWith(scripting, model.TemplateModel())
		var te *template.Error
		switch {
		case errors.Is(err, budget.ErrExhausted):
			p.undecided(m, fmt.Sprintf("what role template %d renders for %s", i+1, fu.Test), err)
			return true
		case err != nil && errors.As(err, &te) && (te.Stage == template.StageOutput || te.Stage == template.StageRuntime):
			p.Report(at(m, t.Span(), "role template %d fails for %s: %s; Elasticsearch then fails the whole role resolution, so the user cannot log in", i+1, fu.Test, err.Error()))
			return true
		case err == nil && t.Format() == template.FormatString && len(roles) == 1 && roles[0] == "":
			p.Report(at(m, t.Span(), "role template %d renders an empty role name for %s: Elasticsearch grants the role \"\"; make sure every variable it uses has a value (or use format json with a list)", i+1, fu.Test))
			return true
		}
	}
	return false
}

// rulesIndex indexes the rules of ms: the index reports mapping ms[i] as i.
func rulesIndex(ms []*mapping.Mapping, norm *dn.Normalizer) *match.Index {
	exprs := make([]*rules.Expr, len(ms))
	for i, m := range ms {
		exprs[i] = m.Rules
	}
	return match.NewIndex(exprs, norm)
}
