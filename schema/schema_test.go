package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestSchemaCompiles(t *testing.T) {
	if _, err := compile(document); err != nil {
		t.Fatalf("the embedded schema does not compile: %v", err)
	}
	if _, err := compiledSchema(); err != nil {
		t.Fatalf("compiledSchema: %v", err)
	}
	if _, err := compile([]byte(`{"type": 5}`)); err == nil {
		t.Error("compile accepted a schema that violates the metaschema")
	}
	if _, err := compile([]byte(`{`)); err == nil {
		t.Error("compile accepted broken JSON")
	}
}

// TestSchemaIsValidDraft2020 validates the document against the draft
// 2020-12 metaschema explicitly (compiling does too, but this does not
// depend on the document's own $schema).
func TestSchemaIsValidDraft2020(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON()))
	if err != nil {
		t.Fatal(err)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("schema is %T, want an object", doc)
	}
	if got := m["$schema"]; got != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want the draft 2020-12 metaschema", got)
	}
	if got := m["$id"]; got != URL {
		t.Errorf("$id = %v, want %s", got, URL)
	}
	c := jsonschema.NewCompiler()
	meta, err := c.Compile("https://json-schema.org/draft/2020-12/schema")
	if err != nil {
		t.Fatal(err)
	}
	if err := meta.Validate(doc); err != nil {
		t.Fatalf("schema is not valid draft 2020-12: %v", err)
	}
}

func TestJSONIsPrettyPrintedCopy(t *testing.T) {
	got := JSON()
	var compact, pretty bytes.Buffer
	if err := json.Compact(&compact, got); err != nil {
		t.Fatalf("JSON() is not JSON: %v", err)
	}
	if err := json.Indent(&pretty, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteByte('\n')
	if !bytes.Equal(got, pretty.Bytes()) {
		t.Error("JSON() is not pretty-printed with two-space indentation and a final newline")
	}
	got[0] = 'x'
	if JSON()[0] != '{' {
		t.Error("JSON() returned the package's own buffer")
	}
}

// TestSchemaDescribesEverything: editors show descriptions on hover, so
// every property and every definition has one.
func TestSchemaDescribesEverything(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(document, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["description"] == nil || doc["title"] == nil {
		t.Error("the root has no title or description")
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, sub := range v {
				if k == "properties" || k == "$defs" || k == "patternProperties" {
					members, ok := sub.(map[string]any)
					if !ok {
						t.Errorf("%s/%s is not an object", path, k)
						continue
					}
					for name, s := range members {
						sm, ok := s.(map[string]any)
						if !ok {
							t.Errorf("%s/%s/%s is not a schema object", path, k, name)
							continue
						}
						if !described(doc, sm) {
							t.Errorf("%s/%s/%s has no description", path, k, name)
						}
					}
				}
				walk(path+"/"+k, sub)
			}
		case []any:
			for _, sub := range v {
				walk(path+"/[]", sub)
			}
		}
	}
	walk("#", doc)
}

// described reports whether a schema has a description, directly or
// through the definition its $ref names.
func described(doc, s map[string]any) bool {
	if d, _ := s["description"].(string); strings.TrimSpace(d) != "" {
		return true
	}
	ref, _ := s["$ref"].(string)
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return false
	}
	defs, _ := doc["$defs"].(map[string]any)
	target, _ := defs[name].(map[string]any)
	d, _ := target["description"].(string)
	return strings.TrimSpace(d) != ""
}

// editorErrors validates a body against the whole schema, as an editor
// does, and returns the validation error (nil when it is accepted).
func editorErrors(t *testing.T, body string) error {
	t.Helper()
	sch, err := compiledSchema()
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatalf("test body %s: %v", body, err)
	}
	err = sch.Validate(v)
	var verr *jsonschema.ValidationError
	if err != nil && !errors.As(err, &verr) {
		t.Fatalf("unexpected error type %T: %v", err, err)
	}
	return err
}

