package schema

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/conformance"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// schemaOwnedCases are the conformance cases whose Elasticsearch error is
// a problem of the schema stage; every other mapping_parse/rest_put case
// must produce no schema finding (its body is valid, or its problem
// belongs to another check).
var schemaOwnedCases = map[string]bool{
	"parse-derived-run-as-rejected":     true,
	"parse-derived-enabled-missing":     true,
	"parse-derived-metadata-null":       true,
	"parse-derived-doc-type-not-string": true,
}

// editorLeniency lists invalid cases the whole (editor) schema accepts:
// their problem cannot be expressed in JSON Schema without false alarms
// and is left to the linter's checks.
var editorLeniency = map[string]string{
	"parse-derived-slash-star-not-regex":  "pattern syntax (invalid-pattern)",
	"parse-derived-metadata-reserved-key": "reserved metadata keys depend on the source (reserved-metadata-key)",
}

// parseCases reads the "parse" cases of the project copy of the
// conformance cases.
func parseCases(t *testing.T) []conformance.Case {
	t.Helper()
	cases, err := conformance.Load(filepath.Join("..", "internal", "conformance", "testdata", "es-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	return conformance.Kind(cases, "parse")
}

// caseName is a case's mapping name; "" when it has none.
func caseName(c conformance.Case) string {
	if c.Name == nil {
		return ""
	}
	return *c.Name
}

// TestConformanceParseCases runs the mapping_parse and rest_put cases of
// testdata/es-cases.json (a copy of the shared conformance file) through
// the schema stage.
func TestConformanceParseCases(t *testing.T) {
	seen := map[string]bool{}
	ran := 0
	for _, c := range parseCases(t) {
		if (c.Stage != "mapping_parse" && c.Stage != "rest_put") || c.Body == nil {
			continue
		}
		ran++
		seen[c.ID] = true
		t.Run(c.ID, func(t *testing.T) {
			body, err := parseTree(c.ID+".json", string(c.Body))
			if err != nil {
				t.Fatalf("body: %v", err)
			}
			got := ValidateNamed(caseName(c), body)
			editorValid := editorErrors(t, string(c.Body)) == nil
			wantEditorValid := c.Stage == "rest_put" && c.Valid != nil && *c.Valid
			if c.Valid != nil && !*c.Valid && editorLeniency[c.ID] != "" {
				wantEditorValid = true
			}
			if c.Stage == "rest_put" || (c.Valid != nil && !*c.Valid) {
				if editorValid != wantEditorValid {
					t.Errorf("editor schema: valid = %v, want %v", editorValid, wantEditorValid)
				}
			}
			if !schemaOwnedCases[c.ID] {
				if len(got) != 0 {
					t.Errorf("schema findings for a case whose problem (if any) is not the schema stage's (valid=%v, error %q):\n%v",
						c.Valid != nil && *c.Valid, c.ErrorContains, summarize(got))
				}
				return
			}
			if c.Valid == nil || *c.Valid {
				t.Fatalf("case is listed as schema-owned but is not invalid")
			}
			if len(got) != 1 {
				t.Fatalf("got %d findings, want 1: %v", len(got), summarize(got))
			}
			if !strings.Contains(got[0].Message, c.ErrorContains) {
				t.Errorf("message %q does not quote Elasticsearch's %q", got[0].Message, c.ErrorContains)
			}
		})
	}
	if ran < 30 {
		t.Errorf("only %d parse cases ran; is testdata/es-cases.json complete?", ran)
	}
	for id := range schemaOwnedCases {
		if !seen[id] {
			t.Errorf("schema-owned case %s is missing from es-cases.json", id)
		}
	}
}

// TestConformanceFileSettings runs every mapping of the file_settings
// cases through the schema stage: only the mapping Elasticsearch rejects
// for a missing field is reported.
func TestConformanceFileSettings(t *testing.T) {
	ran := 0
	for _, c := range parseCases(t) {
		if c.Stage != "file_settings" {
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			var fileSettings map[string]json.RawMessage
			if c.FileSettingsRoleMappings != nil {
				if err := json.Unmarshal(c.FileSettingsRoleMappings, &fileSettings); err != nil {
					t.Fatalf("file_settings_role_mappings: %v", err)
				}
			}
			var all []finding
			var mappings []string
			for name, raw := range fileSettings {
				ran++
				body, err := parseTree(name+".json", string(raw))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, d := range ValidateNamed(name, body) {
					mappings = append(mappings, d.Mapping)
					all = append(all, summarize([]diag.Diagnostic{d})...)
				}
			}
			if c.Valid != nil && *c.Valid {
				if len(all) != 0 {
					t.Errorf("findings for valid file settings: %v", all)
				}
				return
			}
			if len(all) != 1 || !strings.Contains(all[0].Message, c.ErrorMessage) {
				t.Errorf("findings %v (mappings %v), want one quoting %q", all, mappings, c.ErrorMessage)
			}
		})
	}
	if ran == 0 {
		t.Error("no file_settings mappings ran")
	}
}
