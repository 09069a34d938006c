package catalog

import (
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// builtinEntry is one row of builtinTable.
type builtinEntry struct {
	name        string
	added       *esversion.Version // nil: present at 7.2
	deprecated  *esversion.Version
	removed     *esversion.Version
	replacement string // Elasticsearch role(s) to use instead
	advice      string // what to do when no role replaces it
	internal    bool   // a system user's or service account's role
	cluster     []string
	clusterAll  bool
	manageSec   bool
	runAsAll    bool
	// indexAllOnAll is the index privilege "all" on "*".
	indexAllOnAll bool
	securityAdmin []string
}

// ver returns a pointer to a version, for the table.
func ver(major, minor int) *esversion.Version {
	return &esversion.Version{Major: major, Minor: minor}
}

// builtinSource is the Source of every built-in role.
const builtinSource = "built-in"

// role converts a table row into a Role.
func (e builtinEntry) role() Role {
	p := Privileges{
		Cluster:        slices.Clone(e.cluster),
		ClusterAll:     e.clusterAll,
		ManageSecurity: e.manageSec,
		SecurityAdmin:  slices.Clone(e.securityAdmin),
		RunAsSuperuser: e.runAsAll,
		IndexAllOnAll:  e.indexAllOnAll,
	}
	if e.runAsAll {
		p.RunAs = []string{"*"}
	}
	return Role{
		Name:        e.name,
		Builtin:     true,
		Privileged:  p.privileged(),
		Internal:    e.internal,
		Added:       copyVersion(e.added),
		Deprecated:  copyVersion(e.deprecated),
		Removed:     copyVersion(e.removed),
		Replacement: e.replacement,
		Advice:      e.advice,
		Privileges:  p,
		Source:      builtinSource,
	}
}

// copyVersion keeps callers from changing the table through a pointer.
func copyVersion(v *esversion.Version) *esversion.Version {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}

// Builtin returns the built-in roles of version v, sorted by name: those
// that exist in v (deprecated ones included, with Deprecated set) plus those
// already removed in v, which carry Removed (Role.RemovedAt(v) is true).
// Roles added after v are left out.
func Builtin(v esversion.Version) []Role {
	out := make([]Role, 0, len(builtinTable))
	for _, e := range builtinTable {
		if e.added != nil && v.Less(*e.added) {
			continue
		}
		out = append(out, e.role())
	}
	return out
}