// TestSchemaEditorView checks the whole document — what editors see —
// against bodies Elasticsearch accepts or rejects at PUT time, including
// problems the linter's schema stage leaves to other checks.
func TestSchemaEditorView(t *testing.T) {
	const rules = `"rules": {"field": {"username": "*"}}`
	tests := []struct {
		name  string
		body  string
		valid bool
	}{
		{"minimal", `{"enabled": true, "roles": ["r"], ` + rules + `}`, true},
		{"templates only", `{"enabled": true, "role_templates": [{"template": {"source": "{{username}}"}}], ` + rules + `}`, true},
		{"empty roles beside templates", `{"enabled": true, "roles": [], "role_templates": [{"template": {"source": "x"}}], ` + rules + `}`, true},
		{"both roles and templates", `{"enabled": true, "roles": ["r"], "role_templates": [{"template": {"source": "x"}}], ` + rules + `}`, false},
		{"neither", `{"enabled": true, ` + rules + `}`, false},
		{"empty roles only", `{"enabled": true, "roles": [], ` + rules + `}`, false},
		{"empty templates only", `{"enabled": true, "role_templates": [], ` + rules + `}`, false},
		{"rules empty object", `{"enabled": true, "roles": ["r"], "rules": {}}`, false},
		{"rules two keys", `{"enabled": true, "roles": ["r"], "rules": {"any": [], "all": []}}`, false},
		{"unknown rule key", `{"enabled": true, "roles": ["r"], "rules": {"none": []}}`, false},
		{"except at top level", `{"enabled": true, "roles": ["r"], "rules": {"except": {"field": {"username": "x"}}}}`, false},
		{"except inside any", `{"enabled": true, "roles": ["r"], "rules": {"any": [{"except": {"field": {"username": "x"}}}]}}`, false},
		{"except inside all", `{"enabled": true, "roles": ["r"], "rules": {"all": [{"except": {"field": {"username": "x"}}}]}}`, true},
		{"except inside except", `{"enabled": true, "roles": ["r"], "rules": {"all": [{"except": {"except": {"field": {"username": "x"}}}}]}}`, false},
		{"all inside except holds except", `{"enabled": true, "roles": ["r"], "rules": {"all": [{"except": {"all": [{"except": {"field": {"dn": null}}}]}}]}}`, true},
		{"any not an array", `{"enabled": true, "roles": ["r"], "rules": {"any": {"field": {"username": "x"}}}}`, false},
		{"any element not an object", `{"enabled": true, "roles": ["r"], "rules": {"any": ["x"]}}`, false},
		{"field two keys", `{"enabled": true, "roles": ["r"], "rules": {"field": {"username": "a", "groups": "b"}}}`, false},
		{"field empty", `{"enabled": true, "roles": ["r"], "rules": {"field": {}}}`, false},
		{"field empty name", `{"enabled": true, "roles": ["r"], "rules": {"field": {"": "x"}}}`, false},
		{"field value null", `{"enabled": true, "roles": ["r"], "rules": {"field": {"metadata.x": null}}}`, true},
		{"field values mixed scalars", `{"enabled": true, "roles": ["r"], "rules": {"field": {"metadata.x": ["a", 1, 1.5, true, null]}}}`, true},
		{"field value empty array", `{"enabled": true, "roles": ["r"], "rules": {"field": {"groups": []}}}`, false},
		{"field value nested array", `{"enabled": true, "roles": ["r"], "rules": {"field": {"groups": [["a"]]}}}`, false},
		{"field value object", `{"enabled": true, "roles": ["r"], "rules": {"field": {"username": {"a": 1}}}}`, false},
		{"unknown attribute", `{"enabled": true, "roles": ["r"], "rules": {"field": {"email": "x"}}}`, true},
		{"template as JSON string", `{"enabled": true, "role_templates": [{"template": "{\"source\": \"x\"}"}], ` + rules + `}`, true},
		{"template stored id", `{"enabled": true, "role_templates": [{"template": {"id": "s1", "params": {"a": 1}}}], ` + rules + `}`, true},
		{"template source object", `{"enabled": true, "role_templates": [{"template": {"source": {"a": "{{username}}"}, "options": {"content_type": "text/plain"}}}], ` + rules + `}`, true},
		{"template source and id", `{"enabled": true, "role_templates": [{"template": {"source": "x", "id": "y"}}], ` + rules + `}`, false},
		{"template without source or id", `{"enabled": true, "role_templates": [{"template": {"params": {}}}], ` + rules + `}`, false},
		{"template unknown script key", `{"enabled": true, "role_templates": [{"template": {"foo": "heroes"}}], ` + rules + `}`, false},
		{"template illegal option", `{"enabled": true, "role_templates": [{"template": {"source": "x", "options": {"x": "y"}}}], ` + rules + `}`, false},
		{"template missing", `{"enabled": true, "role_templates": [{"format": "json"}], ` + rules + `}`, false},
		{"template number", `{"enabled": true, "role_templates": [{"template": 5}], ` + rules + `}`, false},
		{"template unknown key", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "lang": "mustache"}], ` + rules + `}`, false},
		{"template element not an object", `{"enabled": true, "role_templates": ["x"], ` + rules + `}`, false},
		{"format json", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "json"}], ` + rules + `}`, true},
		{"format upper case", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "JSON"}], ` + rules + `}`, true},
		{"format mixed case", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "StRiNg"}], ` + rules + `}`, true},
		{"format long s (Java upper-cases it to S)", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "\u017ftring"}], ` + rules + `}`, true},
		{"format dotless i", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "str\u0131ng"}], ` + rules + `}`, true},
		{"format st ligature", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "\ufb06ring"}], ` + rules + `}`, true},
		{"format xml", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": "xml"}], ` + rules + `}`, false},
		{"format number", `{"enabled": true, "role_templates": [{"template": {"source": "x"}, "format": 1}], ` + rules + `}`, false},
		{"run_as", `{"enabled": true, "roles": ["r"], "run_as": ["bob"], ` + rules + `}`, false},
		{"enabled string", `{"enabled": "false", "roles": ["r"], ` + rules + `}`, true},
		{"enabled bad string", `{"enabled": "yes", "roles": ["r"], ` + rules + `}`, false},
		{"enabled number", `{"enabled": 1, "roles": ["r"], ` + rules + `}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := editorErrors(t, tt.body)
			if tt.valid && err != nil {
				t.Errorf("schema rejects a body Elasticsearch accepts: %v", err)
			}
			if !tt.valid && err == nil {
				t.Error("schema accepts a body Elasticsearch rejects")
			}
		})
	}
}
