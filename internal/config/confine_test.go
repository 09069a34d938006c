package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rolemap-lint/rolemap-lint/internal/repofs"
)

// hostileRepo makes work/repo (a repository: it holds .git) and a planted
// secret in work/outside.
func hostileRepo(t *testing.T) (work, repo string) {
	t.Helper()
	work = t.TempDir()
	repo = filepath.Join(work, "repo")
	for name, text := range map[string]string{
		"outside/secret.yml":        "SECRET: {}\n",
		"outside/elasticsearch.yml": "SECRET: x\n",
		"repo/.git/config":          "SECRET: token\n",
		"repo/roles/a.yml":          "a: {}\n",
		"repo/common/s.yml":         "s: {}\n",
		"repo/team/x.yml":           "x: {}\n",
	} {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return work, repo
}

func writeConfig(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExpandGlobsConfined(t *testing.T) {
	work, repo := hostileRepo(t)
	if err := os.Symlink("../outside", filepath.Join(repo, "out")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if err := os.Symlink("../../outside/secret.yml", filepath.Join(repo, "roles", "link.yml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.yml", filepath.Join(repo, "roles", "alias.yml")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, pattern string
		want         []string // relative to work
		err          string
	}{
		{repo, "roles/*.yml", []string{"repo/roles/a.yml", "repo/roles/alias.yml"}, ""},
		{repo, "**/*.yml", []string{"repo/common/s.yml", "repo/roles/a.yml", "repo/roles/alias.yml", "repo/team/x.yml"}, ""},
		{repo, "**/config", nil, ""},
		{repo, ".*/*", nil, ""},
		{filepath.Join(repo, "team"), "../common/*.yml", []string{"repo/common/s.yml"}, ""},
		{repo, "../outside/*", nil, "leaves the repository"},
		{repo, "{roles,../outside}/*", nil, "leaves the repository"},
		{filepath.Join(repo, "team"), "../../outside/*.yml", nil, "leaves the repository"},
		{repo, "out/*.yml", nil, "leaves the repository"},
		{repo, ".git/config", nil, "inside .git"},
		{repo, "{x,.git}/*", nil, "inside .git"},
	}
	for _, tt := range tests {
		path := writeConfig(t, tt.dir, "roles: {files: ["+`"`+tt.pattern+`"`+"]}\n")
		c, err := Load(path, LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tt.pattern, err)
		}
		if c.Root != repo {
			t.Errorf("%s: Root = %s, want %s", tt.pattern, c.Root, repo)
		}
		got, err := c.ExpandGlobs(c.Roles.Files)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err = %v, want %q", tt.pattern, err, tt.err)
			}
			if err != nil && strings.Contains(err.Error(), "SECRET") {
				t.Errorf("%s: the error quotes a file: %v", tt.pattern, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.pattern, err)
			continue
		}
		var rel []string
		for _, p := range got {
			r, _ := filepath.Rel(work, p)
			rel = append(rel, filepath.ToSlash(r))
		}
		if diff := cmp.Diff(tt.want, rel); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.pattern, diff)
		}
		for _, p := range got {
			if data, err := c.ReadFile(p, 1<<20); err != nil || strings.Contains(string(data), "SECRET") {
				t.Errorf("%s: ReadFile(%s) = %q, %v", tt.pattern, p, data, err)
			}
		}
		os.Remove(path)
	}
}

func TestLoadRefusesPathsOutside(t *testing.T) {
	work, repo := hostileRepo(t)
	abs := filepath.Join(work, "outside", "elasticsearch.yml")
	tests := []struct{ config, want string }{
		{"elasticsearch_yml: ../outside/elasticsearch.yml\n", `1:20: elasticsearch_yml: "../outside/elasticsearch.yml" leaves the repository`},
		{"elasticsearch_yml: " + abs + "\n", `elasticsearch_yml: "` + abs + `" leaves the repository`},
		{"elasticsearch_yml: /etc/passwd\n", `elasticsearch_yml: "/etc/passwd" leaves the repository`},
		{"elasticsearch_yml: .git/config\n", `elasticsearch_yml: ".git/config" names a path inside .git`},
		{"realms:\n  - {name: l, type: ldap, role_mapping_file: ../outside/secret.yml}\n", `realms[0].role_mapping_file: "../outside/secret.yml" leaves the repository`},
	}
	for _, tt := range tests {
		path := writeConfig(t, repo, tt.config)
		_, err := Load(path, LoadOptions{})
		var el ErrorList
		if !errors.As(err, &el) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want an ErrorList with %q", tt.config, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "SECRET") {
			t.Errorf("%q: the error quotes a file: %v", tt.config, err)
		}
	}
}

func TestLoadRefusesConfigLinkedOutside(t *testing.T) {
	work, repo := hostileRepo(t)
	link := filepath.Join(repo, FileName)
	if err := os.Symlink(filepath.Join("..", "outside", "secret.yml"), link); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	_, err := Load(link, LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "leaves the repository") || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("err = %v", err)
	}
	_ = work
}

// An elasticsearch_yml that is a FIFO is refused at once (it used to block
// the run forever, waiting for a writer).
func TestLoadFIFOElasticsearchYML(t *testing.T) {
	_, repo := hostileRepo(t)
	if err := syscall.Mkfifo(filepath.Join(repo, "es.yml"), 0o644); err != nil {
		t.Skip("mkfifo unsupported:", err)
	}
	path := writeConfig(t, repo, "elasticsearch_yml: es.yml\n")
	done := make(chan error, 1)
	go func() {
		_, err := Load(path, LoadOptions{})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("err = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load blocked on a FIFO")
	}
}

func TestStatFileConfined(t *testing.T) {
	_, repo := hostileRepo(t)
	c, err := Load(writeConfig(t, repo, "es_version: \"9.1\"\n"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.StatFile(filepath.Join(repo, "roles", "a.yml")); err != nil {
		t.Errorf("inside: %v", err)
	}
	if _, err := c.StatFile("/etc/elasticsearch/role_mapping.yml"); !errors.Is(err, repofs.ErrOutside) {
		t.Errorf("outside: err = %v, want ErrOutside", err)
	}
	if _, err := c.StatFile(filepath.Join(repo, ".git", "config")); !errors.Is(err, repofs.ErrGit) {
		t.Errorf(".git: err = %v, want ErrGit", err)
	}
}
