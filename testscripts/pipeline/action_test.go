package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/report"
)

// action is action.yml's metadata (docs.github.com, "Metadata syntax for
// GitHub Actions"); decoding fails on any other key.
type action struct {
	Name        string                 `yaml:"name"`
	Description string                 `yaml:"description"`
	Author      string                 `yaml:"author"`
	Branding    map[string]string      `yaml:"branding"`
	Inputs      map[string]actionInput `yaml:"inputs"`
	Outputs     map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description        string `yaml:"description"`
	Required           bool   `yaml:"required"`
	Default            string `yaml:"default"`
	DeprecationMessage string `yaml:"deprecationMessage"`
}

func loadAction(t testing.TB) action {
	t.Helper()
	var a action
	decodeStrict(t, "action.yml", &a)
	return a
}

// stepNamed finds the action step with the given name.
func (a action) stepNamed(t testing.TB, name string) step {
	t.Helper()
	for _, s := range a.Runs.Steps {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("action.yml has no step %q", name)
	return step{}
}

func TestActionMetadata(t *testing.T) {
	a := loadAction(t)
	if a.Name == "" || a.Description == "" {
		t.Error("name and description are required")
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	want := []string{"args", "command", "fail-on", "format", "paths", "sarif-file"}
	if got := sortedKeys(a.Inputs); !slices.Equal(got, want) {
		t.Errorf("inputs = %v, want %v", got, want)
	}
	for name, in := range a.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
		if in.Required {
			t.Errorf("input %s is required; every input has a default", name)
		}
	}
	if d := a.Inputs["format"].Default; d != "github" || !slices.Contains(report.Formats(), d) {
		t.Errorf("format default %q", d)
	}
	if d := a.Inputs["fail-on"].Default; d != "error" {
		t.Errorf("fail-on default %q", d)
	}
	if d := a.Inputs["command"].Default; d != "check" {
		t.Errorf("command default %q", d)
	}
	if d := a.Inputs["paths"].Default; d != "." {
		t.Errorf("paths default %q", d)
	}
}

func TestActionSteps(t *testing.T) {
	a := loadAction(t)
	for i, s := range a.Runs.Steps {
		if (s.Uses == "") == (s.Run == "") {
			t.Errorf("step %d (%s): exactly one of uses and run", i, s.label())
		}
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %d (%s): composite run steps need a shell", i, s.label())
		}
		for _, str := range s.strings() {
			for _, ref := range inputRefs(str) {
				if _, ok := a.Inputs[ref]; !ok {
					t.Errorf("step %d (%s) references undefined input %q", i, s.label(), ref)
				}
			}
		}
		// Inputs reach scripts through env only: an expression inside a
		// script would be pasted into the shell code unescaped.
		if refs := inputRefs(s.Run); len(refs) > 0 {
			t.Errorf("step %d (%s): run script interpolates inputs %v; pass them through env", i, s.label(), refs)
		}
		checkScriptVars(t, s)
	}

	setup := a.stepNamed(t, "Set up Go")
	if !strings.HasPrefix(setup.Uses, "actions/setup-go@") || setup.With["go-version"] != "1.26" || setup.With["cache"] != "false" {
		t.Errorf("Set up Go must be actions/setup-go with go-version 1.26 and its cache off: %+v", setup)
	}
	// setup-go puts its Go on PATH for the caller's later steps: only when
	// the runner has no Go to build with, and never on a cache hit.
	if !strings.Contains(setup.If, "steps.go.outputs.found != 'true'") || !strings.Contains(setup.If, "steps.cache.outputs.cache-hit != 'true'") {
		t.Errorf("Set up Go runs only on a cache miss without a Go on the runner: if %q", setup.If)
	}
	build := a.stepNamed(t, "Build rolemap-lint")
	if build.Run != "go install ./cmd/rolemap-lint" || build.WorkingDirectory != "${{ github.action_path }}" {
		t.Errorf("build step = %+v", build)
	}
	if build.If != "steps.cache.outputs.cache-hit != 'true'" || build.Env["GOTOOLCHAIN"] != "auto" {
		t.Errorf("the build runs on a cache miss with GOTOOLCHAIN=auto (go.mod's toolchain): %+v", build)
	}
	if _, err := os.Stat(filepath.Join(repoRoot(t), "cmd", "rolemap-lint", "main.go")); err != nil {
		t.Errorf("the build step's package: %v", err)
	}
	run := a.stepNamed(t, "Run rolemap-lint")
	if bin := run.Env["ROLEMAP_LINT_BIN"]; bin != build.Env["GOBIN"]+"/rolemap-lint" {
		t.Errorf("ROLEMAP_LINT_BIN %q is not the binary go install puts in GOBIN %q", bin, build.Env["GOBIN"])
	}
	// Every input reaches the script.
	used := map[string]bool{}
	for _, v := range run.Env {
		for _, ref := range inputRefs(v) {
			used[ref] = true
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %s is never passed to the run step", name)
		}
	}
}

