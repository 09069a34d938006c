package lint

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

var dnSyntax = &Analyzer{
	Name:    "dn-syntax",
	Level:   diag.Warning,
	Summary: "a dn value, or a group value that looks like a DN, that does not parse as a DN",
	Doc: "Elasticsearch compares `dn` and `groups` values as distinguished names: equal when their normalized forms " +
		"(UnboundID's, case- and spacing-insensitive) are equal. A value that does not parse as a DN falls back to a " +
		"case-insensitive string comparison, which only matches a user string written exactly the same way. A `dn` " +
		"value, a group value containing `=`, or the DN after `*,` in a subtree pattern that does not parse is almost " +
		"certainly a typo.",
	Run: runDNSyntax,
}

func runDNSyntax(p *Pass) {
	p.fieldRules(func(m *mapping.Mapping, e *rules.Expr) {
		if !isDNField(e.Field) {
			return
		}
		for _, v := range e.Values {
			if v.Kind != rules.StringValue {
				continue
			}
			text, what := v.Str, "value"
			switch v.Pattern {
			case rules.Regex:
				continue
			case rules.Wildcard:
				suffix, ok := subtreeSuffix(v.Str)
				if !ok || suffix == "" {
					continue
				}
				text, what = suffix, "subtree DN"
			default:
				if e.Field == "groups" && !strings.Contains(v.Str, "=") {
					continue // a group name (SAML, OIDC...), not a DN
				}
			}
			if _, err := dn.Parse(text); err != nil {
				p.Report(at(m, v.Span(), "%s %s %q is not a valid DN (%s): Elasticsearch falls back to comparing it as a plain string, ignoring case; fix the DN",
					e.Field, what, text, shorten(err.Error(), 200)))
			}
		}
	})
}
