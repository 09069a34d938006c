package resolve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

// setup writes files, loads them with an optional config, and returns a
// resolver.
func setup(t testing.TB, cfgText string, files map[string]string, scripting template.ScriptSettings) *Resolver {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := config.Default()
	cfg.Dir = dir
	if cfgText != "" {
		var err error
		if cfg, err = config.Parse(filepath.Join(dir, ".rolemap-lint.yaml"), []byte(cfgText), config.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := workspace.Load(workspace.Options{Dir: dir, Paths: []string{dir}, Version: esversion.Newest,
		DNFileOptions: func(rel string) rolemapfile.Options {
			return rolemapfile.Options{Path: filepath.Join(dir, rel)}
		}})
	if err != nil {
		t.Fatal(err)
	}
	return New(ws, Options{Config: cfg, Scripting: scripting})
}

func strp(s string) *string { return &s }

func TestResolve(t *testing.T) {
	files := map[string]string{
		"dump.json": `{
"admins": {"enabled": true, "roles": ["superuser"], "rules": {"all": [{"field": {"realm.name": "ldap1"}}, {"field": {"groups": "cn=admins,dc=example,dc=com"}}]}},
"everyone-saml": {"enabled": true, "roles": ["viewer"], "rules": {"field": {"realm.name": "saml1"}}},
"templ": {"enabled": true, "role_templates": [{"template": {"source": "_user_{{username}}"}}, {"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}], "rules": {"field": {"realm.name": "saml1"}}},
"off": {"enabled": false, "roles": ["nope"], "rules": {"all": []}},
"bad": {"enabled": true, "roles": ["nope"], "rules": {"except": {"all": []}}},
"boom": {"enabled": true, "role_templates": [{"template": {"source": "{{username}}"}, "format": "json"}], "rules": {"field": {"realm.name": "jwt1"}}}
}`,
		"dup.json":         `{"admins": {"enabled": true, "roles": ["dup"], "rules": {"all": []}}}`,
		"op.json":          `{"state": {"role_mappings": {"admins": {"enabled": true, "roles": ["operator"], "rules": {"field": {"username": "olga"}}}}}}`,
		"role_mapping.yml": "ldap_role:\n  - \"cn=admins,dc=example,dc=com\"\nuser_role:\n  - \"cn=bob,ou=people,dc=example,dc=com\"\n",
	}
	r := setup(t, "anonymous_roles: [anon]\nrealms:\n  - {name: ldap1, type: ldap, unmapped_groups_as_roles: true}\n", files, template.ScriptSettings{})
	tests := []struct {
		name    string
		u       user.User
		want    []string
		wantErr string
	}{
		{"ldap admin", user.User{Username: "bob", DN: strp("CN=Bob,OU=People,DC=example,DC=com"), Groups: []string{"CN=Admins, DC=Example, DC=com", "cn=devs,dc=example,dc=com"}, Realm: user.Realm{Name: "ldap1"}},
			[]string{"anon", "devs", "ldap_role", "superuser", "user_role"}, ""},
		{"saml templates", user.User{Username: "sue", Groups: []string{"g1"}, Realm: user.Realm{Name: "saml1", Type: "saml"}},
			[]string{"_user_sue", "anon", "g1", "viewer"}, ""},
		{"operator mapping shares a name", user.User{Username: "olga", Realm: user.Realm{Name: "oidc1", Type: "oidc"}},
			[]string{"anon", "operator"}, ""},
		{"template error fails the login", user.User{Username: "jay", Realm: user.Realm{Name: "jwt1", Type: "jwt"}}, nil, "Unrecognized token 'jay'"},
		{"pki maps the DN only", user.User{Username: "bob", DN: strp("cn=bob,ou=people,dc=example,dc=com"), Groups: []string{"cn=admins,dc=example,dc=com"}, Realm: user.Realm{Name: "pki1", Type: "pki"}},
			[]string{"anon", "user_role"}, ""},
		{"saml realm never reads role_mapping.yml", user.User{Username: "bob", DN: strp("cn=bob,ou=people,dc=example,dc=com"), Realm: user.Realm{Name: "saml2", Type: "saml"}},
			[]string{"anon"}, ""},
		{"no realm type: only DN groups are looked up", user.User{Username: "x", Groups: []string{"analysts", "cn=admins,dc=example,dc=com"}, Realm: user.Realm{Name: "r"}},
			[]string{"anon", "ldap_role"}, ""},
		{"object metadata fails", user.User{Username: "x", Metadata: map[string]any{"a": map[string]any{}}, Realm: user.Realm{Name: "saml1"}}, nil, "Unsupported value type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, res := range []Resolution{r.Resolve(&tt.u), r.ResolvePlain(&tt.u)} {
				if tt.wantErr != "" {
					if res.Err == nil || !strings.Contains(res.Err.Error(), tt.wantErr) {
						t.Fatalf("want error %q, got %v %v", tt.wantErr, res.Roles, res.Err)
					}
					continue
				}
				if res.Err != nil {
					t.Fatal(res.Err)
				}
				if !slices.Equal(res.Roles, tt.want) {
					t.Errorf("roles = %v, want %v", res.Roles, tt.want)
				}
			}
		})
	}
	var skipped []string
	for _, m := range r.Mappings() {
		skipped = append(skipped, m.Name)
	}
	if got := strings.Join(skipped, " "); got != "admins everyone-saml templ boom admins" {
		t.Errorf("applied mappings = %q (off, bad and the duplicate admins must be skipped)", got)
	}
	res := r.Resolve(&user.User{Username: "bob", Groups: []string{"cn=admins,dc=example,dc=com"}, Realm: user.Realm{Name: "ldap1"}})
	var grants []string
	for _, g := range res.GrantsOf("superuser") {
		grants = append(grants, g.String())
	}
	if len(grants) != 1 || !strings.HasPrefix(grants[0], "mapping [admins] (dump.json:2)") {
		t.Errorf("grants of superuser: %q", grants)
	}
}

