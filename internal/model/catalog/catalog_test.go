package catalog

import (
	"slices"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// read loads a roles file and fails the test on findings.
func read(t *testing.T, name, content string) *RolesFile {
	t.Helper()
	rf, ds := ReadRolesFile(source.NewFile(name, []byte(content)))
	for _, d := range ds {
		t.Fatalf("%s: unexpected finding %s", name, d.Message)
	}
	return rf
}

func TestCatalogWithFilesAndNames(t *testing.T) {
	rolesYML := read(t, "config/roles.yml", `superuser:
  cluster: [monitor]
ops:
  cluster: [manage_security]
kibana_dashboard_only_user:
  cluster: []
shared:
  cluster: [monitor]
`)
	opsBody := read(t, "roles/ops.json", `{"cluster": ["monitor"]}`)
	sharedDump := read(t, "dump.json", `{"shared": {"cluster": ["all"]}, "reader": {"indices": []}}`)
	viewerBody := read(t, "roles/viewer.json", `{"cluster": []}`)

	c := New(v(8, 15), Options{
		Builtin:         true,
		Names:           []string{"sales", "ops"},
		Files:           []*RolesFile{opsBody, sharedDump, viewerBody, rolesYML},
		PrivilegedExtra: []string{"sales"},
	})
	if !c.HasCustomCatalog() {
		t.Error("HasCustomCatalog false with names and files")
	}
	lookups := []struct {
		name       string
		found      bool
		source     string
		privileged bool
	}{
		{"superuser", true, builtinSource, true},                        // built-in wins over roles.yml
		{"ops", true, "config/roles.yml", true},                         // roles.yml before the PUT body
		{"shared", true, "config/roles.yml", true},                      // privileged through the dump's definition
		{"reader", true, "dump.json", false},                            //
		{"sales", true, namesSource, true},                              // privileged_roles
		{"viewer", true, builtinSource, false},                          // the PUT body is rejected
		{"kibana_dashboard_only_user", true, "config/roles.yml", false}, // custom role of a removed name
		{"nobody", false, "", false},
	}
	for _, l := range lookups {
		r, ok := c.Lookup(l.name)
		if ok != l.found || r.Source != l.source || c.IsPrivileged(l.name) != l.privileged {
			t.Errorf("%s: found=%v source=%q privileged=%v, want %v %q %v",
				l.name, ok, r.Source, c.IsPrivileged(l.name), l.found, l.source, l.privileged)
		}
	}
	if _, ok := c.Removed("kibana_dashboard_only_user"); ok {
		t.Error("a removed built-in redefined in roles.yml is still reported removed")
	}
	if r, ok := c.Removed("apm_user"); ok || r.Name != "" {
		t.Error("apm_user is not removed in 8.15")
	}

	// Findings come in the order roles are added: roles.yml (the file
	// store) first, then the native roles in the order given.
	fs := c.Findings()
	checkDiags(t, fs, []wantDiag{
		{1, 1, diag.Warning, "role [superuser] is a built-in (reserved) role in Elasticsearch 8.15: Elasticsearch ignores"},
		{1, 1, diag.Warning, "role [ops] is also defined in config/roles.yml:3"},
		{1, 2, diag.Warning, "role [shared] is also defined in config/roles.yml:7"},
		{1, 1, diag.Error, "role [viewer] is a built-in (reserved) role in Elasticsearch 8.15: PUT /_security/role/viewer fails"},
	})
	files := []string{"config/roles.yml", "roles/ops.json", "dump.json", "roles/viewer.json"}
	for i, d := range fs {
		if i < len(files) && d.Span.File.Name != files[i] {
			t.Errorf("finding %d in %s, want %s", i, d.Span.File.Name, files[i])
		}
	}
}

func TestCatalogFindingsAreStable(t *testing.T) {
	a := read(t, "a.yml", "x: {cluster: [all]}\n")
	b := read(t, "b.yml", "x: {cluster: [monitor]}\n")
	c := New(esversion.Newest, Options{Files: []*RolesFile{a, b, nil}})
	fs := c.Findings()
	if len(fs) != 1 || fs[0].Span.File.Name != "b.yml" || fs[0].Related[0].Span.File.Name != "a.yml" {
		t.Fatalf("findings: %+v", fs)
	}
	fs[0].Message = "changed"
	if c.Findings()[0].Message == "changed" {
		t.Error("Findings exposes the catalog's slice")
	}
	if r, _ := c.Lookup("x"); r.Source != "a.yml" || !c.IsPrivileged("x") {
		t.Errorf("x: %+v", r)
	}
}

func TestSuggest(t *testing.T) {
	rolesYML := read(t, "roles.yml", "sales_reader: {}\nsales_writer: {}\n")
	c := New(esversion.Newest, Options{Builtin: true, Files: []*RolesFile{rolesYML}})
	tests := []struct{ in, want string }{
		{"superusr", "superuser"},
		{"Superuser", "superuser"},
		{"kibana_usr", "kibana_user"},
		{"kibana_sytsem", "kibana_system"},
		{"sales_readr", "sales_reader"},
		{"viwer", "viewer"},
		{"superuser", ""},
		{"xyz", ""},
		{"kibana_dashboard_only_user", ""}, // removed in 9.x, not suggested
		{"", ""},
	}
	for _, tt := range tests {
		if got := c.Suggest(tt.in); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if names := c.Names(); !slices.IsSorted(names) || !slices.Contains(names, "sales_writer") {
		t.Errorf("Names() = %v", names)
	}
	if c.Version() != esversion.Newest {
		t.Errorf("Version() = %v", c.Version())
	}
}
