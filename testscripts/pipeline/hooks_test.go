package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hook is an entry of .pre-commit-hooks.yaml with every key pre-commit's
// manifest schema knows (pre_commit/clientlib.py, MANIFEST_HOOK_DICT);
// decoding fails on any other key.
type hook struct {
	ID                      string   `yaml:"id"`
	Name                    string   `yaml:"name"`
	Entry                   string   `yaml:"entry"`
	Language                string   `yaml:"language"`
	Alias                   string   `yaml:"alias"`
	Files                   string   `yaml:"files"`
	Exclude                 string   `yaml:"exclude"`
	Types                   []string `yaml:"types"`
	TypesOr                 []string `yaml:"types_or"`
	ExcludeTypes            []string `yaml:"exclude_types"`
	AdditionalDependencies  []string `yaml:"additional_dependencies"`
	Args                    []string `yaml:"args"`
	AlwaysRun               *bool    `yaml:"always_run"`
	FailFast                *bool    `yaml:"fail_fast"`
	PassFilenames           *bool    `yaml:"pass_filenames"`
	Description             string   `yaml:"description"`
	LanguageVersion         string   `yaml:"language_version"`
	LogFile                 string   `yaml:"log_file"`
	MinimumPreCommitVersion string   `yaml:"minimum_pre_commit_version"`
	RequireSerial           *bool    `yaml:"require_serial"`
	Stages                  []string `yaml:"stages"`
	Verbose                 *bool    `yaml:"verbose"`
}

func loadHooks(t testing.TB) map[string]hook {
	t.Helper()
	var hooks []hook
	decodeStrict(t, ".pre-commit-hooks.yaml", &hooks)
	byID := map[string]hook{}
	for _, h := range hooks {
		if _, dup := byID[h.ID]; dup {
			t.Errorf("hook id %q twice", h.ID)
		}
		byID[h.ID] = h
	}
	return byID
}

func TestHooksManifest(t *testing.T) {
	hooks := loadHooks(t)
	if got := strings.Join(sortedKeys(hooks), " "); got != "rolemap-lint rolemap-lint-check" {
		t.Fatalf("hook ids = %s", got)
	}
	for id, h := range hooks {
		if h.Name == "" || h.Description == "" || h.Entry == "" {
			t.Errorf("%s: name, description and entry are required", id)
		}
		if h.Language != "golang" {
			t.Errorf("%s: language %q, want golang", id, h.Language)
		}
		// `language: golang` runs `go install ./...` at the repository
		// root: the entry's program must be one of its commands.
		prog := strings.Fields(h.Entry)[0]
		if _, err := os.Stat(filepath.Join(repoRoot(t), "cmd", prog, "main.go")); err != nil {
			t.Errorf("%s: entry program %q is not built by go install ./...: %v", id, prog, err)
		}
		// types_or needs pre-commit 2.9.0.
		if !versionAtLeast(h.MinimumPreCommitVersion, "2.9.0") {
			t.Errorf("%s: minimum_pre_commit_version %q, want at least 2.9.0", id, h.MinimumPreCommitVersion)
		}
	}

	lint := hooks["rolemap-lint"]
	// --allow-empty: a commit that changes no role mapping passes. The file
	// names pre-commit appends come after "--": a file named like a flag
	// (--format=json=out.json) stays a PATH.
	if lint.Entry != "rolemap-lint lint --allow-empty --" {
		t.Errorf("rolemap-lint entry = %q, want --allow-empty and the flags ended with --", lint.Entry)
	}
	if strings.Join(lint.TypesOr, ",") != "json,yaml" {
		t.Errorf("rolemap-lint types_or = %v", lint.TypesOr)
	}
	if lint.PassFilenames != nil && !*lint.PassFilenames || lint.AlwaysRun != nil && *lint.AlwaysRun {
		t.Error("rolemap-lint must receive the changed files and run only when some match")
	}
	files, err := regexp.Compile(lint.Files) // pre-commit uses re.search: unanchored
	if err != nil {
		t.Fatalf("files: %v", err)
	}
	for name, want := range map[string]bool{
		"a.json": true, "dir/b.yaml": true, "c.yml": true, "x_test.yaml": true,
		"d.txt": false, "e.json.bak": false, "f.yamlx": false, "g.ymlx": false, "h.jsonl": false,
	} {
		if files.MatchString(name) != want {
			t.Errorf("files %q matches %s: %v, want %v", lint.Files, name, !want, want)
		}
	}

	check := hooks["rolemap-lint-check"]
	if check.Entry != "rolemap-lint check" {
		t.Errorf("rolemap-lint-check entry = %q", check.Entry)
	}
	if check.PassFilenames == nil || *check.PassFilenames || check.AlwaysRun == nil || !*check.AlwaysRun {
		t.Error("rolemap-lint-check needs pass_filenames: false and always_run: true")
	}
}

// versionAtLeast compares dotted decimal versions ("2.10.0" >= "2.9.0").
func versionAtLeast(v, min string) bool {
	a, b := strings.Split(v, "."), strings.Split(min, ".")
	for i := 0; i < len(a) || i < len(b); i++ {
		x, y := 0, 0
		if i < len(a) {
			n, err := strconv.Atoi(a[i])
			if err != nil {
				return false
			}
			x = n
		}
		if i < len(b) {
			y, _ = strconv.Atoi(b[i])
		}
		if x != y {
			return x > y
		}
	}
	return true
}

func TestVersionAtLeast(t *testing.T) {
	for _, tc := range []struct {
		v, min string
		want   bool
	}{
		{"2.9.0", "2.9.0", true}, {"2.10.0", "2.9.0", true}, {"3", "2.9.0", true},
		{"2.8.9", "2.9.0", false}, {"", "2.9.0", false}, {"x", "2.9.0", false}, {"2.9", "2.9.0", true},
	} {
		if got := versionAtLeast(tc.v, tc.min); got != tc.want {
			t.Errorf("versionAtLeast(%q, %q) = %v", tc.v, tc.min, got)
		}
	}
}
