package workspace

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func parseDocs(t *testing.T, name, text string) []*source.Value {
	t.Helper()
	f := source.NewFile(name, []byte(text))
	if strings.HasSuffix(name, ".json") {
		root, _ := loader.ParseJSON(f)
		return []*source.Value{root}
	}
	docs, _ := loader.ParseYAML(f)
	return docs
}

func TestDocSignature(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // substring of the signature; "" = none
	}{
		{"put.json", `{"enabled": true, "roles": ["a"], "rules": {"field": {"username": "x"}}}`, "beside roles"},
		{"any.yaml", "roles: [a]\nrules:\n  any:\n    - field: {groups: g}\n", "beside roles"},
		{"templates.json", `{"role_templates": [], "rules": {"all": []}}`, "beside role_templates"},
		{"only-templates.yaml", "role_templates: [{template: {source: x}}]\n", "a role_templates member"},
		{"misspelled-rule-key.json", `{"enabled": true, "roles": ["a"], "rules": {"feild": {"username": "x"}}}`, "beside roles"},
		{"case.json", `{"roles": ["a"], "rules": {"ALL": []}}`, "beside roles"},
		{"missing-rules.yaml", "enabled: true\nroles: [viewer]\n", "only role mapping fields"},
		{"roles-string.yaml", "enabled: \"true\"\nroles: viewer\nmetadata: {owner: x}\n", "only role mapping fields"},
		{"dump.json", `{"m1": {"enabled": true, "roles": ["a"], "rules": {"field": {"dn": "x"}}}, "m2": {"roles": "x"}}`, "collection of bodies, [m1]"},
		{"operator.json", `{"metadata": {}, "state": {"role_mappings": {}}}`, "operator file settings"},
		{"eck.yaml", "kind: StackConfigPolicy\nspec: {elasticsearch: {securityRoleMappings: {}}}\n", "ECK StackConfigPolicy"},

		// Other tools' files.
		{"eck-no-mappings.yaml", "apiVersion: v1\nkind: StackConfigPolicy\nspec: {elasticsearch: {clusterSettings: {a: b}}}\n", ""},
		{"biome.json", `{"linter": {"enabled": true, "rules": {"all": true}}}`, ""},
		{"biome-recommended.json", `{"linter": {"enabled": true, "rules": {"recommended": true, "all": {}}}}`, ""},
		{"eslint.json", `{"root": true, "rules": {"no-console": "warn"}}`, ""},
		{"jsonlogic.json", `{"enabled": true, "roles": ["a"], "rules": {"and": [{"==": [1, 1]}]}}`, ""},
		{"helm.yaml", "rbac:\n  enabled: true\n  roles: [a]\n  rules: [{apiGroups: [\"\"]}]\n", ""},
		{"k8s-role.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules: [{verbs: [get]}]\n", ""},
		{"k8s-crd.yaml", "apiVersion: example.com/v1\nkind: Policy\nroles: [a]\nrules: {field: {x: y}}\n", ""},
		{"keycloak.json", `{"realm": "r", "enabled": true, "roles": {"realm": [{"name": "user"}]}}`, ""},
		{"user.json", `{"enabled": true, "roles": ["a"], "password": "x"}`, ""},
		{"renovate.json", `{"enabled": true, "extends": ["config:recommended"]}`, ""},
		{"opensearch.yml", "all_access:\n  reserved: false\n  backend_roles: [admin]\n", ""},
		{"prometheus.yml", "groups:\n  - name: a\n    rules:\n      - alert: X\n", ""},
		{"list.json", `[{"enabled": true, "roles": ["a"], "rules": {"all": []}}]`, ""},
		{"deep.json", `{"roles": ["a"], "rules": {"all": [{"any": [{"field": {"groups": ["a", "b"]}}, {"except": {"field": {"dn": null}}}]}]}}`, "beside roles"},
		{"typo-inside.yaml", "enabled: true\nroles: [a]\nrules:\n  any:\n    - feild: {username: x}\n    - Field: {realm.name: [a, 1, true]}\n", "beside roles"},
		{"broken-rules-closed.json", `{"enabled": true, "roles": ["a"], "rules": {"any": [{"username": "x"}]}}`, "only role mapping fields"},
		{"kyverno-shaped.yaml", "enabled: true\nroles: [a]\nname: x\nrules:\n  any:\n    - resources: {kinds: [Pod]}\n", ""},
		{"rules-engine.json", `{"name": "r", "enabled": true, "roles": ["a"], "rules": {"all": [{"fact": "age", "operator": "greaterThan", "value": 18}]}}`, ""},
		{"nested-field.json", `{"enabled": true, "roles": ["a"], "type": "x", "rules": {"field": {"spec": {"a": "b"}}}}`, ""},
		{"helm-empty-roles.yaml", "rbac:\n  enabled: true\n  roles: []\n", ""},
		{"helm-empty-rules.yaml", "rbac:\n  enabled: true\n  roles: []\n  rules: {}\n", ""},
		{"labeler.yaml", "docs:\n  - all:\n    - changed-files: [{any-glob-to-any-file: ['**/*.md']}]\n", ""},
		{"editor.json", `{"$schema": "https://example.com/role-mapping.schema.json", "enabled": true, "roles": ["a"], "rules": {"field": {"dn": "x"}}}`, "beside roles"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			for _, d := range parseDocs(t, tc.name, tc.text) {
				if s := docSignature(d); s != "" {
					got = s
					break
				}
			}
			switch {
			case tc.want == "" && got != "":
				t.Errorf("signature %q, want none", got)
			case tc.want != "" && !strings.Contains(got, tc.want):
				t.Errorf("signature %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWeakSignatureAndPathHints(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"role: [a]\nrule: {}\n", true},
		{"enable: true\n", true},
		{"m1: {roles: x}\n", true},
		{"name: x\n", false},
		{"apiVersion: v1\nkind: ConfigMap\nrules: []\n", false},
	} {
		docs := parseDocs(t, "x.yaml", tc.text)
		if got := weakDocSignature(docs[0]) != ""; got != tc.want {
			t.Errorf("weakDocSignature(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"es/role_mappings/a.json", true},
		{"es/role-mapping.yaml", true},
		{"RoleMappings/a.json", true},
		{"config/role_mapping.yml", true},
		{"opensearch/roles_mapping.yml", false},
		{"roles/a.json", false},
	} {
		if got := pathSaysRoleMapping(tc.path); got != tc.want {
			t.Errorf("pathSaysRoleMapping(%q) = %v", tc.path, got)
		}
	}
}

func TestTextSignatureAndTemplates(t *testing.T) {
	for _, tc := range []struct {
		text      string
		signature bool
		templated bool
	}{
		{"{\n \"enabled\": true\n \"roles\": [\"a\"],\n \"rules\": {\"field\": {\"username\": \"b\"}}\n}", true, false},
		{"role_templates: [\n", true, false},
		{"state:\n  role_mappings: {\n", true, false},
		{"{\"name\": \"x\"", false, false},
		{"rules:\n{{ toYaml .Values.rules | indent 2 }}\nroles: [a]\nfield: x\n", false, true},
		{"roles: [a]\nrules:\n  any:\n    - field: {username: [x}\n", true, false},
		{"{\"roles\": [\"a\"], \"rules\": {\"ALL\": [{\"feild\": {\"dn\": \"x\"}}],}}", true, false},
		// Other tools' broken files: the words are there, the shape is not.
		{"{\n  \"linter\": {\n    \"enabled\": true,\n    \"rules\": {\n      \"all\": true,\n    },\n  },\n}\n", false, false},
		{"networkPolicy:\n  enabled: true\n  egress:\n    - to:\n      - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}\nrbac:\n  rules:\n  - apiGroups: [\"\"]\nrbac: {}\n", false, false},
		{"apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nspec:\n  rules:\n  - match:\n      any:\n      - roles: [admin]\n    validate:\n      message: {{ request.object.kind }} is bad\n", false, false},
		{"apiVersion: v1\nkind: StackConfigPolicy\nspec: {elasticsearch: {securityRoleMappings: {\n", true, false},
		{"{{- if .Values.enabled }}\nkind: Role\n", false, true},
		{"{% if x %}\na: b\n", false, true},
		// Mustache in a role template is not a Helm template.
		{"role_templates: [{template: {source: \"{{#groups}}{{.}}{{/groups}}\"}}\n", true, false},
	} {
		if got := textSignature([]byte(tc.text)) != ""; got != tc.signature {
			t.Errorf("textSignature(%q) = %v", tc.text, got)
		}
		if got := isTemplated([]byte(tc.text)); got != tc.templated {
			t.Errorf("isTemplated(%q) = %v", tc.text, got)
		}
	}
}

func TestMultiDocumentClaims(t *testing.T) {
	dir := writeTree(t, map[string]string{
		// A Kubernetes bundle: only the ECK policy carries mappings; the
		// Role beside it (with its rules list) is not read as a mapping.
		"k8s/bundle.yaml": "apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n---\n" +
			"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules: [{verbs: [get]}]\n---\n" +
			"kind: StackConfigPolicy\nspec:\n  elasticsearch:\n    securityRoleMappings:\n      eck1: " + body + "\n",
		// A mapping file whose second document is a broken body: once the
		// file holds mappings, the broken one is reported, not dropped.
		"m/multi.yaml": "a1: " + body + "\n---\nb1:\n  roles: [x]\n",
	})
	ws := load(t, dir)
	if got := names(ws); got != "operator:eck1 api:a1 api:b1" {
		t.Errorf("mappings = %q", got)
	}
	for _, m := range ws.Mappings {
		if m.Name == "b1" && m.Valid() {
			t.Error("the broken body b1 must carry its problems")
		}
	}
	for _, d := range ws.Diags {
		t.Errorf("unexpected file-level finding: %v", d)
	}
}

func TestFixtureFileClaims(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"m.json":                  body,
		"a/ok_test.yaml":          "tests:\n  - name: x\n    user: {username: a}\n    roles: []\n",
		"a/typo_test.yaml":        "tests:\n  - name: x\n    usr: {username: a}\n    roles: []\n",
		"a/empty_test.yaml":       "tests: []\n",
		"a/broken_test.yaml":      "tests:\n  - name: [x\n    user: {username: a}\n",
		"b/helm_test.yaml":        "suite: s\ntemplates: [a.yaml]\ntests:\n  - it: renders\n    asserts: [{isKind: {of: Pod}}]\n",
		"b/vectors_test.json":     `{"tests": [{"input": "a", "expected": "b"}]}`,
		"b/no-tests_test.json":    `{"cases": []}`,
		"b/tests.yaml":            "tests:\n  - name: x\n    user: {username: a}\n    includes: [viewer]\n",
		"b/other-tests_list.yaml": "tests:\n  - name: x\n    input: 1\n",
	})
	ws := load(t, dir)
	kinds := map[string]FileKind{}
	for _, f := range ws.Files {
		kinds[f.Source.Name] = f.Kind
	}
	for name, want := range map[string]FileKind{
		"a/ok_test.yaml": FixtureFile, "a/typo_test.yaml": FixtureFile, "a/empty_test.yaml": FixtureFile,
		"a/broken_test.yaml": FixtureFile, "b/helm_test.yaml": UnrecognizedFile,
		"b/vectors_test.json": UnrecognizedFile, "b/no-tests_test.json": UnrecognizedFile,
	} {
		if kinds[name] != want {
			t.Errorf("%s: kind %v, want %v", name, kinds[name], want)
		}
	}
	var named []string
	for _, d := range ws.Diags {
		if d.Check == CheckFixtureName {
			named = append(named, d.Span.File.Name)
		}
	}
	if strings.Join(named, " ") != "b/tests.yaml" {
		t.Errorf("fixture-name findings on %v, want b/tests.yaml only", named)
	}
}

// TestSchemaIsNotAMapping: the JSON Schema of a role mapping body (which
// `rolemap-lint schema` prints for editors, and repositories commit) names
// every body field but is not a body.
func TestSchemaIsNotAMapping(t *testing.T) {
	text := `{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
	  "required": ["enabled", "rules"],
	  "properties": {
	    "enabled": {"type": ["boolean", "string"]},
	    "roles": {"type": ["array", "string"], "items": {"type": "string"}},
	    "role_templates": {"type": ["array", "object"], "items": {"$ref": "#/$defs/template"}},
	    "rules": {"$ref": "#/$defs/rule"},
	    "metadata": {"type": "object"}
	  },
	  "$defs": {"rule": {"oneOf": [{"properties": {"any": {"type": "array"}}}, {"properties": {"field": {"type": "object"}}}]}}}`
	for _, d := range parseDocs(t, "role-mapping.schema.json", text) {
		if s := weakDocSignature(d); s != "" {
			t.Errorf("the schema has a signature: %s", s)
		}
	}
	// Even named like a role mapping file, as the schema's $id suggests.
	dir := writeTree(t, map[string]string{"schema/role-mapping.schema.json": text})
	ws, err := Load(Options{Dir: dir, Paths: []string{dir}})
	if !errors.Is(err, ErrNoFiles) || len(ws.Diags) != 0 {
		t.Errorf("schema file: err %v, diags %v, decisions %v", err, ws.Diags, ws.Decisions)
	}
}

// TestPathHintBelowRepositoryRoot: the folder names that say "role
// mapping" count only below the repository root, so a checkout named
// es-role-mappings, linted from its parent, does not make its Helm values
// role mappings.
func TestPathHintBelowRepositoryRoot(t *testing.T) {
	parent := writeTree(t, map[string]string{
		"es-role-mappings/.git/HEAD":           "ref: refs/heads/main\n",
		"es-role-mappings/helm/values.yaml":    "rbac:\n  enabled: true\n",
		"es-role-mappings/role_mappings/a.yml": "role: [x]\n",
		"es-role-mappings/ok.json":             body,
	})
	ws := load(t, parent, filepath.Join(parent, "es-role-mappings"))
	got := map[string]Verdict{}
	for _, d := range ws.Decisions {
		got[d.File] = d.Verdict
	}
	if got["es-role-mappings/helm/values.yaml"] != Skipped {
		t.Errorf("the checkout's name made helm values a mapping: %v", ws.Decisions)
	}
	if got["es-role-mappings/role_mappings/a.yml"] != MappingVerdict {
		t.Errorf("a role_mappings folder inside the repository must still count: %v", ws.Decisions)
	}
}
