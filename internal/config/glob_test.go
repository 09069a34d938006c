package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"*.json", "a.json", true},
		{"*.json", "dir/a.json", false},
		{"*.json", ".hidden.json", true},
		{"*", "", false},
		{"a/*/c", "a/b/c", true},
		{"a/*/c", "a/b/x/c", false},
		{"a/*", "a", false},
		{"**", "", true},
		{"**", "a/b/c", true},
		{"**/*.json", "a.json", true},
		{"**/*.json", "x/y/a.json", true},
		{"**/*.json", "x/y/a.yaml", false},
		{"vendor/**", "vendor", true},
		{"vendor/**", "vendor/a/b.json", true},
		{"vendor/**", "vendors/a", false},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
		{"a/**/b", "a/x/y/c", false},
		{"a/**/**/b", "a/b", true},
		{"a**b", "axxb", true},
		{"a**b", "ax/xb", false},
		{"?.yml", "a.yml", true},
		{"?.yml", "ab.yml", false},
		{"?.yml", "é.yml", true},
		{"[abc].yml", "b.yml", true},
		{"[abc].yml", "d.yml", false},
		{"[a-c].yml", "c.yml", true},
		{"[!a-c].yml", "c.yml", false},
		{"[^a-c].yml", "d.yml", true},
		{`[\]].yml`, "].yml", true},
		{"{roles,more}/*.yml", "roles/a.yml", true},
		{"{roles,more}/*.yml", "more/a.yml", true},
		{"{roles,more}/*.yml", "other/a.yml", false},
		{"{a/b,c}/x", "a/b/x", true},
		{"{a,{b,c}}.json", "c.json", true},
		{"file{,.bak}", "file", true},
		{"file{,.bak}", "file.bak", true},
		{`a\*b`, "a*b", true},
		{`a\*b`, "axb", false},
		{"./config/role_mapping.yml", "config/role_mapping.yml", true},
		{"config//role_mapping.yml", "./config/role_mapping.yml", true},
		{"config/role_mapping.yml/", "config/role_mapping.yml", true},
		{"../common/*.yml", "../common/a.yml", true},
		{"../../common/*.yml", "../../common/a.yml", true},
		{"{../common,roles}/*.yml", "roles/a.yml", true},
		{"*a*a*a*a*a*a*a*b", strings.Repeat("a", 60), false},
	}
	for _, tt := range tests {
		g, err := CompileGlob(tt.pattern)
		if err != nil {
			t.Errorf("CompileGlob(%q): %v", tt.pattern, err)
			continue
		}
		if got := g.Match(tt.path); got != tt.want {
			t.Errorf("%q.Match(%q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestGlobSyntaxErrors(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"", "empty glob pattern"},
		{"/abs/*", `glob pattern "/abs/*" is absolute; patterns are relative to the config file's directory`},
		{"a[", `glob pattern "a[": unterminated '['`},
		{"a[b/c]", `glob pattern "a[b/c]": unterminated '['`},
		{"[]", `glob pattern "[]": empty character class '[]'`},
		{"[!]", `glob pattern "[!]": empty character class '[]'`},
		{"[z-a]", `glob pattern "[z-a]": invalid range z-a in character class`},
		{`a\`, `glob pattern "a\\": trailing '\'`},
		{"{a,b", `glob pattern "{a,b": unterminated '{'`},
		{"a}", `glob pattern "a}": unmatched '}'`},
		{strings.Repeat("{a,b}", 11), "more than 1024 alternatives"},
		{"\xff", "glob pattern is not valid UTF-8"},
		{"roles/../x", `".." may only lead a pattern`},
		{"*/../../x", `".." may only lead a pattern`},
		{"{a,b}/../x", `".." may only lead a pattern`},
	}
	for _, tt := range tests {
		_, err := CompileGlob(tt.pattern)
		if err == nil {
			t.Errorf("CompileGlob(%q): no error", tt.pattern)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CompileGlob(%q) = %q, want %q", tt.pattern, err, tt.want)
		}
	}
}

func TestExcluded(t *testing.T) {
	c, err := parseTest(t, `exclude: ["vendor/**", "build", "**/*.tmp", "docs/{old,draft}/**"]`+"\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want bool
	}{
		{"vendor", true},
		{"vendor/x/y.json", true},
		{"build", true},
		{"build/out/m.json", true},
		{"src/build.json", false},
		{"a/b/c.tmp", true},
		{"a.tmp", true},
		{"docs/old/a.json", true},
		{"docs/draft", true},
		{"docs/new/a.json", false},
		{"mappings/a.json", false},
		{"", false},
		{".", false},
	}
	for _, tt := range tests {
		if got := c.Excluded(tt.path); got != tt.want {
			t.Errorf("Excluded(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestRelAndExcludedFrom(t *testing.T) {
	dir := t.TempDir()
	c, err := Parse(filepath.Join(dir, FileName), []byte("exclude: [\"vendor/**\"]\n"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Rel(filepath.Join(dir, "vendor", "a.json")); got != "vendor/a.json" {
		t.Errorf("Rel = %q", got)
	}
	if got := c.Rel(filepath.Dir(dir)); got != ".." {
		t.Errorf("Rel(parent) = %q", got)
	}
	sub := filepath.Join(dir, "sub")
	ex := c.ExcludedFrom(filepath.Join(dir))
	if !ex("vendor/a.json") || ex("sub/a.json") {
		t.Error("ExcludedFrom(config dir) wrong")
	}
	ex = c.ExcludedFrom(sub)
	if !ex("../vendor/x.json") || ex("vendor/x.json") {
		t.Error("ExcludedFrom(sub) wrong")
	}
}

func TestExpandGlobs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"roles/a.yml", "roles/b.yaml", "roles/deep/c.yml", "other/d.yml", "e.yml"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "roles", "dir.yml"), 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := Parse(filepath.Join(dir, FileName), []byte(`roles: {files: ["roles/*.yml", "roles/**/*.yml", "missing/*.yml", "e.yml"]}`+"\n"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ExpandGlobs(c.Roles.Files)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "e.yml"), filepath.Join(dir, "roles", "a.yml"), filepath.Join(dir, "roles", "deep", "c.yml")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ExpandGlobs (-want +got):\n%s", diff)
	}
	if !c.IsRolesFile("roles/a.yml") || c.IsRolesFile("other/d.yml") {
		t.Error("IsRolesFile wrong")
	}
}

func TestGlobHostileInputsStayCheap(t *testing.T) {
	pattern := strings.Repeat("*/**/", 400) + "x"
	g, err := CompileGlob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	path := strings.Repeat("a/", 2000) + "y"
	start := time.Now()
	if g.Match(path) {
		t.Error("matched")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Match took %v", d)
	}
	if _, err := CompileGlob(strings.Repeat("{a,b}", 10) + strings.Repeat("x", 100)); err == nil ||
		!strings.Contains(err.Error(), "expands to more than") {
		t.Errorf("large expansion: %v", err)
	}
}

func TestMappingsClaim(t *testing.T) {
	c, err := parseTest(t, `mappings: ["elasticsearch/**", "envs/*/mappings.json"]`+"\n")
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"elasticsearch/a.json":        true,
		"elasticsearch/team/b.yaml":   true,
		"envs/prod/mappings.json":     true,
		"envs/prod/other.json":        false,
		"helm/values.yaml":            false,
		"elasticsearch-old/a.json":    false,
		"envs/prod/sub/mappings.json": false,
	} {
		if got := c.IsMappingsClaim(path); got != want {
			t.Errorf("IsMappingsClaim(%q) = %v, want %v", path, got, want)
		}
	}
	if _, err := parseTest(t, "mappings: elasticsearch/**\n"); err == nil || !strings.Contains(err.Error(), "mappings") {
		t.Errorf("a scalar mappings value must be an error naming the key: %v", err)
	}
}
