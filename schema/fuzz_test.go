package schema

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzValidate feeds arbitrary JSON documents to the schema stage: it must
// not panic, must be deterministic, must point inside the document, must
// sort its findings, and must only report problems the whole schema also
// sees.
func FuzzValidate(f *testing.F) {
	seeds := []string{
		`{"enabled": true, "roles": ["r"], "rules": {"field": {"username": "*"}}}`,
		`{"enabled": "yes", "roles": 5, "rules": [], "run_as": [], "x": {}}`,
		`{"roles": [null, [1], {"a": 1}], "role_templates": "x", "metadata": null, "doc_type": 1, "type": {}}`,
		`{"enabled": "", "roles": "r", "role_templates": {"template": "{\"source\": \"x\"}", "format": "JSON"}, "rules": {"all": [{"except": {"any": []}}]}}`,
		`[]`, `"x"`, `null`, `1e999`, `{}`,
		`{"a\u0000b": 1, "\ud800": 2, "rules": {"field": {"": [[]]}}}`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		body, err := parseTree("fuzz.json", text)
		if err != nil {
			return
		}
		got := Validate(body)
		if diff := cmp.Diff(summarize(got), summarize(Validate(body))); diff != "" {
			t.Fatalf("not deterministic:\n%s", diff)
		}
		for i, d := range got {
			if d.Check != Check || d.Message == "" {
				t.Errorf("bad diagnostic %+v", d)
			}
			if d.Span.File != body.Span.File || d.Span.Start < 0 || d.Span.Start > d.Span.End || d.Span.End > len(text) {
				t.Errorf("span %d..%d outside the document (%d bytes)", d.Span.Start, d.Span.End, len(text))
			}
			if i > 0 && got[i-1].Span.Start > d.Span.Start {
				t.Errorf("findings not sorted: %d after %d", d.Span.Start, got[i-1].Span.Start)
			}
			if !strings.HasPrefix(d.Message, "missing field") && body.Lookup(splitPointer(d.Pointer)) == nil {
				t.Errorf("pointer %q does not resolve", d.Pointer)
			}
		}
		if len(got) > 0 {
			sch, err := compiledSchema()
			if err != nil {
				t.Fatal(err)
			}
			if sch.Validate(body.Interface(func(s string) any { return json.Number(s) })) == nil {
				t.Errorf("findings for a body the whole schema accepts: %v", summarize(got))
			}
		}
	})
}

// splitPointer turns an RFC 6901 pointer back into reference tokens.
func splitPointer(p string) []string {
	if p == "" {
		return nil
	}
	toks := strings.Split(p[1:], "/")
	for i, t := range toks {
		t = strings.ReplaceAll(t, "~1", "/")
		toks[i] = strings.ReplaceAll(t, "~0", "~")
	}
	return toks
}

// FuzzOwnedView checks that validating the owned view of a body gives the
// same findings as validating the whole body.
func FuzzOwnedView(f *testing.F) {
	for _, s := range []string{
		`{"enabled": true, "roles": ["r"], "rules": {"field": {"username": "*"}}}`,
		`{"enabled": "yes", "roles": 5, "rules": [], "run_as": [], "x": {}}`,
		`{"roles": [null, [1], {"a": 1}], "role_templates": "x", "metadata": null, "doc_type": 1, "type": {}}`,
		`{"enabled": "", "roles": "r", "role_templates": [{"template": {"source": "x"}, "format": "json"}], "rules": {"all": [{"except": {"any": []}}]}}`,
		`{"enabled": true, "rules": {"bogus": 1}, "role_templates": {"template": 1}, "metadata": {"_a": [1]}, "enabled": 3}`,
		`[]`, `{}`, `{"run_as": {"x": 1}, "rules": "r"}`,
	} {
		f.Add(s)
	}
	sch, err := compiledSchema()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			return
		}
		body, err := parseTree("fuzz.json", text)
		if err != nil {
			return
		}
		whole := findings(sch, "m", body, body.Interface(number))
		view := findings(sch, "m", body, ownedView(body))
		if diff := cmp.Diff(summarize(whole), summarize(view)); diff != "" {
			t.Fatalf("owned view differs from the whole body (-whole +view):\n%s", diff)
		}
		// The shape (role names blanked) gives the same findings: a clean
		// shape may stand for every body of that shape.
		if key, ok := shapeKey(ownedView(body)); ok {
			var shape map[string]any
			dec := json.NewDecoder(strings.NewReader(key))
			dec.UseNumber()
			if err := dec.Decode(&shape); err != nil {
				t.Fatalf("shape key %q: %v", key, err)
			}
			if got := findings(sch, "m", body, shape); (len(got) == 0) != (len(view) == 0) {
				t.Fatalf("the shape %s gives %d findings, the body %d", key, len(got), len(view))
			}
		}
	})
}
