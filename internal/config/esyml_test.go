package config

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

func parseES(t *testing.T, src string) *ESSettings {
	t.Helper()
	es, err := ParseElasticsearchYML(filepath.Join("esconf", "elasticsearch.yml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func problemStrings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestRealmExtraction(t *testing.T) {
	src := `xpack.security.authc.realms:
  ldap.ldap1:
    order: 0
    url: "ldaps://ldap.example.com"
  ldap.ldap2:
    order: 1
    files.role_mapping: "ldap2_roles.yml"
    unmapped_groups_as_roles: true
  active_directory.ad1:
    order: 2
    files:
      role_mapping: /etc/es/ad.yml
  pki.pki1: {order: 3, enabled: false}
  saml.saml1: {order: 4, idp.metadata.path: saml.xml, authorization_realms: "ldap1, native1"}
  native.native1: {order: 5}
`
	es := parseES(t, src)
	dir, _ := filepath.Abs("esconf")
	want := []Realm{
		{Name: "ad1", Type: "active_directory", Order: 2, OrderSet: true, Enabled: true,
			RoleMappingFile: "/etc/es/ad.yml", RoleMappingFileExplicit: true, Origin: FromElasticsearchYML},
		{Name: "ldap1", Type: "ldap", Order: 0, OrderSet: true, Enabled: true,
			RoleMappingFile: filepath.Join(dir, "role_mapping.yml"), Origin: FromElasticsearchYML},
		{Name: "ldap2", Type: "ldap", Order: 1, OrderSet: true, Enabled: true,
			RoleMappingFile: filepath.Join(dir, "ldap2_roles.yml"), RoleMappingFileExplicit: true, UnmappedGroupsAsRoles: true, Origin: FromElasticsearchYML},
		{Name: "native1", Type: "native", Order: 5, OrderSet: true, Enabled: true, Origin: FromElasticsearchYML},
		{Name: "pki1", Type: "pki", Order: 3, OrderSet: true, Enabled: false,
			RoleMappingFile: filepath.Join(dir, "role_mapping.yml"), Origin: FromElasticsearchYML},
		{Name: "saml1", Type: "saml", Order: 4, OrderSet: true, Enabled: true, AuthorizationRealms: []string{"ldap1", "native1"}, Origin: FromElasticsearchYML},
	}
	if diff := cmp.Diff(want, es.Realms, realmCmp); diff != "" {
		t.Errorf("realms (-want +got):\n%s", diff)
	}
	if len(es.Problems) != 0 {
		t.Errorf("problems: %v", problemStrings(es.Problems))
	}
	if pos := es.Realms[1].Span.Range().Start; pos.Line != 3 || pos.Col != 5 {
		t.Errorf("ldap1 span at %v, want its first setting (3:5)", pos)
	}
	if es.Dir != dir {
		t.Errorf("Dir = %q", es.Dir)
	}
	if got := es.VersionProblems(esversion.Newest); len(got) != 0 {
		t.Errorf("version problems: %v", problemStrings(got))
	}
}

func TestRealmSettingProblems(t *testing.T) {
	src := `xpack.security.authc.realms.ldap.l1.order: first
xpack.security.authc.realms.ldap.l1.enabled: "yes"
xpack.security.authc.realms.ldap.l1.unmapped_groups_as_roles: "True"
xpack.security.authc.realms.saml.s1.order: 1
xpack.security.authc.realms.saml.s1.files.role_mapping: r.yml
xpack.security.authc.realms.ldpa.x.order: 2
xpack.security.authc.realms.pki.p1.order: [1]
xpack.security.authc.realms.file.dup.order: 3
xpack.security.authc.realms.native.dup.order: 4
xpack.security.authc.realms.ldap.l2.order: ${LDAP_ORDER}
xpack.security.authc.realms.ldap.l2.unmapped_groups_as_roles: ${UNMAPPED}
xpack.security.authc.realms.ldap.l2.files.role_mapping: ${ES_PATH_CONF}/x.yml
`
	es := parseES(t, src)
	n := filepath.Join("esconf", "elasticsearch.yml")
	want := []string{
		n + ":1:44: error: Failed to parse value [first] for setting [xpack.security.authc.realms.ldap.l1.order]",
		n + ":2:46: error: setting [xpack.security.authc.realms.ldap.l1.enabled]: Failed to parse value [yes] as only [true] or [false] are allowed.",
		n + ":3:63: error: setting [xpack.security.authc.realms.ldap.l1.unmapped_groups_as_roles]: Failed to parse value [True] as only [true] or [false] are allowed.",
		n + ":6:1: warning: unknown realm type [ldpa] for realm [x] (did you mean \"ldap\"?); Elasticsearch only accepts it if a plugin provides the realm type",
		n + ":7:43: error: setting [xpack.security.authc.realms.pki.p1.order] takes a single value, not a list",
		n + ":5:1: error: unknown setting [xpack.security.authc.realms.saml.s1.files.role_mapping] please check that any required plugins are installed, or check the breaking changes documentation for removed settings (only ldap, active_directory and pki realms read a role_mapping.yml)",
		n + ":9:1: error: Found multiple realms configured with the same name: dup: xpack.security.authc.realms.file.dup,xpack.security.authc.realms.native.dup (realm names must be unique across types)",
	}
	if diff := cmp.Diff(want, problemStrings(es.Problems)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	l2, ok := findRealm(es.Realms, "l2")
	if !ok || l2.OrderSet || l2.UnmappedGroupsAsRoles || l2.RoleMappingFileExplicit {
		t.Errorf("placeholder realm = %+v", l2)
	}
}

func findRealm(rs []Realm, name string) (Realm, bool) {
	for _, r := range rs {
		if r.Name == name {
			return r, true
		}
	}
	return Realm{}, false
}

func TestLegacyRealmLayout(t *testing.T) {
	src := `xpack:
  security:
    authc:
      realms:
        ldap1:
          type: ldap
          order: 0
          files.role_mapping: legacy.yml
        saml9:
          type: saml
`
	es := parseES(t, src)
	if len(es.Realms) != 0 {
		t.Errorf("7.x realms from a 6.x layout: %+v", es.Realms)
	}
	if len(es.LegacyRealms) != 2 {
		t.Fatalf("legacy realms = %+v", es.LegacyRealms)
	}
	l := es.LegacyRealms[0]
	if l.Name != "ldap1" || l.Type != "ldap" || !l.OrderSet || !l.RoleMappingFileExplicit || filepath.Base(l.RoleMappingFile) != "legacy.yml" {
		t.Errorf("legacy realm = %+v", l)
	}
	n := filepath.Join("esconf", "elasticsearch.yml")
	want := []string{
		n + ":6:11: error: realm [ldap1] uses the 6.x settings layout xpack.security.authc.realms.ldap1.type; Elasticsearch 8.15 does not support it: write its settings as xpack.security.authc.realms.ldap.ldap1.<setting>",
		n + ":10:11: error: realm [saml9] uses the 6.x settings layout xpack.security.authc.realms.saml9.type; Elasticsearch 8.15 does not support it: write its settings as xpack.security.authc.realms.saml.saml9.<setting>",
	}
	if diff := cmp.Diff(want, problemStrings(es.VersionProblems(esversion.Version{Major: 8, Minor: 15}))); diff != "" {
		t.Errorf("version problems (-want +got):\n%s", diff)
	}
}

func TestVersionProblemsOrders(t *testing.T) {
	src := `xpack.security.authc.realms:
  ldap.a: {order: 1}
  saml.b: {order: 1}
  jwt.c: {url: x}
  file.d: {enabled: false}
`
	es := parseES(t, src)
	n := filepath.Join("esconf", "elasticsearch.yml")
	tests := []struct {
		version esversion.Version
		want    []string
	}{
		{esversion.Version{Major: 7, Minor: 2}, []string{
			n + ":4:11: error: realm [c] has type [jwt], which needs Elasticsearch 8.2 or later (es_version is 7.2)",
		}},
		{esversion.Version{Major: 7, Minor: 17}, []string{
			n + ":4:11: error: realm [c] has type [jwt], which needs Elasticsearch 8.2 or later (es_version is 7.17)",
			n + ":4:11: warning: Found realms without order config: [xpack.security.authc.realms.jwt.c.order] (deprecated since 7.7; Elasticsearch 8.0 and later refuse to start)",
			n + ":3:12: warning: Found multiple realms configured with the same order: 1: xpack.security.authc.realms.ldap.a.order,xpack.security.authc.realms.saml.b.order (deprecated since 7.7; Elasticsearch 8.0 and later refuse to start)",
		}},
		{esversion.Version{Major: 9, Minor: 1}, []string{
			n + ":4:11: error: Found realms without order config: [xpack.security.authc.realms.jwt.c.order] (Elasticsearch 8.0 and later refuse to start)",
			n + ":3:12: error: Found multiple realms configured with the same order: 1: xpack.security.authc.realms.ldap.a.order,xpack.security.authc.realms.saml.b.order (Elasticsearch 8.0 and later refuse to start)",
		}},
	}
	for _, tt := range tests {
		got := problemStrings(es.VersionProblems(tt.version))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.version, diff)
		}
	}
}

func TestScriptAndAnonymousSettings(t *testing.T) {
	tests := []struct {
		name, src    string
		types        []string
		typesSet     bool
		contexts     []string
		contextsSet  bool
		anon         []string
		anonSet      bool
		problem      string
		templatesOK  bool
		storedOK     bool
		templateCtxt bool
	}{
		{name: "nothing set", src: "cluster.name: x\n", templatesOK: true, storedOK: true, templateCtxt: true},
		{name: "comma string", src: "script.allowed_types: \"inline, stored\"\n", types: []string{"inline", "stored"}, typesSet: true,
			templatesOK: true, storedOK: true, templateCtxt: true},
		{name: "list", src: "script:\n  allowed_types: [stored]\n  allowed_contexts: [search, update]\n",
			types: []string{"stored"}, typesSet: true, contexts: []string{"search", "update"}, contextsSet: true,
			templatesOK: false, storedOK: false},
		{name: "none", src: "script.allowed_types: none\n", types: []string{"none"}, typesSet: true, templateCtxt: true},
		{name: "bad type", src: "script.allowed_types: inline,remote\n", types: []string{"inline", "remote"}, typesSet: true,
			problem: "unknown script type [remote] found in setting [script.allowed_types].", templatesOK: true, templateCtxt: true},
		{name: "empty", src: "script.allowed_types: \"\"\n", types: []string{}, typesSet: true,
			problem: "must specify at least one script type or none for setting [script.allowed_types].", templateCtxt: true},
		{name: "placeholder leaves it unset", src: "script.allowed_types: ${TYPES}\n", templatesOK: true, storedOK: true, templateCtxt: true},
		{name: "anonymous roles", src: "xpack.security.authc.anonymous:\n  username: anon\n  roles: \"viewer, reader\"\n",
			anon: []string{"viewer", "reader"}, anonSet: true, templatesOK: true, storedOK: true, templateCtxt: true},
		{name: "anonymous roles list", src: "xpack.security.authc.anonymous.roles: [a]\n",
			anon: []string{"a"}, anonSet: true, templatesOK: true, storedOK: true, templateCtxt: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := parseES(t, tt.src)
			s := es.Script
			if !cmp.Equal(s.AllowedTypes, tt.types) || s.AllowedTypesSet != tt.typesSet ||
				!cmp.Equal(s.AllowedContexts, tt.contexts) || s.AllowedContextsSet != tt.contextsSet {
				t.Errorf("script = %+v", s)
			}
			if !cmp.Equal(es.AnonymousRoles, tt.anon) || es.AnonymousRolesSet != tt.anonSet {
				t.Errorf("anonymous = %v %v", es.AnonymousRoles, es.AnonymousRolesSet)
			}
			var msgs []string
			for _, p := range es.Problems {
				msgs = append(msgs, p.Message)
			}
			if got := strings.Join(msgs, "\n"); got != tt.problem {
				t.Errorf("problems = %q, want %q", got, tt.problem)
			}
			if got := s.TemplatesAllowed(ScriptInline); got != (tt.templatesOK && tt.templateCtxt) {
				t.Errorf("TemplatesAllowed(inline) = %v", got)
			}
			if got := s.TypeAllowed(ScriptStored); got != tt.storedOK && tt.name != "list" {
				t.Errorf("TypeAllowed(stored) = %v", got)
			}
			if got := s.ContextAllowed(TemplateContext); got != tt.templateCtxt {
				t.Errorf("ContextAllowed(template) = %v", got)
			}
		})
	}
}

func TestOverriddenSettingIsAProblem(t *testing.T) {
	es := parseES(t, "xpack.security.authc.realms.ldap.l.order: 1\nxpack.security.authc.realms.ldap.l:\n  order: 2\n")
	if r, _ := findRealm(es.Realms, "l"); r.Order != 2 {
		t.Errorf("order = %d, want the later 2", r.Order)
	}
	if len(es.Problems) != 1 || es.Problems[0].Level != diag.Warning ||
		!strings.Contains(es.Problems[0].Message, "setting [xpack.security.authc.realms.ldap.l.order] is written twice (also at line 1)") {
		t.Errorf("problems = %v", problemStrings(es.Problems))
	}
}

func TestLoadElasticsearchYMLErrors(t *testing.T) {
	if _, err := LoadElasticsearchYML(filepath.Join(t.TempDir(), "nope.yml")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadElasticsearchYML(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("directory: %v", err)
	}
}
