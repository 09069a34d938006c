package mapping

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// parseYAMLMapping loads a YAML body as the workspace does: parse, attach
// the loader's findings, reconcile the two readings.
func parseYAMLMapping(t *testing.T, src string, r loader.Reader) *Mapping {
	t.Helper()
	f := source.NewFile("m.yaml", []byte(src))
	docs, diags := loader.ParseYAML(f)
	if len(docs) != 1 {
		t.Fatalf("want one document, got %d (%v)", len(docs), diags)
	}
	diags = loader.ApplyReader(docs, diags, r)
	opt := Options{Version: esversion.Newest}
	m := Parse("m", source.Span{File: f}, API, docs[0], nil, opt)
	m.Problems = append(m.Problems, diags...)
	ReconcileReadings(m, opt)
	return m
}

// TestReconcileReadings: Elasticsearch reads YAML bodies with Jackson over
// SnakeYAML's YAML 1.1 resolver (plain yes/no/on/off are booleans, aliases
// are the string of their name); a YAML 1.2 converter reads strings and
// expands aliases. A finding says what each reader does, and is an error
// only when both readings are rejected.
func TestReconcileReadings(t *testing.T) {
	const rules = "rules: {field: {realm.name: saml1}}\n"
	tests := []struct {
		name, src string
		reader    loader.Reader
		want      []string // "check level message-substring", in order
		enabled   bool
	}{
		{name: "enabled yes: one warning, both readings", src: "enabled: yes\nroles: [viewer]\n" + rules, enabled: true,
			want: []string{`ambiguous-yaml warning unquoted yes: Elasticsearch's own YAML reader (YAML 1.1; the file sent as YAML) reads the boolean true: Elasticsearch accepts it; a YAML 1.2 converter (yq, js-yaml, go-yaml v3…; the file turned into JSON first) reads the string "yes": enabled must be a boolean (true/false), found the string "yes": Elasticsearch rejects it ("[role-mapping] failed to parse field [enabled]", caused by "Failed to parse value [yes] as only [true] or [false] are allowed."); write true`}},
		{name: "enabled off is false for Elasticsearch", src: "enabled: off\nroles: [viewer]\n" + rules, enabled: false,
			want: []string{`ambiguous-yaml warning unquoted off: Elasticsearch's own YAML reader (YAML 1.1; the file sent as YAML) reads the boolean false: Elasticsearch accepts it`}},
		{name: "reader elasticsearch: no finding", src: "enabled: yes\nroles: [viewer]\n" + rules, reader: loader.ReaderElasticsearch, enabled: true},
		{name: "reader yaml-1.2: Elasticsearch rejects the string", src: "enabled: yes\nroles: [viewer]\n" + rules, reader: loader.ReaderYAML12,
			want: []string{`schema error enabled must be a boolean (true/false), found the string "yes"`}},
		// A boolean role name is read as its text ("true"): both accepted,
		// different roles; the loader's warning says so.
		{name: "role yes: different roles, no rejection", src: "enabled: true\nroles: [yes]\n" + rules, enabled: true,
			want: []string{`ambiguous-yaml warning unquoted yes is the string "yes" in YAML 1.2`}},
		{name: "alias: only Elasticsearch's reading is rejected", src: "enabled: true\nroles: [viewer]\nmetadata: {shared: &rl {field: {realm.name: saml1}}}\nrules: *rl\n", enabled: true,
			want: []string{`ambiguous-yaml warning alias *rl: Elasticsearch's own YAML reader (YAML 1.1; the file sent as YAML) reads the string "rl": rules must be an object`}},
		{name: "both readings rejected: an error", src: "enabled: true\nroles: [viewer]\nrole_templates: [{template: {source: x}, format: on}]\n" + rules, enabled: true,
			want: []string{`invalid-template error Elasticsearch rejects this with either YAML reader: read by a YAML 1.2 converter (yq, js-yaml, go-yaml v3…; the file turned into JSON first): Invalid format [on]`,
				`roles-or-templates error role-mapping cannot have both roles and role-templates`,
				`ambiguous-yaml warning unquoted on is the string "on"`}},
		{name: "agreeing readings: the loader's warning alone", src: "enabled: true\nroles: [viewer]\nrules: {field: {metadata.country: NO}}\n", enabled: true,
			want: []string{`ambiguous-yaml warning unquoted NO is the string "NO" in YAML 1.2`}},
		{name: "alias: Elasticsearch reads the name", src: "enabled: true\nroles: &r [viewer]\nrules: {field: {groups: *r}}\n", enabled: true,
			want: []string{`ambiguous-yaml warning alias *r is expanded by this tool`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseYAMLMapping(t, tt.src, tt.reader)
			var got []string
			for _, d := range m.Problems {
				got = append(got, d.Check+" "+levelOf(d)+" "+d.Message)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems %q, want %d %q", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("problem %d:\n got  %s\n want %s…", i, got[i], tt.want[i])
				}
			}
			if m.Enabled != tt.enabled {
				t.Errorf("enabled = %v, want %v (the model is the reading Elasticsearch accepts)", m.Enabled, tt.enabled)
			}
		})
	}
}

func levelOf(d diag.Diagnostic) string {
	if d.Level == diag.Default {
		if Rejects(d.Check) {
			return "error"
		}
		return "default"
	}
	return d.Level.String()
}
