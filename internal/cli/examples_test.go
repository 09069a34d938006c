package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// repoRoot is the module root, the working directory of these runs.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func runCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(Env{Args: args, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir,
		Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

// TestExamplesClean: the bundled example repository lints clean.
func TestExamplesClean(t *testing.T) {
	code, out, errOut := runCLI(t, repoRoot(t), "lint", "--format", "json", "examples")
	if code != ExitOK {
		t.Fatalf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	var rep struct {
		Findings []json.RawMessage `json:"findings"`
		Summary  struct {
			Files, Mappings int
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 {
		t.Errorf("examples/ has findings:\n%s", out)
	}
	if rep.Summary.Mappings < 7 {
		t.Errorf("examples/ should hold every source shape; only %d mappings found", rep.Summary.Mappings)
	}
}

// TestExamplesBroken: every file in examples/broken shows its finding, at
// the right place. The expected list is testdata/broken.golden; set
// ROLEMAP_LINT_UPDATE=1 to rewrite it after reviewing the change.
func TestExamplesBroken(t *testing.T) {
	code, out, errOut := runCLI(t, repoRoot(t), "lint", "--format", "json", "examples/broken")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", code, errOut)
	}
	var rep struct {
		Findings []struct {
			Check, Level, File, Message string
			Line, Column                int
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	seen := map[string]bool{}
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "%s:%d:%d %s %s\n", f.File, f.Line, f.Column, f.Level, f.Check)
		seen[f.File] = true
	}
	entries, err := os.ReadDir(filepath.Join(repoRoot(t), "examples", "broken"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := "examples/broken/" + e.Name(); !seen[name] && !e.IsDir() && e.Name() != "README.md" {
			t.Errorf("%s produces no finding", name)
		}
	}
	golden := filepath.Join("testdata", "broken.golden")
	if os.Getenv("ROLEMAP_LINT_UPDATE") != "" {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("findings on examples/broken changed (-want +got):\n%s", diff)
	}
}

// TestExamplesFailingFixture: the failing fixture of examples/broken shows
// the missing and unexpected roles and which mapping granted the latter.
func TestExamplesFailingFixture(t *testing.T) {
	code, out, errOut := runCLI(t, repoRoot(t), "test", "examples/broken/fixtures")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", code, errOut)
	}
	for _, want := range []string{
		"FAIL viewers do not get superuser (examples/broken/fixtures/access_test.yaml:4)",
		"got roles:  [superuser]",
		"missing:    [viewer]",
		"unexpected: superuser",
		"granted by mapping [admins] (examples/broken/fixtures/admins.json:1)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestCleanCorpus: realistic, correct mappings of every shape (templates,
// DN subtrees, regexes written correctly, operator settings, ECK, a DN file,
// a roles catalog) give no finding at any level, and their fixtures pass:
// the precision bar of the checks.
func TestCleanCorpus(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "clean"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, dir, "check", "--fail-on", "info", "--format", "json", ".")
	if code != ExitOK {
		t.Fatalf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	var rep struct {
		Findings []json.RawMessage `json:"findings"`
		Summary  struct{ Mappings, Tests, Passed int }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 || rep.Summary.Mappings < 8 || rep.Summary.Tests != rep.Summary.Passed || rep.Summary.Tests < 6 {
		t.Errorf("clean corpus: %s", out)
	}
}
