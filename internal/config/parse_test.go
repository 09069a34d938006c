package config

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

var testChecks = map[string]bool{
	"unknown-role": true, "disabled-mapping": true, "match-all": true, "syntax": true,
}

func parseTest(t *testing.T, src string) (*Config, error) {
	t.Helper()
	return Parse(".rolemap-lint.yaml", []byte(src), LoadOptions{KnownChecks: testChecks})
}

// TestParseErrors checks the exact text of every kind of config error.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key with suggestion", "es_version: \"9.1\"\nexclude: []\nroles:\n  builtin: true\nexlude: [x]\n",
			`.rolemap-lint.yaml:5:1: unknown key "exlude" (did you mean "exclude"?)`},
		{"unknown nested key", "roles:\n  builtin: true\n  nmes: [a]\n",
			`.rolemap-lint.yaml:3:3: unknown key "nmes" in roles (did you mean "names"?)`},
		{"unknown key without suggestion", "frobnicate: 1\n",
			`.rolemap-lint.yaml:1:1: unknown key "frobnicate" (known keys: es_version, mappings, exclude, role_mapping_files, roles, realms, elasticsearch_yml, scripting, privileged_roles, anonymous_roles, checks, ignore, yaml_reader, limits, clusters)`},
		{"duplicate key", "exclude: [a]\nexclude: [b]\n",
			`.rolemap-lint.yaml:2:1: duplicate key "exclude" (first defined at line 1)`},
		{"duplicate nested key", "roles:\n  names: [a]\n  names: [b]\n",
			`.rolemap-lint.yaml:3:3: duplicate key "names" in roles (first defined at line 2)`},
		{"not a mapping", "- a\n- b\n",
			`.rolemap-lint.yaml:1:1: the config must be a mapping of keys (es_version, exclude, ...), got a list`},
		{"non-string key", "1: a\n",
			`.rolemap-lint.yaml:1:1: keys must be strings, got a number`},
		{"two documents", "exclude: []\n---\nexclude: []\n",
			`.rolemap-lint.yaml:3:1: the config file must hold a single YAML document`},
		{"yaml syntax", "exclude: [a\nroles: {}\n",
			`.rolemap-lint.yaml:1: invalid YAML: did not find expected ',' or ']'`},
		{"alias", "a: &x [1]\n",
			`.rolemap-lint.yaml:1:1: unknown key "a" (known keys: es_version, mappings, exclude, role_mapping_files, roles, realms, elasticsearch_yml, scripting, privileged_roles, anonymous_roles, checks, ignore, yaml_reader, limits, clusters)`},
		{"alias value", "exclude: &x [a]\nrole_mapping_files: *x\n",
			`.rolemap-lint.yaml:2:21: role_mapping_files: YAML aliases are not supported in the config`},

		{"es_version garbage", "es_version: \"nine\"\n",
			`.rolemap-lint.yaml:1:13: es_version: invalid Elasticsearch version "nine" (want MAJOR.MINOR, e.g. "8.15")`},
		{"es_version unquoted", "es_version: 8.10\n",
			`.rolemap-lint.yaml:1:13: es_version: write the version as a quoted string, es_version: "8.10" (unquoted, YAML reads it as a number, and 8.10 would be 8.1)`},
		{"es_version too old", "es_version: \"6.8\"\n",
			`.rolemap-lint.yaml:1:13: es_version: Elasticsearch version 6.8 is not supported: role templates and the modelled rule DSL need 7.2 or later`},
		{"es_version list", "es_version: [9]\n",
			`.rolemap-lint.yaml:1:13: es_version: want a string, got a list`},

		{"exclude not a list", "exclude: \"vendor/**\"\n",
			`.rolemap-lint.yaml:1:10: exclude: want a list of glob patterns, got the string "vendor/**"`},
		{"exclude bad glob", "exclude:\n  - ok/**\n  - \"bad[\"\n",
			`.rolemap-lint.yaml:3:5: exclude[1]: glob pattern "bad[": unterminated '['`},
		{"exclude absolute", "exclude: [/etc/**]\n",
			`.rolemap-lint.yaml:1:11: exclude[0]: glob pattern "/etc/**" is absolute; patterns are relative to the config file's directory`},
		{"exclude empty", "exclude: [\"\"]\n",
			`.rolemap-lint.yaml:1:11: exclude[0]: must not be empty`},
		{"role_mapping_files bad brace", "role_mapping_files: [\"{a,b\"]\n",
			`.rolemap-lint.yaml:1:22: role_mapping_files[0]: glob pattern "{a,b": unterminated '{'`},

		{"roles not mapping", "roles: [a]\n",
			`.rolemap-lint.yaml:1:8: roles: want a mapping, got a list`},
		{"roles.builtin string", "roles:\n  builtin: \"yes\"\n",
			`.rolemap-lint.yaml:2:12: roles.builtin: want true or false, got the string "yes"`},
		{"roles.names number", "roles:\n  names: [a, 3]\n",
			`.rolemap-lint.yaml:2:14: roles.names[1]: want a string, got a number`},
		{"roles.files bad", "roles:\n  files: [\"[]\"]\n",
			`.rolemap-lint.yaml:2:11: roles.files[0]: glob pattern "[]": empty character class '[]'`},

		{"realms not list", "realms: {name: a}\n",
			`.rolemap-lint.yaml:1:9: realms: want a list of realms ({name, type, ...}), got a mapping`},
		{"realm missing name", "realms:\n  - type: ldap\n",
			`.rolemap-lint.yaml:2:5: realms[0]: missing required key "name"`},
		{"realm missing type", "realms:\n  - name: x\n",
			`.rolemap-lint.yaml:2:5: realms[0]: missing required key "type" (one of native, file, ldap, active_directory, pki, saml, kerberos, oidc, jwt, custom)`},
		{"realm unknown type", "realms:\n  - {name: a, type: ldpa}\n",
			`.rolemap-lint.yaml:2:21: realms[0].type: unknown realm type "ldpa" (did you mean "ldap"?)`},
		{"realm unknown type far", "realms:\n  - {name: a, type: radius}\n",
			`.rolemap-lint.yaml:2:21: realms[0].type: unknown realm type "radius" (known types: native, file, ldap, active_directory, pki, saml, kerberos, oidc, jwt, custom)`},
		{"realm unknown key", "realms:\n  - {name: a, type: ldap, role_mapping: x}\n",
			`.rolemap-lint.yaml:2:27: unknown key "role_mapping" in realms[0] (did you mean "role_mapping_file"?)`},
		{"realm file on saml", "realms:\n  - name: s\n    type: saml\n    role_mapping_file: r.yml\n",
			`.rolemap-lint.yaml:4:5: realms[0].role_mapping_file: only ldap, active_directory and pki realms read a role_mapping.yml (this realm's type is saml)`},
		{"realm unmapped on oidc", "realms:\n  - {name: o, type: oidc, unmapped_groups_as_roles: true}\n",
			`.rolemap-lint.yaml:2:27: realms[0].unmapped_groups_as_roles: only ldap, active_directory and pki realms read a role_mapping.yml (this realm's type is oidc)`},
		{"realm unmapped not bool", "realms:\n  - {name: l, type: ldap, unmapped_groups_as_roles: \"true\"}\n",
			`.rolemap-lint.yaml:2:53: realms[0].unmapped_groups_as_roles: want true or false, got the string "true"`},
		{"realm order not int", "realms:\n  - {name: l, type: ldap, order: first}\n",
			`.rolemap-lint.yaml:2:34: realms[0].order: want an integer, got the string "first"`},
		{"realm duplicate name", "realms:\n  - {name: l, type: ldap}\n  - {name: l, type: saml}\n",
			`.rolemap-lint.yaml:3:12: realms[1].name: realm "l" is already defined at line 2 (realm names are unique across types)`},
		{"realm empty name", "realms:\n  - {name: \"\", type: ldap}\n",
			`.rolemap-lint.yaml:2:12: realms[0].name: must not be empty`},

		{"elasticsearch_yml not string", "elasticsearch_yml: [a]\n",
			`.rolemap-lint.yaml:1:20: elasticsearch_yml: want a string, got a list`},

		{"scripting bad type", "scripting: {allowed_types: [inline, remote]}\n",
			`.rolemap-lint.yaml:1:28: scripting.allowed_types: unknown script type [remote] found in setting [script.allowed_types].`},
		{"scripting none and other", "scripting:\n  allowed_types: [none, inline]\n",
			`.rolemap-lint.yaml:2:18: scripting.allowed_types: cannot specify both [none] and other script types for setting [script.allowed_types].`},
		{"scripting empty types", "scripting:\n  allowed_types: []\n",
			`.rolemap-lint.yaml:2:18: scripting.allowed_types: must specify at least one script type or none for setting [script.allowed_types].`},
		{"scripting contexts none", "scripting:\n  allowed_contexts: [template, none]\n",
			`.rolemap-lint.yaml:2:21: scripting.allowed_contexts: cannot specify both [none] and other script contexts for setting [script.allowed_contexts].`},
		{"scripting unknown key", "scripting:\n  allowed_type: [inline]\n",
			`.rolemap-lint.yaml:2:3: unknown key "allowed_type" in scripting (did you mean "allowed_types"?)`},

		{"privileged_roles not list", "privileged_roles: admin\n",
			`.rolemap-lint.yaml:1:19: privileged_roles: want a list of strings, got the string "admin"`},
		{"anonymous_roles null element", "anonymous_roles: [a, ~]\n",
			`.rolemap-lint.yaml:1:22: anonymous_roles[1]: want a string, got null`},

		{"checks unknown id", "checks:\n  unknwn-role: error\n",
			`.rolemap-lint.yaml:2:3: checks: unknown check "unknwn-role" (did you mean "unknown-role"?)`},
		{"checks unknown id far", "checks:\n  zzz: error\n",
			"`.rolemap-lint.yaml:2:3: checks: unknown check \"zzz\" (run `rolemap-lint checks` for the list)`"},
		{"checks bad level", "checks:\n  unknown-role: fatal\n",
			`.rolemap-lint.yaml:2:17: checks.unknown-role: unknown level "fatal" (want error, warning, info or off)`},
		{"checks true", "checks:\n  unknown-role: true\n",
			`.rolemap-lint.yaml:2:17: checks.unknown-role: want a level (error, warning, info, off or false), got a boolean`},
		{"checks duplicate", "checks:\n  syntax: error\n  syntax: off\n",
			`.rolemap-lint.yaml:3:3: duplicate key "syntax" in checks (first defined at line 2)`},
		{"checks not mapping", "checks: [syntax]\n",
			`.rolemap-lint.yaml:1:9: checks: want a mapping, got a list`},

		{"ignore missing reason", "ignore:\n  - check: match-all\n",
			`.rolemap-lint.yaml:2:5: ignore[0]: missing required key "reason" (say why the finding is accepted)`},
		{"ignore empty reason", "ignore:\n  - {check: match-all, reason: \" \"}\n",
			`.rolemap-lint.yaml:2:32: ignore[0].reason: must not be empty`},
		{"ignore nothing to match", "ignore:\n  - reason: because\n",
			`.rolemap-lint.yaml:2:5: ignore[0]: give at least one of check, path or mapping (an entry without them would suppress every finding)`},
		{"ignore unknown check", "ignore:\n  - {check: mach-all, reason: r}\n",
			`.rolemap-lint.yaml:2:13: ignore[0].check: unknown check "mach-all" (did you mean "match-all"?)`},
		{"ignore bad date", "ignore:\n  - {check: match-all, reason: r, until: 2025-13-01}\n",
			`.rolemap-lint.yaml:2:42: ignore[0].until: want a date YYYY-MM-DD, got the string "2025-13-01"`},
		{"ignore date wrong format", "ignore:\n  - {check: match-all, reason: r, until: \"1/2/2025\"}\n",
			`.rolemap-lint.yaml:2:42: ignore[0].until: want a date YYYY-MM-DD, got the string "1/2/2025"`},
		{"ignore bad path", "ignore:\n  - {path: \"a/[b\", reason: r}\n",
			`.rolemap-lint.yaml:2:12: ignore[0].path: glob pattern "a/[b": unterminated '['`},
		{"ignore unknown key", "ignore:\n  - {check: syntax, reason: r, expires: 2025-01-01}\n",
			`.rolemap-lint.yaml:2:32: unknown key "expires" in ignore[0] (known keys: check, path, mapping, reason, until)`},
		{"ignore not list", "ignore: {check: syntax}\n",
			`.rolemap-lint.yaml:1:9: ignore: want a list of entries ({check, path, mapping, reason, until}), got a mapping`},

		{"several errors sorted", "roles:\n  builtin: 1\nexlude: []\n",
			".rolemap-lint.yaml:2:12: roles.builtin: want true or false, got a number\n" +
				`.rolemap-lint.yaml:3:1: unknown key "exlude" (did you mean "exclude"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Trim(tt.want, "`")
			c, err := parseTest(t, tt.src)
			if err == nil {
				t.Fatalf("no error; config %+v", c)
			}
			if got := err.Error(); got != want {
				t.Errorf("error:\n got %s\nwant %s", got, want)
			}
			if c != nil {
				t.Errorf("config returned with error")
			}
		})
	}
}

