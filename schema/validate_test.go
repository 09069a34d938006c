package schema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

// finding is the part of a diagnostic a test asserts.
type finding struct {
	Pos     string // line:col of the span start
	End     string // line:col of the span end
	Pointer string
	Message string
}

func summarize(ds []diag.Diagnostic) []finding {
	var out []finding
	for _, d := range ds {
		r := d.Span.Range()
		out = append(out, finding{
			Pos:     fmt.Sprintf("%d:%d", r.Start.Line, r.Start.Col),
			End:     fmt.Sprintf("%d:%d", r.End.Line, r.End.Col),
			Pointer: d.Pointer,
			Message: d.Message,
		})
	}
	return out
}

const okRules = `"rules": {"field": {"username": "*"}}`

func TestValidateAcceptsToleratedForms(t *testing.T) {
	tests := []struct{ name, body string }{
		{"canonical", `{"enabled": true, "roles": ["kibana_user", "sales"], ` + okRules + `, "metadata": {}}`},
		{"disabled", `{"enabled": false, "roles": ["r"], ` + okRules + `}`},
		{"roles as a bare string", `{"enabled": true, "roles": "superuser", ` + okRules + `}`},
		{"roles as an empty bare string", `{"enabled": true, "roles": "", ` + okRules + `}`},
		{"numbers and booleans in roles", `{"enabled": true, "roles": ["r", 1, 2.5, true, false], ` + okRules + `}`},
		{"enabled as the string true", `{"enabled": "true", "roles": ["r"], ` + okRules + `}`},
		{"enabled as the string false", `{"enabled": "false", "roles": ["r"], ` + okRules + `}`},
		{"enabled as an empty string", `{"enabled": "", "roles": ["r"], ` + okRules + `}`},
		{"enabled as a whitespace string", `{"enabled": " \t\n\u2003", "roles": ["r"], ` + okRules + `}`},
		{"role_templates as one object", `{"enabled": true, "role_templates": {"template": {"source": "x"}}, ` + okRules + `}`},
		{"template as a JSON string", `{"enabled": true, "role_templates": [{"template": "{ \"source\":\"_user_{{username}}\" }", "format": "string"}], ` + okRules + `}`},
		{"template with params, options and lang", `{"enabled": true, "role_templates": [{"template": {"source": {"x": "{{username}}"}, "params": {"a": [1]}, "options": {"content_type": "text/plain"}, "lang": "mustache"}, "format": "json"}], ` + okRules + `}`},
		{"stored script template", `{"enabled": true, "role_templates": [{"template": {"id": "my-script"}}], ` + okRules + `}`},
		{"format in upper case", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "JSON"}], ` + okRules + `}`},
		{"empty roles beside templates", `{"enabled": true, "roles": [], "role_templates": [{"template": {"source": "x"}}], ` + okRules + `}`},
		{"doc_type and type are ignored", `{"enabled": true, "roles": ["r"], ` + okRules + `, "doc_type": "role-mapping", "type": "doc"}`},
		{"nested metadata", `{"enabled": true, "roles": ["r"], ` + okRules + `, "metadata": {"a": {"b": [1, null, {"c": true}]}, "uuid": "b9a59ba9"}}`},
		{"full rule DSL", `{"enabled": true, "roles": ["superuser"], "rules": {"all": [
			{"any": [{"field": {"dn": "*,ou=admin,dc=example,dc=com"}}, {"field": {"username": ["es-admin", "es-system"]}}]},
			{"field": {"groups": "cn=people,dc=example,dc=com"}},
			{"field": {"realm.name": "/ldap[0-9]/"}},
			{"field": {"metadata.level": [1, 2.0, true, null]}},
			{"except": {"all": [{"except": {"field": {"metadata.terminated_date": null}}}]}}]}}`},
		{"all and any empty", `{"enabled": true, "roles": ["r"], "rules": {"all": [{"any": []}, {"all": []}]}}`},
		{"key order does not matter", `{"rules": {"field": {"username": "x"}}, "role_templates": [{"template": {"source": "saml_user"}}], "enabled": true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summarize(Validate(mustTree(t, tt.body))); len(got) != 0 {
				t.Errorf("Validate reports a form Elasticsearch accepts:\n%v", got)
			}
			if err := editorErrors(t, tt.body); err != nil {
				t.Errorf("the editor schema rejects a form Elasticsearch accepts: %v", err)
			}
		})
	}
}

