package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

var emptyAnyAll = &Analyzer{
	Name:    "empty-any-all",
	Level:   diag.Warning,
	Summary: "all: [] matches everyone, any: [] no one",
	Doc: "An `all` with no rules is always true and an `any` with no rules is always false (Elasticsearch's " +
		"AllExpression and AnyExpression). Elasticsearch accepts both; an empty list is almost always a rule that was " +
		"meant to be filled in: `{\"all\": []}` as the whole rule grants its roles to every user of every realm.",
	Run: runEmptyAnyAll,
}

func runEmptyAnyAll(p *Pass) {
	p.exprs(func(m *mapping.Mapping, e *rules.Expr) {
		if len(e.Children) > 0 || (e.Op != rules.All && e.Op != rules.Any) {
			return
		}
		if e.Op == rules.All {
			p.Report(at(m, e.KeySpan, "\"all\": [] is always true: this rule matches every user; list the conditions, or remove it"))
			return
		}
		p.Report(at(m, e.KeySpan, "\"any\": [] is always false: this rule matches no user; list the alternatives, or remove it"))
	})
}
