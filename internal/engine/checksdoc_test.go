package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/lint"
)

// TestChecksDocUpToDate fails when docs/checks.md is not what
// `rolemap-lint checks --format markdown` prints. Regenerate it with:
//
//	go run ./cmd/rolemap-lint checks --format markdown > docs/checks.md
func TestChecksDocUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "checks.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := Markdown(lint.All()); string(got) != want {
		t.Errorf("%s is stale; regenerate it with: go run ./cmd/rolemap-lint checks --format markdown > docs/checks.md", path)
	}
}

// TestMarkdownSections: every check has its section, with the example's
// files, an output block in which the check fires, and the fix.
func TestMarkdownSections(t *testing.T) {
	md := Markdown(lint.All())
	sections := strings.Split(md, "\n## ")
	byID := map[string]string{}
	for _, s := range sections[1:] {
		id, _, _ := strings.Cut(s, "\n")
		byID[id] = s
	}
	for _, a := range lint.All() {
		s, ok := byID[a.Name]
		if !ok {
			t.Errorf("no section for %s", a.Name)
			continue
		}
		if !strings.Contains(md, "| [`"+a.Name+"`](#"+a.Name+") |") {
			t.Errorf("%s is missing from the summary table", a.Name)
		}
		for _, want := range []string{"Default level: **" + a.Level.String() + "**.", a.Doc, "**Example**", "**Output**",
			"```console\n$ rolemap-lint lint", "[" + a.Name + "]\n", "**Fix**"} {
			if !strings.Contains(s, want) {
				t.Errorf("section %s lacks %q", a.Name, want)
			}
		}
		if a.Security != strings.Contains(s, "Security-relevant.") {
			t.Errorf("section %s: Security-relevant marker wrong (Security = %v)", a.Name, a.Security)
		}
	}
}

func TestWriteBlock(t *testing.T) {
	tests := []struct {
		lang, text, want string
	}{
		{"json", "{}\n", "```json\n{}\n```\n"},
		{"yaml", "a: 1", "```yaml\na: 1\n```\n"},
		{"text", "see ```x```\n", "````text\nsee ```x```\n````\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeBlock(&b, tt.lang, tt.text)
		if b.String() != tt.want {
			t.Errorf("writeBlock(%q, %q) = %q, want %q", tt.lang, tt.text, b.String(), tt.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mappings/a.json", "mappings/a.json"},
		{"my mappings/a.json", "'my mappings/a.json'"},
		{"it's.json", `'it'\''s.json'`},
		{"", "''"},
		{"*.json", "'*.json'"},
	}
	for _, tt := range tests {
		if got := shellQuote(tt.in); got != tt.want {
			t.Errorf("shellQuote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFenceLanguage(t *testing.T) {
	for name, want := range map[string]string{"a.json": "json", "roles.yml": "yaml", "B.YAML": "yaml", "notes.txt": "text", "Makefile": "text"} {
		if got := fenceLanguage(name); got != want {
			t.Errorf("fenceLanguage(%q) = %q, want %q", name, got, want)
		}
	}
}
