package pipeline

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Mapping files for the throwaway repository the hooks run in.
const (
	goodMapping = `{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "alice"}}}` + "\n"
	badMapping  = `{"enabled": true, "roles": ["viewer"], "rules": {"field": {"username": "/admin*"}}}` + "\n"
)

// TestPreCommitHooks runs both hooks for real with `pre-commit try-repo`
// against a snapshot of this repository (its working tree, committed to a
// temporary git repository, since try-repo clones a git repository), in a
// throwaway repository holding a good and a bad mapping. pre-commit builds
// the hooks with the local Go toolchain (`language: golang`); modules come
// from the current module cache and GOPROXY.
func TestPreCommitHooks(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	preCommit, tmp, env, src := preCommitSetup(t, ctx)

	if out, code := runCmd(ctx, env, src, preCommit, "validate-manifest", ".pre-commit-hooks.yaml"); code != 0 {
		t.Fatalf("pre-commit validate-manifest: exit %d\n%s", code, out)
	}

	work := filepath.Join(tmp, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"good.json": goodMapping, "bad.json": badMapping, "notes.txt": "/admin*\n",
		"package.json": `{"name": "infra", "version": "1.0.0"}` + "\n",
		"values.yaml":  "rbac:\n  enabled: true\n  rules: [{apiGroups: [\"\"], verbs: [get]}]\n"} {
		if err := os.WriteFile(filepath.Join(work, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(t, ctx, env, work, "init", "-q")
	git(t, ctx, env, work, "add", "-A")

	tryRepo := func(hook string, args ...string) (string, int) {
		return runCmd(ctx, env, work, preCommit, append([]string{"try-repo", src, hook, "--color", "never"}, args...)...)
	}
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		want     []string
	}{
		{"lint good file", []string{"rolemap-lint", "--files", "good.json"}, 0, []string{"rolemap-lint", "Passed"}},
		{"lint bad file", []string{"rolemap-lint", "--files", "bad.json", "good.json"}, 1,
			[]string{"Failed", "bad.json:1:72: error:", "[invalid-pattern]"}},
		{"lint skips other files", []string{"rolemap-lint", "--files", "notes.txt"}, 0, []string{"(no files to check)Skipped"}},
		// Changed JSON/YAML files that are not role mappings are skipped,
		// not reported, and a commit changing no mapping passes.
		{"lint passes non-mapping files", []string{"rolemap-lint", "--files", "package.json", "values.yaml"}, 0, []string{"rolemap-lint", "Passed"}},
		{"lint reports only the mapping", []string{"rolemap-lint", "--files", "package.json", "values.yaml", "bad.json"}, 1,
			[]string{"Failed", "bad.json:1:72: error:", "[invalid-pattern]"}},
		{"check finds the bad file", []string{"rolemap-lint-check", "--all-files"}, 1, []string{"Failed", "[invalid-pattern]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, code := tryRepo(tc.args[0], tc.args[1:]...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d\n%s", code, tc.wantCode, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}

	// Without the bad file, the whole-repository hook passes.
	git(t, ctx, env, work, "rm", "-q", "-f", "bad.json")
	if out, code := tryRepo("rolemap-lint-check", "--all-files"); code != 0 || !strings.Contains(out, "Passed") {
		t.Errorf("check on a clean repository: exit %d\n%s", code, out)
	}
}

// hookEnv is the environment for git and pre-commit: isolated from the
// user's git configuration and pre-commit cache, reusing the current Go
// module cache, never downloading a Go toolchain.
func hookEnv(t *testing.T, ctx context.Context, tmp string) []string {
	t.Helper()
	modcache, code := runCmd(ctx, os.Environ(), "", "go", "env", "GOMODCACHE")
	if code != 0 {
		t.Fatalf("go env GOMODCACHE: %s", modcache)
	}
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(tmp, "pre-commit-home"),
		"GOMODCACHE=" + strings.TrimSpace(modcache),
		"GOTOOLCHAIN=local",
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL=" + os.DevNull,
		"GIT_AUTHOR_NAME=rolemap-lint test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=rolemap-lint test", "GIT_COMMITTER_EMAIL=test@example.invalid",
	}
	for _, kv := range os.Environ() {
		key, _, _ := strings.Cut(kv, "=")
		switch {
		case key == "PRE_COMMIT_HOME" || key == "GOMODCACHE" || key == "GOTOOLCHAIN" || key == "SKIP",
			strings.HasPrefix(key, "GIT_"):
			continue
		}
		env = append(env, kv)
	}
	return env
}

func git(t *testing.T, ctx context.Context, env []string, dir string, args ...string) {
	t.Helper()
	if out, code := runCmd(ctx, env, dir, "git", args...); code != 0 {
		t.Fatalf("git %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
}

// runCmd runs a command and returns its combined output and exit code
// (-1 when it could not run).
func runCmd(ctx context.Context, env []string, dir, name string, args ...string) (string, int) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &ee):
		return string(out), ee.ExitCode()
	}
	return string(out) + err.Error(), -1
}

// snapshotRepo copies the working tree at root to dst: regular files and
// directories, without .git and compiled test binaries (*.test). In a git
// worktree .git is a file pointing at the repository; copying it would make
// the snapshot's git commands act on the real repository (and commit to it).
func snapshotRepo(root, dst string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.Name() == ".git" && !d.IsDir():
			// a git worktree's .git is a file naming the real repository:
			// copied, it would make the snapshot's git commands commit to
			// the worktree's branch
			return nil
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules"):
			return filepath.SkipDir
		case d.Name() == ".git":
			// In a git worktree .git is a file pointing at the real
			// repository: copying it would make the snapshot's git commands
			// act on that repository.
			return nil
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular() || strings.HasSuffix(d.Name(), ".test"):
			return nil
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// preCommitSetup skips the test when pre-commit or git is missing (or with
// -short), and commits a snapshot of this repository's working tree to a
// temporary git repository for try-repo. It returns the pre-commit program,
// the temporary folder, the hooks' environment and the snapshot's folder.
func preCommitSetup(t *testing.T, ctx context.Context) (preCommit, tmp string, env []string, src string) {
	t.Helper()
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit not found: install it (Debian: apt-get install pre-commit; or pipx install pre-commit) to run the hooks for real")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	if testing.Short() {
		t.Skip("pre-commit builds the module: skipped with -short")
	}
	tmp = t.TempDir()
	env = hookEnv(t, ctx, tmp)
	src = filepath.Join(tmp, "rolemap-lint")
	if err := snapshotRepo(repoRoot(t), src); err != nil {
		t.Fatalf("copying the repository: %v", err)
	}
	git(t, ctx, env, src, "init", "-q")
	git(t, ctx, env, src, "add", "-A")
	git(t, ctx, env, src, "commit", "-q", "-m", "snapshot")
	return preCommit, tmp, env, src
}
