package resolve

import (
	"fmt"
	"sort"

	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// Grant explains where one role comes from.
type Grant struct {
	Role string
	// Mapping granted it (nil for DN files and anonymous roles); Template
	// is the index of the role template that produced it, -1 for `roles`.
	Mapping  *mapping.Mapping
	Template int
	// DN is the role_mapping.yml entry that granted it.
	DN *rolemapfile.Grant
	// Anonymous marks the configured anonymous roles.
	Anonymous bool
}

// String says where the role comes from, e.g. "mapping [admins] (api/admins.json:1)".
func (g Grant) String() string {
	switch {
	case g.Mapping != nil && g.Template >= 0:
		return fmt.Sprintf("role template %d of mapping [%s] (%s)", g.Template+1, g.Mapping.Name, templateLocation(g.Mapping, g.Template))
	case g.Mapping != nil:
		return fmt.Sprintf("mapping [%s] (%s)", g.Mapping.Name, location(g.Mapping))
	case g.DN != nil:
		return g.DN.String()
	case g.Anonymous:
		return "the anonymous roles of the config"
	}
	return "?"
}

// Resolution is the outcome for one user.
type Resolution struct {
	// Roles are the effective roles, sorted and unique.
	Roles []string
	// Grants explain every role (a role may have several).
	Grants []Grant
	// Matched are the mappings whose rules matched, in source order.
	Matched []*mapping.Mapping
	// Err is set when Elasticsearch would fail the user's role resolution
	// (and so the login); Roles is then empty.
	Err error
}

// GrantsOf lists where a role comes from.
func (res Resolution) GrantsOf(role string) []Grant {
	var out []Grant
	for _, g := range res.Grants {
		if g.Role == role {
			out = append(out, g)
		}
	}
	return out
}

// Resolve computes a user's effective roles, evaluating only the mappings
// the index says can match.
func (r *Resolver) Resolve(u *user.User) Resolution { return r.resolve(u, true) }

// ResolvePlain is Resolve without the index: every mapping is evaluated.
// It is the oracle the index is tested against.
func (r *Resolver) ResolvePlain(u *user.User) Resolution { return r.resolve(u, false) }

func (r *Resolver) resolve(u *user.User, useIndex bool) Resolution {
	model, err := match.NewModel(u, r.opt.Normalizer)
	if err != nil {
		return Resolution{Err: fmt.Errorf("the user cannot be mapped: %w", err)}
	}
	var candidates []int
	if useIndex {
		r.index.Candidates(model, func(i int) { candidates = append(candidates, i) })
		sort.Ints(candidates)
	} else {
		candidates = make([]int, len(r.mappings))
		for i := range candidates {
			candidates[i] = i
		}
	}
	var res Resolution
	var tmplModel map[string]any
	for _, i := range candidates {
		m := r.mappings[i]
		ok, err := match.Eval(m.Rules, model)
		if err != nil {
			return Resolution{Err: fmt.Errorf("mapping [%s] (%s): %w", m.Name, location(m), err)}
		}
		if !ok {
			continue
		}
		res.Matched = append(res.Matched, m)
		for _, role := range m.Roles {
			res.Grants = append(res.Grants, Grant{Role: role.Name, Mapping: m, Template: -1})
		}
		for ti, t := range m.Templates {
			if tmplModel == nil {
				tmplModel = model.TemplateModel()
			}
			roles, err := t.RolesWith(r.opt.Scripting, tmplModel)
			if err != nil {
				return Resolution{Err: fmt.Errorf("role template %d of mapping [%s] (%s): %w", ti+1, m.Name, templateLocation(m, ti), err)}
			}
			for _, role := range roles {
				res.Grants = append(res.Grants, Grant{Role: role, Mapping: m, Template: ti})
			}
		}
	}
	if err := r.dnGrants(u, &res); err != nil {
		return Resolution{Err: err}
	}
	if r.opt.Config != nil {
		for _, role := range r.opt.Config.AnonymousRoles {
			res.Grants = append(res.Grants, Grant{Role: role, Template: -1, Anonymous: true})
		}
	}
	roles := make([]string, len(res.Grants))
	for i, g := range res.Grants {
		roles[i] = g.Role
	}
	res.Roles = sortedUnique(roles)
	return res
}

// dnGrants adds the roles of the DN role mapping files that apply to the
// user's realm (LDAP, Active Directory and PKI realms; a user without a
// realm type gets them too).
func (r *Resolver) dnGrants(u *user.User, res *Resolution) error {
	files, unmapped := r.dnFilesFor(u.Realm.Name, u.Realm.Type)
	if len(files) == 0 {
		return nil
	}
	realmType := u.Realm.Type
	if realmType == "" && r.opt.Config != nil {
		if rl, ok := r.opt.Config.Realm(u.Realm.Name); ok {
			realmType = rl.Type
		}
	}
	groups := u.Groups
	switch {
	case realmType == "pki":
		groups = nil // PKI realms map the certificate's DN only
	case realmType == "":
		// Without a realm type the groups may be names (SAML, OIDC...),
		// which DnRoleMapper would reject: only DN groups are looked up.
		groups = nil
		for _, g := range u.Groups {
			if _, ok := dn.Normalize(g); ok {
				groups = append(groups, g)
			}
		}
	}
	for _, f := range files {
		grants, err := f.Explain(u.DN, groups, unmapped)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Source.Name, err)
		}
		for i := range grants {
			res.Grants = append(res.Grants, Grant{Role: grants[i].Role, Template: -1, DN: &grants[i]})
		}
	}
	return nil
}
