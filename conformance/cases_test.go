package conformance

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/esversion"
	"github.com/rolemap-lint/rolemap-lint/loader"
	"github.com/rolemap-lint/rolemap-lint/source"
)

// esCase is one conformance case (format: es-semantics.md §13).
type esCase struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Stage   string `json:"stage"`
	Source  string `json:"source"`
	Derived bool   `json:"derived"`
	Version string `json:"version"`
	Note    string `json:"note"`

	Name                     *string                    `json:"name"`
	Body                     json.RawMessage            `json:"body"`
	Request                  map[string]json.RawMessage `json:"request"`
	Rules                    json.RawMessage            `json:"rules"`
	RoleTemplate             json.RawMessage            `json:"role_template"`
	FileSettingsRoleMappings json.RawMessage            `json:"file_settings_role_mappings"`
	FileSettingsContent      json.RawMessage            `json:"file_settings_content"`
	ScriptSettings           map[string]string          `json:"script_settings"`
	StoredScripts            map[string]json.RawMessage `json:"stored_scripts"`

	Valid         *bool  `json:"valid"`
	ErrorContains string `json:"error_contains"`
	ErrorMessage  string `json:"error_message"`

	Rule                json.RawMessage `json:"rule"`
	User                json.RawMessage `json:"user"`
	Model               json.RawMessage `json:"model"`
	Expect              json.RawMessage `json:"expect"`
	ExpectErrorContains string          `json:"expect_error_contains"`

	Field   string          `json:"field"`
	Value   json.RawMessage `json:"value"`
	Pattern json.RawMessage `json:"pattern"`

	Template    json.RawMessage `json:"template"`
	Mappings    json.RawMessage `json:"mappings"`
	ExpectRoles []string        `json:"expect_roles"`

	YAML                       *string             `json:"yaml"`
	Settings                   json.RawMessage     `json:"settings"`
	ExpectRolesInclude         []string            `json:"expect_roles_include"`
	ExpectMappings             map[string][]string `json:"expect_mappings"`
	ExpectStrictErrorContains  string              `json:"expect_strict_error_contains"`
	ExpectLenientMappingsCount *int                `json:"expect_lenient_mappings_count"`
}

func loadCases(t *testing.T, kind string) []esCase {
	t.Helper()
	data, err := os.ReadFile("testdata/es-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var all []esCase
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	var out []esCase
	for _, c := range all {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s cases", kind)
	}
	return out
}

// versionOf maps a case's version note to the modelled version.
func versionOf(c esCase) esversion.Version {
	switch {
	case strings.Contains(c.Version, "older"):
		return esversion.Version{Major: 8, Minor: 15}
	default:
		return esversion.Newest
	}
}

// parseJSON loads raw JSON through the real loader.
func parseJSON(t *testing.T, raw []byte) *source.Value {
	t.Helper()
	f := source.NewFile("case.json", raw)
	v, diags := loader.ParseJSON(f)
	if v == nil || len(diags) > 0 {
		t.Fatalf("loader rejected case JSON %s: %v", raw, diags)
	}
	return v
}
