package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// workflow is the part of a workflow file these tests read; decoding
// fails on keys it does not declare.
type workflow struct {
	Name        string            `yaml:"name"`
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Name        string            `yaml:"name"`
		RunsOn      string            `yaml:"runs-on"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []step            `yaml:"steps"`
	} `yaml:"jobs"`
}

func loadWorkflow(t testing.TB) workflow {
	t.Helper()
	var w workflow
	decodeStrict(t, ".github/workflows/ci.yml", &w)
	return w
}

// pinnedRE is a third-party action pinned to a commit: tags and branches
// can be moved to other code, a commit SHA cannot.
var pinnedRE = regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)

// usesLineRE finds `uses:` lines with the comment that names the tag.
var usesLineRE = regexp.MustCompile(`(?m)^\s*(?:-\s+)?uses:\s*(\S+)(.*)$`)

// TestActionsPinned: every third-party action in the workflow and in
// action.yml is pinned by commit SHA, with the tag it stands for in a
// comment (`# v5.5.0`) for readers and update tools.
func TestActionsPinned(t *testing.T) {
	for _, rel := range []string{".github/workflows/ci.yml", "action.yml"} {
		data, err := os.ReadFile(filepath.Join(repoRoot(t), rel))
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, m := range usesLineRE.FindAllStringSubmatch(string(data), -1) {
			if m[1] == "./" {
				continue
			}
			found++
			if !pinnedRE.MatchString(m[1]) {
				t.Errorf("%s: %s is not pinned to a commit SHA", rel, m[1])
			}
			if !regexp.MustCompile(`^\s+# v\d+(\.\d+)*\s*$`).MatchString(m[2]) {
				t.Errorf("%s: %s has no `# vX.Y.Z` comment naming its tag", rel, m[1])
			}
		}
		if found == 0 {
			t.Errorf("%s: no uses: lines found", rel)
		}
	}
}

func TestWorkflowSteps(t *testing.T) {
	w := loadWorkflow(t)
	for _, ev := range []string{"push", "pull_request"} {
		if _, ok := w.On[ev]; !ok {
			t.Errorf("the workflow does not run on %s", ev)
		}
	}
	if w.Permissions["contents"] != "read" || len(w.Permissions) != 1 {
		t.Errorf("top-level permissions = %v, want contents: read only", w.Permissions)
	}
	var runs []string
	for id, job := range w.Jobs {
		if job.RunsOn == "" || len(job.Steps) == 0 {
			t.Errorf("job %s needs runs-on and steps", id)
		}
		for i, s := range job.Steps {
			if (s.Uses == "") == (s.Run == "") {
				t.Errorf("job %s step %d (%s): exactly one of uses and run", id, i, s.label())
			}
			if s.Uses != "" && s.Uses != "./" && !pinnedRE.MatchString(s.Uses) {
				t.Errorf("job %s step %d: %q is not pinned to a commit SHA", id, i, s.Uses)
			}
			if refs := inputRefs(strings.Join(s.strings(), "\n")); len(refs) > 0 {
				t.Errorf("job %s step %d references inputs %v, which a push workflow has none of", id, i, refs)
			}
			runs = append(runs, s.Run)
		}
	}
	all := strings.Join(runs, "\n")
	// The fuzz pass retries a run that failed without a failing input (a
	// coordinator flake), as .ci/run does.
	for _, want := range []string{"go vet ./...", "go test -race ./...", "-fuzz=", "-fuzztime=", "testdata/fuzz/$target", "trying once more"} {
		if !strings.Contains(all, want) {
			t.Errorf("no step runs %q", want)
		}
	}
}

// TestWorkflowGoVersion: CI sets up the Go version go.mod names.
func TestWorkflowGoVersion(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join(repoRoot(t), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("no go directive in go.mod")
	}
	found := false
	for _, job := range loadWorkflow(t).Jobs {
		for _, s := range job.Steps {
			if strings.HasPrefix(s.Uses, "actions/setup-go@") {
				found = true
				if s.With["go-version"] != string(m[1]) {
					t.Errorf("setup-go go-version %q, go.mod says %s", s.With["go-version"], m[1])
				}
			}
		}
	}
	if !found {
		t.Error("no actions/setup-go step")
	}
	if v := loadAction(t).stepNamed(t, "Set up Go").With["go-version"]; v != string(m[1]) {
		t.Errorf("action.yml go-version %q, go.mod says %s", v, m[1])
	}
}

// TestWorkflowDogfood: one job runs this repository's action on examples/
// and uploads the SARIF it writes to code scanning, even when the lint step
// fails.
func TestWorkflowDogfood(t *testing.T) {
	w := loadWorkflow(t)
	a := loadAction(t)
	found := false
	for id, job := range w.Jobs {
		for i, s := range job.Steps {
			if s.Uses != "./" {
				continue
			}
			found = true
			for key := range s.With {
				if _, ok := a.Inputs[key]; !ok {
					t.Errorf("job %s passes undefined action input %q", id, key)
				}
			}
			paths := strings.Fields(s.With["paths"])
			if len(paths) == 0 || paths[0] != "examples" {
				t.Errorf("job %s: paths %q, want examples", id, s.With["paths"])
			}
			for _, p := range paths {
				if info, err := os.Stat(filepath.Join(repoRoot(t), p)); err != nil || !info.IsDir() {
					t.Errorf("job %s: path %s is not a directory of the repository", id, p)
				}
			}
			sarif := s.With["sarif-file"]
			if sarif == "" {
				t.Fatalf("job %s: the action writes no SARIF", id)
			}
			upload := -1
			for j := i + 1; j < len(job.Steps); j++ {
				if strings.HasPrefix(job.Steps[j].Uses, "github/codeql-action/upload-sarif@") {
					upload = j
				}
			}
			if upload < 0 {
				t.Fatalf("job %s: no github/codeql-action/upload-sarif step after the action", id)
			}
			up := job.Steps[upload]
			if up.With["sarif_file"] != sarif {
				t.Errorf("job %s uploads %q, the action writes %q", id, up.With["sarif_file"], sarif)
			}
			if !strings.Contains(up.If, "!cancelled()") && !strings.Contains(up.If, "always()") {
				t.Errorf("job %s: the upload must run when the lint step fails (if: %q)", id, up.If)
			}
			if job.Permissions["security-events"] != "write" {
				t.Errorf("job %s: upload-sarif needs permissions security-events: write", id)
			}
		}
	}
	if !found {
		t.Error("no job runs the action (uses: ./)")
	}
}