var scriptVarRE = regexp.MustCompile(`\$\{?([A-Z][A-Z0-9_]*)`)

// checkScriptVars: every upper-case variable a run script reads is set in
// the step's env or by the runner (GITHUB_*, RUNNER_*).
func checkScriptVars(t *testing.T, s step) {
	t.Helper()
	for _, m := range scriptVarRE.FindAllStringSubmatch(s.Run, -1) {
		name := m[1]
		if _, ok := s.Env[name]; ok || strings.HasPrefix(name, "GITHUB_") || strings.HasPrefix(name, "RUNNER_") {
			continue
		}
		t.Errorf("step %s reads $%s, which nothing sets", s.label(), name)
	}
}

// TestActionScript runs the action's "Run rolemap-lint" script, as the
// runner does (bash -e -o pipefail), against a stand-in rolemap-lint that
// records its arguments, and checks the command line for each set of
// inputs: list splitting, the repeatable --format FORMAT[=FILE] flag, no
// glob expansion, no shell injection.
func TestActionScript(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found")
	}
	a := loadAction(t)
	run := a.stepNamed(t, "Run rolemap-lint")
	dir := t.TempDir()
	script := filepath.Join(dir, "run.sh")
	if err := os.WriteFile(script, []byte(run.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	fake := filepath.Join(dir, "rolemap-lint")
	argsFile := filepath.Join(dir, "argv")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > \""+argsFile+"\"\nexit 7\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Files a glob in an input would expand to if the script let it.
	for _, f := range []string{"x.json", "q", "a"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name   string
		inputs map[string]string
		want   []string
	}{
		{"defaults", nil, []string{"check", "--format", "github", "--fail-on", "error", "--", "."}},
		{"all inputs", map[string]string{
			"paths": "examples\nmore/dir  third", "args": "--config ci/x.yaml\n  -v", "command": "lint",
			"format": "text", "sarif-file": "out/rolemap lint.sarif", "fail-on": "warning",
		}, []string{"lint", "--format", "text", "--format", "sarif=out/rolemap lint.sarif", "--fail-on", "warning",
			"--config", "ci/x.yaml", "-v", "--", "examples", "more/dir", "third"}},
		{"globs stay literal", map[string]string{"paths": "*.json ?", "args": "[a]"},
			[]string{"check", "--format", "github", "--fail-on", "error", "[a]", "--", "*.json", "?"}},
		{"empty paths", map[string]string{"paths": "  \n"},
			[]string{"check", "--format", "github", "--fail-on", "error", "--", "."}},
		{"no injection", map[string]string{"args": "$(touch pwned) `touch pwned2`;touch pwned3", "paths": "a;b"},
			[]string{"check", "--format", "github", "--fail-on", "error", "$(touch", "pwned)", "`touch", "pwned2`;touch", "pwned3", "--", "a;b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(argsFile)
			cmd := exec.Command(bash, "--noprofile", "--norc", "-e", "-o", "pipefail", script)
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
			for key, val := range run.Env {
				refs := inputRefs(val)
				switch {
				case key == "ROLEMAP_LINT_BIN":
					val = fake
				case len(refs) == 1 && val == "${{ inputs."+refs[0]+" }}":
					in, ok := tc.inputs[refs[0]]
					if !ok {
						in = a.Inputs[refs[0]].Default
					}
					val = in
				default:
					t.Fatalf("env %s=%s is neither the binary nor one input", key, val)
				}
				cmd.Env = append(cmd.Env, key+"="+val)
			}
			out, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 7 {
				t.Fatalf("the script must exit with rolemap-lint's status 7: %v\n%s", err, out)
			}
			data, err := os.ReadFile(argsFile)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
			if !slices.Equal(got, tc.want) {
				t.Errorf("argv:\n got %q\nwant %q", got, tc.want)
			}
			for _, f := range []string{"pwned", "pwned2", "pwned3"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("an input ran a command (created %s)", f)
				}
			}
		})
	}
}

