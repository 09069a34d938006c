package lint

// Example is a small repository that makes one check fire, and its fix.
// docs/checks.md shows it with the output of `rolemap-lint lint` on it.
type Example struct {
	// Files maps slash-separated paths, relative to the repository root,
	// to their contents: mapping files and, when the check needs them, a
	// .rolemap-lint.yaml, roles files, elasticsearch.yml, role_mapping.yml
	// or fixture files.
	Files map[string]string
	// Args are the PATHs given to `rolemap-lint lint`, run in the
	// repository root (none: the root itself).
	Args []string
	// Fix explains, in Markdown, how to fix the problem.
	Fix string
	// Fixed holds the files the fix changes (or adds), with their fixed
	// contents; the fixed repository is Files with these replaced. The
	// check must not fire on it.
	Fixed map[string]string
	// Renamed maps the old path of each file the fix renames to its new
	// path (applied before Fixed).
	Renamed map[string]string
	// Deleted lists the files the fix deletes (applied after Renamed).
	Deleted []string
}

// FixedFiles returns the fixed repository: Files with Renamed, Deleted
// and Fixed applied.
func (e Example) FixedFiles() map[string]string {
	out := make(map[string]string, len(e.Files)+len(e.Fixed))
	for name, content := range e.Files {
		out[name] = content
	}
	for old, name := range e.Renamed {
		out[name] = out[old]
		delete(out, old)
	}
	for _, name := range e.Deleted {
		delete(out, name)
	}
	for name, content := range e.Fixed {
		out[name] = content
	}
	return out
}

