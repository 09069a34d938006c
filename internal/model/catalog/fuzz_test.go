package catalog

import (
	"testing"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// fuzzNames are the file names the fuzz target tries, one per kind byte.
var fuzzNames = []string{"config/roles.yml", "roles/body.json", "roles/body.yaml", "roles/noext"}

func FuzzLoadRolesFile(f *testing.F) {
	seeds := []string{
		rolesYML,
		"\ufeffa1:\r\n  cluster: [all]\r\nb1:\r\n\tcluster: [all]\r\n",
		`{"cluster": ["manage_security"], "indices": [{"names": ["*"], "privileges": ["all"]}], "run_as": ["/el.*/"]}`,
		`{"superuser": {"metadata": {"_reserved": true}}, "r": {"cluster": ["cluster:*"]}, "x": []}`,
		"{a: {}, b: {}}\n---\n- x\n",
		"a: &x {cluster: [all]}\nb: *x\n",
		"r: {run_as: ['/(a|b)*c{2,5}[^x]/', '**?\\\\']}\n",
		"",
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i))
	}
	f.Fuzz(func(t *testing.T, content []byte, kind uint8) {
		name := fuzzNames[int(kind)%len(fuzzNames)]
		file := source.NewFile(name, content)
		rf, ds := ReadRolesFile(file)
		checkFuzzResult(t, file, rf, ds)

		var docs []*source.Value
		if isYAMLFile(file) {
			docs, _ = loader.ParseYAML(file)
		} else if root, _ := loader.ParseJSON(file); root != nil {
			docs = []*source.Value{root}
		}
		rf2, ds2 := LoadRolesFile(file, docs)
		checkFuzzResult(t, file, rf2, ds2)

		c := New(esversion.Newest, Options{Builtin: true, Files: []*RolesFile{rf, rf2}})
		for _, d := range c.Findings() {
			checkSpan(t, d.Span)
		}
		for _, r := range rf.Roles {
			if _, ok := c.Lookup(r.Name); !ok {
				t.Errorf("role %q of the file is not in the catalog", r.Name)
			}
			_ = c.Suggest(r.Name + "x")
		}
	})
}

// checkFuzzResult checks the invariants of a loaded roles file.
func checkFuzzResult(t *testing.T, file *source.File, rf *RolesFile, ds []diag.Diagnostic) {
	t.Helper()
	if rf == nil || rf.File != file {
		t.Fatalf("no RolesFile for %s", file.Name)
	}
	seen := map[string]bool{}
	for _, r := range rf.Roles {
		if validateRoleName(r.Name) != "" {
			t.Errorf("role with an invalid name %q was loaded", r.Name)
		}
		if seen[r.Name] {
			t.Errorf("role %q loaded twice", r.Name)
		}
		seen[r.Name] = true
		if r.Privileged != r.Privileges.privileged() {
			t.Errorf("role %q: Privileged disagrees with its privileges", r.Name)
		}
		checkSpan(t, r.Span)
	}
	for _, d := range ds {
		if d.Check != CheckRolesFile && d.Check != loader.CheckAmbiguousYAML {
			t.Errorf("finding with check %q: %s", d.Check, d.Message)
		}
		if d.Message == "" || !utf8.ValidString(d.Message) && utf8.Valid(file.Content) {
			t.Errorf("bad message %q", d.Message)
		}
		checkSpan(t, d.Span)
		for _, r := range d.Related {
			checkSpan(t, r.Span)
		}
	}
}

// checkSpan checks that a span lies within its file.
func checkSpan(t *testing.T, sp source.Span) {
	t.Helper()
	if sp.File == nil {
		t.Errorf("span without a file")
		return
	}
	if sp.Start < 0 || sp.End < sp.Start || sp.End > len(sp.File.Content) {
		t.Errorf("span [%d, %d) outside %s (%d bytes)", sp.Start, sp.End, sp.File.Name, len(sp.File.Content))
	}
}