func TestScriptingRejectsTemplates(t *testing.T) {
	files := map[string]string{"m.json": `{"t": {"enabled": true, "role_templates": [{"template": {"source": "x"}}], "rules": {"all": []}}}`}
	r := setup(t, "", files, template.ScriptSettings{AllowedTypes: []string{"stored"}})
	if len(r.Mappings()) != 0 || !strings.Contains(r.Skipped(skippedList(r)[0]), "rejected at PUT") {
		t.Errorf("a template forbidden by script.allowed_types makes the mapping not exist")
	}
}

// BenchmarkResolve1kUsers10kMappings resolves 1,000 users against 10,000
// realistic mappings (the performance target of the evaluation issue).
func BenchmarkResolve1kUsers10kMappings(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("{\n")
	for i := range 10000 {
		if i > 0 {
			sb.WriteString(",\n")
		}
		var rule string
		switch i % 5 {
		case 0:
			rule = fmt.Sprintf(`{"all": [{"field": {"realm.name": "ldap%d"}}, {"field": {"groups": "cn=team-%d,ou=groups,dc=example,dc=com"}}]}`, i%7, i)
		case 1:
			rule = fmt.Sprintf(`{"all": [{"field": {"realm.name": "saml1"}}, {"field": {"username": "user-%d-*"}}]}`, i)
		case 2:
			rule = fmt.Sprintf(`{"all": [{"field": {"dn": "*,ou=dept-%d,dc=example,dc=com"}}, {"except": {"field": {"metadata.suspended": true}}}]}`, i)
		case 3:
			rule = fmt.Sprintf(`{"field": {"groups": ["app-%d-admins", "app-%d-users"]}}`, i, i)
		default:
			rule = fmt.Sprintf(`{"all": [{"field": {"realm.name": "oidc1"}}, {"field": {"metadata.department": "dept-%d"}}]}`, i)
		}
		fmt.Fprintf(&sb, `"m%d": {"enabled": true, "roles": ["role-%d"], "rules": %s}`, i, i%100, rule)
	}
	sb.WriteString("\n}\n")
	r := setup(b, "", map[string]string{"dump.json": sb.String()}, template.ScriptSettings{})
	users := make([]user.User, 1000)
	for i := range users {
		dn := fmt.Sprintf("cn=user-%d,ou=dept-%d,dc=example,dc=com", i, i*7)
		users[i] = user.User{Username: fmt.Sprintf("user-%d-x", i), DN: &dn,
			Groups:   []string{fmt.Sprintf("cn=team-%d,ou=groups,dc=example,dc=com", i*5), fmt.Sprintf("app-%d-users", i*5+3), "everyone"},
			Metadata: map[string]any{"department": fmt.Sprintf("dept-%d", i*5+4), "suspended": false},
			Realm:    user.Realm{Name: []string{"ldap0", "saml1", "oidc1"}[i%3]}}
	}
	b.ResetTimer()
	for b.Loop() {
		for i := range users {
			if res := r.Resolve(&users[i]); res.Err != nil {
				b.Fatal(res.Err)
			}
		}
	}
}

// skippedList lists the skipped mappings.
func skippedList(r *Resolver) []*mapping.Mapping {
	out := make([]*mapping.Mapping, 0, len(r.skipped))
	for m := range r.skipped {
		out = append(out, m)
	}
	return out
}
