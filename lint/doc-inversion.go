package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

var docInversion = &Analyzer{
	Name:    "doc-inversion",
	Level:   diag.Warning,
	Summary: "except of a null field: the documented \"does not have\" idiom is inverted",
	Doc: "A field rule with the value `null` matches users that do NOT have the field, so `{\"except\": {\"field\": " +
		"{\"metadata.terminated_date\": null}}}` matches only users that DO have a (non-null) `terminated_date`. " +
		"Elasticsearch's own documentation uses it for the opposite (\"users who do not have a terminated_date\"). To " +
		"require that a field is absent, use the field rule with `null` directly, without `except`; to require " +
		"that it has a string value, say so: `{\"field\": {\"metadata.terminated_date\": \"*\"}}`.",
	Run: runDocInversion,
}

func runDocInversion(p *Pass) {
	p.exprs(func(m *mapping.Mapping, e *rules.Expr) {
		if e.Op != rules.Except || len(e.Children) != 1 {
			return
		}
		f := e.Children[0]
		if f.Op != rules.Field {
			return
		}
		for _, v := range f.Values {
			if v.Kind == rules.NullValue {
				p.Report(at(m, e.KeySpan, "except of {%q: null} matches users that HAVE a non-null %s (null matches users without it, and except inverts that); to select users without %s, drop the except and keep {\"field\": {%q: null}}; to require a value, write {\"field\": {%q: \"*\"}} (for strings)",
					f.Field, f.Field, f.Field, f.Field, f.Field))
				return
			}
		}
	})
}
