package conformance

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// rejections returns the messages of the problems that make Elasticsearch
// refuse the mapping.
func rejections(ms ...*mapping.Mapping) []string {
	var out []string
	for _, m := range ms {
		for _, p := range m.Problems {
			if mapping.Rejection(p) {
				out = append(out, p.Check+": "+p.Message)
			}
		}
	}
	return out
}

// agree asserts that the outcome matches the case: valid or not, and when
// invalid that some message carries Elasticsearch's text.
func agree(t *testing.T, c Case, errs []string) {
	t.Helper()
	if c.Valid == nil {
		t.Fatalf("case has no \"valid\"")
	}
	if *c.Valid {
		if len(errs) > 0 {
			t.Errorf("Elasticsearch accepts this, rolemap-lint rejects it: %q", errs)
		}
		return
	}
	if len(errs) == 0 {
		t.Fatalf("Elasticsearch rejects this (%s), rolemap-lint accepts it", c.ErrorMessage+c.ErrorContains)
	}
	wants := []string{c.ErrorContains, strings.TrimSuffix(strings.TrimPrefix(c.ErrorMessage, "Validation Failed: 1: "), ";")}
	if c.Stage == "request_validate" && c.Request["rules"] == nil {
		// A request built in Java without rules has no counterpart in a
		// file: there the parser fails first ("missing field [rules]"),
		// before request validation could say "role-mapping rules are
		// missing". Both are Elasticsearch's words for the same condition.
		wants = wants[:1]
	}
	for _, want := range wants {
		if want == "" {
			continue
		}
		found := false
		for _, e := range errs {
			if strings.Contains(e, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no message contains Elasticsearch's %q; got %q", want, errs)
		}
	}
}

func parseBody(t *testing.T, c Case, name string, raw []byte, origin mapping.Origin, parseOnly bool) *mapping.Mapping {
	t.Helper()
	body := parseJSON(t, raw)
	return mapping.Parse(name, source.Span{File: body.Span.File}, origin, body, nil,
		mapping.Options{Version: versionOf(c), ParseOnly: parseOnly})
}

// requestBody builds a PUT body from a request built directly in a Java test
// (PutRoleMappingRequest's Java default for enabled is true).
func requestBody(t *testing.T, req map[string]json.RawMessage) (string, []byte) {
	t.Helper()
	// A request built in Java starts with enabled=true and empty role lists.
	body := map[string]json.RawMessage{"enabled": json.RawMessage("true"), "roles": json.RawMessage("[]")}
	name := ""
	for k, v := range req {
		switch k {
		case "name":
			if string(v) != "null" {
				if err := json.Unmarshal(v, &name); err != nil {
					t.Fatal(err)
				}
			}
		default:
			body[k] = v
		}
	}
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return name, raw
}

func TestParseCases(t *testing.T) {
	for _, c := range loadCases(t, "parse") {
		t.Run(c.ID, func(t *testing.T) {
			switch c.Stage {
			case "mapping_parse", "rest_put":
				m := parseBody(t, c, *c.Name, c.Body, mapping.API, c.Stage == "mapping_parse")
				agree(t, c, rejections(m))
			case "request_validate", "transport_put":
				name, raw := requestBody(t, c.Request)
				m := parseBody(t, c, name, raw, mapping.API, false)
				agree(t, c, rejections(m))
			case "file_settings":
				raw := c.FileSettingsRoleMappings
				if raw == nil {
					t.Fatalf("file_settings_content cases are not in this suite yet")
				}
				holder := parseJSON(t, raw)
				var ms []*mapping.Mapping
				for _, mem := range holder.Members {
					ms = append(ms, mapping.Parse(mem.Key, mem.KeySpan, mapping.Operator, mem.Value,
						source.Pointer{mem.Key}, mapping.Options{Version: versionOf(c)}))
				}
				agree(t, c, rejections(ms...))
			case "realm_scope_validator":
				v := parseJSON(t, c.Rules)
				e, diags := rules.Parse(v, "rules", nil, rules.Options{})
				if len(diags) > 0 {
					t.Fatalf("rules do not parse: %v", diags)
				}
				var errs []string
				if !rules.RealmScoped(e) {
					errs = append(errs, "role mapping must be scoped to a concrete realm name")
				}
				agree(t, c, errs)
			case "template_parse", "template_validate":
				agree(t, c, templateErrors(t, c))
			default:
				t.Fatalf("unknown stage %q", c.Stage)
			}
		})
	}
}

// messages flattens diagnostics for error output.
func messages(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Check+": "+d.Message)
	}
	sort.Strings(out)
	return out
}
