package pathx

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestRel(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the cases are written with / roots")
	}
	const wd = "/work/repo"
	tests := []struct {
		name, p, want string
	}{
		{"relative below", "mappings/a.json", "mappings/a.json"},
		{"relative, unclean", "./mappings//x/../a.json", "mappings/a.json"},
		{"absolute below", "/work/repo/mappings/a.json", "mappings/a.json"},
		{"the directory itself", "/work/repo", "."},
		{"empty", "", "."},
		{"relative outside kept as written", "../other/./a.json", "../other/./a.json"},
		{"parent", "..", ".."},
		{"absolute outside kept as written", "/etc//a.json", "/etc//a.json"},
		{"sibling with a common prefix", "/work/repository/a.json", "/work/repository/a.json"},
		{"name starting with dots is inside", "..a/b.json", "..a/b.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Rel(wd, tt.p); got != tt.want {
				t.Errorf("Rel(%q, %q) = %q, want %q", wd, tt.p, got, tt.want)
			}
		})
	}
	// A caller that wants the outside path cleaned passes it cleaned.
	if got := Rel(wd, filepath.Clean("../other/./a.json")); got != "../other/a.json" {
		t.Errorf("cleaned outside path: got %q", got)
	}
}
