package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
)

var removedRole = &Analyzer{
	Name:    "removed-role",
	Level:   diag.Warning,
	Summary: "a built-in role deprecated or removed in the configured es_version (e.g. kibana_user)",
	Doc: "Built-in roles come and go: `kibana_dashboard_only_user` was removed in 8.0, `kibana_user` is deprecated in favour " +
		"of `kibana_admin`, `apm_user` and the `data_frame_transforms_*` roles were removed in 9.0. A mapping to a removed role " +
		"grants nothing (unless a custom role of that name exists); a deprecated one will stop working on upgrade.",
	Run: runRemovedRole,
}

func runRemovedRole(p *Pass) {
	c := p.Settings.Catalog
	for _, m := range p.Workspace.Mappings {
		if !m.Valid() {
			continue
		}
		for _, r := range m.Roles {
			if role, ok := c.Removed(r.Name); ok {
				p.Report(at(m, r.Span, "built-in role [%s] was removed in Elasticsearch %s (modelled version %s), so this mapping grants nothing%s",
					r.Name, role.Removed, c.Version(), instead(role)))
				continue
			}
			if role, ok := c.Deprecated(r.Name); ok {
				p.Report(at(m, r.Span, "built-in role [%s] is deprecated since Elasticsearch %s and will be removed%s",
					r.Name, role.Deprecated, instead(role)))
			}
		}
	}
}

func instead(r catalog.Role) string {
	switch {
	case r.Replacement != "":
		return "; use " + r.Replacement + " instead"
	case r.Advice != "":
		return "; " + r.Advice
	}
	return ""
}
