// Package rolemapfile reads role_mapping.yml, the DN role mapping file of
// Elasticsearch's ldap, active_directory and pki realms, exactly as
// Elasticsearch's DnRoleMapper reads it, and resolves a user's roles from it.
//
// # How Elasticsearch reads the file
//
// DnRoleMapper.parseFile loads the file with Settings.builder().loadFromPath:
// the YAML is flattened into settings (nested mappings become dotted keys,
// lists stay lists of strings, scalars become strings; YAML 1.1 booleans read
// as "true"/"false"; aliases are not expanded and read as their name). Each
// first-level name of those settings (Settings.names(), the part of a key
// before its first dot) is a role; its DNs are Settings.getAsList(role):
//
//   - a YAML list is used as written, element by element;
//   - a scalar is split on commas and each part trimmed, so
//     `superuser: "cn=admins,dc=example,dc=com"` becomes the three one-RDN DNs
//     cn=admins, dc=example and dc=com — always write a YAML list;
//   - a key containing a dot (`kibana.admin: [...]`), or a role whose value
//     is a mapping, is a dotted setting that getAsList never reads: its DNs
//     are lost.
//
// Every DN string is parsed with UnboundID's DN parser (package dn) and the
// mapping is keyed by the normalized DN; roles of equal DNs are merged. An
// invalid DN is skipped (logged at ERROR) when the file is read leniently —
// always at runtime — but fails node startup when the realm sets
// files.role_mapping explicitly: the RoleMappingFileBootstrapCheck parses the
// file strictly and is always enforced. A file Elasticsearch cannot read
// (bad YAML, duplicate keys, null values, a second document, a name not
// ending in .yml, .yaml or .json) yields no mappings at all at runtime and
// fails the bootstrap check. A missing file maps nothing (strict: startup
// fails). An empty file is zero mappings, which is valid.
//
// There are no patterns in this file: DNs are compared by normalized
// equality only.
//
// # Resolution
//
// DnRoleMapper.resolveRoles parses each of the user's groups as a DN (an
// invalid one fails the whole resolution with "invalid DN [...]"), adds the
// roles mapped to its normalized form or, when unmapped_groups_as_roles is
// set and the group is not mapped, the raw value of its first RDN
// (LdapUtils.relativeName), and finally adds the roles mapped to the user's
// own DN.
//
// # Findings
//
// Parse reports every problem as a diag.Diagnostic of the check
// "role-mapping-file" with the exact span of the offending key or value.
//
// Files named *.json are read by Elasticsearch with its JSON parser; this
// package reads them with the YAML settings loader, which agrees for every
// JSON document without comments.
package rolemapfile
