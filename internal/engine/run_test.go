package engine

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// repo writes a txtar archive into a temporary directory holding .git.
func repo(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

const layout = `
-- .rolemap-lint.yaml --
clusters:
  prod: {paths: ["envs/prod/**"]}
  staging: {paths: ["envs/staging/**"]}
-- envs/prod/a.json --
{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "a"}}}
-- envs/staging/a.json --
{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "a"}}}
-- envs/prod/a_test.yaml --
tests: [{name: t, user: {username: a}, roles: [viewer]}]
-- tests/named_test.yaml --
cluster: staging
tests: [{name: n, user: {username: a}, roles: [viewer]}]
-- loose/b.json --
{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "b"}}}
-- teams/x/.rolemap-lint.yaml --
es_version: "8.15"
-- teams/x/c.json --
{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "c"}}}
`

// TestOpenRunUnits checks how files, tests and configs are split into
// units, whatever the working directory.
func TestOpenRunUnits(t *testing.T) {
	root := repo(t, layout)
	elsewhere := t.TempDir()
	tests := []struct {
		name, dir string
		paths     []string
		want      []string // unit: config dir|cluster|mapping files|tests
	}{
		{"from the root", root, []string{"."}, []string{
			".|prod|envs/prod/a.json|t",
			".|staging|envs/staging/a.json|n",
			".||loose/b.json|",
			"teams/x||teams/x/c.json|",
		}},
		{"from elsewhere", elsewhere, []string{root}, []string{
			".|prod|envs/prod/a.json|t",
			".|staging|envs/staging/a.json|n",
			".||loose/b.json|",
			"teams/x||teams/x/c.json|",
		}},
		{"named files", root, []string{"envs/staging/a.json", "teams/x/c.json"}, []string{
			".|staging|envs/staging/a.json|",
			"teams/x||teams/x/c.json|",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := OpenRun(Options{Dir: tc.dir, Paths: tc.paths})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range r.Units {
				cfgDir, _ := filepath.Rel(root, u.Config.Dir)
				var files, names []string
				for _, m := range u.Workspace.Mappings {
					rel, _ := filepath.Rel(root, filepath.Join(tc.dir, m.File().Name))
					if filepath.IsAbs(m.File().Name) {
						rel, _ = filepath.Rel(root, m.File().Name)
					}
					files = append(files, filepath.ToSlash(rel))
				}
				for _, test := range u.Tests {
					names = append(names, test.Name)
				}
				sort.Strings(files)
				got = append(got, strings.Join([]string{filepath.ToSlash(cfgDir), u.Cluster, strings.Join(files, ","), strings.Join(names, ",")}, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("units:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
