package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // slash paths under the temp root
		dirs  []string          // extra directories to create
		start string            // where Discover starts
		want  string            // expected path relative to the root, "" = not found
		err   string            // expected error substring
	}{
		{name: "in start dir", files: map[string]string{"repo/.git/HEAD": "", "repo/.rolemap-lint.yaml": ""},
			start: "repo", want: "repo/.rolemap-lint.yaml"},
		{name: "yml spelling", files: map[string]string{"repo/.git/HEAD": "", "repo/.rolemap-lint.yml": ""},
			start: "repo", want: "repo/.rolemap-lint.yml"},
		{name: "in parent", files: map[string]string{"repo/.git/HEAD": "", "repo/.rolemap-lint.yaml": ""},
			dirs: []string{"repo/a/b"}, start: "repo/a/b", want: "repo/.rolemap-lint.yaml"},
		{name: "nearest wins", files: map[string]string{"repo/.git/HEAD": "", "repo/.rolemap-lint.yaml": "", "repo/a/.rolemap-lint.yaml": ""},
			dirs: []string{"repo/a/b"}, start: "repo/a/b", want: "repo/a/.rolemap-lint.yaml"},
		{name: "stops at repository root", files: map[string]string{"outer/.rolemap-lint.yaml": "", "outer/repo/.git/HEAD": ""},
			dirs: []string{"outer/repo/sub"}, start: "outer/repo/sub", want: ""},
		{name: "git file (worktree) is a root", files: map[string]string{"outer/.rolemap-lint.yaml": "", "outer/wt/.git": "gitdir: x"},
			start: "outer/wt", want: ""},
		{name: "config at repository root is found", files: map[string]string{"repo/.git/HEAD": "", "repo/.rolemap-lint.yml": ""},
			dirs: []string{"repo/x"}, start: "repo/x", want: "repo/.rolemap-lint.yml"},
		{name: "no repository: walks to the filesystem root", files: map[string]string{"top/.rolemap-lint.yaml": ""},
			dirs: []string{"top/a/b/c"}, start: "top/a/b/c", want: "top/.rolemap-lint.yaml"},
		{name: "both spellings", files: map[string]string{"repo/.git/HEAD": "", "repo/.rolemap-lint.yaml": "", "repo/.rolemap-lint.yml": ""},
			start: "repo", err: "both .rolemap-lint.yaml and .rolemap-lint.yml exist"},
		{name: "config name is a directory", files: map[string]string{"repo/.git/HEAD": ""}, dirs: []string{"repo/.rolemap-lint.yaml"},
			start: "repo", err: "is not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, tt.files)
			for _, d := range tt.dirs {
				if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			path, found, err := Discover(filepath.Join(root, filepath.FromSlash(tt.start)))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				// The temp root's own ancestors must not hold a config for
				// this case to be meaningful; they are system directories.
				if found {
					t.Fatalf("found %s, want nothing", path)
				}
				return
			}
			if !found || path != filepath.Join(root, filepath.FromSlash(tt.want)) {
				t.Fatalf("Discover = %q, %v; want %s", path, found, tt.want)
			}
		})
	}
}

func TestDiscoverRelativeStart(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"repo/.git/HEAD": "", "repo/.rolemap-lint.yaml": "", "repo/sub/x": ""})
	t.Chdir(filepath.Join(root, "repo", "sub"))
	path, found, err := Discover(".")
	if err != nil || !found || path != filepath.Join(root, "repo", FileName) {
		t.Fatalf("Discover(.) = %q, %v, %v", path, found, err)
	}
}
