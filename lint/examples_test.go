package lint

import (
	"strings"
	"testing"
)

// TestExamplesParse: every testdata/<id>.txtar parses, and names a check.
func TestExamplesParse(t *testing.T) {
	names, err := exampleFiles.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range names {
		data, err := exampleFiles.ReadFile("testdata/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseExample(data); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
		}
		if id := strings.TrimSuffix(e.Name(), ".txtar"); Lookup(id) == nil {
			t.Errorf("%s: no check %s", e.Name(), id)
		}
	}
}

func TestParseExample(t *testing.T) {
	ex, err := parseExample([]byte("rename a.json b.json\ndelete c.json\n-- fix.md --\nDo this.\n-- a.json --\n{}\n-- c.json --\n[]\n-- fixed/b.json --\n{\"x\": 1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ex.Fix != "Do this." || ex.Files["a.json"] != "{}\n" || ex.Files["c.json"] != "[]\n" || ex.Renamed["a.json"] != "b.json" ||
		len(ex.Deleted) != 1 || ex.Deleted[0] != "c.json" || ex.Fixed["b.json"] != "{\"x\": 1}\n" || len(ex.Files) != 2 {
		t.Errorf("parsed %#v", ex)
	}
	got := ex.FixedFiles()
	if len(got) != 1 || got["b.json"] != "{\"x\": 1}\n" {
		t.Errorf("FixedFiles = %#v", got)
	}
	for _, bad := range []string{"-- a.json --\n{}\n", "move a b\n-- fix.md --\nx\n", "rename a\n-- fix.md --\nx\n"} {
		if _, err := parseExample([]byte(bad)); err == nil {
			t.Errorf("parseExample(%q) accepted it", bad)
		}
	}
}
