// Package esversion models the Elasticsearch versions whose role-mapping
// behaviour rolemap-lint reproduces, and the behaviour that changed between
// them (es-semantics §11).
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
// version with the new behaviour.
var (
	// ReadOnlyFlagSince: PUT rejects metadata `_read_only` with its own
	// message (PutRoleMappingRequest, elastic/elasticsearch#115509, 8.16).
	ReadOnlyFlagSince = Version{8, 16}
	// ReservedNameSuffixSince: PUT rejects names ending with
	// `-read-only-operator-mapping` (TransportPutRoleMappingAction, 8.16,
	// after elastic/elasticsearch#114205).
	ReservedNameSuffixSince = Version{8, 16}
	// OperatorReservedMetadataSince: operator file-settings mappings are
	// validated with validate(false) and may use `_` metadata keys
	// (ReservedRoleMappingAction, 8.16, with cluster-state role mappings).
	OperatorReservedMetadataSince = Version{8, 16}
	// Lucene10Since: Elasticsearch 9 ships Lucene 10, whose RegExp no longer
	// enables the `~` complement operator by default.
	Lucene10Since = Version{9, 0}
)

// ReadOnlyFlagMessage reports whether PUT gives `_read_only` its own message.
func (v Version) ReadOnlyFlagMessage() bool { return v.AtLeast(ReadOnlyFlagSince) }

// ReservesNameSuffix reports whether PUT rejects the read-only name suffix.
func (v Version) ReservesNameSuffix() bool { return v.AtLeast(ReservedNameSuffixSince) }

// OperatorAllowsReservedMetadata reports whether operator file settings may
// use `_` metadata keys.
func (v Version) OperatorAllowsReservedMetadata() bool {
	return v.AtLeast(OperatorReservedMetadataSince)
}

// Lucene10 reports whether the version ships Lucene 10.
func (v Version) Lucene10() bool { return v.AtLeast(Lucene10Since) }
