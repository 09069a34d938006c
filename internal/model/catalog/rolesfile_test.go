package catalog

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// wantRole is an expected role: name, privileged, and the position of its
// definition.
type wantRole struct {
	name       string
	privileged bool
	line, col  int
}

// wantDiag is an expected finding: where, level, and a message fragment.
type wantDiag struct {
	line, col int
	level     diag.Level
	contains  string
}

func (w wantDiag) String() string {
	return fmt.Sprintf("%d:%d %s %q", w.line, w.col, w.level, w.contains)
}

const rolesYML = `# roles for the sales team
sales:
  cluster: [monitor]
  indices:
    - names: ["sales-*"]
      privileges: [read]
admin:
  cluster: [ALL]
café:
  cluster: []
broken:
  cluster: [monitor
typo:
  clustr: [monitor]
notobj: [a, b]
impersonator:
  run_as: ["e*"]
---
sales:
  cluster: [manage]
{first: {}, second: {}}
empty:
api:
  restriction: {workflows: [search_application_query]}
`

func TestReadRolesFile(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		content   string
		shape     Shape
		fileStore bool
		roles     []wantRole
		diags     []wantDiag
	}{
		{
			name: "roles.yml role by role", file: "config/roles.yml", content: rolesYML,
			shape: ShapeRoles, fileStore: true,
			roles: []wantRole{{"admin", true, 7, 1}, {"impersonator", true, 16, 1}, {"sales", false, 19, 1}, {"first", false, 21, 2}},
			diags: []wantDiag{
				{9, 1, diag.Error, "invalid role name [café]"},
				{12, 1, diag.Error, "invalid role definition, Elasticsearch skips the role"},
				{14, 3, diag.Error, "unknown field [clustr] in role [typo]"},
				{15, 9, diag.Error, "role [notobj] must be an object"},
				{18, 1, diag.Info, "no role here"},
				{19, 1, diag.Warning, "role [sales] is defined again; the definition at line 2 is ignored"},
				{21, 13, diag.Warning, "role [second] is ignored"},
				{22, 1, diag.Error, "role [empty] must be an object holding cluster, indices, ... ; found null"},
				{24, 3, diag.Error, "field [restriction] is only accepted in the role descriptors of API keys"},
			},
		},
		{
			name: "BOM, CRLF and a tab-indented line that breaks its role", file: "roles.yml",
			content: "\ufeffa1:\r\n  cluster: [all]\r\nb1:\r\n\tcluster: [all]\r\nc1: {run_as: ['/el.*/']}\r\n",
			shape:   ShapeRoles, fileStore: true,
			roles: []wantRole{{"a1", true, 1, 1}, {"c1", true, 5, 1}},
			diags: []wantDiag{{4, 1, diag.Error, "invalid role definition"}},
		},
		{
			name: "indented lines before the first role are dropped", file: "roles.yml",
			content: "  stray: line\nok: {cluster: [manage_security]}\n",
			shape:   ShapeRoles, fileStore: true,
			roles: []wantRole{{"ok", true, 2, 1}},
		},
		{
			name: "PUT body in JSON, named after the file", file: "roles/ops.json",
			content: `{"cluster": ["monitor"], "indices": [{"names": ["*"], "privileges": ["ALL"]}], "run_as": ["bob"]}`,
			shape:   ShapeBody,
			roles:   []wantRole{{"ops", false, 1, 1}},
		},
		{
			name: "PUT body with restriction is rejected", file: "roles/ops.json",
			content: `{"cluster": ["manage_security"], "restriction": {"workflows": []}}`,
			shape:   ShapeBody,
			diags:   []wantDiag{{1, 34, diag.Error, `("failed to parse role [ops]. unexpected field [restriction]")`}},
		},
		{
			name: "PUT body in YAML", file: "roles/viewer2.yaml", content: "cluster: [monitor]\nrun_as: ['*']\n",
			shape: ShapeBody, roles: []wantRole{{"viewer2", true, 1, 1}},
		},
		{
			name: "PUT body file with an invalid role name", file: "roles/bad name .json", content: `{}`,
			shape: ShapeBody,
			diags: []wantDiag{{1, 1, diag.Error, "invalid role name [bad name ]"}},
		},
		{
			name: "GET dump skips reserved roles", file: "dump.json",
			content: `{"superuser": {"cluster": ["all"], "metadata": {"_reserved": true}},
 "custom": {"cluster": ["cluster:admin/xpack/security/*"], "transient_metadata": {"enabled": true}},
 "x": 3}`,
			shape: ShapeRoles,
			roles: []wantRole{{"custom", true, 2, 2}},
			diags: []wantDiag{{3, 7, diag.Error, "role [x] must be an object"}},
		},
		{
			name: "JSON that does not parse", file: "bad.json", content: `{"a": `,
			shape: ShapeEmpty,
			diags: []wantDiag{{1, 7, diag.Error, "roles file: unexpected end of file"}},
		},
		{
			name: "JSON array", file: "roles/list.json", content: `[1]`,
			shape: ShapeEmpty,
			diags: []wantDiag{{1, 1, diag.Error, "found array"}},
		},
		{
			name: "invalid UTF-8 skips the whole file", file: "roles.yml", content: "a:\n  cluster: [\xff]\nb: {}\n",
			shape: ShapeEmpty,
			diags: []wantDiag{{2, 13, diag.Error, "not valid UTF-8 (byte 0xFF)"}},
		},
		{
			name: "no extension, YAML content", file: "roles", content: "r: {cluster: [manage_own_api_key]}\n",
			shape: ShapeRoles, fileStore: true,
			roles: []wantRole{{"r", false, 1, 1}},
		},
		{
			name: "empty file", file: "roles.yml", content: "# nothing yet\n\n",
			shape: ShapeEmpty, fileStore: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf, ds := ReadRolesFile(source.NewFile(tt.file, []byte(tt.content)))
			if rf.Shape != tt.shape || rf.FileStore != tt.fileStore {
				t.Errorf("shape %s fileStore %v, want %s %v", rf.Shape, rf.FileStore, tt.shape, tt.fileStore)
			}
			var got []wantRole
			for _, r := range rf.Roles {
				p := r.Span.Range().Start
				got = append(got, wantRole{r.Name, r.Privileged, p.Line, p.Col})
				if r.Source != tt.file || r.Builtin {
					t.Errorf("role %s: source %q builtin %v", r.Name, r.Source, r.Builtin)
				}
			}
			if !slices.Equal(got, tt.roles) {
				t.Errorf("roles\n got %v\nwant %v", got, tt.roles)
			}
			checkDiags(t, ds, tt.diags)
		})
	}
}