// TestParseValid checks what each key stores.
func TestParseValid(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, ".rolemap-lint.yaml")
	src := `# a full config
es_version: "8.15"
exclude: ["vendor/**", "*.tmp"]
role_mapping_files: ["config/role_mapping.yml"]
roles:
  builtin: false
  names: [sales, ldap-user]
  files: ["roles/*.yml"]
realms:
  - {name: ldap1, type: ldap, role_mapping_file: config/role_mapping.yml, unmapped_groups_as_roles: false}
  - {name: saml1, type: saml, order: 2, enabled: false}
  - {name: ad1, type: active_directory}
  - {name: ext, type: custom}
elasticsearch_yml: config/elasticsearch.yml
scripting: {allowed_types: [inline, stored], allowed_contexts: [template]}
privileged_roles: [superuser, ops_admin]
anonymous_roles: []
checks:
  unknown-role: error
  disabled-mapping: off
  match-all: false
  syntax: warn
ignore:
  - {check: match-all, path: "legacy/*.json", mapping: everyone, reason: "known", until: 2030-01-31}
  - {mapping: m2, reason: "quoted date", until: "2030-02-01"}
`
	c, err := Parse(name, []byte(src), LoadOptions{KnownChecks: testChecks})
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != dir || c.Path != name {
		t.Errorf("Dir/Path = %q %q", c.Dir, c.Path)
	}
	if c.ESVersion != (esversion.Version{Major: 8, Minor: 15}) || !c.ESVersionSet {
		t.Errorf("ESVersion = %v set=%v", c.ESVersion, c.ESVersionSet)
	}
	if got := patterns(c.Exclude); !cmp.Equal(got, []string{"vendor/**", "*.tmp"}) {
		t.Errorf("Exclude = %v", got)
	}
	if got := patterns(c.RoleMappingFiles); !cmp.Equal(got, []string{"config/role_mapping.yml"}) {
		t.Errorf("RoleMappingFiles = %v", got)
	}
	if c.Roles.Builtin || !cmp.Equal(c.Roles.Names, []string{"sales", "ldap-user"}) || !cmp.Equal(patterns(c.Roles.Files), []string{"roles/*.yml"}) {
		t.Errorf("Roles = %+v", c.Roles)
	}
	if !c.HasRoleCatalog() {
		t.Error("HasRoleCatalog = false")
	}
	wantRealms := []Realm{
		{Name: "ldap1", Type: "ldap", Enabled: true, RoleMappingFile: filepath.Join(dir, "config", "role_mapping.yml"), RoleMappingFileExplicit: true, Origin: FromConfig},
		{Name: "saml1", Type: "saml", Order: 2, OrderSet: true, Enabled: false, Origin: FromConfig},
		{Name: "ad1", Type: "active_directory", Enabled: true, Origin: FromConfig},
		{Name: "ext", Type: "custom", Enabled: true, Origin: FromConfig},
	}
	if diff := cmp.Diff(wantRealms, c.Realms, realmCmp); diff != "" {
		t.Errorf("Realms (-want +got):\n%s", diff)
	}
	if pos := c.Realms[1].Span.Range().Start; pos.Line != 11 || pos.Col != 5 {
		t.Errorf("realm span at %v", pos)
	}
	if c.ElasticsearchYML != filepath.Join(dir, "config", "elasticsearch.yml") {
		t.Errorf("ElasticsearchYML = %q", c.ElasticsearchYML)
	}
	if !c.Scripting.AllowedTypesSet || !cmp.Equal(c.Scripting.AllowedTypes, []string{"inline", "stored"}) ||
		!c.Scripting.AllowedContextsSet || !cmp.Equal(c.Scripting.AllowedContexts, []string{"template"}) {
		t.Errorf("Scripting = %+v", c.Scripting)
	}
	if !cmp.Equal(c.PrivilegedRoles, []string{"superuser", "ops_admin"}) {
		t.Errorf("PrivilegedRoles = %v", c.PrivilegedRoles)
	}
	if !c.AnonymousRolesSet || len(c.AnonymousRoles) != 0 {
		t.Errorf("AnonymousRoles = %v set=%v", c.AnonymousRoles, c.AnonymousRolesSet)
	}
	wantChecks := map[string]diag.Level{"unknown-role": diag.Error, "disabled-mapping": diag.Off, "match-all": diag.Off, "syntax": diag.Warning}
	if !cmp.Equal(c.Checks, wantChecks) {
		t.Errorf("Checks = %v", c.Checks)
	}
	if len(c.Ignores) != 2 {
		t.Fatalf("Ignores = %d", len(c.Ignores))
	}
	ig := c.Ignores[0]
	if ig.Check != "match-all" || ig.Path.Pattern != "legacy/*.json" || ig.Mapping != "everyone" || ig.Reason != "known" ||
		!ig.Until.Equal(time.Date(2030, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Ignores[0] = %+v", ig)
	}
	if pos := ig.Span.Range().Start; pos.Line != 24 || pos.Col != 5 {
		t.Errorf("ignore span at %v", pos)
	}
	if !c.Ignores[1].Until.Equal(time.Date(2030, 2, 1, 0, 0, 0, 0, time.UTC)) || c.Ignores[1].Check != "" {
		t.Errorf("Ignores[1] = %+v", c.Ignores[1])
	}
	if len(c.Problems) != 0 {
		t.Errorf("Problems = %v", c.Problems)
	}
}

func TestParseDefaultsAndEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "---\n", "~\n"} {
		c, err := parseTest(t, src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if c.ESVersion != esversion.Newest || c.ESVersionSet || !c.Roles.Builtin || c.HasRoleCatalog() ||
			len(c.Checks) != 0 || c.Scripting.AllowedTypesSet || c.AnonymousRolesSet {
			t.Errorf("%q: not the defaults: %+v", src, c)
		}
	}
	d := Default()
	if d.ESVersion != esversion.Newest || !d.Roles.Builtin || d.Path != "" || d.Dir == "" {
		t.Errorf("Default() = %+v", d)
	}
}

func TestParseNewerVersionIsAProblem(t *testing.T) {
	c, err := parseTest(t, "es_version: \"9.9\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.ESVersion != (esversion.Version{Major: 9, Minor: 9}) || len(c.Problems) != 1 || c.Problems[0].Level != diag.Warning {
		t.Fatalf("ESVersion %v problems %v", c.ESVersion, c.Problems)
	}
	want := ".rolemap-lint.yaml:1:13: warning: es_version 9.9 is newer than the newest version rolemap-lint models (9.2); behaviour that changed after 9.2 is not reproduced"
	if got := c.Problems[0].String(); got != want {
		t.Errorf("problem\n got %s\nwant %s", got, want)
	}
}

func TestParseNilKnownChecksAcceptsAnyID(t *testing.T) {
	c, err := Parse("c.yaml", []byte("checks: {anything-goes: info}\nignore: [{check: whatever, reason: r}]\n"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Checks["anything-goes"] != diag.Info || c.Ignores[0].Check != "whatever" {
		t.Errorf("got %+v", c)
	}
}

func TestLevel(t *testing.T) {
	c, err := parseTest(t, "checks: {unknown-role: error, match-all: off}\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		check string
		def   diag.Level
		want  diag.Level
	}{
		{"unknown-role", diag.Warning, diag.Error},
		{"match-all", diag.Warning, diag.Off},
		{"syntax", diag.Error, diag.Error},
		{"disabled-mapping", diag.Info, diag.Info},
	}
	for _, tt := range tests {
		if got := c.Level(tt.check, tt.def); got != tt.want {
			t.Errorf("Level(%q, %v) = %v, want %v", tt.check, tt.def, got, tt.want)
		}
	}
}

func patterns(gs []*Glob) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Pattern)
	}
	return out
}

// realmCmp compares realms without their spans and private flags.
var realmCmp = cmp.Options{cmpopts.IgnoreUnexported(Realm{}), cmpopts.IgnoreFields(Realm{}, "Span")}
