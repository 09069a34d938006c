package resolve

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

// Bounds of one FuzzResolveDiff input, so that each run stays cheap.
const (
	maxDiffMappings = 6
	maxDiffText     = 512 // bytes of one rule, DN or the group list
)

// explainedRoles resolves u's mapping roles a second way, through
// match.Explain (what `explain` shows for each mapping) instead of
// match.Eval over the index's candidates: every applied mapping is
// explained in source order, and a matching one contributes its roles and
// its templates' roles. It returns the roles (sorted, unique), the names
// of the matching mappings and whether the resolution fails.
func explainedRoles(r *Resolver, u *user.User) (roles, matched []string, failed bool) {
	model, err := match.NewModel(u, r.opt.Normalizer)
	if err != nil {
		return nil, nil, true
	}
	var all []string
	for _, m := range r.Mappings() {
		tr := match.Explain(m.Rules, model)
		if tr.Err != nil {
			return nil, nil, true
		}
		if !tr.Matched {
			continue
		}
		matched = append(matched, m.Name)
		for _, role := range m.Roles {
			all = append(all, role.Name)
		}
		for _, t := range m.Templates {
			rs, err := t.RolesWith(r.opt.Scripting, model.TemplateModel())
			if err != nil {
				return nil, nil, true
			}
			all = append(all, rs...)
		}
	}
	return sortedUnique(all), matched, false
}

// mappingRoles are the roles a resolution owes to mappings (not to DN
// files or the anonymous roles), sorted and unique, and the names of its
// matching mappings.
func mappingRoles(res Resolution) (roles, matched []string) {
	var all []string
	for _, g := range res.Grants {
		if g.Mapping != nil {
			all = append(all, g.Role)
		}
	}
	for _, m := range res.Matched {
		matched = append(matched, m.Name)
	}
	return sortedUnique(all), matched
}

