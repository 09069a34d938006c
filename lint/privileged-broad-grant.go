package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

var privilegedBroadGrant = &Analyzer{
	Name:     "privileged-broad-grant",
	Level:    diag.Error,
	Security: true,
	Summary:  "a privileged role granted by rules not scoped to a literal realm.name",
	Doc: "A privileged role (`superuser`, the built-in and catalog roles with cluster `all` or `manage_security`, and the " +
		"config's `privileged_roles`) granted by rules that do not pin `realm.name` to a literal: whoever controls any " +
		"realm's answer for the other fields — a SAML or OIDC identity provider asserting a group, a JWT issuer, a directory " +
		"admin, a realm added later — gets it. Scoping follows Elasticsearch's own RoleMapperExpressionValidator: a `field` " +
		"rule on `realm.name` with literal values; an `all` is scoped if any child is, an `any` if every child is; `except` " +
		"never scopes.",
	Run: runPrivilegedBroadGrant,
}

func runPrivilegedBroadGrant(p *Pass) {
	c := p.Settings.Catalog
	for _, m := range p.Workspace.Mappings {
		if !m.Valid() || !m.Enabled || m.Rules == nil || rules.RealmScoped(m.Rules) {
			continue
		}
		var privileged []mapping.Role
		for _, r := range grantedRoles(m) {
			if c.IsPrivileged(r.Name) {
				privileged = append(privileged, r)
			}
		}
		if len(privileged) == 0 {
			continue
		}
		out := p.satisfiable(m.Rules)
		if out.Satisfiable == decide.No {
			continue // never-matches owns it: nobody gets the role
		}
		example := ""
		if out.Witness != nil {
			example = "; e.g. " + describeUser(out.Witness) + " matches"
		}
		for _, r := range privileged {
			p.Report(at(m, r.Span, "privileged role [%s] is granted by rules that do not pin realm.name to a literal: any realm that presents a matching user (an identity provider asserting the group, a realm added later) grants it%s; add {\"field\": {\"realm.name\": \"<realm>\"}} to an all",
				r.Name, example))
		}
	}
}

// describeUser renders a witness user briefly, in the fixture format.
func describeUser(u *user.User) string {
	parts := []string{fmt.Sprintf("username: %q", u.Username), fmt.Sprintf("realm: {name: %q}", u.Realm.Name)}
	if u.DN != nil {
		parts = append(parts, fmt.Sprintf("dn: %q", *u.DN))
	}
	if len(u.Groups) > 0 {
		qs := make([]string, len(u.Groups))
		for i, g := range u.Groups {
			qs[i] = fmt.Sprintf("%q", g)
		}
		parts = append(parts, "groups: ["+strings.Join(qs, ", ")+"]")
	}
	keys := make([]string, 0, len(u.Metadata))
	for k := range u.Metadata {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		md := make([]string, len(keys))
		for i, k := range keys {
			md[i] = fmt.Sprintf("%s: %#v", k, u.Metadata[k])
		}
		parts = append(parts, "metadata: {"+strings.Join(md, ", ")+"}")
	}
	return "the user {" + strings.Join(parts, ", ") + "}"
}
