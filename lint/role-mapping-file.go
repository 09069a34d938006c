package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var roleMappingFileAnalyzer = parseAnalyzer("role-mapping-file", diag.Error,
	"role_mapping.yml: comma-split scalars, wildcards, invalid DNs, unreadable YAML",
	"Elasticsearch reads `role_mapping.yml` (LDAP, Active Directory and PKI realms) as settings: each key is a role, "+
		"each value a list of DNs compared by exact normalized equality. A scalar value is split on commas (so "+
		"`superuser: \"cn=admins,dc=example,dc=com\"` maps three one-RDN DNs), wildcards and regexes are never supported, "+
		"role names with dots are lost, and an invalid DN is skipped at runtime but stops the node at startup when the "+
		"realm sets `files.role_mapping` explicitly. A file Elasticsearch cannot read maps nothing.")