// FuzzResolveDiff writes the rules in the input (one JSON rules object a
// line, each the rules of one mapping file, some with role templates), a
// role_mapping.yml entry and a config, and resolves the user in the input
// three ways: Resolve (the index's candidates only), ResolvePlain (every
// mapping) and explainedRoles (match.Explain on every mapping). Resolve and
// ResolvePlain must agree on everything (roles, grants, matching mappings,
// error); the mapping roles and matching mappings must be those Explain
// finds, and a resolution fails exactly when Explain reports an error or a
// template fails.
func FuzzResolveDiff(f *testing.F) {
	f.Add(`{"all":[{"field":{"realm.name":"ldap1"}},{"field":{"groups":"cn=admins,ou=groups,dc=example,dc=com"}}]}
{"field":{"dn":"*,ou=people,dc=example,dc=com"}}
{"any":[{"field":{"username":"/b.*/"}},{"except":{"field":{"metadata.disabled":true}}}]}`,
		"CN=Admins, OU=Groups, DC=Example, DC=COM", "bob", "uid=bob,ou=people,dc=example,dc=com", true,
		"cn=admins,ou=groups,dc=example,dc=com\ncn=devs,ou=groups,dc=example,dc=com", "ldap1", `{"disabled":false}`)
	f.Add(`{"field":{"groups":"cn=a\\,b+uid=x,dc=com"}}
{"field":{"groups":["STRASSE","straße"]}}
{"all":[]}`,
		`uid=X+CN=A\2C B,DC=com`, "alice", "", false, "uid=x+cn=a\\,b,dc=com\nstraße", "saml1", `{}`)
	f.Add(`{"field":{"metadata.level":[1,"1"]}}
{"except":{"field":{"metadata.level":1}}}
{"field":{"realm.name":null}}`,
		"cn=bob", "bob", "cn=bob", true, "", "ldap1", `{"level":99999999999999999999}`)
	f.Add(`{"field":{"username":"*"}}
not json
{"field":{"groups":"*"}}`,
		"cn=x", "{{bad", "", false, "not a dn\n=bar", "jwt1", `{"x":"y"}`)
	f.Add(`{"field":{"groups":"cn=#04024869,dc=com"}}
{"field":{"dn":null}}`,
		"cn=Hi,dc=com", "u", "CN=#04024869,DC=COM", true, "cn=Hi,dc=com\ncn=#04024869,dc=com", "ldap1", `{}`)
	f.Fuzz(func(t *testing.T, ruleLines, dnEntry, username, userDN string, hasDN bool, groups, realm, metadata string) {
		lines := strings.Split(ruleLines, "\n")
		if len(lines) > maxDiffMappings || len(dnEntry) > maxDiffText || len(username) > maxDiffText ||
			len(userDN) > maxDiffText || len(groups) > maxDiffText || len(realm) > 64 || len(metadata) > maxDiffText {
			return
		}
		files := map[string]string{}
		for i, line := range lines {
			if len(line) > maxDiffText {
				return
			}
			grants := fmt.Sprintf(`"roles": ["r%d", "shared"]`, i)
			switch i % 3 { // a mapping has roles or role templates, never both
			case 1:
				grants = `"role_templates": [{"template": {"source": "t-{{username}}"}}, {"template": {"source": "shared"}}]`
			case 2:
				grants = `"role_templates": [{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}]`
			}
			files[fmt.Sprintf("m%d.json", i)] = fmt.Sprintf(`{"enabled": true, %s, "rules": %s}`, grants, line)
		}
		entry, _ := json.Marshal(dnEntry)
		files["role_mapping.yml"] = "dnrole:\n  - " + string(entry) + "\n"
		r := setup(t, "anonymous_roles: [anon]\nrealms:\n  - {name: ldap1, type: ldap, unmapped_groups_as_roles: true}\n  - {name: saml1, type: saml}\n",
			files, template.ScriptSettings{})
		u := &user.User{Username: username, Realm: user.Realm{Name: realm}}
		if hasDN {
			u.DN = &userDN
		}
		if groups != "" {
			u.Groups = strings.Split(groups, "\n")
		}
		if metadata != "" {
			var md map[string]any
			d := json.NewDecoder(strings.NewReader(metadata))
			d.UseNumber()
			if d.Decode(&md) != nil {
				return
			}
			u.Metadata = md // json.Number is the user model's number
		}

		res, plain := r.Resolve(u), r.ResolvePlain(u)
		if (res.Err == nil) != (plain.Err == nil) || (res.Err != nil && res.Err.Error() != plain.Err.Error()) {
			t.Fatalf("Resolve error %v, ResolvePlain error %v", res.Err, plain.Err)
		}
		if !slices.Equal(res.Roles, plain.Roles) || !slices.Equal(res.Matched, plain.Matched) || !slices.Equal(grantStrings(res), grantStrings(plain)) {
			t.Fatalf("Resolve %v (matched %d), ResolvePlain %v (matched %d)", res.Roles, len(res.Matched), plain.Roles, len(plain.Matched))
		}
		wantRoles, wantMatched, failed := explainedRoles(r, u)
		gotRoles, gotMatched := mappingRoles(res)
		switch {
		case failed:
			// Explain failing on a mapping means Elasticsearch fails the
			// login; the DN files may fail it first.
			if res.Err == nil {
				t.Fatalf("Explain reports an error but Resolve gives %v", res.Roles)
			}
		case res.Err != nil:
			// Only the DN files can fail a resolution the mappings pass.
			if !strings.Contains(res.Err.Error(), "role_mapping.yml") {
				t.Fatalf("Resolve fails with %v where Explain finds no error", res.Err)
			}
		case !slices.Equal(gotRoles, wantRoles) || !slices.Equal(gotMatched, wantMatched):
			t.Fatalf("Resolve: roles %v from mappings %v; Explain: roles %v from mappings %v", gotRoles, gotMatched, wantRoles, wantMatched)
		}
	})
}

// grantStrings renders a resolution's grants (their DN entries are
// pointers, fresh on every resolution).
func grantStrings(res Resolution) []string {
	out := make([]string, len(res.Grants))
	for i, g := range res.Grants {
		out[i] = g.Role + " <- " + g.String()
	}
	return out
}
