package lint

import (
	"os"
	"path/filepath"
	"testing"
)

// TestChecksDocUpToDate fails when docs/checks.md is not what
// `rolemap-lint checks --format markdown` prints. Regenerate it with:
//
//	go run ./cmd/rolemap-lint checks --format markdown > docs/checks.md
func TestChecksDocUpToDate(t *testing.T) {
	path := filepath.Join("..", "docs", "checks.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := Markdown(All()); string(got) != want {
		t.Errorf("%s is stale; regenerate it with: go run ./cmd/rolemap-lint checks --format markdown > docs/checks.md", path)
	}
}

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range All() {
		if seen[a.Name] {
			t.Errorf("duplicate check %s", a.Name)
		}
		seen[a.Name] = true
		if a.Summary == "" || a.Doc == "" || a.Run == nil || a.Level < 2 {
			t.Errorf("check %s is incomplete", a.Name)
		}
		if Lookup(a.Name) != a {
			t.Errorf("Lookup(%s) failed", a.Name)
		}
	}
}