// Examples returns the example of every documented check, keyed by check
// id: a small repository that makes the check fire, and its fix.
func Examples() map[string]Example {
	return map[string]Example{
		"syntax": {
			Files: map[string]string{"mappings/ldap-kibana-admins.json": `{
  "enabled": true,
  "roles": ["kibana_admin"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": {
          "groups": "cn=kibana-admins,ou=groups,dc=example,dc=com",
          "groups": "cn=ops,ou=groups,dc=example,dc=com"
      } }
    ]
  }
}
`},
			Fix: "A key may appear once per object. A `field` rule tests one field; to require two groups, write one `field` rule " +
				"per group in the `all` (to accept either group, list both values in one rule: `\"groups\": [\"…\", \"…\"]`).",
			Fixed: map[string]string{"mappings/ldap-kibana-admins.json": `{
  "enabled": true,
  "roles": ["kibana_admin"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=kibana-admins,ou=groups,dc=example,dc=com" } },
      { "field": { "groups": "cn=ops,ou=groups,dc=example,dc=com" } }
    ]
  }
}
`},
		},
		"ambiguous-yaml": {
			Files: map[string]string{"mappings/saml-oslo-office.yaml": `# Kibana access for the Oslo office.
enabled: yes
roles: [viewer]
rules:
  all:
    - field: {realm.name: saml1}
    - field: {metadata.country: NO}
`},
			Fix: "Write `true` for `enabled`, and quote `NO`, so that every YAML reader reads the same: Elasticsearch's own YAML " +
				"reader (YAML 1.1) reads the unquoted `NO` as the boolean `false`, and the rule then never matches the Oslo office's " +
				"users; a YAML 1.2 converter reads `yes` as a string, which Elasticsearch rejects for `enabled`.",
			Fixed: map[string]string{"mappings/saml-oslo-office.yaml": `# Kibana access for the Oslo office.
enabled: true
roles: [viewer]
rules:
  all:
    - field: {realm.name: saml1}
    - field: {metadata.country: "NO"}
`},
		},
		"schema": {
			Files: map[string]string{"mappings/support-run-as.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "run_as": ["support-bot"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "support" } }
    ]
  }
}
`},
			Fix: "Delete `run_as`: a role mapping only grants roles. To let the support team impersonate `support-bot`, grant a role " +
				"whose `run_as` privilege lists it (`PUT /_security/role/support_run_as {\"run_as\": [\"support-bot\"]}`) and map that role.",
			Fixed: map[string]string{"mappings/support-run-as.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "support" } }
    ]
  }
}
`},
		},
		"roles-or-templates": {
			Files: map[string]string{"mappings/saml-users.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "role_templates": [
    { "template": { "source": "team_{{metadata.team}}" }, "format": "string" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
			Fix: "Split it into two mappings: one grants the fixed roles, the other the templated ones (a user matching both gets the " +
				"union).",
			Fixed: map[string]string{
				"mappings/saml-users.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": { "field": { "realm.name": "saml1" } }
}
`,
				"mappings/saml-team-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "team_{{metadata.team}}" }, "format": "string" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
		},
		"reserved-metadata-key": {
			Files: map[string]string{"mappings/saml-viewers.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": { "field": { "realm.name": "saml1" } },
  "metadata": { "_owner": "team-observability", "ticket": "OPS-1234" }
}
`},
			Fix: "Rename the key without the leading underscore.",
			Fixed: map[string]string{"mappings/saml-viewers.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": { "field": { "realm.name": "saml1" } },
  "metadata": { "owner": "team-observability", "ticket": "OPS-1234" }
}
`},
		},
		"rule-syntax": {
			Files: map[string]string{"mappings/ldap-employees.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "except": { "field": { "groups": "cn=contractors,ou=groups,dc=example,dc=com" } }
  }
}
`},
			Fix: "`except` is only allowed as an element of an `all` array: say whom the mapping is for, then whom to leave out.",
			Fixed: map[string]string{"mappings/ldap-employees.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "except": { "field": { "groups": "cn=contractors,ou=groups,dc=example,dc=com" } } }
    ]
  }
}
`},
		},
		"invalid-pattern": {
			Files: map[string]string{"mappings/ldap-service-accounts.json": `{
  "enabled": true,
  "roles": ["monitoring_user"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "username": "/svc-.*" } }
    ]
  }
}
`},
			Fix: "Close the regular expression with `/` (`\"/svc-.*/\"`), or, simpler, write the wildcard `\"svc-*\"`.",
			Fixed: map[string]string{"mappings/ldap-service-accounts.json": `{
  "enabled": true,
  "roles": ["monitoring_user"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "username": "svc-*" } }
    ]
  }
}
`},
		},
		"invalid-template": {
			Files: map[string]string{"mappings/saml-team-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "team_{{metadata.team}}" }, "format": "text" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
			Fix: "`format` is `string` (the rendered text is one role name, the default) or `json` (the rendered text is a JSON string " +
				"or array of role names).",
			Fixed: map[string]string{"mappings/saml-team-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "team_{{metadata.team}}" }, "format": "string" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
		},
		"duplicate-name": {
			Files: map[string]string{
				"mappings/ldap.json": `{
  "admins": {
    "enabled": true,
    "roles": ["superuser"],
    "rules": {
      "all": [
        { "field": { "realm.name": "ldap1" } },
        { "field": { "groups": "cn=es-admins,ou=groups,dc=example,dc=com" } }
      ]
    }
  }
}
`,
				"mappings/saml.json": `{
  "admins": {
    "enabled": true,
    "roles": ["superuser"],
    "rules": {
      "all": [
        { "field": { "realm.name": "saml1" } },
        { "field": { "groups": "es-admins" } }
      ]
    }
  }
}
`},
			Fix: "Give every mapping its own name, for example after the realm it serves.",
			Fixed: map[string]string{
				"mappings/ldap.json": `{
  "ldap-admins": {
    "enabled": true,
    "roles": ["superuser"],
    "rules": {
      "all": [
        { "field": { "realm.name": "ldap1" } },
        { "field": { "groups": "cn=es-admins,ou=groups,dc=example,dc=com" } }
      ]
    }
  }
}
`,
				"mappings/saml.json": `{
  "saml-admins": {
    "enabled": true,
    "roles": ["superuser"],
    "rules": {
      "all": [
        { "field": { "realm.name": "saml1" } },
        { "field": { "groups": "es-admins" } }
      ]
    }
  }
}
`},
		},
		"reserved-name": {
			Files: map[string]string{"mappings/dump.json": `{
  "saml-viewers": {
    "enabled": true,
    "roles": ["viewer"],
    "rules": { "field": { "realm.name": "saml1" } }
  },
  "ldap-monitoring-read-only-operator-mapping": {
    "enabled": true,
    "roles": ["monitoring_user"],
    "rules": { "field": { "realm.name": "ldap1" } }
  }
}
`},
			Fix: "The entry is an operator mapping as `GET /_security/role_mapping` shows it. It is managed in the operator file " +
				"settings (`state.role_mappings`), not through the API: remove it from the dump.",
			Fixed: map[string]string{"mappings/dump.json": `{
  "saml-viewers": {
    "enabled": true,
    "roles": ["viewer"],
    "rules": { "field": { "realm.name": "saml1" } }
  }
}
`},
		},
		"tolerated-form": {
			Files: map[string]string{"mappings/saml-viewers.yaml": `enabled: true
roles: viewer
rules:
  field: {realm.name: saml1}
`},
			Fix: "Write the canonical form, as `GET /_security/role_mapping` returns it: `roles` is a list.",
			Fixed: map[string]string{"mappings/saml-viewers.yaml": `enabled: true
roles: [viewer]
rules:
  field: {realm.name: saml1}
`},
		},
		"role-mapping-file": {
			Files: map[string]string{"config/role_mapping.yml": `# DN role mappings of the ldap1 realm.
superuser: "cn=es-admins,ou=groups,dc=example,dc=com"
monitoring_user:
  - "cn=ops,ou=groups,dc=example,dc=com"
`},
			Fix: "Write every role's DNs as a YAML list, even a single one.",
			Fixed: map[string]string{"config/role_mapping.yml": `# DN role mappings of the ldap1 realm.
superuser:
  - "cn=es-admins,ou=groups,dc=example,dc=com"
monitoring_user:
  - "cn=ops,ou=groups,dc=example,dc=com"
`},
		},
		"fixture-name": {
			Files: map[string]string{
				"mappings/saml-viewers.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": { "field": { "realm.name": "saml1" } }
}
`,
				"tests/access.yaml": `tests:
  - name: SAML users can view dashboards
    user: {username: alice, realm: {name: saml1, type: saml}}
    roles: [viewer]
`},
			Fix:     "Name the file `*_test.yaml` (or `*_test.yml`, `*_test.json`): only such files are run as fixtures.",
			Renamed: map[string]string{"tests/access.yaml": "tests/access_test.yaml"},
		},
		"unrecognized-file": {
			Files: map[string]string{
				".rolemap-lint.yaml": `mappings: ["mappings/**"]
`,
				"mappings/ldap-logs.json": `{
  "enabled": true,
  "roles": ["logs_reader"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=developers,ou=groups,dc=example,dc=com" } }
    ]
  }
}
`,
				"mappings/logs_reader.json": `{
  "cluster": ["monitor"],
  "indices": [
    { "names": ["logs-*"], "privileges": ["read", "view_index_metadata"] }
  ]
}
`},
			Fix: "The file is a role (a `PUT /_security/role` body), not a role mapping. Declare it in `.rolemap-lint.yaml` as a " +
				"roles file: rolemap-lint then reads it as a role definition (never as a mapping), and checks that the mappings' roles exist.",
			Fixed: map[string]string{".rolemap-lint.yaml": `mappings: ["mappings/**"]
roles:
  builtin: true
  files: ["mappings/logs_reader.json"]
`},
		},
		"unknown-field": {
			Files: map[string]string{"mappings/ldap-oncall.json": `{
  "enabled": true,
  "roles": ["editor"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "userid": ["jdoe", "asmith"] } }
    ]
  }
}
`},
			Fix: "Use the user model's field: the login name is `username`.",
			Fixed: map[string]string{"mappings/ldap-oncall.json": `{
  "enabled": true,
  "roles": ["editor"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "username": ["jdoe", "asmith"] } }
    ]
  }
}
`},
		},
		"type-mismatch": {
			Files: map[string]string{"mappings/ldap-badge-users.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "username": 10042 } }
    ]
  }
}
`},
			Fix: "Quote the value: user names are strings, even when they are numbers.",
			Fixed: map[string]string{"mappings/ldap-badge-users.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "username": "10042" } }
    ]
  }
}
`},
		},
		"empty-any-all": {
			Files: map[string]string{"mappings/saml-editors.json": `{
  "enabled": true,
  "roles": ["editor"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "any": [] }
    ]
  }
}
`},
			Fix: "Fill in the alternatives (or, if there are none, remove the `any`).",
			Fixed: map[string]string{"mappings/saml-editors.json": `{
  "enabled": true,
  "roles": ["editor"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "any": [
          { "field": { "groups": "analysts" } },
          { "field": { "groups": "data-engineers" } }
      ] }
    ]
  }
}
`},
		},
		"doc-inversion": {
			Files: map[string]string{"mappings/ldap-active-staff.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "except": { "field": { "metadata.terminated_date": null } } }
    ]
  }
}
`},
			Fix: "To select users who do not have a `terminated_date`, test the field for `null` directly.",
			Fixed: map[string]string{"mappings/ldap-active-staff.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "metadata.terminated_date": null } }
    ]
  }
}
`},
		},
		"stored-template": {
			Files: map[string]string{"mappings/saml-group-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "id": "saml-group-roles" }, "format": "json" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
			Fix: "Inline the script's source, so that it is reviewed, checked and tested with the mapping (or accept the finding: " +
				"it is `info`).",
			Fixed: map[string]string{"mappings/saml-group-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "[\"saml_{{username}}\"]" }, "format": "json" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
		},
		"scripting-disabled": {
			Files: map[string]string{
				".rolemap-lint.yaml": `elasticsearch_yml: config/elasticsearch.yml
