package engine

import (
	"errors"
	"sort"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
)

// Explain resolves the user u with the unit p's mappings, role_mapping.yml
// files and anonymous roles, and traces every mapping's rules for u.
func (p *Project) Explain(u *user.User) *report.Explanation {
	ws := p.Workspace
	res := p.Resolver()
	resolution := res.Resolve(u)
	ex := &report.Explanation{User: report.ExplainedUser{Username: u.Username, DN: u.DN, Groups: u.Groups,
		Realm: report.ExplainedRealm{Name: u.Realm.Name, Type: u.Realm.Type}, Metadata: u.Metadata},
		Roles: nonNilStrings(resolution.Roles), Mappings: []report.ExplainedMapping{}, DNFiles: []report.ExplainedGrant{}, Anon: []string{}}
	if resolution.Err != nil {
		ex.Error = resolution.Err.Error()
		ex.Undecided = errors.Is(resolution.Err, budget.ErrExhausted)
	}
	model, modelErr := match.NewModel(u, p.Normalizer)
	granted := map[*mapping.Mapping][]string{}
	for _, g := range resolution.Grants {
		switch {
		case g.Mapping != nil:
			granted[g.Mapping] = append(granted[g.Mapping], g.Role)
		case g.DN != nil:
			ex.DNFiles = append(ex.DNFiles, report.ExplainedGrant{Role: g.Role, Source: g.String()})
		case g.Anonymous:
			ex.Anon = append(ex.Anon, g.Role)
		}
	}
	for _, m := range ws.Mappings {
		em := report.ExplainedMapping{Name: m.Name, Origin: m.Origin.String(), File: m.File().Name, Line: m.NameSpan.Range().Start.Line,
			Roles: nonNilStrings(uniqueSorted(granted[m]))}
		em.Skipped = res.Skipped(m)
		em.Applied = em.Skipped == ""
		if modelErr != nil && em.Applied {
			em.Error = "not evaluated: Elasticsearch failed the user's role resolution before any rule ran"
		}
		if m.Rules != nil && modelErr == nil {
			t := match.Explain(m.Rules, model)
			em.Matched = t.Matched && em.Applied
			em.Rules = explainRule(t)
		}
		ex.Mappings = append(ex.Mappings, em)
	}
	return ex
}

func explainRule(t *match.Trace) *report.ExplainedRule {
	e := t.Expr
	start := e.Span.Range().Start
	label := e.Op.String()
	if e.Op == rules.Field {
		label = "field " + e.Field
		start = e.FieldSpan.Range().Start
	}
	out := &report.ExplainedRule{Rule: label, Matched: t.Matched, Reason: t.Reason, Line: start.Line, Column: start.Col}
	if t.Err != nil {
		out.Error = t.Err.Error()
	}
	for _, c := range t.Children {
		out.Children = append(out.Children, explainRule(c))
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func uniqueSorted(in []string) []string {
	set := map[string]bool{}
	var out []string
	for _, s := range in {
		if !set[s] {
			set[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
