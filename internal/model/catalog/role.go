package catalog

import (
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// Role is one role the catalog knows: a built-in role, a name listed in the
// configuration, or a role defined in a roles file.
type Role struct {
	// Name is the role name, case-sensitive as in Elasticsearch.
	Name string
	// Builtin says the role is one of Elasticsearch's reserved roles.
	Builtin bool
	// Privileged says the role grants the cluster privilege "all" or
	// "manage_security" (or, for file roles, can run as the reserved
	// superuser); see Privileges for the details.
	Privileged bool
	// Internal says the role exists for one of Elastic's own system users
	// or service accounts (kibana_system, beats_system, ...): assigning it
	// to end users is suspicious.
	Internal bool
	// Added is the first version with the role, nil when it already existed
	// in the oldest modelled version (7.2).
	Added *esversion.Version
	// Deprecated is the version that deprecated the role, if any.
	Deprecated *esversion.Version
	// Removed is the first version without the role, if any.
	Removed *esversion.Version
	// Replacement names the Elasticsearch role(s) to use instead of a
	// deprecated or removed role ("" when there is none).
	Replacement string
	// Advice says what to do instead when no role replaces it ("use
	// Kibana feature privileges").
	Advice string
	// Privileges summarizes what the role grants.
	Privileges Privileges
	// Span is where a file role is defined (its name, or the start of a
	// PUT body); empty for built-in and configured names.
	Span source.Span
	// Source says where the role comes from: "built-in", "config
	// roles.names" or the path of the roles file.
	Source string
}

// Privileges summarizes the security-relevant privileges of a role.
type Privileges struct {
	// Cluster lists the cluster privileges (names and action patterns) as
	// written; for built-in roles the named privileges of the newest
	// definition read (action names are left out).
	Cluster []string
	// ClusterAll is the cluster privilege "all".
	ClusterAll bool
	// ManageSecurity is the cluster privilege "manage_security", or a
	// cluster action pattern that covers the put-role action.
	ManageSecurity bool
	// SecurityAdmin lists other security-administration cluster privileges
	// the role holds (manage_api_key, manage_own_api_key, grant_api_key,
	// manage_service_account, manage_token, ...). They do not make a role
	// privileged in the sense of privileged-broad-grant but are worth knowing.
	SecurityAdmin []string
	// RunAs lists the run_as patterns as written.
	RunAs []string
	// RunAsSuperuser says a run_as pattern matches the reserved superuser
	// "elastic" (for example "*"): the role can impersonate a superuser.
	RunAsSuperuser bool
	// IndexAllOnAll is the index privilege "all" granted on "*".
	IndexAllOnAll bool
}

// privileged applies the definition of privileged-broad-grant: cluster "all" or
// "manage_security"; for file roles also run_as reaching the superuser.
func (p Privileges) privileged() bool {
	return p.ClusterAll || p.ManageSecurity || p.RunAsSuperuser
}

// ExistsAt reports whether a built-in role exists in version v (deprecated
// roles exist). Roles that are not built-in always exist.
func (r Role) ExistsAt(v esversion.Version) bool {
	if r.Added != nil && v.Less(*r.Added) {
		return false
	}
	return !r.RemovedAt(v)
}

// RemovedAt reports whether the role has been removed at or before v.
func (r Role) RemovedAt(v esversion.Version) bool {
	return r.Removed != nil && v.AtLeast(*r.Removed)
}

// DeprecatedAt reports whether the role is deprecated (and not yet
// removed) in v.
func (r Role) DeprecatedAt(v esversion.Version) bool {
	return r.Deprecated != nil && v.AtLeast(*r.Deprecated) && !r.RemovedAt(v)
}
