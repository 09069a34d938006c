package repofs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree builds a directory layout: a repository "repo" (with .git) holding
// files and links, and a planted secret in "outside".
func tree(t *testing.T) (work, repo string) {
	t.Helper()
	work = t.TempDir()
	repo = filepath.Join(work, "repo")
	files := map[string]string{
		"outside/secret.txt":  "SECRET",
		"repo/.git/config":    "token",
		"repo/a.json":         "{}",
		"repo/sub/b.json":     "{}",
		"repo/sub/deep/c.yml": "x: 1",
		"plain/d.json":        "{}",
	}
	for name, text := range files {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"repo/out.json":    "../outside/secret.txt",
		"repo/absout.json": filepath.Join(work, "outside", "secret.txt"),
		"repo/in.json":     "sub/b.json",
		"repo/absin.json":  filepath.Join(repo, "sub", "b.json"),
		"repo/git.json":    ".git/config",
		"repo/updir":       "..",
		"repo/subdir":      "sub",
		"repo/loop":        ".",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(work, filepath.FromSlash(name))); err != nil {
			t.Skip("symlinks unsupported:", err)
		}
	}
	return work, repo
}

func TestFindRoot(t *testing.T) {
	work, repo := tree(t)
	tests := []struct {
		anchor, want string
		configDir    string
	}{
		{repo, repo, ""},
		{filepath.Join(repo, "a.json"), repo, ""},
		{filepath.Join(repo, "sub", "deep"), repo, ""},
		{filepath.Join(repo, "sub", "deep", "c.yml"), repo, ""},
		{filepath.Join(repo, "missing", "x.json"), repo, ""},
		// .git wins over the config's directory.
		{filepath.Join(repo, "a.json"), repo, work},
		// No .git above: the config's directory when it holds the start,
		// else a directory is its own root, a file's parent is.
		{filepath.Join(work, "plain"), filepath.Join(work, "plain"), ""},
		{filepath.Join(work, "plain", "d.json"), filepath.Join(work, "plain"), ""},
		{filepath.Join(work, "plain", "d.json"), work, work},
		{filepath.Join(work, "plain"), work, work},
		{filepath.Join(work, "plain", "d.json"), filepath.Join(work, "plain"), filepath.Join(work, "outside")},
		// A symlink is never its own root: its parent's root is searched.
		{filepath.Join(repo, "updir"), repo, ""},
	}
	for _, tt := range tests {
		got, err := FindRoot(tt.anchor, tt.configDir)
		if err != nil {
			t.Errorf("FindRoot(%s): %v", tt.anchor, err)
			continue
		}
		// The work directory may itself lie in a repository: compare only
		// when the expected root is below it.
		if got != tt.want && strings.HasPrefix(tt.want, work) {
			t.Errorf("FindRoot(%s) = %s, want %s", tt.anchor, got, tt.want)
		}
	}
}

func TestConfinedReads(t *testing.T) {
	_, repo := tree(t)
	fsys, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	tests := []struct {
		path    string
		want    string // content, or "" when an error is expected
		wantErr error
	}{
		{"a.json", "{}", nil},
		{"sub/deep/c.yml", "x: 1", nil},
		{"in.json", "{}", nil},
		{"absin.json", "{}", nil},
		{"subdir/b.json", "{}", nil},
		{"loop/loop/a.json", "{}", nil},
		{"out.json", "", ErrOutside},
		{"absout.json", "", ErrOutside},
		{"updir/outside/secret.txt", "", ErrOutside},
		{"../outside/secret.txt", "", ErrOutside},
		{"sub/../../outside/secret.txt", "", ErrOutside},
		{".git/config", "", ErrGit},
		{".GIT/config", "", ErrGit},
		{"git.json", "", ErrGit},
		{"sub", "", ErrNotRegular},
		{"missing.json", "", fs.ErrNotExist},
	}
	for _, tt := range tests {
		p := filepath.Join(repo, filepath.FromSlash(tt.path))
		if strings.HasPrefix(tt.path, "../") || strings.Contains(tt.path, "/../") {
			p = repo + string(filepath.Separator) + filepath.FromSlash(tt.path) // keep the .. lexical
		}
		if err := fsys.Check(p); (err == nil) != (tt.wantErr == nil || errors.Is(tt.wantErr, ErrNotRegular)) {
			t.Errorf("Check(%s) = %v", tt.path, err)
		}
		data, err := fsys.ReadFile(p, 1<<20)
		switch {
		case tt.wantErr == nil && err != nil:
			t.Errorf("ReadFile(%s): %v", tt.path, err)
		case tt.wantErr == nil && string(data) != tt.want:
			t.Errorf("ReadFile(%s) = %q, want %q", tt.path, data, tt.want)
		case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
			t.Errorf("ReadFile(%s): err = %v, want %v", tt.path, err, tt.wantErr)
		case tt.wantErr != nil && len(data) > 0:
			t.Errorf("ReadFile(%s) returned data with an error", tt.path)
		}
		if err != nil && strings.Contains(err.Error(), "SECRET") {
			t.Errorf("ReadFile(%s): the error quotes the file: %v", tt.path, err)
		}
	}
}