`,
				"config/elasticsearch.yml": `cluster.name: logging-prod
script.allowed_contexts: [search, update]
`,
				"mappings/saml-user-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "_user_{{username}}" } }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
			Fix: "Allow the `template` context (role templates run there), or replace the templates with fixed `roles`.",
			Fixed: map[string]string{"config/elasticsearch.yml": `cluster.name: logging-prod
script.allowed_contexts: [search, update, template]
`},
		},
		"dn-syntax": {
			Files: map[string]string{"mappings/ldap-admins.json": `{
  "enabled": true,
  "roles": ["kibana_admin"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=kibana-admins,ou=groups,dc=example,dccom" } }
    ]
  }
}
`},
			Fix: "Fix the DN: every RDN is `attribute=value`.",
			Fixed: map[string]string{"mappings/ldap-admins.json": `{
  "enabled": true,
  "roles": ["kibana_admin"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=kibana-admins,ou=groups,dc=example,dc=com" } }
    ]
  }
}
`},
		},
		"dn-pattern-case": {
			Files: map[string]string{"mappings/ldap-service-accounts.json": `{
  "enabled": true,
  "roles": ["monitoring_user"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "dn": "CN=svc-*,OU=Service Accounts,DC=example,DC=com" } }
    ]
  }
}
`},
			Fix: "Write the pattern in lower case: Elasticsearch also tries the user's DN normalized to lower case, so a lower-case " +
				"pattern matches however the directory spells it.",
			Fixed: map[string]string{"mappings/ldap-service-accounts.json": `{
  "enabled": true,
  "roles": ["monitoring_user"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "dn": "cn=svc-*,ou=service accounts,dc=example,dc=com" } }
    ]
  }
}
`},
		},
		"literal-looks-like-pattern": {
			Files: map[string]string{"mappings/oidc-staff.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "oidc1" } },
      { "field": { "username": "/.*@example\\.com/" } }
    ]
  }
}
`},
			Fix: "Escape the at-sign (`\"/.*\\\\@example\\\\.com/\"`), or use the simpler wildcard `\"*@example.com\"`.",
			Fixed: map[string]string{"mappings/oidc-staff.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "oidc1" } },
      { "field": { "username": "*@example.com" } }
    ]
  }
}
`},
		},
		"unused-ignore": {
			Files: map[string]string{
				".rolemap-lint.yaml": `es_version: "9.1"
