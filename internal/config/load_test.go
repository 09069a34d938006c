package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// writeFiles creates files (slash paths relative to dir) with contents.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const mergeESYML = `xpack.security.authc.realms:
  ldap.ldap1:
    order: 0
    files.role_mapping: mappings/ldap1.yml
  ldap.ldap2:
    order: 1
  saml.saml1:
    order: 2
  pki.pki1:
    order: 3
    unmapped_groups_as_roles: true
script.allowed_types: stored
script.allowed_contexts: [template]
xpack.security.authc.anonymous.roles: [anon_viewer]
`

func TestLoadMergesElasticsearchYML(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config/elasticsearch.yml": mergeESYML,
		".rolemap-lint.yaml": `es_version: "8.15"
realms:
  - {name: ldap2, type: ldap, unmapped_groups_as_roles: true, role_mapping_file: dn/ldap2.yml}
  - {name: pki1, type: saml}
  - {name: only_here, type: active_directory}
elasticsearch_yml: config/elasticsearch.yml
scripting: {allowed_types: [inline]}
`,
	})
	c, err := Load(filepath.Join(dir, FileName), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	esDir := filepath.Join(dir, "config")
	want := []Realm{
		{Name: "ldap2", Type: "ldap", Order: 1, OrderSet: true, Enabled: true, UnmappedGroupsAsRoles: true,
			RoleMappingFile: filepath.Join(dir, "dn", "ldap2.yml"), RoleMappingFileExplicit: true, Origin: FromBoth},
		{Name: "pki1", Type: "saml", Order: 3, OrderSet: true, Enabled: true, Origin: FromBoth},
		{Name: "only_here", Type: "active_directory", Enabled: true,
			RoleMappingFile: filepath.Join(esDir, "role_mapping.yml"), Origin: FromConfig},
		{Name: "ldap1", Type: "ldap", Order: 0, OrderSet: true, Enabled: true,
			RoleMappingFile: filepath.Join(esDir, "mappings", "ldap1.yml"), RoleMappingFileExplicit: true, Origin: FromElasticsearchYML},
		{Name: "saml1", Type: "saml", Order: 2, OrderSet: true, Enabled: true, Origin: FromElasticsearchYML},
	}
	if diff := cmp.Diff(want, c.Realms, realmCmp); diff != "" {
		t.Errorf("realms (-want +got):\n%s", diff)
	}
	// The config sets allowed_types (wins); allowed_contexts comes from elasticsearch.yml.
	if !cmp.Equal(c.Scripting.AllowedTypes, []string{"inline"}) || !cmp.Equal(c.Scripting.AllowedContexts, []string{"template"}) {
		t.Errorf("scripting = %+v", c.Scripting)
	}
	if !c.AnonymousRolesSet || !cmp.Equal(c.AnonymousRoles, []string{"anon_viewer"}) {
		t.Errorf("anonymous roles = %v", c.AnonymousRoles)
	}
	if c.ES == nil || c.ES.Settings.Len() == 0 {
		t.Fatal("ES settings not kept")
	}
	if len(c.Problems) != 1 || c.Problems[0].Level != diag.Warning ||
		!strings.Contains(c.Problems[0].Message, `realm "pki1" has type "saml" in the config but "pki" in`) {
		t.Errorf("problems = %v", problemStrings(c.Problems))
	}
	if pos := c.Realms[0].Span.Range().Start; c.Realms[0].Span.File != c.File || pos.Line != 3 {
		t.Errorf("merged realm span should be the config entry, got %v", pos)
	}

	// Which realms read which DN file.
	names := func(rs []Realm) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Name)
		}
		return out
	}
	if got := names(c.RoleMappingFileRealms(filepath.Join(esDir, "mappings", "ldap1.yml"))); !cmp.Equal(got, []string{"ldap1"}) {
		t.Errorf("realms of ldap1.yml = %v", got)
	}
	if got := names(c.RoleMappingFileRealms(filepath.Join(esDir, "role_mapping.yml"))); !cmp.Equal(got, []string{"only_here"}) {
		t.Errorf("realms of role_mapping.yml = %v", got)
	}
	if got := c.RoleMappingFileRealms(filepath.Join(dir, "other.yml")); len(got) != 0 {
		t.Errorf("realms of other.yml = %v", got)
	}
	if !c.IsRoleMappingFile("dn/ldap2.yml") || !c.IsRoleMappingFile("x/role_mapping.yml") || c.IsRoleMappingFile("dn/other.yml") {
		t.Error("IsRoleMappingFile wrong")
	}
	if !c.IsConfigInput(".rolemap-lint.yaml") || !c.IsConfigInput("config/elasticsearch.yml") || c.IsConfigInput("config/x.yml") {
		t.Error("IsConfigInput wrong")
	}
	if r, ok := c.Realm("saml1"); !ok || r.Type != "saml" {
		t.Errorf("Realm(saml1) = %+v %v", r, ok)
	}
}

func TestLoadVersionProblemsFromElasticsearchYML(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"es/elasticsearch.yml": "xpack.security.authc.realms.ldap1.type: ldap\nxpack.security.authc.realms.ldap1.order: 0\n",
		".rolemap-lint.yml":    "es_version: \"9.0\"\nelasticsearch_yml: es/elasticsearch.yml\n",
	})
	c, err := Load(filepath.Join(dir, AltFileName), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 || c.Problems[0].Level != diag.Error || !strings.Contains(c.Problems[0].Message, "6.x settings layout") {
		t.Errorf("problems = %v", problemStrings(c.Problems))
	}
	if len(c.Realms) != 0 {
		t.Errorf("realms = %+v", c.Realms)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"missing-es/.rolemap-lint.yaml": "# the ES file is missing\nelasticsearch_yml: nope/elasticsearch.yml\n",
		"bad-es/.rolemap-lint.yaml":     "elasticsearch_yml: elasticsearch.yml\n",
		"bad-es/elasticsearch.yml":      "a: 1\na: 2\n",
		"bad-config/.rolemap-lint.yaml": "exclude: x\n",
	})
	t.Chdir(dir)
	tests := []struct{ path, want string }{
		{"missing-es/.rolemap-lint.yaml", `missing-es/.rolemap-lint.yaml:2:20: elasticsearch_yml: cannot read "missing-es/nope/elasticsearch.yml": no such file or directory`},
		{"bad-es/.rolemap-lint.yaml", "bad-es/elasticsearch.yml:2:1: Duplicate field 'a' (first defined at line 1)"},
		{"bad-config/.rolemap-lint.yaml", `bad-config/.rolemap-lint.yaml:1:10: exclude: want a list of glob patterns, got the string "x"`},
		{"absent/.rolemap-lint.yaml", "absent/.rolemap-lint.yaml: cannot read config: no such file or directory"},
		{filepath.Join(dir, "bad-config", ".rolemap-lint.yaml"), `bad-config/.rolemap-lint.yaml:1:10: exclude: want a list of glob patterns, got the string "x"`},
	}
	for _, tt := range tests {
		_, err := Load(tt.path, LoadOptions{})
		if err == nil {
			t.Errorf("%s: no error", tt.path)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.path, err, tt.want)
		}
	}
}

func TestParseTooLarge(t *testing.T) {
	big := strings.Repeat("# filler\n", maxConfigSize/9+1)
	_, err := Parse("c.yaml", []byte(big), LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("err = %v", err)
	}
}
