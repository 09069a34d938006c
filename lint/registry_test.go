package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

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

// TestRejectingChecksAreRegistered: every check that makes Elasticsearch
// reject a mapping is a registered check at level error, so `test` and the
// rejection rules name checks users can find in docs/checks.md.
func TestRejectingChecksAreRegistered(t *testing.T) {
	n := 0
	for _, a := range All() {
		if diag.Rejects(a.Name) {
			n++
			if a.Level != diag.Error {
				t.Errorf("%s rejects a mapping but its default level is %s", a.Name, a.Level)
			}
		}
	}
	for _, id := range []string{diag.Syntax, diag.Schema, diag.RolesOrTemplates, diag.ReservedMetadataKey,
		diag.RuleSyntax, diag.InvalidPattern, diag.InvalidTemplate, diag.ReservedName, diag.ScriptingDisabled} {
		if Lookup(id) == nil {
			t.Errorf("%s rejects a mapping but is no registered check", id)
		}
	}
	if n != 9 {
		t.Errorf("%d registered checks reject a mapping, want 9", n)
	}
	if diag.Rejects(diag.Budget) || diag.Rejects("unknown-role") {
		t.Error("budget and unknown-role do not make Elasticsearch reject a mapping")
	}
}

// TestEveryCheckHasItsFile: each check is declared in lint/<id>.go (the
// ignore mechanism's own check in ignore.go) and has its example in
// testdata/<id>.txtar.
func TestEveryCheckHasItsFile(t *testing.T) {
	home := map[string]string{CheckUnusedIgnore: "ignore.go"}
	for _, a := range All() {
		file := home[a.Name]
		if file == "" {
			file = a.Name + ".go"
		}
		for _, f := range []string{file, filepath.Join("testdata", a.Name+".txtar")} {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("check %s: %v", a.Name, err)
			}
		}
	}
}
