package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/template/produce"
)

// grantedRoles are the role names a mapping grants whatever the user: its
// fixed roles and the output of templates that use no variable (their
// span is the template's source).
func grantedRoles(m *mapping.Mapping) []mapping.Role {
	out := append([]mapping.Role(nil), m.Roles...)
	for _, t := range m.Templates {
		if t.IsStored() || t.ParseErr() != nil || len(produce.Variables(t)) > 0 {
			continue
		}
		lang, err := produce.RoleLanguage(t, nil, automaton.Ops{})
		if err != nil {
			continue
		}
		names, ok := lang.Strings(16)
		if !ok {
			continue
		}
		for _, n := range names {
			out = append(out, mapping.Role{Name: n, Span: t.SourceSpan()})
		}
	}
	return out
}
