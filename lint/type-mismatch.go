package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// stringFields always hold strings (docs/semantics.md, "User model" and "Typed comparison").
var stringFields = map[string]bool{"username": true, "dn": true, "groups": true, "realm.name": true}

var typeMismatch = &Analyzer{
	Name:    "type-mismatch",
	Level:   diag.Warning,
	Summary: "a value that can never match its field (numbers/booleans on string fields, null where a value always exists)",
	Doc: "Elasticsearch never converts types when matching: `username`, `dn`, `groups` and `realm.name` hold strings, so a " +
		"number or boolean value never matches them (`1` is not `\"1\"`). `username` and `realm.name` always have a value and " +
		"`groups` never matches `null` (not even when empty), so `null` on them never matches either. (`null` on `dn` is " +
		"meaningful: it matches users without a DN.)",
	Run: runTypeMismatch,
}

func runTypeMismatch(p *Pass) {
	p.fieldRules(func(m *mapping.Mapping, e *rules.Expr) {
		if !stringFields[e.Field] {
			return
		}
		for _, v := range e.Values {
			switch {
			case v.Kind == rules.LongValue || v.Kind == rules.BoolValue:
				p.Report(at(m, v.Span(), "%s holds strings, and Elasticsearch never converts types: the %s %s never matches it; write it as a string (\"%s\")",
					e.Field, v.Kind, v.Display(), v.Display()))
			case v.Kind == rules.NullValue && e.Field != "dn":
				why := "always has a value"
				if e.Field == "groups" {
					why = "never matches null, not even for a user without groups"
				}
				p.Report(at(m, v.Span(), "%s %s, so null never matches it (only dn: null is meaningful: it matches users without a DN)", e.Field, why))
			}
		}
	})
}
