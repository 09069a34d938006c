// Package internal holds rolemap-lint's packages that are not meant to be
// imported from outside the module. Its only file is this test, which keeps
// the layering of the whole tree one-way (docs/architecture.md draws it).
package internal

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// module is the module path; imports outside it are not ranked.
const module = "github.com/rolemap-lint/rolemap-lint"

// layers ranks every package of the module, by import path prefix (the
// longest prefix wins). A package may import packages of its own rank or a
// lower one, never a higher one. Test files may reach higher (a check's
// test may run the whole engine); only the product code is ranked.
var layers = []struct {
	rank     int
	name     string
	prefixes []string
}{
	// Leaves every layer may name: budgets, positions and findings, file
	// confinement, paths as reports name them, safe text, the modelled
	// Elasticsearch version (a number and its table of changes, which the
	// pattern languages consult), and the reader of the conformance cases
	// the tests share.
	{0, "base", []string{"internal/budget", "internal/safetext", "internal/repofs", "internal/input/source", "internal/pathx",
		"internal/diag", "internal/model/esversion", "internal/conformance", "internal/tri", "internal/workload", "internal/par"}},
	// The languages Elasticsearch speaks inside a mapping: Lucene patterns,
	// DNs, Java strings, and "did you mean".
	{1, "lang", []string{"internal/lang"}},
	// Reading files: JSON/YAML loading, the config, the JSON Schema stage.
	{2, "input", []string{"internal/input/loader", "internal/config", "schema"}},
	// What a file means: mappings, rules, templates, DN files, roles, users.
	{3, "model", []string{"internal/model", "internal/template"}},
	// Discovery and shapes: the files of a run turned into the model.
	{4, "workspace", []string{"internal/input/workspace"}},
	// Evaluation: matching, deciding over all users, resolving roles, and
	// the fixture tests run against the resolution.
	{5, "eval", []string{"internal/eval", "fixtures"}},
	// The checks.
	{6, "lint", []string{"lint"}},
	// Output formats.
	{7, "report", []string{"internal/report"}},
	// One run assembled: config, workspace and settings opened once; lint,
	// test, explain.
	{8, "engine", []string{"internal/engine"}},
	// The command line: flags, commands, exit codes.
	{9, "cli", []string{"internal/cli"}},
	// Programs, and the packages that only hold tests of the whole tool.
	{10, "top", []string{"cmd", "testscripts"}},
}

// rankOf returns the layer of the package at the module-relative path rel.
func rankOf(rel string) (rank int, name string, ok bool) {
	best := -1
	for _, l := range layers {
		for _, p := range l.prefixes {
			if (rel == p || strings.HasPrefix(rel, p+"/")) && len(p) > best {
				best, rank, name, ok = len(p), l.rank, l.name, true
			}
		}
	}
	return rank, name, ok
}

// packageImports reads the module's non-test Go files below root and
// returns, for each package directory (module-relative, slash-separated),
// the module-relative paths it imports from the module.
func packageImports(t *testing.T, root string) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (n == "testdata" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		dir = filepath.ToSlash(dir)
		if out[dir] == nil {
			out[dir] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			ip, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			if rel, ok := strings.CutPrefix(ip, module+"/"); ok {
				out[dir][rel] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLayers fails when a package imports one of a higher layer, or when a
// package belongs to no layer (place it in the table above).
func TestLayers(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	pkgs := packageImports(t, root)
	if len(pkgs) < 20 {
		t.Fatalf("found only %d packages below %s", len(pkgs), root)
	}
	for _, v := range violations(pkgs) {
		t.Error(v)
	}
}

// violations lists, in order, each package in no layer and each import
// that points up.
func violations(pkgs map[string]map[string]bool) []string {
	var out []string
	dirs := make([]string, 0, len(pkgs))
	for dir := range pkgs {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		rank, name, ok := rankOf(dir)
		if !ok {
			out = append(out, "package "+dir+" is in no layer: add it to the table in internal/layers_test.go (and docs/architecture.md)")
			continue
		}
		imps := make([]string, 0, len(pkgs[dir]))
		for imp := range pkgs[dir] {
			imps = append(imps, imp)
		}
		sort.Strings(imps)
		for _, imp := range imps {
			r, n, ok := rankOf(imp)
			switch {
			case !ok:
				out = append(out, dir+" imports "+imp+", which is in no layer")
			case r > rank:
				out = append(out, dir+" (layer "+name+") imports "+imp+" (layer "+n+", higher): imports must point down")
			}
		}
	}
	return out
}

// TestViolations: an import that points up, and a package in no layer,
// are reported; imports within a layer and down are not.
func TestViolations(t *testing.T) {
	got := violations(map[string]map[string]bool{
		"fixtures":               {"internal/report": true, "internal/config": true},
		"internal/eval/resolve":  {"internal/eval/match": true},
		"internal/model/mapping": {"schema": true, "internal/model/rules": true},
		"internal/misplaced":     {},
		"internal/input/loader":  {"internal/nowhere": true},
	})
	want := []string{
		"fixtures (layer eval) imports internal/report (layer report, higher): imports must point down",
		"internal/input/loader imports internal/nowhere, which is in no layer",
		"package internal/misplaced is in no layer: add it to the table in internal/layers_test.go (and docs/architecture.md)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRankOf pins the prefix rule: the longest prefix wins, and a prefix
// matches whole path elements only.
func TestRankOf(t *testing.T) {
	tests := []struct {
		rel  string
		want string
	}{
		{"internal/model/esversion", "base"},
		{"internal/model/mapping", "model"},
		{"internal/input/workspace", "workspace"},
		{"internal/input/loader", "input"},
		{"internal/template/internal/java", "model"},
		{"internal/engine", "engine"},
		{"internal", ""},
		{"internal/newthing", ""},
		{"lint", "lint"},
		{"lintx", ""},
		{"fixtures", "eval"},
		{path.Join("cmd", "rolemap-lint"), "top"},
	}
	for _, tt := range tests {
		_, got, _ := rankOf(tt.rel)
		if got != tt.want {
			t.Errorf("rankOf(%q) = %q, want %q", tt.rel, got, tt.want)
		}
	}
}