func TestValidateReportsOwnedProblems(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		want  []finding
		exact bool // compare messages exactly; otherwise want.Message is a substring
	}{
		{
			name: "run_as",
			body: "{\n  \"enabled\": true,\n  \"roles\": [\"r1\"],\n  \"rules\": {\"field\": {\"username\": \"x\"}},\n  \"run_as\": [\"bob\"]\n}",
			want: []finding{{"5:3", "5:11", "/run_as",
				`unknown field [run_as]: Elasticsearch rejects it ("[role-mapping] unknown field [run_as]"); role mappings cannot impersonate users`}},
			exact: true,
		},
		{
			name: "missing rules",
			body: "\n  {\"enabled\": true, \"roles\": [\"r\"]}",
			want: []finding{{"2:3", "2:4", "/rules",
				`missing field [rules]: Elasticsearch requires it ("missing field [rules]"); add the rule that selects the users, e.g. "rules": {"field": {"realm.name": "ldap1"}}`}},
			exact: true,
		},
		{
			name: "missing enabled and rules",
			body: `{"roles": ["r"]}`,
			want: []finding{
				{"1:1", "1:2", "/enabled", `missing field [enabled]: Elasticsearch requires it ("missing field [enabled]"); add "enabled": true`},
				{"1:1", "1:2", "/rules", `missing field [rules]`},
			},
		},
		{
			name: "enabled array",
			body: "{\"roles\": [\"r\"], " + okRules + ",\n \"enabled\": [true]}",
			want: []finding{{"2:13", "2:19", "/enabled",
				`enabled must be a boolean (true/false), found an array: Elasticsearch rejects it ("[role-mapping] enabled doesn't support values of type: START_ARRAY")`}},
			exact: true,
		},
		{
			name: "enabled null",
			body: `{"enabled": null, "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:13", "1:17", "/enabled", `enabled must be a boolean (true/false), found null: Elasticsearch rejects it ("[role-mapping] enabled doesn't support values of type: VALUE_NULL")`}},
		},
		{
			name: "enabled number",
			body: `{"enabled": 1, "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:13", "1:14", "/enabled", `found a number`}},
		},
		{
			name: "enabled object",
			body: `{"enabled": {}, "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:13", "1:15", "/enabled", `START_OBJECT`}},
		},
		{
			name: "enabled yes",
			body: `{"enabled": "yes", "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:13", "1:18", "/enabled",
				`enabled must be a boolean (true/false), found the string "yes": Elasticsearch rejects it ("[role-mapping] failed to parse field [enabled]", caused by "Failed to parse value [yes] as only [true] or [false] are allowed.")`}},
			exact: true,
		},
		{
			name: "enabled is case-sensitive",
			body: `{"enabled": "TRUE", "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:13", "1:19", "/enabled", `Failed to parse value [TRUE]`}},
		},
		{
			name: "enabled with padding",
			body: `{"enabled": " true", "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:13", "1:20", "/enabled", `Failed to parse value [ true]`}},
		},
		{
			name: "enabled non-breaking space is not whitespace to Java",
			body: `{"enabled": "\u00a0", "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:13", "1:21", "/enabled", `found the string "\u00a0"`}},
		},
		{
			name: "roles number",
			body: `{"enabled": true, "roles": 5, ` + okRules + `}`,
			want: []finding{{"1:28", "1:29", "/roles",
				`roles must be an array of role names (or a single role name string), found a number: Elasticsearch rejects it ("[role-mapping] roles doesn't support values of type: VALUE_NUMBER")`}},
			exact: true,
		},
		{
			name: "roles null",
			body: `{"enabled": true, "roles": null, ` + okRules + `}`,
			want: []finding{{"1:28", "1:32", "/roles", `VALUE_NULL`}},
		},
		{
			name: "roles object",
			body: `{"enabled": true, "roles": {"a": 1}, ` + okRules + `}`,
			want: []finding{{"1:28", "1:36", "/roles", `found an object`}},
		},
		{
			name: "roles elements",
			body: "{\"enabled\": true, " + okRules + ",\n \"roles\": [\"ok\",\n  null, [\"x\"], {\"template\": 1}]}",
			want: []finding{
				{"3:3", "3:7", "/roles/1", `roles[1] must be a role name (a string), found null: Elasticsearch rejects it ("[role-mapping] failed to parse field [roles]", caused by "Expected text at … but found VALUE_NULL")`},
				{"3:9", "3:14", "/roles/2", `roles[2] must be a role name (a string), found an array: Elasticsearch rejects it ("[role-mapping] failed to parse field [roles]", caused by "expected value but got [START_ARRAY]")`},
				{"3:16", "3:31", "/roles/3", `roles[3] must be a role name (a string), found an object: Elasticsearch rejects it ("[role-mapping] failed to parse field [roles]", caused by "Expected text at … but found START_OBJECT"); to compute role names from user attributes use role_templates`},
			},
			exact: true,
		},
		{
			name: "role_templates string",
			body: `{"enabled": true, "role_templates": "{{username}}", ` + okRules + `}`,
			want: []finding{{"1:37", "1:51", "/role_templates",
				`role_templates must be an array of role template objects (or a single role template object), found a string: Elasticsearch rejects it ("[role-mapping] role_templates doesn't support values of type: VALUE_STRING")`}},
			exact: true,
		},
		{
			name: "role_templates null",
			body: `{"enabled": true, "role_templates": null, ` + okRules + `}`,
			want: []finding{{"1:37", "1:41", "/role_templates", `VALUE_NULL`}},
		},
		{
			name: "rules string",
			body: `{"enabled": true, "roles": ["r"], "rules": "username:x"}`,
			want: []finding{{"1:44", "1:56", "/rules",
				`rules must be an object holding one rule, such as {"field": {"realm.name": "ldap1"}}, found a string: Elasticsearch rejects it ("[role-mapping] rules doesn't support values of type: VALUE_STRING")`}},
			exact: true,
		},
		{
			name: "rules array",
			body: `{"enabled": true, "roles": ["r"], "rules": [{"field": {"username": "x"}}]}`,
			want: []finding{{"1:44", "1:74", "/rules", `combine several rules with {"all": [...]} or {"any": [...]}`}},
		},
		{
			name: "rules null",
			body: `{"enabled": true, "roles": ["r"], "rules": null}`,
			want: []finding{{"1:44", "1:48", "/rules", `rules doesn't support values of type: VALUE_NULL`}},
		},
		{
			name: "metadata null",
			body: `{"enabled": true, "roles": ["r"], ` + okRules + `, "metadata": null}`,
			want: []finding{{"1:86", "1:90", "/metadata",
				`metadata must be an object, found null: Elasticsearch rejects it ("[role-mapping] metadata doesn't support values of type: VALUE_NULL"); leave metadata out or write {}`}},
			exact: true,
		},
		{
			name: "metadata array",
			body: `{"enabled": true, "roles": ["r"], ` + okRules + `, "metadata": []}`,
			want: []finding{{"1:86", "1:88", "/metadata", `START_ARRAY`}},
		},
		{
			name: "doc_type number",
			body: `{"enabled": true, "roles": ["r"], ` + okRules + `, "doc_type": 5}`,
			want: []finding{{"1:86", "1:87", "/doc_type",
				`doc_type must be a string (Elasticsearch ignores its value), found a number: Elasticsearch rejects it ("[role-mapping] doc_type doesn't support values of type: VALUE_NUMBER")`}},
			exact: true,
		},
		{
			name: "type null",
			body: `{"enabled": true, "roles": ["r"], ` + okRules + `, "type": null}`,
			want: []finding{{"1:82", "1:86", "/type", `type doesn't support values of type: VALUE_NULL`}},
		},
		{
			name: "unknown field with suggestions",
			body: `{"enabled": true, "role": ["r"], ` + okRules + `}`,
			want: []finding{{"1:19", "1:25", "/role",
				`unknown field [role]: Elasticsearch rejects it ("[role-mapping] unknown field [role] did you mean any of [roles, rules]?")`}},
			exact: true,
		},
		{
			name: "unknown field with one suggestion",
			body: `{"enabled": true, "roles": ["r"], ` + okRules + `, "metdata": {}}`,
			want: []finding{{"1:74", "1:83", "/metdata", `("[role-mapping] unknown field [metdata] did you mean [metadata]?")`}},
		},
		{
			name: "name is not a body field",
			body: `{"name": "m1", "enabled": true, "roles": ["r"], ` + okRules + `}`,
			want: []finding{{"1:2", "1:8", "/name", `unknown field [name]: Elasticsearch rejects it ("[role-mapping] unknown field [name]"); the mapping name is the last segment of PUT /_security/role_mapping/<name>`}},
		},
		{
			name:  "unknown field with control characters",
			body:  `{"a\nb": 1, "enabled": true, "roles": ["r"], ` + okRules + `}`,
			want:  []finding{{"1:2", "1:8", "/a\nb", `unknown field [a\nb]: Elasticsearch rejects it ("[role-mapping] unknown field [a\nb]")`}},
			exact: true,
		},
		{
			name: "body is an array",
			body: `[{"enabled": true}]`,
			want: []finding{{"1:1", "1:20", "",
				`a role mapping body must be a JSON object, found an array: Elasticsearch rejects it ("[role-mapping] Expected START_OBJECT but was: START_ARRAY")`}},
			exact: true,
		},
		{
			name: "body is a string",
			body: `"x"`,
			want: []finding{{"1:1", "1:4", "", `found a string`}},
		},
		{
			name: "several problems, sorted by position",
			body: "{\n \"run_as\": [],\n \"roles\": 1,\n \"zzz\": 0,\n \"enabled\": \"no\",\n \"rules\": []\n}",
			want: []finding{
				{"2:2", "2:10", "/run_as", `unknown field [run_as]`},
				{"3:11", "3:12", "/roles", `roles must be`},
				{"4:2", "4:7", "/zzz", `unknown field [zzz]`},
				{"5:13", "5:17", "/enabled", `found the string "no"`},
				{"6:11", "6:13", "/rules", `rules must be`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := Validate(mustTree(t, tt.body))
			for _, d := range ds {
				if d.Check != Check || d.Level != diag.Default || d.Mapping != "" {
					t.Errorf("diagnostic %+v: want check %q, default level, no mapping", d, Check)
				}
			}
			got := summarize(ds)
			if !tt.exact {
				for i := range got {
					if i < len(tt.want) && strings.Contains(got[i].Message, tt.want[i].Message) {
						got[i].Message = tt.want[i].Message
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestValidateLeavesOtherChecksAlone: problems owned by roles-or-templates,
// rule-syntax, invalid-template and reserved-metadata-key produce nothing
// here. Each body is invalid for Elasticsearch, and the editor schema must
// say so (so the test cannot pass by accepting everything).
func TestValidateLeavesOtherChecksAlone(t *testing.T) {
	tests := []struct {
		name, body  string
		editorValid bool // the editor schema accepts it (checked elsewhere)
	}{
		{"both roles and role_templates", `{"enabled": true, "roles": ["r"], "role_templates": [{"template": {"source": "x"}}], ` + okRules + `}`, false},
		{"neither roles nor role_templates", `{"enabled": true, ` + okRules + `}`, false},
		{"empty roles", `{"enabled": true, "roles": [], ` + okRules + `}`, false},
		{"empty role_templates", `{"enabled": true, "role_templates": [], ` + okRules + `}`, false},
		{"both empty", `{"enabled": true, "roles": [], "role_templates": [], ` + okRules + `}`, false},
		{"empty rules", `{"enabled": true, "roles": ["r"], "rules": {}}`, false},
		{"except at the top", `{"enabled": true, "roles": ["r"], "rules": {"except": {"field": {"username": "x"}}}}`, false},
		{"except in except", `{"enabled": true, "roles": ["r"], "rules": {"all": [{"except": {"except": {"field": {"username": "x"}}}}]}}`, false},
		{"unknown rule key", `{"enabled": true, "roles": ["r"], "rules": {"none": [{"field": {"username": "x"}}]}}`, false},
		{"field with two keys", `{"enabled": true, "roles": ["r"], "rules": {"field": {"username": "x", "groups": "y"}}}`, false},
		{"field not an object", `{"enabled": true, "roles": ["r"], "rules": {"field": "username"}}`, false},
		{"any element not an object", `{"enabled": true, "roles": ["r"], "rules": {"any": ["x"]}}`, false},
		{"any not an array", `{"enabled": true, "roles": ["r"], "rules": {"any": {}}}`, false},
		{"field value object", `{"enabled": true, "roles": ["r"], "rules": {"field": {"username": {"a": 1}}}}`, false},
		{"field value nested array", `{"enabled": true, "roles": ["r"], "rules": {"field": {"groups": [["a"]]}}}`, false},
		{"field value empty array", `{"enabled": true, "roles": ["r"], "rules": {"field": {"groups": []}}}`, false},
		{"field name empty", `{"enabled": true, "roles": ["r"], "rules": {"field": {"": "x"}}}`, false},
		{"template element a string", `{"enabled": true, "role_templates": ["{{username}}"], ` + okRules + `}`, false},
		{"template element null", `{"enabled": true, "role_templates": [null], ` + okRules + `}`, false},
		{"template missing", `{"enabled": true, "role_templates": [{"format": "json"}], ` + okRules + `}`, false},
		{"template unknown key", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "source": "y"}], ` + okRules + `}`, false},
		{"template format xml", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "xml"}], ` + okRules + `}`, false},
		{"template format number", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": 1}], ` + okRules + `}`, false},
		{"single template object broken", `{"enabled": true, "role_templates": {"template": 5}, ` + okRules + `}`, false},
		{"script unknown key", `{"enabled": true, "role_templates": [{"template": {"foo": "heroes"}}], ` + okRules + `}`, false},
		{"script source and id", `{"enabled": true, "role_templates": [{"template": {"source": "x", "id": "y"}}], ` + okRules + `}`, false},
		{"reserved metadata key", `{"enabled": true, "roles": ["r"], ` + okRules + `, "metadata": {"_x": 1, "_read_only": true}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summarize(Validate(mustTree(t, tt.body))); len(got) != 0 {
				t.Errorf("Validate reports a problem another check owns:\n%v", got)
			}
			err := editorErrors(t, tt.body)
			if tt.editorValid != (err == nil) {
				t.Errorf("editor schema: valid = %v, want %v (%v)", err == nil, tt.editorValid, err)
			}
		})
	}
}

func TestValidateNamed(t *testing.T) {
	body := mustTree(t, `{"roles": ["r"], "enabled": true, "bogus": 1}`)
	got := ValidateNamed("my-mapping", body)
	if len(got) != 2 {
		t.Fatalf("got %d findings, want 2: %v", len(got), got)
	}
	for _, d := range got {
		if d.Mapping != "my-mapping" {
			t.Errorf("Mapping = %q, want my-mapping", d.Mapping)
		}
	}
	want := `missing field [rules]: Elasticsearch requires it ("failed to parse role-mapping [my-mapping]. missing field [rules]")`
	if !strings.HasPrefix(got[0].Message, want) {
		t.Errorf("message = %q, want prefix %q", got[0].Message, want)
	}
}

func TestValidateNilBody(t *testing.T) {
	if got := Validate(nil); got != nil {
		t.Errorf("Validate(nil) = %v, want nil", got)
	}
}

// TestValidateWithoutBraces: a YAML block mapping has no "{", so a missing
// field is reported at the first key.
func TestValidateWithoutBraces(t *testing.T) {
	text := "enabled: true\nroles: [r]\n"
	f := source.NewFile("m.yml", []byte(text))
	span := func(s, e int) source.Span { return source.Span{File: f, Start: s, End: e} }
	body := &source.Value{Kind: source.Object, Span: span(0, len(text)), Members: []*source.Member{
		{Key: "enabled", KeySpan: span(0, 7), Value: &source.Value{Kind: source.Bool, Bool: true, Span: span(9, 13)}},
		{Key: "roles", KeySpan: span(14, 19), Value: &source.Value{Kind: source.Array, Span: span(21, 24), Items: []*source.Value{
			{Kind: source.String, Str: "r", Span: span(22, 23)},
		}}},
	}}
	got := summarize(Validate(body))
	want := []finding{{"1:1", "1:8", "/rules", "missing field [rules]"}}
	if len(got) == 1 && strings.HasPrefix(got[0].Message, want[0].Message) {
		got[0].Message = want[0].Message
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	// An empty mapping without a brace and without keys: a span at its start.
	empty := &source.Value{Kind: source.Object, Span: span(5, 9)}
	for _, d := range Validate(empty) {
		if d.Span.Start != 5 || d.Span.End != 6 {
			t.Errorf("span = %d..%d, want 5..6", d.Span.Start, d.Span.End)
		}
	}
}

// TestValidateDeterministic: the validator's error order is not stable;
// the findings must be.
func TestValidateDeterministic(t *testing.T) {
	body := mustTree(t, `{"z": 1, "y": 2, "x": 3, "w": 4, "roles": [null, null, null], "rules": 1, "enabled": []}`)
	first := summarize(Validate(body))
	if len(first) != 9 {
		t.Fatalf("got %d findings, want 9: %v", len(first), first)
	}
	for i := 0; i < 30; i++ {
		if diff := cmp.Diff(first, summarize(Validate(body))); diff != "" {
			t.Fatalf("run %d differs:\n%s", i, diff)
		}
	}
}

func TestSuggestion(t *testing.T) {
	tests := []struct{ key, want string }{
		{"role", " did you mean any of [roles, rules]?"},
		{"enable", " did you mean [enabled]?"},
		{"Enabled", " did you mean [enabled]?"},
		{"role_template", " did you mean [role_templates]?"},
		{"rule", " did you mean any of [rules, roles]?"},
		{"run_as", ""},
		{"", ""},
		{"name", ""},
		{strings.Repeat("x", 1025), ""},
	}
	for _, tt := range tests {
		if got := suggest.ESDidYouMean(tt.key, topLevelFields); got != tt.want {
			t.Errorf("ESDidYouMean(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\tb\x00", `a\tb\x00`},
		{"\u00e9\u4e16", "\u00e9\u4e16"},
		{strings.Repeat("a", maxDisplay+5), strings.Repeat("a", maxDisplay) + "…"},
		{"\xff", "\ufffd"}, // U+FFFD is printable
	}
	for _, tt := range tests {
		if got := display(tt.in); got != tt.want {
			t.Errorf("display(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
