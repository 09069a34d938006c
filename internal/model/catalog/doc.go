// Package catalog knows which role names exist and which of them are
// dangerous to hand out: Elasticsearch's built-in (reserved) roles per
// version, the role names the configuration lists, and the roles defined in
// roles.yml files, PUT /_security/role bodies and GET /_security/role dumps.
//
// # Built-in roles
//
// The built-in table (builtin_table.go) was written by hand from the
// Elasticsearch source (ReservedRolesStore.java at several commits, the
// pull requests that added, deprecated and removed roles, and the
// built-in-roles documentation); every entry names its sources. Builtin
// returns the roles of one version. A role is privileged when it grants the
// cluster privilege "all" or "manage_security" (docs/checks.md, privileged-broad-grant): among the
// built-ins only superuser does. Roles meant for Elastic's own system users
// (kibana_system, logstash_system, beats_system, apm_system,
// remote_monitoring_collector, ...) are flagged Internal: mapping end users
// to them is suspicious.
//
// # Roles files
//
// ReadRolesFile parses a roles file and LoadRolesFile interprets documents
// already parsed by package loader. A YAML file holding role name → body
// pairs is read the way Elasticsearch's FileRolesStore reads roles.yml: the
// file is cut into one segment per role (a line that is neither blank, nor
// a comment in the first column, nor indented starts a new role) and every
// segment is parsed on its own, so one broken role does not hide the others,
// a role defined twice takes its later definition, and a role Elasticsearch
// would skip (invalid name, body not an object, unknown field, a YAML error
// inside it) is reported and left out. A JSON or YAML object whose members
// are role descriptor fields is a single PUT /_security/role body named
// after the file; any other object is a collection of name → body (a GET
// /_security/role dump).
//
// A file role is privileged when its cluster privileges include "all" or
// "manage_security" (names are case-insensitive, as ClusterPrivilegeResolver
// lower-cases them), or a cluster action pattern that covers putting a
// role, a user or a role mapping (ways to grant oneself anything), and also
// when its run_as patterns match the reserved superuser "elastic": such a
// role can impersonate a superuser, which is as dangerous as holding
// superuser itself. run_as patterns that reach only ordinary users do not
// make a role privileged.
//
// Findings use the check id "roles-file".
package catalog

// CheckRolesFile is the check id of every roles-file finding.
const CheckRolesFile = "roles-file"
