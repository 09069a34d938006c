package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Case is one conformance case of es-cases.json (format: docs/semantics.md,
// "Conformance cases"). Which fields are set depends on Kind and, for "parse" cases, on
// Stage. Fields whose JSON type varies from case to case, or that each
// consumer decodes into its own types (users, models, rule and mapping
// bodies), are kept as raw JSON; an absent field leaves them nil, a JSON
// null makes them the literal "null".
type Case struct {
	// ID names the case uniquely.
	ID string `json:"id"`
	// Kind is "parse", "match", "dn", "template" or "file".
	Kind string `json:"kind"`
	// Stage is the Elasticsearch layer a "parse" case exercises
	// (mapping_parse, rest_put, request_validate, file_settings, ...).
	Stage string `json:"stage"`
	// Source is where the expectation comes from: repo:path#method or a
	// documentation path.
	Source string `json:"source"`
	// Derived is true when the expectation is a reading of the code, not
	// asserted by an Elasticsearch test or document.
	Derived bool `json:"derived"`
	// Version restricts the expectation to some Elasticsearch versions.
	Version string `json:"version"`
	// Note explains the case.
	Note string `json:"note"`
	// Audit and AuditNote record how the expectation was checked against
	// the Elasticsearch source (provenance only; not part of §13).
	Audit     string `json:"audit"`
	AuditNote string `json:"audit_note"`

	// Name is the mapping name of mapping_parse and rest_put cases.
	Name *string `json:"name"`
	// Body is the mapping body of mapping_parse and rest_put cases.
	Body json.RawMessage `json:"body"`
	// Request is a PutRoleMappingRequest built directly (name, roles,
	// role_templates, rules, metadata, enabled).
	Request map[string]json.RawMessage `json:"request"`
	// Rules is the rule DSL object of rules_parse and
	// realm_scope_validator cases.
	Rules json.RawMessage `json:"rules"`
	// RoleTemplate is the role_template object of template_parse and
	// template_validate cases.
	RoleTemplate json.RawMessage `json:"role_template"`
	// FileSettingsRoleMappings is an operator role_mappings object (mapping
	// name to body), in file order.
	FileSettingsRoleMappings json.RawMessage `json:"file_settings_role_mappings"`
	// FileSettingsContent is raw operator file settings content.
	FileSettingsContent json.RawMessage `json:"file_settings_content"`
	// ScriptSettings are node settings such as script.allowed_types.
	ScriptSettings map[string]string `json:"script_settings"`
	// StoredScripts are the stored scripts a template may reference, by id.
	StoredScripts map[string]StoredScript `json:"stored_scripts"`

	// Valid says whether Elasticsearch accepts a "parse" case.
	Valid *bool `json:"valid"`
	// ErrorContains is a substring of the innermost Elasticsearch message.
	ErrorContains string `json:"error_contains"`
	// ErrorMessage is the full Elasticsearch message, where known.
	ErrorMessage string `json:"error_message"`
	// CanonicalJSON and CanonicalJSONIndexFormat are how Elasticsearch
	// writes the parsed mapping back.
	CanonicalJSON            json.RawMessage `json:"canonical_json"`
	CanonicalJSONIndexFormat json.RawMessage `json:"canonical_json_index_format"`

	// Rule is the rule object of a "match" case.
	Rule json.RawMessage `json:"rule"`
	// User is a UserData object ({username, dn, groups, realm{name},
	// metadata}, optionally groups_generator); "file" cases use only dn and
	// groups. DecodeUser decodes it.
	User json.RawMessage `json:"user"`
	// Model is a raw ExpressionModel: field name to value.
	Model json.RawMessage `json:"model"`
	// Expect is the outcome: a boolean for "match" and "dn" cases, parsed
	// properties (an object) for "parse" cases, or null when Elasticsearch
	// throws.
	Expect json.RawMessage `json:"expect"`
	// ExpectErrorContains is a substring of the error evaluation throws.
	ExpectErrorContains string `json:"expect_error_contains"`

	// Field is "dn" or "groups" in a "dn" case.
	Field string `json:"field"`
	// Value is the user's DN or group string in a "dn" case.
	Value *string `json:"value"`
	// Pattern is the rule value of a "dn" case (any JSON type).
	Pattern json.RawMessage `json:"pattern"`

	// Template is one role-template object of a "template" case.
	Template json.RawMessage `json:"template"`
	// Mappings is a list of {name, body} mappings resolved as a whole.
	Mappings json.RawMessage `json:"mappings"`
	// ExpectRoles is the exact role set (order irrelevant).
	ExpectRoles []string `json:"expect_roles"`

	// YAML is role_mapping.yml content: nil when the file is absent, a
	// "<...>" placeholder when it cannot be read as text.
	YAML *string `json:"yaml"`
	// Settings are the realm settings of a "file" case.
	Settings FileSettings `json:"settings"`
	// ExpectRolesInclude lists roles the result must contain.
	ExpectRolesInclude []string `json:"expect_roles_include"`
	// ExpectMappings maps normalized DNs to role sets.
	ExpectMappings map[string][]string `json:"expect_mappings"`
	// ExpectStrictErrorContains is a substring of the strict (bootstrap)
	// parse error.
	ExpectStrictErrorContains string `json:"expect_strict_error_contains"`
	// ExpectLenientMappingsCount is how many mappings a lenient parse keeps.
	ExpectLenientMappingsCount *int `json:"expect_lenient_mappings_count"`
}

// User is a case's UserData object (docs/semantics.md, "Conformance cases").
type User struct {
	// Username is the principal.
	Username string `json:"username"`
	// DN is the user's distinguished name; nil when null or absent.
	DN *string `json:"dn"`
	// Groups are the user's groups.
	Groups []string `json:"groups"`
	// GroupsGenerator, when set, describes further groups to add (the
	// 10,000-group case).
	GroupsGenerator *GroupsGenerator `json:"groups_generator"`
	// Realm is the realm that authenticated the user.
	Realm Realm `json:"realm"`
	// Metadata is the user's metadata, with every number a json.Number so
	// that each consumer can type it as Java would.
	Metadata map[string]any `json:"metadata"`
}

// Realm identifies a user's realm.
type Realm struct {
	// Name is the realm name.
	Name string `json:"name"`
	// Type is the realm type, where a case gives it.
	Type string `json:"type"`
}

// GroupsGenerator stands for the groups Template with {i} replaced by
// every integer from From (inclusive) to ToExclusive.
type GroupsGenerator struct {
	// Template is a group name containing "{i}".
	Template string `json:"template"`
	// From is the first value of i.
	From int `json:"from"`
	// ToExclusive is one past the last value of i.
	ToExclusive int `json:"to_exclusive"`
}

// DecodeUser decodes the case's user. It returns nil and no error when the
// case has no user or a null one.
func (c Case) DecodeUser() (*User, error) {
	if c.User == nil {
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader(c.User))
	d.UseNumber()
	var u *User
	if err := d.Decode(&u); err != nil {
		return nil, fmt.Errorf("case %s: decoding user: %w", c.ID, err)
	}
	return u, nil
}

// StoredScript is a stored script of a template_validate case, as
// Elasticsearch's StoredScriptSource holds it.
type StoredScript struct {
	// Lang is the script language ("mustache", "painless", ...).
	Lang string `json:"lang"`
	// Source is the script text.
	Source string `json:"source"`
	// Options are compiler options (content_type).
	Options map[string]string `json:"options"`
}

// FileSettings are the realm settings of a "file" case.
type FileSettings struct {
	// UnmappedGroupsAsRoles is the realm's unmapped_groups_as_roles.
	UnmappedGroupsAsRoles bool `json:"unmapped_groups_as_roles"`
}

// EnvPath names the environment variable that, when set, points Path at
// another copy of es-cases.json (such as the shared conformance suite).
const EnvPath = "ROLEMAP_CONFORMANCE"

// Path returns $ROLEMAP_CONFORMANCE when it is set, else the project copy
// of the cases, internal/conformance/testdata/es-cases.json below moduleRoot
// (the path from the calling package's directory to the module root).
func Path(moduleRoot string) string {
	if p := os.Getenv(EnvPath); p != "" {
		return p
	}
	return filepath.Join(moduleRoot, "internal", "conformance", "testdata", "es-cases.json")
}

// Load reads the cases of the es-cases.json file at path, in file order.
// A missing file yields an error that errors.Is(err, fs.ErrNotExist)
// recognizes.
func Load(path string) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading conformance cases: %w", err)
	}
	var cases []Case
	if err := json.Unmarshal(data, &cases); err != nil {
		return nil, fmt.Errorf("decoding conformance cases %s: %w", path, err)
	}
	return cases, nil
}

// Kind returns the cases of the given kind ("parse", "match", "dn",
// "template" or "file"), in their original order; nil when there are none.
func Kind(cases []Case, kind string) []Case {
	var out []Case
	for _, c := range cases {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}
