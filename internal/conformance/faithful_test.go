package conformance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
)

// faithfulCase is a case of testdata/faithful-cases.json: the es-cases.json
// format plus what the version-, text- and reader-dependent behaviours
// need. Each case cites the Elasticsearch source it reproduces.
type faithfulCase struct {
	Case
	// Raw is a whole file's text, loaded by the real loader ("raw" cases).
	Raw string `json:"raw"`
	// Format is "json" or "yaml" for raw cases.
	Format string `json:"format"`
	// Reader is the yaml_reader setting ("" = not known).
	Reader string `json:"reader"`
	// FindingContains must appear in some finding of the tool (errors,
	// warnings or infos), e.g. Elasticsearch's own wording.
	FindingContains string `json:"finding_contains"`
}

func loadFaithful(t *testing.T) []faithfulCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "faithful-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []faithfulCase
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	return cases
}

// TestFaithfulCases runs every case through the layer it names and checks
// both Elasticsearch's verdict and, where given, the tool's wording.
func TestFaithfulCases(t *testing.T) {
	for _, c := range loadFaithful(t) {
		t.Run(c.ID, func(t *testing.T) {
			if c.Source == "" {
				t.Fatal("a case must cite its source")
			}
			var all []diag.Diagnostic
			switch c.Kind {
			case "parse":
				var ms []*mapping.Mapping
				switch c.Stage {
				case "rest_put":
					ms = []*mapping.Mapping{parseBody(t, c.Case, *c.Name, c.Body, mapping.API, false)}
				case "file_settings":
					holder := parseJSON(t, c.FileSettingsRoleMappings)
					for _, mem := range holder.Members {
						ms = append(ms, mapping.Parse(mem.Key, mem.KeySpan, mapping.Operator, mem.Value,
							source.Pointer{mem.Key}, mapping.Options{Version: versionOf(c.Case)}))
					}
				default:
					t.Fatalf("unknown stage %q", c.Stage)
				}
				for _, m := range ms {
					all = append(all, m.Problems...)
				}
				agree(t, c.Case, rejections(ms...))
			case "raw":
				m, diags := loadRaw(t, c)
				all = append(diags, m.Problems...)
				agree(t, c.Case, rejections(m))
			case "match":
				r := resolver(t, map[string]json.RawMessage{"m": json.RawMessage(`{"enabled": true, "roles": ["granted"], "rules": ` + string(c.Rule) + `}`)})
				res := r.Resolve(caseUser(t, c.Case))
				if res.Err == nil || !strings.Contains(res.Err.Error(), c.ExpectErrorContains) {
					t.Fatalf("resolution error %v, want one containing %q", res.Err, c.ExpectErrorContains)
				}
				if len(res.Roles) != 0 {
					t.Errorf("a failed resolution grants nothing, got %v", res.Roles)
				}
				return
			default:
				t.Fatalf("unknown kind %q", c.Kind)
			}
			if c.FindingContains != "" {
				found := false
				for _, d := range all {
					found = found || strings.Contains(d.Message, c.FindingContains)
				}
				if !found {
					t.Errorf("no finding contains %q; got %q", c.FindingContains, messages(all))
				}
			}
		})
	}
}

// loadRaw loads a raw case as the workspace loads a PUT body: the real
// loader, the configured YAML reader, the mapping parser, the file's
// findings attached to the mapping they lie in, and the two YAML readings
// reconciled. It returns the mapping and the findings outside it.
func loadRaw(t *testing.T, c faithfulCase) (*mapping.Mapping, []diag.Diagnostic) {
	t.Helper()
	f := source.NewFile("m."+c.Format, []byte(c.Raw))
	var docs []*source.Value
	var diags []diag.Diagnostic
	switch c.Format {
	case "json":
		v, ds := loader.ParseJSON(f)
		if v != nil {
			docs = []*source.Value{v}
		}
		diags = ds
	case "yaml":
		docs, diags = loader.ParseYAML(f)
	default:
		t.Fatalf("unknown format %q", c.Format)
	}
	if len(docs) != 1 {
		t.Fatalf("want one document, got %d (%v)", len(docs), messages(diags))
	}
	reader, err := loader.ParseReader(c.Reader)
	if err != nil {
		t.Fatal(err)
	}
	diags = loader.ApplyReader(docs, diags, reader)
	opt := mapping.Options{Version: versionOf(c.Case)}
	body := docs[0]
	m := mapping.Parse("m", source.Span{File: f, Start: body.Span.Start, End: body.Span.Start + 1}, mapping.API, body, nil, opt)
	var outside []diag.Diagnostic
	for _, d := range diags {
		if d.Span.Start >= body.Span.Start && d.Span.End <= body.Span.End {
			m.Problems = append(m.Problems, d)
		} else {
			outside = append(outside, d)
		}
	}
	mapping.ReconcileReadings(m, opt)
	return m, outside
}

// TestVersionOfExact: a case may name an exact version.
func TestVersionOfExact(t *testing.T) {
	if got := versionOf(Case{Version: "8.10"}); got != (esversion.Version{Major: 8, Minor: 10}) {
		t.Errorf("versionOf(8.10) = %s", got)
	}
}