// checkDiags compares findings with expectations, in order.
func checkDiags(t *testing.T, ds []diag.Diagnostic, want []wantDiag) {
	t.Helper()
	if len(ds) != len(want) {
		t.Errorf("%d findings, want %d:", len(ds), len(want))
	}
	for i, d := range ds {
		p := d.Span.Range().Start
		if d.Check != CheckRolesFile {
			t.Errorf("finding %d has check %q", i, d.Check)
		}
		if d.Span.File == nil {
			t.Errorf("finding %d has no file", i)
		}
		if i >= len(want) {
			t.Errorf("  unexpected %d:%d %s %s", p.Line, p.Col, d.Level, d.Message)
			continue
		}
		w := want[i]
		if p.Line != w.line || p.Col != w.col || d.Level != w.level || !strings.Contains(d.Message, w.contains) {
			t.Errorf("  got  %d:%d %s %s\n  want %s", p.Line, p.Col, d.Level, d.Message, w)
		}
	}
	for _, w := range want[min(len(ds), len(want)):] {
		t.Errorf("  missing %s", w)
	}
}

func TestLoadRolesFileFromParsedDocs(t *testing.T) {
	f := source.NewFile("roles/dump.yml", []byte("a:\n  cluster: [all]\nb:\n  cluster: [monitor]\n  bogus: 1\n"))
	docs, ds := loader.ParseYAML(f)
	if len(ds) != 0 || len(docs) != 1 {
		t.Fatalf("loader: %v %v", docs, ds)
	}
	rf, found := LoadRolesFile(f, docs)
	if len(rf.Roles) != 1 || rf.Roles[0].Name != "a" || !rf.Roles[0].Privileged || !rf.FileStore {
		t.Errorf("roles: %+v", rf)
	}
	checkDiags(t, found, []wantDiag{{5, 3, diag.Error, "unknown field [bogus] in role [b]"}})
	if r, ok := rf.Lookup("a"); !ok || r.Span.Range().Start.Line != 1 {
		t.Errorf("Lookup(a) = %+v, %v", r, ok)
	}
	if _, ok := rf.Lookup("b"); ok {
		t.Error("a role Elasticsearch rejects was loaded")
	}
	var nilFile *RolesFile
	if _, ok := nilFile.Lookup("a"); ok {
		t.Error("nil RolesFile found a role")
	}
}

