package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// mappingsDir holds role mapping sources written the ways real repositories
// keep them, broken ones included (testdata/mappings): discovery must
// claim each of them although no config names them.
const mappingsDir = "testdata/mappings"

// TestRealisticMappingsClaimed: every file under testdata/mappings is read
// as a role mapping source, whether a walk finds it or it is named alone,
// for the reason given, and its documents yield the mappings listed.
func TestRealisticMappingsClaimed(t *testing.T) {
	tests := []struct {
		file     string
		reason   string // substring of the decision's reason
		mappings int    // mappings read from the file
	}{
		// A GET dump converted to YAML, one document per cluster.
		{"dumps/get-all.yaml", "a collection of bodies, [ldap-admins]", 3},
		// Operator file settings beside other state and its metadata.
		{"operator/settings.json", "operator file settings", 2},
		// An ECK policy with several mappings after a ConfigMap.
		{"eck/policy.yaml", "ECK StackConfigPolicy with securityRoleMappings (document 2)", 3},
		// A PUT body that grants through role_templates only.
		{"api/templates-only.json", "beside role_templates", 1},
		// A PUT body with a stray "name" field: its rules decide.
		{"api/put-with-name.json", "rules keyed by any/all/field/except beside roles", 1},
		// JSON with comments, as Elasticsearch reads it.
		{"commented/viewers.json", "rules keyed by any/all/field/except beside roles", 1},
		// `rule:` for `rules:`, in a folder that says role mappings.
		{"role-mappings/typo.yaml", "its path names role mappings", 1},
		// Rules written without the field wrapper: only body fields.
		{"broken/forgot-field.json", "only role mapping fields", 1},
		// Misspelled and mis-cased rule keys at every level.
		{"broken/misspelled.yaml", "rules keyed by any/all/field/except beside roles", 1},
		// A missing comma: the text shows rules opening on a rule key.
		{"broken/missing-comma.json", "(in the text) (it has syntax errors)", 0},
	}
	walked, err := Load(Options{Dir: ".", Paths: []string{mappingsDir}, Version: esversion.Newest})
	if err != nil {
		t.Fatal(err)
	}
	verdicts := map[string]Decision{}
	for _, d := range walked.Decisions {
		verdicts[d.File] = d
	}
	if len(verdicts) != len(tests) {
		t.Errorf("walk decided %d files, the table lists %d: %v", len(verdicts), len(tests), walked.Decisions)
	}
	for _, tc := range tests {
		p := filepath.ToSlash(filepath.Join(mappingsDir, tc.file))
		if d := verdicts[p]; d.Verdict != MappingVerdict || !strings.Contains(d.Reason, tc.reason) {
			t.Errorf("walk: %s", d)
		}
		one, err := Load(Options{Dir: ".", Paths: []string{p}, Version: esversion.Newest})
		if err != nil {
			t.Errorf("named: %s: %v", p, err)
			continue
		}
		if d := one.Decisions[0]; d.Verdict != MappingVerdict || !strings.Contains(d.Reason, tc.reason) {
			t.Errorf("named: %s", d)
		}
		if len(one.Mappings) != tc.mappings {
			t.Errorf("named: %s: %d mappings (%s), want %d", p, len(one.Mappings), names(one), tc.mappings)
		}
	}
}
