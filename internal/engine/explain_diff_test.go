package engine

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// Bounds of one FuzzExplainDiff input, so that each run stays cheap.
const (
	maxExplainMappings = 5
	maxExplainText     = 512
)

// FuzzExplainDiff writes a repository from the input (one mapping file per
// line of rules, some with role templates; a role_mapping.yml entry; a
// config with realms and anonymous roles) and compares what `explain`
// reports for the user in the input with what `resolve` computes: each
// mapping is matched in the explanation (match.Explain) exactly when the
// resolution (the index's candidates, match.Eval) matched it, each
// mapping's roles are the roles the resolution owes it (its own role names
// when it has no templates), and the explanation's roles are the union of
// the mappings', the DN files' and the anonymous roles. When the
// resolution fails, the explanation says so and grants nothing.
func FuzzExplainDiff(f *testing.F) {
	f.Add(`{"all":[{"field":{"realm.name":"ldap1"}},{"field":{"groups":"cn=admins,ou=groups,dc=example,dc=com"}}]}
{"field":{"dn":"*,ou=people,dc=example,dc=com"}}
{"field":{"username":"/b.*/"}}`,
		"CN=Admins, OU=Groups, DC=Example, DC=COM", "bob", "uid=bob,ou=people,dc=example,dc=com", true,
		"cn=admins,ou=groups,dc=example,dc=com\ncn=devs,ou=groups,dc=example,dc=com", "ldap1")
	f.Add(`{"field":{"groups":"cn=a\\,b+uid=x,dc=com"}}
{"field":{"groups":["STRASSE","straße"]}}
{"all":[{"field":{"realm.name":"saml1"}},{"except":{"field":{"groups":"*ops*"}}}]}`,
		`uid=X+CN=A\2C B,DC=com`, "alice", "", false, "uid=x+cn=a\\,b,dc=com\nstraße", "saml1")
	f.Add(`{"field":{"username":"*"}}
{"field":{"username":"*"}}
{"field":{"groups":"*"}}`,
		"cn=x", "{{bad", "", false, "not a dn\n=bar", "jwt1")
	f.Add(`{"field":{"groups":"cn=#04024869,dc=com"}}
{"field":{"dn":null}}
{"any":[]}`,
		"cn=Hi,dc=com", "u", "CN=#04024869,DC=COM", true, "cn=Hi,dc=com\ncn=#04024869,dc=com", "ldap1")
	f.Add(`{"field":{"username":"a?c*"}}
{"field":{"realm.name":["ldap?","*1"]}}`,
		"cn=bad,,", "abc", "not a dn", true, "", "ldap1")
	f.Fuzz(func(t *testing.T, ruleLines, dnEntry, username, userDN string, hasDN bool, groups, realm string) {
		lines := strings.Split(ruleLines, "\n")
		if len(lines) > maxExplainMappings || len(dnEntry) > maxExplainText || len(username) > maxExplainText ||
			len(userDN) > maxExplainText || len(groups) > maxExplainText || len(realm) > 64 {
			return
		}
		files := map[string]string{
			".rolemap-lint.yaml": "anonymous_roles: [anon]\nrealms:\n  - {name: ldap1, type: ldap, unmapped_groups_as_roles: true}\n  - {name: saml1, type: saml}\n",
		}
		for i, line := range lines {
			if len(line) > maxExplainText {
				return
			}
			grants := fmt.Sprintf(`"roles": ["r%d", "shared"]`, i)
			switch i % 3 { // a mapping has roles or role templates, never both
			case 1:
				grants = `"role_templates": [{"template": {"source": "t-{{username}}"}}, {"template": {"source": "shared"}}]`
			case 2:
				grants = `"role_templates": [{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}]`
			}
			// m1 and m4 share a name: Elasticsearch keeps one of them
			name := fmt.Sprintf("m%d", i%3)
			files[fmt.Sprintf("mappings/%d.json", i)] = fmt.Sprintf(`{%q: {"enabled": true, %s, "rules": %s}}`, name, grants, line)
		}
		entry, _ := json.Marshal(dnEntry)
		files["config/role_mapping.yml"] = "dnrole:\n  - " + string(entry) + "\n"
		dir := t.TempDir()
		for p, c := range files {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		p, err := Open(Options{Dir: dir, Paths: []string{"."}, NoParentConfig: true})
		if err != nil {
			t.Skipf("the repository does not load: %v", err)
		}
		u := &user.User{Username: username, Realm: user.Realm{Name: realm}}
		if hasDN {
			u.DN = &userDN
		}
		if groups != "" {
			u.Groups = strings.Split(groups, "\n")
		}

		ex := p.Explain(u)
		res := p.Resolver().Resolve(u)
		ws := p.Workspace
		if len(ex.Mappings) != len(ws.Mappings) {
			t.Fatalf("explain lists %d mappings, the workspace has %d", len(ex.Mappings), len(ws.Mappings))
		}
		if res.Err != nil {
			if ex.Error == "" || len(ex.Roles) != 0 {
				t.Fatalf("resolve fails (%v) but explain says error %q, roles %v", res.Err, ex.Error, ex.Roles)
			}
			return
		}
		if ex.Error != "" {
			t.Fatalf("explain says %q but resolve gives %v", ex.Error, res.Roles)
		}
		owed := map[int][]string{}
		for _, g := range res.Grants {
			if g.Mapping != nil {
				i := slices.Index(ws.Mappings, g.Mapping)
				owed[i] = append(owed[i], g.Role)
			}
		}
		union := slices.Clone(ex.Anon)
		for _, g := range ex.DNFiles {
			union = append(union, g.Role)
		}
		for i, em := range ex.Mappings {
			m := ws.Mappings[i]
			resolved := slices.Contains(res.Matched, m)
			if em.Matched != resolved {
				t.Fatalf("mapping %d [%s] (%s): explain matched=%v (applied=%v), resolve matched=%v", i, em.Name, em.File, em.Matched, em.Applied, resolved)
			}
			want := uniqueSorted(owed[i])
			if !slices.Equal(em.Roles, nonNilStrings(want)) {
				t.Fatalf("mapping %d [%s]: explain roles %v, resolve grants %v", i, em.Name, em.Roles, want)
			}
			if em.Matched && len(m.Templates) == 0 {
				var own []string
				for _, r := range m.Roles {
					own = append(own, r.Name)
				}
				if !slices.Equal(em.Roles, uniqueSorted(own)) {
					t.Fatalf("mapping %d [%s] matched: roles %v, its own roles %v", i, em.Name, em.Roles, own)
				}
			}
			union = append(union, em.Roles...)
		}
		if got := nonNilStrings(uniqueSorted(union)); !slices.Equal(got, ex.Roles) || !slices.Equal(ex.Roles, nonNilStrings(res.Roles)) {
			t.Fatalf("explain roles %v; union of its parts %v; resolve %v", ex.Roles, got, res.Roles)
		}
	})
}
