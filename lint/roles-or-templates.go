package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var rolesOrTemplatesAnalyzer = parseAnalyzer(diag.RolesOrTemplates, diag.Error,
	"both, or neither, of non-empty roles/role_templates",
	"A mapping must grant roles through exactly one of a non-empty `roles` list or a non-empty `role_templates` list. "+
		"Elasticsearch's parser fails with `missing field [roles]` when both are absent, and PUT validation rejects "+
		"empty lists (`role-mapping roles or role-templates are missing`) and both at once "+
		"(`role-mapping cannot have both roles and role-templates`).")
