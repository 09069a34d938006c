package config

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// FuzzLoad feeds arbitrary bytes to the config parser: it must never
// panic, and it returns either a usable config or positioned errors.
func FuzzLoad(f *testing.F) {
	seeds := []string{
		"",
		"es_version: \"9.1\"\nexclude: [\"vendor/**\"]\n",
		"roles:\n  builtin: true\n  names: [sales]\n  files: [\"roles/*.yml\"]\n",
		"realms:\n  - {name: ldap1, type: ldap, role_mapping_file: config/role_mapping.yml, unmapped_groups_as_roles: false}\n  - {name: saml1, type: saml}\n",
		"scripting: {allowed_types: [inline, stored], allowed_contexts: [template]}\n",
		"checks:\n  unknown-role: error\n  disabled-mapping: off\n  match-all: false\n",
		"ignore:\n  - {check: match-all, path: \"a/**\", mapping: m, reason: r, until: 2030-01-01}\n",
		"exclude: [\"{a,b\", \"[z-a]\", \"a\\\\\"]\n",
		"a: &x [1]\nb: *x\n<<: *x\n",
		"- 1\n- 2\n",
		"exclude: []\n---\nexclude: []\n",
		"es_version: 8.10\nrealms: [{name: a, type: ldpa, order: 0x10}]\n",
		"checks: {\"\": \"\"}\nignore: [[], {}, {reason: \"\"}]\n",
		"es_version: \"9.1\"\nclusters:\n  prod: {paths: [\"envs/prod/**\"], es_version: \"8.19\", checks: {match-all: off}}\n  staging: {paths: [envs/staging], exclude: [x], clusters: {}}\n",
		"clusters: {a: {}, \"\": {paths: []}, b: [], c: *x}\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	known := map[string]bool{"match-all": true, "unknown-role": true, "disabled-mapping": true}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(".rolemap-lint.yaml", data, LoadOptions{KnownChecks: known})
		if err != nil {
			if c != nil {
				t.Fatal("config returned together with an error")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %v", err)
			}
			for _, e := range list {
				if !strings.HasPrefix(e.Error(), ".rolemap-lint.yaml:") {
					t.Fatalf("error without the file name: %q", e)
				}
			}
			return
		}
		if c.ESVersion.Less(esversion.Oldest) {
			t.Fatalf("unsupported version accepted: %v", c.ESVersion)
		}
		for _, r := range c.Realms {
			if r.Name == "" || (!IsRealmType(r.Type) && r.Type != CustomRealmType) {
				t.Fatalf("invalid realm accepted: %+v", r)
			}
		}
		for _, ig := range c.Ignores {
			if ig.Reason == "" {
				t.Fatal("ignore entry without a reason")
			}
			ig.Matches("match-all", "a/b.json", "m", time.Now())
		}
		c.Excluded("a/b/c.json")
	})
}

// FuzzParseElasticsearchYML feeds arbitrary bytes to the settings
// flattener and the realm extraction.
func FuzzParseElasticsearchYML(f *testing.F) {
	seeds := []string{
		"",
		mergeESYML,
		"xpack.security.authc.realms.ldap1.type: ldap\nxpack.security.authc.realms.ldap1.order: 0\n",
		"a.b: 1\na:\n  b: 2\nx.0: y\n",
		"a: [1, [2]]\n",
		"a:\nb: ~\n",
		"a: yes\nb: !!bool n\nc: !!binary aGk=\nd: *e\n",
		"script.allowed_types: \"inline, ,none\"\nscript.allowed_contexts: []\n",
		"xpack.security.authc.realms.ldap.l.order: ${X}\nxpack.security.authc.realms.ldap.l.files.role_mapping: /abs.yml\n",
		"{a: {b: {c: [x, y]}}}\n---\nz: 1\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := ParseElasticsearchYML("elasticsearch.yml", data)
		if err != nil {
			return
		}
		for _, k := range es.Settings.Keys() {
			if _, ok := es.Settings.Get(k); !ok {
				t.Fatalf("key %q listed but missing", k)
			}
			es.Settings.GetAsList(k)
		}
		es.VersionProblems(esversion.Newest)
		es.VersionProblems(esversion.Oldest)
		for _, r := range es.Realms {
			if r.UsesDNFile() && r.RoleMappingFile == "" {
				t.Fatalf("DN realm without a file: %+v", r)
			}
		}
	})
}

// FuzzGlob compiles arbitrary patterns and matches arbitrary paths: no
// panics, and a literal pattern always matches itself.
func FuzzGlob(f *testing.F) {
	seeds := [][2]string{
		{"**/*.json", "a/b/c.json"},
		{"{a,{b,c}}/[!x-z]?", "c/ab"},
		{`a\*b`, "a*b"},
		{"vendor/**", "vendor"},
		{"[", "["},
		{"*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, path string) {
		g, err := CompileGlob(pattern)
		if err != nil {
			return
		}
		g.Match(path)
		if !strings.ContainsAny(pattern, `*?[]{}\`) && !strings.Contains(pattern, "..") {
			if clean := strings.Join(splitPath(pattern), "/"); clean != "" && !g.Match(clean) {
				t.Fatalf("literal pattern %q does not match %q", pattern, clean)
			}
		}
	})
}