func TestPrivilegeSummary(t *testing.T) {
	tests := []struct {
		body           string
		clusterAll     bool
		manageSecurity bool
		runAs          bool
		indexAll       bool
		securityAdmin  []string
	}{
		{`{"cluster": ["all"]}`, true, false, false, false, nil},
		{`{"cluster": ["Manage_Security"]}`, false, true, false, false, nil},
		{`{"cluster": ["cluster:admin/xpack/security/role/put"]}`, false, true, false, false, nil},
		{`{"cluster": ["cluster:admin/xpack/*"]}`, false, true, false, false, nil},
		{`{"cluster": ["cluster:*"]}`, false, true, false, false, nil},
		{`{"cluster": ["cluster:admin/xpack/security/role_mapping/p?t"]}`, false, true, false, false, nil},
		{`{"cluster": ["cluster:admin/xpack/security/api_key/create"]}`, false, false, false, false,
			[]string{"cluster:admin/xpack/security/api_key/create"}},
		{`{"cluster": ["cluster:monitor/*", "manage", "monitor"]}`, false, false, false, false, nil},
		{`{"cluster": ["manage_api_key", "GRANT_API_KEY", "manage_api_key"]}`, false, false, false, false,
			[]string{"grant_api_key", "manage_api_key"}},
		{`{"run_as": ["*"]}`, false, false, true, false, nil},
		{`{"run_as": ["el?stic"]}`, false, false, true, false, nil},
		{`{"run_as": ["/e.*/"]}`, false, false, true, false, nil},
		{`{"run_as": ["/[a-d].*/", "admin*", "\\*", "/unterminated", "elastic2"]}`, false, false, false, false, nil},
		{`{"run_as": "elastic"}`, false, false, true, false, nil},
		{`{"indices": [{"names": ["*"], "privileges": ["read", "ALL"]}]}`, false, false, false, true, nil},
		{`{"indices": [{"names": "*", "privileges": ["all"]}]}`, false, false, false, true, nil},
		{`{"index": [{"names": ["logs-*"], "privileges": ["all"]}, 7]}`, false, false, false, false, nil},
		{`{"cluster": "all", "run_as": [1, null]}`, true, false, false, false, nil},
	}
	for _, tt := range tests {
		root, ds := loader.ParseJSON(source.NewFile("r.json", []byte(tt.body)))
		if root == nil || len(ds) > 0 {
			t.Fatalf("%s: %v", tt.body, ds)
		}
		p := summarize(root, nil)
		if p.ClusterAll != tt.clusterAll || p.ManageSecurity != tt.manageSecurity || p.RunAsSuperuser != tt.runAs ||
			p.IndexAllOnAll != tt.indexAll || !slices.Equal(p.SecurityAdmin, tt.securityAdmin) {
			t.Errorf("%s: got %+v", tt.body, p)
		}
		if p.privileged() != (tt.clusterAll || tt.manageSecurity || tt.runAs) {
			t.Errorf("%s: privileged = %v", tt.body, p.privileged())
		}
	}
}

func TestNilFile(t *testing.T) {
	if rf, ds := ReadRolesFile(nil); rf == nil || len(rf.Roles) != 0 || len(ds) != 0 {
		t.Errorf("ReadRolesFile(nil) = %+v, %v", rf, ds)
	}
	if rf, ds := LoadRolesFile(nil, []*source.Value{{Kind: source.Object}}); rf == nil || len(ds) != 0 {
		t.Errorf("LoadRolesFile(nil) = %+v, %v", rf, ds)
	}
}

func TestSmallHelpers(t *testing.T) {
	for s, want := range map[Shape]string{ShapeEmpty: "empty", ShapeRoles: "roles", ShapeBody: "role body"} {
		if s.String() != want {
			t.Errorf("Shape(%d).String() = %q", s, s.String())
		}
	}
	long := strings.Repeat("é", 80) // 160 bytes: cut at a rune boundary
	if got := short(long); !strings.HasSuffix(got, "…") || len(got) > 103 || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("short: %q", got)
	}
	if short("sales") != "sales" {
		t.Error("short changed a short name")
	}
	r := Role{Added: ver(7, 13), Removed: ver(9, 0)}
	for at, want := range map[string]bool{"7.12": false, "7.13": true, "8.19": true, "9.0": false} {
		var maj, min int
		fmt.Sscanf(at, "%d.%d", &maj, &min)
		if got := r.ExistsAt(v(maj, min)); got != want {
			t.Errorf("ExistsAt(%s) = %v", at, got)
		}
	}
}
