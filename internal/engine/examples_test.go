package engine_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rolemap-lint/rolemap-lint/internal/cli"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/engine"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// TestEveryCheckHasExample: docs/checks.md shows an example for every
// check, including checks added later, and no example outlives its check.
func TestEveryCheckHasExample(t *testing.T) {
	examples := lint.Examples()
	known := map[string]bool{}
	for _, a := range lint.All() {
		known[a.Name] = true
		ex, ok := examples[a.Name]
		switch {
		case !ok:
			t.Errorf("check %s has no example: add lint/testdata/%s.txtar", a.Name, a.Name)
		case len(ex.Files) == 0 || strings.TrimSpace(ex.Fix) == "" || len(ex.Fixed)+len(ex.Renamed)+len(ex.Deleted) == 0:
			t.Errorf("example of %s is incomplete: it needs Files, Fix and Fixed (or Renamed, or Deleted)", a.Name)
		}
	}
	for id := range examples {
		if !known[id] {
			t.Errorf("example %s belongs to no check", id)
		}
	}
}

// TestExamples: each example makes its check fire, and its fixed version
// lints clean (not only for that check: the fix shown is the whole fix).
func TestExamples(t *testing.T) {
	examples := lint.Examples()
	for _, a := range lint.All() {
		ex, ok := examples[a.Name]
		if !ok {
			continue // reported by TestEveryCheckHasExample
		}
		t.Run(a.Name, func(t *testing.T) {
			t.Parallel()
			res, err := engine.RunExample(ex.Files, ex.Args)
			if err != nil {
				t.Fatal(err)
			}
			if n := count(res.Findings, a.Name); n == 0 {
				t.Errorf("the example does not make %s fire; it reports:\n%s", a.Name, res.Text)
			}
			if strings.Contains(res.Text, os.TempDir()) || strings.Contains(res.Text, "rolemap-lint-example-") {
				t.Errorf("the output names the temporary directory, so docs/checks.md would change on every run:\n%s", res.Text)
			}
			fixed, err := engine.RunExample(ex.FixedFiles(), ex.Args)
			if err != nil {
				t.Fatal(err)
			}
			if len(fixed.Findings) != 0 {
				t.Errorf("the fixed example is not clean:\n%s", fixed.Text)
			}
			for name := range ex.Fixed {
				if old, ok := ex.Files[name]; ok && old == ex.Fixed[name] {
					t.Errorf("Fixed[%s] is the same as the original: list only the files the fix changes", name)
				}
			}
		})
	}
}

// TestExampleOutputIsTheCLIs: RunExample prints exactly what
// `rolemap-lint lint ARGS` prints when run in the example's directory, for
// the examples and their fixed versions.
func TestExampleOutputIsTheCLIs(t *testing.T) {
	examples := lint.Examples()
	ids := make([]string, 0, len(examples))
	for id := range examples {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ex := examples[id]
		for _, v := range []struct {
			name  string
			files map[string]string
		}{{"broken", ex.Files}, {"fixed", ex.FixedFiles()}} {
			t.Run(id+"/"+v.name, func(t *testing.T) {
				t.Parallel()
				res, err := engine.RunExample(v.files, ex.Args)
				if err != nil {
					t.Fatal(err)
				}
				dir := t.TempDir()
				write(t, dir, v.files)
				var out, errOut bytes.Buffer
				code := cli.Main(cli.Env{Args: append([]string{"lint", "--no-color"}, ex.Args...), Dir: dir,
					Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
				if code > cli.ExitFindings {
					t.Fatalf("rolemap-lint lint exited %d: %s", code, errOut.String())
				}
				if diff := cmp.Diff(out.String(), res.Text); diff != "" {
					t.Errorf("RunExample differs from the CLI (-cli +RunExample):\n%s", diff)
				}
			})
		}
	}
}

func TestRunExampleRejectsPathsOutsideTheRepository(t *testing.T) {
	for _, name := range []string{"../escape.json", "/etc/escape.json", "", "a/../../escape.json"} {
		if _, err := engine.RunExample(map[string]string{name: "{}"}, nil); err == nil {
			t.Errorf("RunExample accepted the file name %q", name)
		}
	}
}

func TestRunExampleReportsLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		args  []string
	}{
		{"no files", map[string]string{"README.md": "# nothing to lint\n"}, nil},
		{"missing path", map[string]string{"m.json": `{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "a"}}}`}, []string{"absent.json"}},
		{"invalid config", map[string]string{".rolemap-lint.yaml": "no_such_key: 1\n", "m.json": "{}"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := engine.RunExample(tt.files, tt.args); err == nil {
				t.Error("no error")
			}
		})
	}
}

func count(ds []diag.Diagnostic, check string) int {
	n := 0
	for _, d := range ds {
		if d.Check == check {
			n++
		}
	}
	return n
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
