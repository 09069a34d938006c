package lint

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
)

var unknownRole = &Analyzer{
	Name:    "unknown-role",
	Level:   diag.Warning,
	Summary: "role not in the catalog (info unless a catalog beyond the built-ins is configured)",
	Doc: "Elasticsearch does not check that mapped roles exist (\"This API does not create roles. Rather, it maps users to " +
		"existing roles.\"): a misspelled role is stored and silently grants nothing. The catalog is Elasticsearch's built-in " +
		"roles for the configured `es_version`, plus the config's `roles.names` and the roles defined in `roles.files` " +
		"(roles.yml files, `PUT /_security/role` bodies or GET dumps). Without a configured catalog the finding is `info`, " +
		"since the roles probably live in the cluster.",
	Run: runUnknownRole,
}

func runUnknownRole(p *Pass) {
	c := p.Settings.Catalog
	for _, m := range p.Workspace.Mappings {
		if !m.Valid() {
			continue
		}
		for _, r := range grantedRoles(m) {
			if _, ok := c.Lookup(r.Name); ok {
				continue
			}
			if _, removed := c.Removed(r.Name); removed {
				continue // removed-role owns it
			}
			d := at(m, r.Span, "role [%s] is not in the catalog of known roles (%s): Elasticsearch stores the mapping anyway, and it grants nothing if the role does not exist", r.Name, catalogWhat(c))
			if s := c.Suggest(r.Name); s != "" {
				d.Message += fmt.Sprintf("; did you mean [%s]?", s)
			}
			if !c.HasCustomCatalog() {
				d.Level = diag.Info
				d.Message += "; configure roles.names or roles.files in .rolemap-lint.yaml to check custom roles"
			}
			p.Report(d)
		}
	}
}

func catalogWhat(c *catalog.Catalog) string {
	if c.HasCustomCatalog() {
		return fmt.Sprintf("built-in roles of Elasticsearch %s and the configured roles", c.Version())
	}
	return fmt.Sprintf("built-in roles of Elasticsearch %s", c.Version())
}
