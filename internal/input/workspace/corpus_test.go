package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// corpusDir holds real JSON/YAML files from public repositories that are
// not role mappings (testdata/notmappings/SOURCES.md names each source).
const corpusDir = "testdata/notmappings"

// corpusFiles lists every JSON/YAML file of the corpus, hidden folders
// included (a walk skips those, so they are tested when named).
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && isCandidateName(p) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 40 {
		t.Fatalf("the corpus holds %d files; it is meant to hold 40 or more", len(out))
	}
	return out
}

// TestCorpusNotClaimedByWalk: walking the corpus finds no role mapping and
// reports nothing, and -v gives every file a reason.
func TestCorpusNotClaimedByWalk(t *testing.T) {
	ws, err := Load(Options{Dir: ".", Paths: []string{corpusDir}, Version: esversion.Newest})
	if !errors.Is(err, ErrNoFiles) {
		t.Fatalf("walking the corpus: err = %v, want ErrNoFiles", err)
	}
	for _, f := range ws.Files {
		if f.Kind == MappingSource || f.Kind == DNMappingFile || f.Kind == FixtureFile {
			t.Errorf("%s read as %v: %s", f.Source.Name, f.Kind, f.Claim)
		}
	}
	for _, d := range ws.Diags {
		t.Errorf("finding on a non-mapping file: %s: %s [%s]", d.Span.File.Name, d.Message, d.Check)
	}
	if len(ws.Decisions) == 0 {
		t.Fatal("no decisions listed")
	}
	for _, d := range ws.Decisions {
		if d.Verdict != Skipped || d.Reason == "" {
			t.Errorf("decision: %s", d)
		}
	}
}

// TestCorpusNotClaimedWhenNamed: each corpus file named on the command
// line alone is skipped without a finding (pre-commit passes changed files
// by name).
func TestCorpusNotClaimedWhenNamed(t *testing.T) {
	for _, p := range corpusFiles(t) {
		ws, err := Load(Options{Dir: ".", Paths: []string{p}, Version: esversion.Newest})
		if !errors.Is(err, ErrNoFiles) {
			t.Errorf("%s: err = %v, want ErrNoFiles", p, err)
		}
		if ws == nil {
			continue
		}
		if len(ws.Mappings) != 0 || len(ws.DNFiles) != 0 {
			t.Errorf("%s: read as role mappings: %s", p, names(ws))
		}
		for _, d := range ws.Diags {
			t.Errorf("%s: finding: %s [%s]", p, d.Message, d.Check)
		}
	}
}

// TestCorpusOldRule measures how many corpus files the rule before
// signatures claimed: any document whose object, or a member of it, had
// an enabled/roles/role_templates/rules key, any StackConfigPolicy or
// state.role_mappings, and any file that failed to parse (a syntax
// finding); named explicitly, every other file got an unrecognized-file
// warning. The count is logged for the record; it must stay above zero, or
// the corpus no longer shows what the new rule fixes.
func TestCorpusOldRule(t *testing.T) {
	files := corpusFiles(t)
	claimed := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if oldRuleClaims(p, data) {
			claimed++
			t.Logf("old rule claimed %s", p)
		}
	}
	t.Logf("old rule: %d of %d corpus files claimed by a walk (all %d got a finding when named)", claimed, len(files), len(files))
	if claimed == 0 {
		t.Error("no corpus file is one the old rule claimed")
	}
}

// oldRuleClaims is the rule before signatures (looksLikeBody and
// detectShape as they were), for TestCorpusOldRule.
func oldRuleClaims(name string, data []byte) bool {
	f := source.NewFile(name, data)
	var docs []*source.Value
	var diags int
	if strings.EqualFold(filepath.Ext(name), ".json") {
		root, d := loader.ParseJSON(f)
		if root != nil {
			docs = []*source.Value{root}
		}
		diags = len(d)
	} else {
		ds, d := loader.ParseYAML(f)
		docs, diags = ds, len(d)
	}
	oldBody := func(v *source.Value) bool {
		if v == nil || v.Kind != source.Object {
			return false
		}
		for _, k := range []string{"enabled", "roles", "role_templates", "rules"} {
			if v.Has(k) {
				return true
			}
		}
		return false
	}
	for _, doc := range docs {
		if doc == nil || doc.Kind != source.Object {
			continue
		}
		if k := doc.Get("kind"); k != nil && k.Kind == source.String && k.Str == "StackConfigPolicy" {
			return true
		}
		if st := doc.Get("state"); st != nil && st.Kind == source.Object && st.Has("role_mappings") {
			return true
		}
		if oldBody(doc) {
			return true
		}
		for _, m := range doc.Members {
			if oldBody(m.Value) {
				return true
			}
		}
	}
	// A file with parse problems (including YAML 1.1 warnings) was reported.
	return diags > 0
}

// TestExamplesStillClaimed: every role mapping source in the repository's
// examples (broken ones included), walked or named, is still read as one.
func TestExamplesStillClaimed(t *testing.T) {
	root := filepath.Join("..", "..", "..", "examples")
	var want []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(p)
		switch {
		case d.IsDir(), !isCandidateName(p), IsFixtureName(p), IsConfigName(p),
			strings.Contains(rel, "/examples/roles/"), strings.HasSuffix(rel, "/elasticsearch.yml"):
			return nil
		}
		want = append(want, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 20 {
		t.Fatalf("found %d example sources", len(want))
	}
	ws, err := Load(Options{Dir: ".", Paths: []string{root}, Version: esversion.Newest})
	if err != nil {
		t.Fatal(err)
	}
	verdicts := map[string]Decision{}
	for _, d := range ws.Decisions {
		verdicts[d.File] = d
	}
	for _, p := range want {
		rel := filepath.ToSlash(p)
		if d := verdicts[rel]; d.Verdict != MappingVerdict && d.Verdict != DNVerdict {
			t.Errorf("walk: %s not claimed: %s", rel, d)
		}
		one, err := Load(Options{Dir: ".", Paths: []string{p}, Version: esversion.Newest})
		if err != nil {
			t.Errorf("named: %s: %v", rel, err)
			continue
		}
		if d := one.Decisions[0]; d.Verdict != MappingVerdict && d.Verdict != DNVerdict {
			t.Errorf("named: %s not claimed: %s", rel, d)
		}
	}
	// The fixture files, the roles file and elasticsearch.yml are not mappings.
	for _, d := range ws.Decisions {
		if strings.Contains(d.File, "/roles/") && d.Verdict != Skipped {
			t.Errorf("roles file read as %s", d)
		}
	}
}
