package engine

import (
	"sort"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/resolve"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
)

// coverage evaluates every applied mapping for every valid fixture user
// and reports which rule outcomes no user produced.
func coverage(res *resolve.Resolver, tests []*fixtures.Test, n *dn.Normalizer) *report.Coverage {
	cov := &match.Coverage{}
	for _, t := range tests {
		if !t.Valid {
			continue
		}
		u := t.User
		model, err := match.NewModel(&u, n)
		if err != nil {
			continue
		}
		for _, m := range res.Mappings() {
			cov.Add(match.Explain(m.Rules, model))
		}
	}
	byFile := map[string]*report.FileCoverage{}
	var order []string
	out := &report.Coverage{}
	for _, m := range res.Mappings() {
		mc := mappingCoverage(m, cov)
		name := m.File().Name
		fc := byFile[name]
		if fc == nil {
			fc = &report.FileCoverage{File: name}
			byFile[name] = fc
			order = append(order, name)
		}
		fc.Mappings = append(fc.Mappings, mc)
		fc.Covered += mc.Covered
		fc.Total += mc.Total
	}
	sort.Strings(order)
	for _, name := range order {
		fc := byFile[name]
		fc.Percent = report.Percentage(fc.Covered, fc.Total)
		out.Files = append(out.Files, *fc)
		out.Covered += fc.Covered
		out.Total += fc.Total
	}
	out.Percent = report.Percentage(out.Covered, out.Total)
	return out
}

func mappingCoverage(m *mapping.Mapping, cov *match.Coverage) report.MappingCoverage {
	mc := report.MappingCoverage{Name: m.Name, Line: m.NameSpan.Range().Start.Line, Gaps: []report.NodeGap{}}
	m.Rules.Walk(func(e *rules.Expr) bool {
		o := cov.Node(e)
		sawTrue, sawFalse := o&match.SawTrue != 0, o&match.SawFalse != 0
		mc.Total += 2
		if sawTrue {
			mc.Covered++
		}
		if sawFalse {
			mc.Covered++
		}
		if !sawTrue || !sawFalse {
			missing := "true"
			switch {
			case !sawTrue && !sawFalse:
				missing = "true or false"
			case sawTrue:
				missing = "false"
			}
			start := e.Span.Range().Start
			if e.Op == rules.Field {
				start = e.FieldSpan.Range().Start
			}
			mc.Gaps = append(mc.Gaps, report.NodeGap{Line: start.Line, Column: start.Col, Rule: ruleLabel(e), Missing: missing})
		}
		return true
	})
	return mc
}

// ruleLabel names a rule node briefly: `field groups`, `all`, `except`.
func ruleLabel(e *rules.Expr) string {
	if e.Op == rules.Field {
		return "field " + e.Field
	}
	return e.Op.String()
}