func TestReadDirAndStat(t *testing.T) {
	_, repo := tree(t)
	fsys, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	entries, err := fsys.ReadDir(filepath.Join(repo, "subdir"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "b.json deep" {
		t.Errorf("ReadDir(subdir) = %q", got)
	}
	if _, err := fsys.ReadDir(filepath.Join(repo, "updir")); !errors.Is(err, ErrOutside) {
		t.Errorf("ReadDir(updir): err = %v, want ErrOutside", err)
	}
	if _, err := fsys.Stat(filepath.Join(repo, "out.json")); !errors.Is(err, ErrOutside) {
		t.Errorf("Stat(out.json): err = %v, want ErrOutside", err)
	}
	if st, err := fsys.Lstat(filepath.Join(repo, "out.json")); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat(out.json) = %v, %v; want the link itself", st, err)
	}
	if _, err := fsys.ReadDir(filepath.Join(repo, ".git")); !errors.Is(err, ErrGit) {
		t.Errorf("ReadDir(.git): err = %v, want ErrGit", err)
	}
}

func TestSizeLimit(t *testing.T) {
	_, repo := tree(t)
	fsys, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if _, err := fsys.ReadFile(filepath.Join(repo, "sub", "deep", "c.yml"), 3); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if data, err := fsys.ReadFile(filepath.Join(repo, "sub", "deep", "c.yml"), 4); err != nil || string(data) != "x: 1" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
}

// A FIFO is refused at once: opening it for reading would wait for a
// writer forever.
func TestFIFONeverBlocks(t *testing.T) {
	_, repo := tree(t)
	fifo := filepath.Join(repo, "pipe.yml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo unsupported:", err)
	}
	fsys, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	done := make(chan error, 1)
	go func() {
		_, err := fsys.ReadFile(fifo, 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("err = %v, want ErrNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
}

func TestSet(t *testing.T) {
	_, repo := tree(t)
	var s Set
	a, err := s.For(filepath.Join(repo, "a.json"), "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.For(filepath.Join(repo, "sub"), "")
	if err != nil {
		t.Fatal(err)
	}
	if a != b || a.Dir() != repo {
		t.Errorf("one root per repository: %p %p %s", a, b, a.Dir())
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
}

func TestInGit(t *testing.T) {
	for rel, want := range map[string]bool{
		".git": true, ".git/config": true, "a/.git/HEAD": true, ".Git/x": true,
		"a.git/x": false, ".github/workflows/ci.yml": false, "git/config": false, "": false,
	} {
		if got := InGit(rel); got != want {
			t.Errorf("InGit(%q) = %v", rel, got)
		}
	}
}

func TestReadChecked(t *testing.T) {
	_, repo := tree(t)
	fsys, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for path, want := range map[string]error{
		"a.json": nil, "absin.json": nil, "subdir/b.json": nil,
		"out.json": ErrOutside, "absout.json": ErrOutside, ".git/config": ErrGit, "sub": ErrNotRegular,
	} {
		data, err := fsys.ReadChecked(filepath.Join(repo, path), 1<<20)
		if !errors.Is(err, want) || (want == nil && string(data) != "{}") {
			t.Errorf("ReadChecked(%s) = %q, %v; want %v", path, data, err, want)
		}
	}
	if _, err := fsys.ReadChecked(filepath.Join(repo, "a.json"), 1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("limit: err = %v", err)
	}
}

// ReadChecked reads through a handle of the file's directory; a link from
// there to a sibling folder still inside the root is followed, and more
// directories than the handles kept open still read.
func TestReadCheckedDirectoryHandles(t *testing.T) {
	_, repo := tree(t)
	if err := os.Symlink("../a.json", filepath.Join(repo, "sub", "up.json")); err != nil {
		t.Fatal(err)
	}
	for i := range maxSubRoots + 10 {
		d := filepath.Join(repo, "many", strings.Repeat("x", 1+i%7)+string(rune('a'+i%26))+strings.Repeat("y", i/26))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "f.json"), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if data, err := fsys.ReadChecked(filepath.Join(repo, "sub", "up.json"), 1<<20); err != nil || string(data) != "{}" {
		t.Errorf("link to a sibling folder: %q, %v", data, err)
	}
	dirs, err := os.ReadDir(filepath.Join(repo, "many"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		p := filepath.Join(repo, "many", d.Name(), "f.json")
		if data, err := fsys.ReadChecked(p, 1<<20); err != nil || string(data) != "{}" {
			t.Fatalf("%s: %q, %v", p, data, err)
		}
	}
	if len(dirs) <= maxSubRoots {
		t.Fatalf("only %d directories", len(dirs))
	}
}
