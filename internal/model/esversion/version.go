// Package esversion models the Elasticsearch versions whose role-mapping
// behaviour rolemap-lint reproduces, and the behaviour that changed between
// them (docs/elasticsearch-versions.md).
package esversion

import (
	"fmt"
	"strconv"
	"strings"
)

// Version is an Elasticsearch major.minor version.
type Version struct {
	Major, Minor int
}

// Newest is the newest behaviour modelled, used when no es_version is configured.
var Newest = Version{9, 2}

// Oldest is the oldest version whose behaviour is modelled (role templates
// and the current rule DSL exist since 7.2).
var Oldest = Version{7, 2}

// Parse reads "8", "8.15" or "8.15.2" (the patch level is ignored).
func Parse(s string) (Version, error) {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) == 0 || len(parts) > 3 || parts[0] == "" {
		return Version{}, fmt.Errorf("invalid Elasticsearch version %q (want MAJOR.MINOR, e.g. \"8.15\")", s)
	}
	var nums [2]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 1000 {
			return Version{}, fmt.Errorf("invalid Elasticsearch version %q (want MAJOR.MINOR, e.g. \"8.15\")", s)
		}
		if i < 2 {
			nums[i] = n
		}
	}
	v := Version{nums[0], nums[1]}
	if v.Less(Oldest) {
		return Version{}, fmt.Errorf("Elasticsearch version %s is not supported: role templates and the modelled rule DSL need %s or later", v, Oldest)
	}
	return v, nil
}

// String renders "major.minor".
func (v Version) String() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// Less reports whether v is older than w.
func (v Version) Less(w Version) bool {
	if v.Major != w.Major {
		return v.Major < w.Major
	}
	return v.Minor < w.Minor
}

// AtLeast reports whether v is w or newer.
func (v Version) AtLeast(w Version) bool { return !v.Less(w) }

// Behaviour that changed across versions. Each threshold is the first
// version with the new behaviour; Changes lists them with their sources, and
// docs/elasticsearch-versions.md is generated from that table.
var (
	// FileSettingsRoleMappingsSince: operator file settings (state.role_mappings)
	// accept role mappings (ReservedRoleMappingAction, elastic/elasticsearch#89667,
	// 8.5.0 release notes). Earlier versions have no such handler.
	FileSettingsRoleMappingsSince = Version{8, 5}
	// OperatorReservedMetadataSince: operator file-settings mappings are
	// validated with validate(false) and may use `_` metadata keys from the
	// first release that has them (ReservedRoleMappingAction: "File based
	// defined role mappings are allowed to use MetadataUtils.RESERVED_PREFIX",
	// elastic/elasticsearch#89667, 8.5.0).
	OperatorReservedMetadataSince = FileSettingsRoleMappingsSince
	// OperatorTemplatesUnvalidatedSince: operator file-settings mappings are
	// stored in the cluster state by ReservedRoleMappingAction instead of
	// through NativeRoleMappingStore.putRoleMapping, so their role templates
	// are no longer compiled when the file is applied
	// (elastic/elasticsearch#107886, 8.15.0 release notes).
	OperatorTemplatesUnvalidatedSince = Version{8, 15}
	// ReadOnlyFlagSince: PUT rejects metadata `_read_only` with its own
	// message (PutRoleMappingRequest, elastic/elasticsearch#115951, backported
	// to 8.16 as #115963).
	ReadOnlyFlagSince = Version{8, 16}
	// ReservedNameSuffixSince: PUT rejects names ending with
	// `-read-only-operator-mapping` (TransportPutRoleMappingAction,
	// elastic/elasticsearch#114951, 8.16.0 release notes).
	ReservedNameSuffixSince = Version{8, 16}
	// Lucene10Since: Elasticsearch 9 ships Lucene 10, whose RegExp builds an
	// NFA and leaves determinization to Elasticsearch (see LuceneReleases).
	Lucene10Since = Version{9, 0}
	// RealmSettingsByTypeSince: realm settings are keyed
	// realms.<type>.<name>.* (the 6.x layout realms.<name>.type is gone).
	RealmSettingsByTypeSince = Version{7, 0}
	// RealmOrderDeprecatedSince: an enabled realm without an order, or two
	// realms with the same order, are deprecated.
	RealmOrderDeprecatedSince = Version{7, 7}
	// RealmOrderRequiredSince: such realm settings stop the node.
	RealmOrderRequiredSince = Version{8, 0}
)

// ReadOnlyFlagMessage reports whether PUT gives `_read_only` its own message.
func (v Version) ReadOnlyFlagMessage() bool { return v.AtLeast(ReadOnlyFlagSince) }

// ReservesNameSuffix reports whether PUT rejects the read-only name suffix.
func (v Version) ReservesNameSuffix() bool { return v.AtLeast(ReservedNameSuffixSince) }

// HasFileSettingsRoleMappings reports whether operator file settings can
// hold role mappings at all.
func (v Version) HasFileSettingsRoleMappings() bool {
	return v.AtLeast(FileSettingsRoleMappingsSince)
}

// OperatorAllowsReservedMetadata reports whether operator file settings may
// use `_` metadata keys.
func (v Version) OperatorAllowsReservedMetadata() bool {
	return v.AtLeast(OperatorReservedMetadataSince)
}

// OperatorValidatesTemplates reports whether applying operator file
// settings compiles the mappings' role templates (as PUT does).
func (v Version) OperatorValidatesTemplates() bool {
	return v.HasFileSettingsRoleMappings() && v.Less(OperatorTemplatesUnvalidatedSince)
}

// Lucene10 reports whether the version ships Lucene 10.
func (v Version) Lucene10() bool { return v.AtLeast(Lucene10Since) }
