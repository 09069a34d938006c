package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

var unknownRole = &Analyzer{
	Name:    "unknown-role",
	Level:   diag.Warning,
	Summary: "role not in the catalog (info unless a catalog beyond the built-ins is configured)",
	Doc: "Elasticsearch does not check that mapped roles exist (\"This API does not create roles. Rather, it maps users to " +
		"existing roles.\"): a misspelled role is stored and silently grants nothing. The catalog is Elasticsearch's built-in " +
		"roles for the configured `es_version`, plus the config's `roles.names` and the roles defined in `roles.files` " +
		"(roles.yml files, `PUT /_security/role` bodies or GET dumps). Without a configured catalog the finding is `info`, " +
		"since the roles probably live in the cluster.",
	Run: runUnknownRole,
}

var removedRole = &Analyzer{
	Name:    "removed-role",
	Level:   diag.Warning,
	Summary: "a built-in role deprecated or removed in the configured es_version (e.g. kibana_user)",
	Doc: "Built-in roles come and go: `kibana_dashboard_only_user` was removed in 8.0, `kibana_user` is deprecated in favour " +
		"of `kibana_admin`, `apm_user` and the `data_frame_transforms_*` roles were removed in 9.0. A mapping to a removed role " +
		"grants nothing (unless a custom role of that name exists); a deprecated one will stop working on upgrade.",
	Run: runRemovedRole,
}

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

var rolesFile = &Analyzer{
	Name:    catalog.CheckRolesFile,
	Level:   diag.Error,
	Summary: "problems in the roles files the config names (roles.files)",
	Doc: "The roles files feed the catalog of `unknown-role` and `privileged-broad-grant`. A file that does not parse, a role " +
		"body with a field Elasticsearch rejects, an invalid role name, or a role defined twice is reported here; roles " +
		"Elasticsearch would not create are left out of the catalog.",
	Run: func(p *Pass) {
		for _, d := range p.Settings.CatalogFindings {
			p.Report(d)
		}
	},
}

func runUnknownRole(p *Pass) {
	c := p.Settings.Catalog
	for _, m := range p.Workspace.Mappings {
		if !m.Valid() {
			continue
		}
		for _, r := range grantedRoles(m) {
			if _, ok := c.Lookup(r.Name); ok {
				continue
			}
			if _, removed := c.Removed(r.Name); removed {
				continue // removed-role owns it
			}
			d := at(m, r.Span, "role [%s] is not in the catalog of known roles (%s): Elasticsearch stores the mapping anyway, and it grants nothing if the role does not exist", r.Name, catalogWhat(c))
			if s := c.Suggest(r.Name); s != "" {
				d.Message += fmt.Sprintf("; did you mean [%s]?", s)
			}
			if !c.HasCustomCatalog() {
				d.Level = diag.Info
				d.Message += "; configure roles.names or roles.files in .rolemap-lint.yaml to check custom roles"
			}
			p.Report(d)
		}
	}
}

func catalogWhat(c *catalog.Catalog) string {
	if c.HasCustomCatalog() {
		return fmt.Sprintf("built-in roles of Elasticsearch %s and the configured roles", c.Version())
	}
	return fmt.Sprintf("built-in roles of Elasticsearch %s", c.Version())
}

func runRemovedRole(p *Pass) {
	c := p.Settings.Catalog
	for _, m := range p.Workspace.Mappings {
		if !m.Valid() {
			continue
		}
		for _, r := range m.Roles {
			if role, ok := c.Removed(r.Name); ok {
				p.Report(at(m, r.Span, "built-in role [%s] was removed in Elasticsearch %s (modelled version %s), so this mapping grants nothing%s",
					r.Name, role.Removed, c.Version(), instead(role)))
				continue
			}
			if role, ok := c.Deprecated(r.Name); ok {
				p.Report(at(m, r.Span, "built-in role [%s] is deprecated since Elasticsearch %s and will be removed%s",
					r.Name, role.Deprecated, instead(role)))
			}
		}
	}
}

func instead(r catalog.Role) string {
	switch {
	case r.Replacement != "":
		return "; use " + r.Replacement + " instead"
	case r.Advice != "":
		return "; " + r.Advice
	}
	return ""
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

// grantedRoles are the role names a mapping grants whatever the user: its
// fixed roles and the output of templates that use no variable (their
// span is the template's source).
func grantedRoles(m *mapping.Mapping) []mapping.Role {
	out := append([]mapping.Role(nil), m.Roles...)
	for _, t := range m.Templates {
		if t.IsStored() || t.ParseErr() != nil || len(t.Variables()) > 0 {
			continue
		}
		lang, err := t.RoleLanguage(nil, automaton.Ops{})
		if err != nil {
			continue
		}
		names, ok := lang.Strings(16)
		if !ok {
			continue
		}
		for _, n := range names {
			out = append(out, mapping.Role{Name: n, Span: t.SourceSpan()})
		}
	}
	return out
}
