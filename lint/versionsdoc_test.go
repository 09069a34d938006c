package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// TestVersionsDocUpToDate fails when docs/elasticsearch-versions.md is not
// what VersionsMarkdown renders from the code's tables, so the page and the
// thresholds the checks use cannot drift. Regenerate it with:
//
//	ROLEMAP_LINT_UPDATE=1 go test ./lint -run TestVersionsDocUpToDate
func TestVersionsDocUpToDate(t *testing.T) {
	path := filepath.Join("..", "docs", "elasticsearch-versions.md")
	want := VersionsMarkdown()
	if os.Getenv("ROLEMAP_LINT_UPDATE") != "" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is stale; regenerate it with: ROLEMAP_LINT_UPDATE=1 go test ./lint -run TestVersionsDocUpToDate", path)
	}
	// Every threshold appears with its version.
	for _, c := range esversion.Changes() {
		if !strings.Contains(want, "| "+c.Since.String()+" | "+cell(c.Area)+" |") {
			t.Errorf("change %s (%s) is missing from the page", c.ID, c.Since)
		}
	}
}
