package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPreCommitPartialRuns runs the rolemap-lint hook for real on a
// repository with changed and unchanged files: the config's exclude holds
// for the files pre-commit names, and ignore entries about files that were
// not checked are never called unused; a run over every file reports the
// stale entry.
func TestPreCommitPartialRuns(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	preCommit, tmp, env, src := preCommitSetup(t, ctx)

	work := filepath.Join(tmp, "work")
	files := map[string]string{
		".rolemap-lint.yaml": `exclude: ["vendor/**"]
checks:
  disabled-mapping: error
ignore:
  - {check: disabled-mapping, path: "legacy/**", reason: kept disabled until the migration}
  - {check: disabled-mapping, path: "gone/**", reason: the old folder}
`,
		"good.json":        goodMapping,
		"legacy/old.json":  `{"enabled": false, "roles": ["viewer"], "rules": {"field": {"username": "old"}}}` + "\n",
		"gone/fixed.json":  `{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "fixed"}}}` + "\n",
		"vendor/bad.json":  badMapping,
		"team/notes.yaml":  "owner: platform\n",
		"team/sub/m.json":  goodMapping,
		"team/sub/m2.json": goodMapping,
	}
	for name, content := range files {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, ctx, env, work, "init", "-q")
	git(t, ctx, env, work, "add", "-A")
	git(t, ctx, env, work, "commit", "-q", "-m", "initial")

	// Change two files, one of them excluded, and stage them: pre-commit
	// passes exactly these.
	change := func(name, content string) {
		if err := os.WriteFile(filepath.Join(work, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		git(t, ctx, env, work, "add", name)
	}
	change("good.json", strings.Replace(goodMapping, "alice", "alicia", 1))
	change("vendor/bad.json", strings.Replace(badMapping, "/admin*", "/root*", 1))

	run := func(args ...string) (string, int) {
		return runCmd(ctx, env, work, preCommit, append([]string{"try-repo", src, "rolemap-lint", "--color", "never", "--verbose"}, args...)...)
	}
	out, code := run()
	if code != 0 {
		t.Fatalf("staged files: exit %d, want 0 (vendor/ is excluded, no entry judged)\n%s", code, out)
	}
	for _, bad := range []string{"unused-ignore", "vendor/bad.json:", "invalid-pattern"} {
		if strings.Contains(out, bad) {
			t.Errorf("staged files: output has %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "no problems found in 1 mapping from 1 file") {
		t.Errorf("staged files: want one mapping checked:\n%s", out)
	}

	// Every file: the legacy entry is used, the gone/ entry is stale (a
	// warning: the hook still passes), vendor/ stays excluded.
	out, code = run("--all-files")
	if code != 0 {
		t.Fatalf("all files: exit %d, want 0\n%s", code, out)
	}
	if !strings.Contains(out, "path gone/**) [unused-ignore]") {
		t.Errorf("all files: the stale gone/ entry is not reported:\n%s", out)
	}
	for _, bad := range []string{"path legacy/**) [unused-ignore]", "vendor/bad.json:", "legacy/old.json:"} {
		if strings.Contains(out, bad) {
			t.Errorf("all files: output has %q:\n%s", bad, out)
		}
	}
}
