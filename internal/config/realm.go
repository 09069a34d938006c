package config

import (
	"path/filepath"
	"sort"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// Origin says where a realm's definition came from.
type Origin uint8

// Realm origins.
const (
	// FromConfig realms are defined only in .rolemap-lint.yaml.
	FromConfig Origin = iota + 1
	// FromElasticsearchYML realms are defined only in elasticsearch.yml.
	FromElasticsearchYML
	// FromBoth realms are defined in both; the config's fields win.
	FromBoth
)

// String names the origin.
func (o Origin) String() string {
	switch o {
	case FromConfig:
		return "config"
	case FromElasticsearchYML:
		return "elasticsearch.yml"
	case FromBoth:
		return "config and elasticsearch.yml"
	}
	return "unknown"
}

// Realm is one authentication realm as far as role mapping cares.
type Realm struct {
	// Name is the realm name (the user's realm.name in rules).
	Name string
	// Type is the realm type (ldap, saml, ...; "custom" for a realm from a
	// security extension, or the type written in elasticsearch.yml).
	Type string
	// Order is xpack.security.authc.realms.<type>.<name>.order, when set.
	Order    int
	OrderSet bool
	// Enabled is the realm's enabled setting (default true).
	Enabled bool
	// RoleMappingFile is the absolute path of the realm's role_mapping.yml
	// for realm types that read one (ldap, active_directory, pki); "" when
	// the realm reads none, or when its location is unknown (a config-only
	// realm without role_mapping_file and no elasticsearch_yml): such a
	// realm is taken to read every DN role mapping file.
	RoleMappingFile string
	// RoleMappingFileExplicit is true when files.role_mapping is set
	// explicitly (in elasticsearch.yml, or role_mapping_file in the config).
	// Elasticsearch validates an explicit file strictly at startup (a bad DN
	// or a missing file stops the node); the default file is read leniently.
	RoleMappingFileExplicit bool
	// UnmappedGroupsAsRoles is the realm's unmapped_groups_as_roles setting.
	UnmappedGroupsAsRoles bool
	// AuthorizationRealms is the realm's authorization_realms setting
	// (delegated authorization, from elasticsearch.yml). When it is set,
	// Elasticsearch takes the user's roles from those lookup realms and
	// applies no role mapping to this realm's users.
	AuthorizationRealms []string
	// Origin says where the realm was defined.
	Origin Origin
	// Span is where the realm is defined: the config entry when the config
	// defines it, otherwise its first setting in elasticsearch.yml.
	Span source.Span

	set realmFields // the fields a config entry sets explicitly
}

// realmFields records which optional fields a config entry sets.
type realmFields struct {
	order, enabled, file, unmapped bool
}

// Realm types Elasticsearch ships (InternalRealms), in the order the docs
// list them, and the version that introduced each one after 6.0.
var realmTypes = []struct {
	name  string
	since esversion.Version
}{
	{"native", esversion.Version{}},
	{"file", esversion.Version{}},
	{"ldap", esversion.Version{}},
	{"active_directory", esversion.Version{}},
	{"pki", esversion.Version{}},
	{"saml", esversion.Version{}},
	{"kerberos", esversion.Version{Major: 6, Minor: 4}},
	{"oidc", esversion.Version{Major: 7, Minor: 2}},
	{"jwt", esversion.Version{Major: 8, Minor: 2}},
}

// CustomRealmType is the realm type the config uses for a realm provided
// by a security extension (a plugin); such realms use the role mapping API
// but no role_mapping.yml.
const CustomRealmType = "custom"

// RealmTypes returns the realm types Elasticsearch ships.
func RealmTypes() []string {
	out := make([]string, len(realmTypes))
	for i, t := range realmTypes {
		out[i] = t.name
	}
	return out
}

// IsRealmType reports whether t is a realm type Elasticsearch ships.
func IsRealmType(t string) bool {
	for _, rt := range realmTypes {
		if rt.name == t {
			return true
		}
	}
	return false
}

// realmTypeSince returns the version that introduced a built-in type.
func realmTypeSince(t string) esversion.Version {
	for _, rt := range realmTypes {
		if rt.name == t {
			return rt.since
		}
	}
	return esversion.Version{}
}

// UsesDNFile reports whether realms of type t read a role_mapping.yml
// (DnRoleMapper: ldap, active_directory and pki realms only).
func UsesDNFile(t string) bool {
	return t == "ldap" || t == "active_directory" || t == "pki"
}

// UsesDNFile reports whether the realm reads a role_mapping.yml.
func (r Realm) UsesDNFile() bool { return UsesDNFile(r.Type) }

// DefaultRoleMappingFile is the file name a DN realm reads when
// files.role_mapping is not set, relative to the Elasticsearch config
// directory.
const DefaultRoleMappingFile = "role_mapping.yml"

// RoleMappingFileRealms returns the realms that read the role_mapping.yml
// at path (any path; relative paths are relative to the working
// directory), in name order. A DN realm whose file location is unknown
// reads every file. Disabled realms are included: callers that compute
// effective roles should skip realms with Enabled false.
func (c *Config) RoleMappingFileRealms(path string) []Realm {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	var out []Realm
	for _, r := range c.Realms {
		if !r.UsesDNFile() {
			continue
		}
		if r.RoleMappingFile == "" || sameFile(r.RoleMappingFile, abs) {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Realm returns the realm with the given name.
func (c *Config) Realm(name string) (Realm, bool) {
	for _, r := range c.Realms {
		if r.Name == name {
			return r, true
		}
	}
	return Realm{}, false
}

// sameFile compares two absolute paths, after resolving symbolic links when
// both exist.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	return errA == nil && errB == nil && ra == rb
}
