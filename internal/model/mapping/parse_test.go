package mapping

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

func parse(t *testing.T, name, text string, origin Origin, v esversion.Version) *Mapping {
	t.Helper()
	f := source.NewFile("m.json", []byte(text))
	body, diags := loader.ParseJSON(f)
	if body == nil || len(diags) > 0 {
		t.Fatalf("loader: %v", diags)
	}
	return Parse(name, source.Span{File: f, Start: 0, End: 1}, origin, body, nil, Options{Version: v})
}

// problems renders "check line:col" for each problem, plus the message.
func problems(m *Mapping) []string {
	var out []string
	ps := append([]diag.Diagnostic(nil), m.Problems...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Span.Start < ps[j].Span.Start })
	for _, p := range ps {
		r := p.Span.Range().Start
		out = append(out, fmt.Sprintf("%s %d:%d %s", p.Check, r.Line, r.Col, p.Message))
	}
	return out
}

func TestParse(t *testing.T) {
	v815, newest := esversion.Version{Major: 8, Minor: 15}, esversion.Newest
	const rules = `"rules": {"field": {"realm.name": "saml1"}}`
	tests := []struct {
		name, mapping, body string
		origin              Origin
		version             esversion.Version
		want                []string // "check line:col message-substring"
		valid               bool
	}{
		{name: "canonical", body: `{"enabled": true, "roles": ["viewer"], ` + rules + `}`, valid: true},
		{name: "tolerated forms", body: `{"enabled": "true",
"roles": "viewer", ` + rules + `}`, valid: true,
			want: []string{"tolerated-form 1:13 enabled is the string", "tolerated-form 2:10 roles is a bare string"}},
		// Booleans.parseBoolean returns the default false for text without
		// content; null is rejected.
		{name: "enabled empty string", body: `{"enabled": "", "roles": ["a"], ` + rules + `}`, valid: true,
			want: []string{"tolerated-form 1:13 enabled is an empty or blank string; Elasticsearch quietly reads it as false"}},
		{name: "enabled blank string", body: `{"enabled": " \t", "roles": ["a"], ` + rules + `}`, valid: true,
			want: []string{"tolerated-form 1:13 enabled is an empty or blank string"}},
		{name: "enabled null", body: `{"enabled": null, "roles": ["a"], ` + rules + `}`,
			want: []string{"schema 1:13 enabled must be a boolean"}},
		{name: "enabled yes", body: `{"enabled": "yes", "roles": ["a"], ` + rules + `}`,
			want: []string{`schema 1:13 enabled must be a boolean (true/false), found the string "yes": Elasticsearch rejects it ("[role-mapping] failed to parse field [enabled]", caused by "Failed to parse value [yes] as only [true] or [false] are allowed.")`}},
		{name: "numeric role names", body: `{"enabled": true, "roles": [1, "a"], ` + rules + `}`, valid: true,
			want: []string{`tolerated-form 1:29 role name 1 is a number; Elasticsearch reads it as the string "1"`}},
		{name: "template object and string", body: `{"enabled": true, "role_templates": {"template": "{\"source\": \"x\"}"}, ` + rules + `}`, valid: true,
			want: []string{"tolerated-form 1:37 role_templates is a single object", "tolerated-form 1:50 template is a JSON string"}},
		{name: "missing roles", mapping: "m1", body: `{"enabled": true, ` + rules + `}`,
			want: []string{"roles-or-templates 1:1 failed to parse role-mapping [m1]. missing field [roles]"}},
		{name: "empty roles", body: `{"enabled": true, "roles": [], ` + rules + `}`,
			want: []string{"roles-or-templates 1:28 role-mapping roles or role-templates are missing"}},
		{name: "wrong element type is the schema's only", body: `{"enabled": true, "roles": [null], ` + rules + `}`,
			want: []string{"schema 1:29 roles[0] must be a role name"}},
		{name: "empty roles and templates", body: `{"enabled": true, "roles": [], "role_templates": [], ` + rules + `}`,
			want: []string{"roles-or-templates 1:28 role-mapping roles or role-templates are missing"}},
		{name: "both", body: `{"enabled": true, "roles": ["a"], "role_templates": [{"template": {"source": "b"}}], ` + rules + `}`,
			want: []string{"roles-or-templates 1:35 role-mapping cannot have both roles and role-templates"}},
		{name: "empty roles with templates is fine", body: `{"enabled": true, "roles": [], "role_templates": [{"template": {"source": "b"}}], ` + rules + `}`, valid: true},
		{name: "reserved metadata api", body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"ok": 1, "_x": {"_nested": 1}}}`,
			want: []string{"reserved-metadata-key 1:102 metadata keys may not start with [_]"}},
		{name: "read only flag newest", body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"_read_only": true}}`,
			want: []string{"reserved-metadata-key 1:93 metadata contains [_read_only] flag"}},
		{name: "read only flag 8.15", version: v815, body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"_read_only": true}}`,
			want: []string{"reserved-metadata-key 1:93 metadata keys may not start with [_]"}},
		{name: "operator reserved metadata newest", origin: Operator, body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"_x": 1}}`, valid: true},
		// ReservedRoleMappingAction calls validate(false) since file-based
		// role mappings exist (elastic/elasticsearch#89667, 8.5.0).
		{name: "operator reserved metadata 8.15", origin: Operator, version: v815, body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"_x": 1}}`, valid: true},
		{name: "operator reserved metadata 8.10", origin: Operator, version: esversion.Version{Major: 8, Minor: 10}, body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"_x": 1}}`, valid: true},
		{name: "operator reserved metadata 8.5", origin: Operator, version: esversion.Version{Major: 8, Minor: 5}, body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"_x": 1}}`, valid: true},
		{name: "operator mapping before 8.5", origin: Operator, version: esversion.Version{Major: 8, Minor: 4}, body: `{"enabled": true, "roles": ["a"], ` + rules + `, "metadata": {"_x": 1}}`,
			want: []string{"schema 1:1 operator file settings hold role mappings only from Elasticsearch 8.5"}},
		// Templates were compiled while operator mappings went through
		// NativeRoleMappingStore.putRoleMapping (8.5 to 8.14).
		{name: "operator template 8.15: not compiled when applied", origin: Operator, version: v815, valid: true,
			body: `{"enabled": true, "role_templates": [{"template": {"source": "{{#a}}"}}], ` + rules + `}`,
			want: []string{"invalid-template 1:62 Failed to close 'a' tag"}},
		{name: "operator template newest: shape still parsed", origin: Operator,
			body: `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "yaml"}], ` + rules + `}`,
			want: []string{"invalid-template 1:78 Invalid format [yaml] expected one of [json,string]"}},
		{name: "operator template 8.14", origin: Operator, version: esversion.Version{Major: 8, Minor: 14}, body: `{"enabled": true, "role_templates": [{"template": {"source": "{{#a}}"}}], ` + rules + `}`,
			want: []string{"invalid-template 1:62 Failed to close 'a' tag"}},
		{name: "reserved name", mapping: "x-read-only-operator-mapping", body: `{"enabled": true, "roles": ["a"], ` + rules + `}`,
			want: []string{"reserved-name 1:1 Invalid mapping name [x-read-only-operator-mapping]. [-read-only-operator-mapping] is not an allowed suffix"}},
		{name: "reserved name 8.15", mapping: "x-read-only-operator-mapping", version: v815, body: `{"enabled": true, "roles": ["a"], ` + rules + `}`, valid: true},
		{name: "reserved name operator", mapping: "x-read-only-operator-mapping", origin: Operator, body: `{"enabled": true, "roles": ["a"], ` + rules + `}`, valid: true},
		{name: "schema and rules", mapping: "m1", body: `{"enabled": 1, "roles": ["a"], "rules": {"any": {}}, "run_as": []}`,
			want: []string{"schema 1:13 enabled must be a boolean", "rule-syntax 1:49 field [any] requires an array", "schema 1:54 unknown field [run_as]"}},
		{name: "missing rules and enabled", mapping: "m1", body: `{"roles": ["a"]}`,
			want: []string{"schema 1:1 missing field [enabled]", "schema 1:1 missing field [rules]"}},
		{name: "template error", body: `{"enabled": true, "role_templates": [{"template": {"source": "{{#a}}"}}], ` + rules + `}`,
			want: []string{"invalid-template 1:62 Failed to close 'a' tag"}},
		{name: "template bad format", body: `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "yaml"}], ` + rules + `}`,
			want: []string{"invalid-template 1:78 Invalid format [yaml] expected one of [json,string]"}},
		{name: "empty name", mapping: "", body: `{"enabled": true, "roles": ["a"], ` + rules + `}`,
			want: []string{"schema 1:1 role-mapping name is missing"}},
		{name: "not an object", body: `["enabled"]`, want: []string{"schema 1:1 a role mapping must be an object, found an array"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.mapping
			if name == "" && !strings.Contains(tt.name, "empty name") {
				name = "m"
			}
			v := tt.version
			if v == (esversion.Version{}) {
				v = newest
			}
			m := parse(t, name, tt.body, tt.origin, v)
			got := problems(m)
			if len(got) != len(tt.want) {
				t.Fatalf("got problems %q, want %q", got, tt.want)
			}
			for i, w := range tt.want {
				parts := strings.SplitN(w, " ", 3)
				if !strings.HasPrefix(got[i], parts[0]+" "+parts[1]+" ") || !strings.Contains(got[i], parts[2]) {
					t.Errorf("problem %d = %q, want %q", i, got[i], w)
				}
			}
			if m.Valid() != tt.valid {
				t.Errorf("Valid() = %v, want %v", m.Valid(), tt.valid)
			}
		})
	}
}

func TestParsedFields(t *testing.T) {
	m := parse(t, "m", `{"enabled": false, "roles": ["a", "b"], "rules": {"all": []}, "metadata": {"k": 1}, "doc_type": "role-mapping", "type": "doc"}`, API, esversion.Newest)
	if len(m.Problems) > 0 {
		t.Fatalf("problems: %q", problems(m))
	}
	if m.Enabled || len(m.Roles) != 2 || m.Roles[1].Name != "b" || m.Rules == nil || m.Metadata == nil || m.Templates != nil {
		t.Errorf("fields not parsed: %+v", m)
	}
	if m.File() == nil || m.Field("doc_type") == nil {
		t.Error("accessors")
	}
}