ignore:
  - check: unknown-field
    path: "mappings/legacy-*.json"
    reason: "legacy mappings test userid until the LDAP migration (OPS-812)"
`,
				"mappings/legacy-ldap.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "username": ["jdoe", "asmith"] } }
    ]
  }
}
`},
			Fix: "The migration is done and the mapping tests `username`: delete the entry.",
			Fixed: map[string]string{".rolemap-lint.yaml": `es_version: "9.1"
`},
		},
		"match-all": {
			Files: map[string]string{"mappings/everyone-edits.json": `{
  "enabled": true,
  "roles": ["editor"],
  "rules": { "field": { "username": "*" } }
}
`},
			Fix: "Say who the mapping is for: the realm, and the group that should have the role.",
			Fixed: map[string]string{"mappings/everyone-edits.json": `{
  "enabled": true,
  "roles": ["editor"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "editors" } }
    ]
  }
}
`},
		},
		"never-matches": {
			Files: map[string]string{"mappings/analysts.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "analysts" } }
    ]
  }
}
`},
			Fix: "A user comes from one realm. To accept users of either realm, list both realms in one rule (a list of values " +
				"matches any of them).",
			Fixed: map[string]string{"mappings/analysts.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": ["ldap1", "saml1"] } },
      { "field": { "groups": "analysts" } }
    ]
  }
}
`},
		},
		"redundant-mapping": {
			Files: map[string]string{
				"mappings/kibana-admins.json": `{
  "enabled": true,
  "roles": ["kibana_admin", "monitoring_user"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=kibana-admins,ou=groups,dc=example,dc=com" } }
    ]
  }
}
`,
				"mappings/ldap1-kibana-admins.json": `{
  "enabled": true,
  "roles": ["kibana_admin"],
  "rules": {
    "all": [
      { "field": { "groups": "cn=kibana-admins,ou=groups,dc=example,dc=com" } },
      { "field": { "realm.name": "ldap1" } },
      { "field": { "username": "*" } }
    ]
  }
}
`},
			Fix: "Every user the second mapping matches is matched by the first, which grants `kibana_admin` too: the second " +
				"mapping changes nobody's roles. Delete it (or, if it was meant to grant more, give it the role it was meant to " +
				"add).",
			Deleted: []string{"mappings/ldap1-kibana-admins.json"},
		},
		"budget": {
			Files: map[string]string{
				".rolemap-lint.yaml": "limits:\n  analysis_states: 10\n",
				"mappings/service-accounts.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "username": "/svc-[a-z]+-[0-9]{2,4}/" } },
      { "except": { "field": { "username": "/.*-(test|tmp)-.*/" } } }
    ]
  }
}
`},
			Fix: "The analysis needed more automaton states than `limits.analysis_states` allows for one question (the " +
				"limit is set very low here to show the finding). Raise the setting the message names, or remove it to get " +
				"the default, which ordinary mappings never reach; a rule that still needs more is usually worth simplifying.",
			Fixed: map[string]string{".rolemap-lint.yaml": "limits:\n  analysis_states: 1000000\n"},
		},
		"fixture": {
			Files: map[string]string{
				"mappings/saml-viewers.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": { "field": { "realm.name": "saml1" } }
}
`,
				"tests/access_test.yaml": `tests:
  - name: SAML users can view dashboards
    user: {username: alice, realm: {name: saml1, type: saml}}
    rolse: [viewer]
`},
			Fix: "Spell the expectation `roles` (the exact roles), or use `includes`/`excludes`.",
			Fixed: map[string]string{"tests/access_test.yaml": `tests:
  - name: SAML users can view dashboards
    user: {username: alice, realm: {name: saml1, type: saml}}
    roles: [viewer]
`},
		},
		"unknown-role": {
			Files: map[string]string{
				".rolemap-lint.yaml": `roles:
  builtin: true
  names: [logs_reader, metrics_reader]
`,
				"mappings/ldap-developers.json": `{
  "enabled": true,
  "roles": ["logs_raeder"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=developers,ou=groups,dc=example,dc=com" } }
    ]
  }
}
`},
			Fix: "Fix the role name (or, if the role is new, add it to `roles.names` or to a file of `roles.files`).",
			Fixed: map[string]string{"mappings/ldap-developers.json": `{
  "enabled": true,
  "roles": ["logs_reader"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=developers,ou=groups,dc=example,dc=com" } }
    ]
  }
}
`},
		},
		"removed-role": {
			Files: map[string]string{"mappings/saml-kibana.json": `{
  "enabled": true,
  "roles": ["kibana_user"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "kibana-users" } }
    ]
  }
}
`},
			Fix: "Map the replacement role.",
			Fixed: map[string]string{"mappings/saml-kibana.json": `{
  "enabled": true,
  "roles": ["kibana_admin"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "kibana-users" } }
    ]
  }
}
`},
		},
		"privileged-broad-grant": {
			Files: map[string]string{"mappings/es-admins.json": `{
  "enabled": true,
  "roles": ["superuser"],
  "rules": { "field": { "groups": "es-admins" } }
}
`},
			Fix: "Pin the realm whose `es-admins` group you trust.",
			Fixed: map[string]string{"mappings/es-admins.json": `{
  "enabled": true,
  "roles": ["superuser"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "es-admins" } }
    ]
  }
}
`},
		},
		"roles-file": {
			Files: map[string]string{
				".rolemap-lint.yaml": `roles:
  builtin: true
  files: ["roles/*.yml"]
`,
				"roles/logs.yml": `logs_reader:
  cluster: [monitor]
  indicies:
    - names: ["logs-*"]
      privileges: [read, view_index_metadata]
`,
				"mappings/ldap-developers.json": `{
  "enabled": true,
  "roles": ["logs_reader"],
  "rules": {
    "all": [
      { "field": { "realm.name": "ldap1" } },
      { "field": { "groups": "cn=developers,ou=groups,dc=example,dc=com" } }
    ]
  }
}
`},
			Fix: "Fix the field name: index privileges are listed under `indices`.",
			Fixed: map[string]string{"roles/logs.yml": `logs_reader:
  cluster: [monitor]
  indices:
    - names: ["logs-*"]
      privileges: [read, view_index_metadata]
`},
		},
		"config": {
			Files: map[string]string{
				".rolemap-lint.yaml": `elasticsearch_yml: config/elasticsearch.yml
`,
				"config/elasticsearch.yml": `xpack.security.authc.realms:
  saml.saml1:
    order: 1
    idp.metadata.path: saml/idp-metadata.xml
    idp.entity_id: "https://sso.example.com/"
    sp.entity_id: "https://kibana.example.com/"
    sp.acs: "https://kibana.example.com/api/security/saml/callback"
    attributes.principal: nameid
    attributes.groups: groups
  oidc.oidc1:
    order: 1
    rp.client_id: kibana
    rp.response_type: code
    rp.redirect_uri: "https://kibana.example.com/api/security/oidc/callback"
    op.issuer: "https://login.example.com"
    op.authorization_endpoint: "https://login.example.com/authorize"
    op.token_endpoint: "https://login.example.com/token"
    op.jwkset_path: oidc/jwkset.json
    claims.principal: sub
`,
				"mappings/saml-viewers.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
			Fix: "Give every enabled realm its own `order`.",
			Fixed: map[string]string{"config/elasticsearch.yml": `xpack.security.authc.realms:
  saml.saml1:
    order: 1
    idp.metadata.path: saml/idp-metadata.xml
    idp.entity_id: "https://sso.example.com/"
    sp.entity_id: "https://kibana.example.com/"
    sp.acs: "https://kibana.example.com/api/security/saml/callback"
    attributes.principal: nameid
    attributes.groups: groups
  oidc.oidc1:
    order: 2
    rp.client_id: kibana
    rp.response_type: code
    rp.redirect_uri: "https://kibana.example.com/api/security/oidc/callback"
    op.issuer: "https://login.example.com"
    op.authorization_endpoint: "https://login.example.com/authorize"
    op.token_endpoint: "https://login.example.com/token"
    op.jwkset_path: oidc/jwkset.json
    claims.principal: sub
`},
		},
		"disabled-mapping": {
			Files: map[string]string{"mappings/dump.json": `{
  "saml-viewers": {
    "enabled": true,
    "roles": ["viewer"],
    "rules": { "field": { "realm.name": "saml1" } }
  },
  "ldap-viewers-old": {
    "enabled": false,
    "roles": ["viewer"],
    "rules": { "field": { "realm.name": "ldap1" } }
  }
}
`},
			Fix: "If the mapping is no longer needed (here: the LDAP realm was retired), delete it; otherwise enable it.",
			Fixed: map[string]string{"mappings/dump.json": `{
  "saml-viewers": {
    "enabled": true,
    "roles": ["viewer"],
    "rules": { "field": { "realm.name": "saml1" } }
  }
}
`},
		},
		"template-output": {
			Files: map[string]string{"mappings/saml-group-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "{\"roles\": {{#tojson}}groups{{/tojson}}}" }, "format": "json" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
			Fix: "A `json` template renders the roles themselves: a JSON string or an array of strings, not an object.",
			Fixed: map[string]string{"mappings/saml-group-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "[\"saml_{{username}}\"]" }, "format": "json" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
		},
		"template-role-injection": {
			Files: map[string]string{"mappings/saml-group-roles.json": `{
  "enabled": true,
  "role_templates": [
    { "template": { "source": "{{#tojson}}groups{{/tojson}}" }, "format": "json" }
  ],
  "rules": { "field": { "realm.name": "saml1" } }
}
`},
			Fix: "Do not let the identity provider name roles. Map each group to its roles with a rule of its own, " +
				"or give template output a fixed prefix (`_group_{{username}}`) that no privileged role has.",
			Fixed: map[string]string{"mappings/saml-group-roles.json": `{
  "enabled": true,
  "roles": ["viewer"],
  "rules": {
    "all": [
      { "field": { "realm.name": "saml1" } },
      { "field": { "groups": "es-viewers" } }
    ]
  }
}
`},
		},
	}
}
