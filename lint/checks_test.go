package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/engine"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// lintFiles writes files into a temp dir, loads and lints them, and
// returns "check file:line:col level" lines for the checks named (all when
// none are named).
func lintFiles(t *testing.T, cfgText string, files map[string]string, only ...string) []string {
	t.Helper()
	dir := t.TempDir()
	if cfgText != "" {
		files[".rolemap-lint.yaml"] = cfgText
	}
	for p, c := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := engine.Open(engine.Options{Dir: dir, Paths: []string{"."}, NoParentConfig: true, KnownChecks: lint.KnownChecks()})
	if err != nil {
		t.Fatal(err)
	}
	s := p.LintSettings()
	s.Today = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	var out []string
	for _, d := range lint.Run(p.Workspace, s, lint.All()) {
		if len(only) > 0 && !contains(only, d.Check) {
			continue
		}
		r := d.Span.Range().Start
		name := ""
		if d.Span.File != nil {
			name = d.Span.File.Name
		}
		out = append(out, fmt.Sprintf("%s %s:%d:%d %s", d.Check, name, r.Line, r.Col, d.Level))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func body(rules string) string {
	return `{"enabled": true, "roles": ["viewer"], "rules": ` + rules + `}`
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name  string
		rules string
		check string
		want  []string
	}{
		{"unknown field", `{"field": {"userid": "bob"}}`, "unknown-field", []string{"unknown-field m.json:1:60 warning"}},
		{"field case", `{"field": {"Username": "bob"}}`, "unknown-field", []string{"unknown-field m.json:1:60 warning"}},
		{"known fields", `{"all": [{"field": {"username": "a"}}, {"field": {"dn": null}}, {"field": {"groups": "g"}}, {"field": {"realm.name": "r"}}, {"field": {"metadata.x": 1}}]}`, "unknown-field", nil},
		{"nested metadata is info", `{"field": {"metadata.a.b": 1}}`, "unknown-field", []string{"unknown-field m.json:1:60 info"}},
		{"saml metadata keys are fine", `{"field": {"metadata.saml(http://schemas.example.com/claims/upn)": "x"}}`, "unknown-field", nil},
		{"type mismatch", `{"all": [{"field": {"username": 1}}, {"field": {"groups": [true, null]}}, {"field": {"dn": null}}, {"field": {"metadata.n": 1}}]}`,
			"type-mismatch", []string{"type-mismatch m.json:1:81 warning", "type-mismatch m.json:1:108 warning", "type-mismatch m.json:1:114 warning"}},
		{"empty all", `{"all": []}`, "empty-any-all", []string{"empty-any-all m.json:1:50 warning"}},
		{"empty any nested", `{"all": [{"field": {"username": "a"}}, {"any": []}]}`, "empty-any-all", []string{"empty-any-all m.json:1:89 warning"}},
		{"doc inversion", `{"all": [{"field": {"username": "a"}}, {"except": {"field": {"metadata.terminated_date": null}}}]}`, "doc-inversion", []string{"doc-inversion m.json:1:89 warning"}},
		{"except of a value is fine", `{"all": [{"field": {"username": "a"}}, {"except": {"field": {"metadata.active": false}}}]}`, "doc-inversion", nil},
		{"dn syntax", `{"any": [{"field": {"dn": "not-a-dn"}}, {"field": {"groups": ["admins", "cn=ok,dc=x", "cn=a,=b"]}}, {"field": {"dn": "*,ou=x,dc"}}]}`,
			"dn-syntax", []string{"dn-syntax m.json:1:75 warning", "dn-syntax m.json:1:135 warning", "dn-syntax m.json:1:166 warning"}},
		{"dn pattern case", `{"any": [{"field": {"dn": "CN=*,OU=People,DC=example,DC=com"}}, {"field": {"groups": ["*,OU=Admins,DC=example,DC=com", "CN=ADMIN*", "/cn=\\D+/"]}}]}`,
			"dn-pattern-case", []string{"dn-pattern-case m.json:1:75 warning"}},
		{"literal looks like pattern", `{"any": [{"field": {"username": "adm?n"}}, {"field": {"groups": ["Team (EU)", "host$", "^admin.*$"]}}, {"field": {"username": "admin[0-9]*"}}]}`,
			"literal-looks-like-pattern", []string{"literal-looks-like-pattern m.json:1:81 warning", "literal-looks-like-pattern m.json:1:137 warning", "literal-looks-like-pattern m.json:1:181 warning"}},
		{"regex operators", `{"field": {"username": "/.*@example\\.com/"}}`, "literal-looks-like-pattern", []string{"literal-looks-like-pattern m.json:1:72 warning"}},
		{"escaped regex is fine", `{"field": {"username": "/.*\\@example\\.com/"}}`, "literal-looks-like-pattern", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintFiles(t, "", map[string]string{"m.json": body(tt.rules)}, tt.check)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestStoredAndScripting(t *testing.T) {
	m := `{"enabled": true, "role_templates": [{"template": {"id": "roles-script"}}, {"template": {"source": "_user_{{username}}"}}], "rules": {"field": {"realm.name": "saml1"}}}`
	got := lintFiles(t, "", map[string]string{"m.json": m}, "stored-template", "scripting-disabled")
	if strings.Join(got, "\n") != "stored-template m.json:1:58 info" {
		t.Errorf("got %q", got)
	}
	got = lintFiles(t, "scripting: {allowed_types: [stored]}\n", map[string]string{"m.json": m}, "scripting-disabled")
	if strings.Join(got, "\n") != "scripting-disabled m.json:1:76 error" {
		t.Errorf("got %q", got)
	}
}

func TestIgnore(t *testing.T) {
	cfg := `ignore:
  - {check: empty-any-all, path: "legacy/*.json", reason: "kept on purpose"}
  - {check: type-mismatch, reason: "nothing matches this"}
  - {check: unknown-field, mapping: m, reason: "expired", until: 2026-01-31}
`
	files := map[string]string{
		"legacy/a.json": body(`{"all": []}`),
		"m.json":        body(`{"field": {"userid": "x"}}`),
	}
	got := lintFiles(t, cfg, files, "empty-any-all", "unknown-field", "unused-ignore")
	want := []string{"unused-ignore .rolemap-lint.yaml:3:5 warning", "unused-ignore .rolemap-lint.yaml:4:5 warning", "unknown-field m.json:1:60 warning"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestLevels(t *testing.T) {
	got := lintFiles(t, "checks: {empty-any-all: error, unknown-field: off}\n",
		map[string]string{"m.json": body(`{"all": [{"all": []}, {"field": {"userid": "x"}}]}`)}, "empty-any-all", "unknown-field")
	if strings.Join(got, "\n") != "empty-any-all m.json:1:59 error" {
		t.Errorf("got %q", got)
	}
}

func TestMatchAllNeverMatches(t *testing.T) {
	tests := []struct {
		rules string
		want  []string
	}{
		{`{"field": {"username": "*"}}`, []string{"match-all m.json:1:40 warning"}},
		{`{"any": [{"field": {"realm.name": "ldap1"}}, {"except": {"field": {"realm.name": "ldap1"}}}]}`, nil}, // except outside all is a syntax error: no analysis
		{`{"all": [{"field": {"realm.name": "ldap1"}}, {"field": {"realm.name": "saml1"}}]}`, []string{"never-matches m.json:1:40 warning"}},
		{`{"all": [{"field": {"realm.name": "ldap1"}}, {"field": {"groups": "admins"}}]}`, nil},
		{`{"all": []}`, nil}, // owned by empty-any-all
		{`{"all": [{"field": {"username": "/.*/"}}, {"any": [{"field": {"realm.name": "a"}}, {"all": [{"except": {"field": {"realm.name": "a"}}}]}]}]}`, []string{"match-all m.json:1:40 warning"}},
	}
	for _, tt := range tests {
		got := lintFiles(t, "", map[string]string{"m.json": body(tt.rules)}, "match-all", "never-matches")
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.rules, got, tt.want)
		}
	}
	disabled := `{"enabled": false, "roles": ["viewer"], "rules": {"field": {"username": "*"}}}`
	if got := lintFiles(t, "", map[string]string{"m.json": disabled}, "match-all"); len(got) != 0 {
		t.Errorf("disabled mappings are not analyzed: %q", got)
	}
}

func TestRoleChecks(t *testing.T) {
	files := map[string]string{
		"m.json": `{
"a": {"enabled": true, "roles": ["superuser", "kibana_user", "nope"], "rules": {"field": {"groups": "admins"}}},
"b": {"enabled": true, "roles": ["superuser"], "rules": {"all": [{"field": {"realm.name": "ldap1"}}, {"field": {"groups": "admins"}}]}},
"c": {"enabled": true, "roles": ["root"], "rules": {"field": {"username": "x*"}}}
}`,
		"roles.yml": "root:\n  cluster: [all]\n",
	}
	got := lintFiles(t, "roles: {files: [roles.yml]}\n", files, "privileged-broad-grant", "removed-role", "unknown-role")
	want := []string{
		"privileged-broad-grant m.json:2:34 error",
		"removed-role m.json:2:47 warning",
		"unknown-role m.json:2:62 warning",
		"privileged-broad-grant m.json:4:34 error",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// Without a configured catalog, unknown roles are info.
	got = lintFiles(t, "", map[string]string{"m.json": files["m.json"]}, "unknown-role")
	if strings.Join(got, "\n") != "unknown-role m.json:2:62 info\nunknown-role m.json:4:34 info" {
		t.Errorf("got %q", got)
	}
}

func TestTemplateOutput(t *testing.T) {
	files := map[string]string{"m.json": `{
"a": {"enabled": true, "role_templates": [{"template": {"source": "{{metadata.team}}"}}], "rules": {"field": {"realm.name": "saml1"}}},
"b": {"enabled": true, "role_templates": [{"template": {"source": "{{username}}"}, "format": "json"}], "rules": {"field": {"realm.name": "saml1"}}},
"c": {"enabled": true, "role_templates": [{"template": {"source": "team_{{metadata.team}}"}}], "rules": {"all": [{"field": {"realm.name": "saml1"}}, {"field": {"metadata.team": "*"}}]}},
"d": {"enabled": true, "role_templates": [{"template": {"source": "[\"{{username}}\"]"}, "format": "json"}], "rules": {"field": {"realm.name": "saml1"}}}
}`}
	got := lintFiles(t, "", files, "template-output")
	want := []string{"template-output m.json:2:43 warning", "template-output m.json:3:43 warning"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestTemplateRoleInjection(t *testing.T) {
	files := map[string]string{"m.json": `{
"a": {"enabled": true, "role_templates": [{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}], "rules": {"all": [{"field": {"realm.name": "saml1"}}, {"field": {"groups": "es-users"}}]}},
"b": {"enabled": true, "role_templates": [{"template": {"source": "_user_{{username}}"}}], "rules": {"field": {"realm.name": "saml1"}}},
"c": {"enabled": true, "role_templates": [{"template": {"source": "{{username}}"}}], "rules": {"all": [{"field": {"realm.name": "saml1"}}, {"field": {"username": ["alice", "bob"]}}]}},
"d": {"enabled": true, "role_templates": [{"template": {"source": "{{username}}"}}], "rules": {"field": {"realm.name": "saml1"}}},
"e": {"enabled": true, "role_templates": [{"template": {"source": "{{realm.name}}"}}], "rules": {"field": {"realm.name": "root"}}}
}`, "roles.yml": "root:\n  cluster: [all]\n"}
	// e: pinned to the realm "root", the template always renders "root", like
	// a fixed role scoped to that realm: nothing to report.
	got := lintFiles(t, "roles: {files: [roles.yml]}\n", files, "template-role-injection")
	want := []string{"template-role-injection m.json:2:68 warning", "template-role-injection m.json:5:68 warning"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