// TestActionCache: the cached folder is the one the build installs into
// and the run step executes from, under runner.temp; the key is computed
// by the action itself (hashFiles cannot see the action's checkout, which
// lies outside the caller's workspace) and names OS, architecture and a
// digest of the Go sources.
func TestActionCache(t *testing.T) {
	a := loadAction(t)
	cache := a.stepNamed(t, "Restore the rolemap-lint binary")
	if !strings.HasPrefix(cache.Uses, "actions/cache@") || cache.ID != "cache" {
		t.Fatalf("cache step = %+v", cache)
	}
	build := a.stepNamed(t, "Build rolemap-lint")
	run := a.stepNamed(t, "Run rolemap-lint")
	if cache.With["path"] != build.Env["GOBIN"] || run.Env["ROLEMAP_LINT_BIN"] != cache.With["path"]+"/rolemap-lint" {
		t.Errorf("cache path %q, GOBIN %q, binary %q: they must name one folder", cache.With["path"], build.Env["GOBIN"], run.Env["ROLEMAP_LINT_BIN"])
	}
	if !strings.HasPrefix(cache.With["path"], "${{ runner.temp }}/") {
		t.Errorf("cache path %q is not under runner.temp", cache.With["path"])
	}
	key := a.stepNamed(t, "Compute the cache key")
	if cache.With["key"] != "${{ steps."+key.ID+".outputs.key }}" {
		t.Errorf("cache key %q is not the computed key", cache.With["key"])
	}
	for _, s := range a.Runs.Steps {
		for _, str := range s.strings() {
			if strings.Contains(str, "hashFiles(") || strings.Contains(str, "cache-dependency-path") {
				t.Errorf("step %s: hashFiles and cache-dependency-path only see the caller's workspace", s.label())
			}
		}
	}

	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found")
	}
	src := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module x\n")
	write("go.sum", "")
	write("cmd/x/main.go", "package main\n")
	write("README.md", "docs")
	computeKey := func() string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "output")
		cmd := exec.Command(bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", key.Run)
		cmd.Dir = src
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "GITHUB_OUTPUT=" + out, "RUNNER_OS=Linux", "RUNNER_ARCH=X64"}
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("key script: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		k, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "key=")
		if !ok || !regexp.MustCompile(`^rolemap-lint-bin-Linux-X64-[0-9a-f]{40}$`).MatchString(k) {
			t.Fatalf("key output %q", data)
		}
		return k
	}
	k1 := computeKey()
	if computeKey() != k1 {
		t.Error("the key is not stable")
	}
	write("README.md", "other docs")
	if computeKey() != k1 {
		t.Error("a change outside the Go sources changed the key")
	}
	write("cmd/x/main.go", "package main // changed\n")
	k2 := computeKey()
	if k2 == k1 {
		t.Error("a changed Go file kept the key: a stale binary would be restored")
	}
	write("go.sum", "x v1.0.0 h1:abc\n")
	if computeKey() == k2 {
		t.Error("a changed go.sum kept the key")
	}
}

// TestActionFindsGo: the runner's Go is used when it is 1.22 or later
// (it fetches the toolchain go.mod names without touching PATH).
func TestActionFindsGo(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found")
	}
	find := loadAction(t).stepNamed(t, "Find Go on the runner")
	for _, tc := range []struct {
		goVersion string // "" = no go on PATH
		want      string
	}{
		{"", "false"}, {"go1.21.13", "false"}, {"go1.22.5", "true"}, {"go1.26.8", "true"},
		{"go1.30", "true"}, {"devel go1.27-abc", "false"}, {"go2.0", "false"},
	} {
		bin := t.TempDir()
		if tc.goVersion != "" {
			script := "#!/bin/sh\n[ \"$1 $2\" = \"env GOVERSION\" ] && echo '" + tc.goVersion + "'\n"
			if err := os.WriteFile(filepath.Join(bin, "go"), []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		out := filepath.Join(t.TempDir(), "output")
		cmd := exec.Command(bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", find.Run)
		// Only the fake go, and the tools the script uses, on PATH.
		tools := t.TempDir()
		for _, tool := range []string{"cut", "printf"} {
			if p, err := exec.LookPath(tool); err == nil {
				os.Symlink(p, filepath.Join(tools, tool))
			}
		}
		cmd.Env = []string{"PATH=" + bin + ":" + tools, "GITHUB_OUTPUT=" + out}
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", tc.goVersion, err, msg)
		}
		data, _ := os.ReadFile(out)
		if got := strings.TrimSpace(string(data)); got != "found="+tc.want {
			t.Errorf("go %q: %s, want found=%s", tc.goVersion, got, tc.want)
		}
	}
}
