package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
)

var rolesFile = &Analyzer{
	Name:    catalog.CheckRolesFile,
	Level:   diag.Error,
	Summary: "problems in the roles files the config names (roles.files)",
	Doc: "The roles files feed the catalog of `unknown-role` and `privileged-broad-grant`. A file that does not parse, a role " +
		"body with a field Elasticsearch rejects, an invalid role name, or a role defined twice is reported here; roles " +
		"Elasticsearch would not create are left out of the catalog.",
	Run: func(p *Pass) { p.reportAll(p.Settings.CatalogFindings) },
}
