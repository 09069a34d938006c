package rolemapfile

import (
	"fmt"
	"sort"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
)

// GrantKind says how a role was granted.
type GrantKind uint8

// The ways the file grants a role.
const (
	// ByGroup: one of the user's groups is mapped to the role.
	ByGroup GrantKind = iota + 1
	// ByUnmappedGroup: unmapped_groups_as_roles turned an unmapped group
	// into a role named after its first RDN value.
	ByUnmappedGroup
	// ByUserDN: the user's own DN is mapped to the role.
	ByUserDN
)

// String names the kind.
func (k GrantKind) String() string {
	switch k {
	case ByGroup:
		return "group"
	case ByUnmappedGroup:
		return "unmapped group"
	case ByUserDN:
		return "user DN"
	}
	return "unknown"
}

// Grant is one reason the file grants a role.
type Grant struct {
	// Role is the role granted.
	Role string
	// Kind says whether a group, an unmapped group or the user's DN
	// granted it.
	Kind GrantKind
	// Input is the user's group or DN string, as given.
	Input string
	// Normalized is Input's normalized DN.
	Normalized string
	// Entries are the file's entries that map the DN to the role (empty
	// for ByUnmappedGroup).
	Entries []*Entry
}

// String describes the grant, e.g. `granted by config/role_mapping.yml:3
// (group "cn=admins,dc=example,dc=com")`.
func (g Grant) String() string {
	if g.Kind == ByUnmappedGroup {
		return fmt.Sprintf("granted by unmapped_groups_as_roles (group %q is not in the role mapping file)", g.Input)
	}
	where := "the role mapping file"
	if len(g.Entries) > 0 && g.Entries[0].Location() != "" {
		where = g.Entries[0].Location()
	}
	return fmt.Sprintf("granted by %s (%s %q)", where, g.Kind, g.Input)
}

// InvalidDNError is the failure of LdapUtils.dn: a group or user DN string
// that UnboundID cannot parse. Elasticsearch fails the user's whole role
// resolution with "invalid DN [s]".
type InvalidDNError struct {
	// Input is the string that is not a DN.
	Input string
	// Err is UnboundID's reason (a *dn.ParseError).
	Err error
}

// Error returns "invalid DN [s]: reason".
func (e *InvalidDNError) Error() string {
	return fmt.Sprintf("invalid DN [%s]: %v", e.Input, e.Err)
}

// Unwrap returns UnboundID's reason.
func (e *InvalidDNError) Unwrap() error { return e.Err }

// Resolve returns the roles the file grants a user, sorted, as
// DnRoleMapper.resolveRoles computes them: each group's mapped roles (or,
// with unmappedGroupsAsRoles, the raw first-RDN value of an unmapped group),
// then the roles mapped to the user's DN. An invalid group or user DN fails
// the resolution (*InvalidDNError), as does an unmapped group whose first
// RDN has no value for relativeName. A nil userDN is not looked up
// (Elasticsearch's ldap, active_directory and pki users always have a DN;
// UnboundID would reject a null string). A nil File maps nothing, like a
// missing file.
func (f *File) Resolve(userDN *string, groups []string, unmappedGroupsAsRoles bool) ([]string, error) {
	grants, err := f.Explain(userDN, groups, unmappedGroupsAsRoles)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(grants))
	roles := []string{}
	for _, g := range grants {
		if !seen[g.Role] {
			seen[g.Role] = true
			roles = append(roles, g.Role)
		}
	}
	sort.Strings(roles)
	return roles, nil
}

// Explain returns every grant behind Resolve's result, in the order
// Elasticsearch considers them: the groups in order (each mapped group's
// roles sorted), then the user's DN. A role granted several ways appears
// once per way.
func (f *File) Explain(userDN *string, groups []string, unmappedGroupsAsRoles bool) ([]Grant, error) {
	var grants []Grant
	for _, g := range groups {
		d, err := dn.Parse(g)
		if err != nil {
			return nil, &InvalidDNError{Input: g, Err: err}
		}
		n := d.Normalized()
		if roles := f.RolesFor(n); roles != nil {
			for _, r := range roles {
				grants = append(grants, Grant{Role: r, Kind: ByGroup, Input: g, Normalized: n, Entries: f.EntriesFor(n, r)})
			}
			continue
		}
		if !unmappedGroupsAsRoles {
			continue
		}
		name, err := dn.RelativeName(d)
		if err != nil {
			return nil, fmt.Errorf("unmapped_groups_as_roles: group [%s]: %w", g, err)
		}
		grants = append(grants, Grant{Role: name, Kind: ByUnmappedGroup, Input: g, Normalized: n})
	}
	if userDN == nil {
		return grants, nil
	}
	d, err := dn.Parse(*userDN)
	if err != nil {
		return nil, &InvalidDNError{Input: *userDN, Err: err}
	}
	n := d.Normalized()
	for _, r := range f.RolesFor(n) {
		grants = append(grants, Grant{Role: r, Kind: ByUserDN, Input: *userDN, Normalized: n, Entries: f.EntriesFor(n, r)})
	}
	return grants, nil
}
