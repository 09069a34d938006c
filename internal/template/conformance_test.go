package template

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/conformance"
)

// loadCases reads the conformance cases (conformance.Path: the project
// copy, or $ROLEMAP_CONFORMANCE).
func loadCases(t *testing.T) []conformance.Case {
	t.Helper()
	cases, err := conformance.Load(conformance.Path(filepath.Join("..", "..")))
	if err != nil {
		t.Fatalf("conformance cases not available: %v", err)
	}
	return cases
}

// decodeNumbers decodes a present raw JSON value into v, numbers as
// json.Number; an absent one leaves v untouched.
func decodeNumbers(raw json.RawMessage, v any) error {
	if raw == nil {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	return d.Decode(v)
}

func settingsFor(c conformance.Case) ScriptSettings {
	var s ScriptSettings
	if v, ok := c.ScriptSettings["script.allowed_types"]; ok {
		s.AllowedTypes = strings.Split(v, ",")
	}
	if v, ok := c.ScriptSettings["script.allowed_contexts"]; ok {
		s.AllowedContexts = strings.Split(v, ",")
	}
	if c.StoredScripts != nil {
		s.StoredScripts = map[string]StoredScript{}
		for id, st := range c.StoredScripts {
			s.StoredScripts[id] = StoredScript{Lang: st.Lang, Source: st.Source, Options: st.Options}
		}
	}
	return s
}

func TestConformance(t *testing.T) {
	cases := loadCases(t)
	ran := 0
	for _, c := range cases {
		switch {
		case c.Kind == "parse" && (c.Stage == "template_parse" || c.Stage == "template_validate"):
			ran++
			t.Run(c.ID, func(t *testing.T) { runParseCase(t, c) })
		case c.Kind == "template" && c.Template != nil:
			ran++
			t.Run(c.ID, func(t *testing.T) { runTemplateCase(t, c) })
		case c.Kind == "template":
			// "mappings" cases need the rule matcher; they are run where
			// mappings are resolved.
		}
	}
	if ran < 25 {
		t.Errorf("ran %d template cases, expected at least 25", ran)
	}
}

func runParseCase(t *testing.T, c conformance.Case) {
	tmpl, diags := Parse(mustLoad(t, string(c.RoleTemplate)))
	if c.Stage == "template_parse" {
		err := tmpl.ParseErr()
		if *c.Valid != (err == nil) {
			t.Fatalf("ParseErr() = %v, want valid=%v (diagnostics %v)", err, *c.Valid, diags)
		}
		var expect map[string]any
		if c.Expect != nil {
			if err := json.Unmarshal(c.Expect, &expect); err != nil {
				t.Fatalf("expect: %v", err)
			}
			if want, ok := expect["template"].(string); ok && tmpl.Raw() != want {
				t.Errorf("Raw() = %q, want %q", tmpl.Raw(), want)
			}
			if want, ok := expect["format"].(string); ok && tmpl.Format().String() != want {
				t.Errorf("Format() = %v, want %q", tmpl.Format(), want)
			}
		}
		return
	}
	s := settingsFor(c)
	err := tmpl.Validate(s)
	if *c.Valid {
		if err != nil {
			t.Fatalf("Validate = %v, want success", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("Validate succeeded, want an error containing %q (diagnostics %v)", c.ErrorContains, diags)
	}
	if !strings.Contains(err.Error(), c.ErrorContains) {
		t.Errorf("Validate = %q, want it to contain %q", err, c.ErrorContains)
	}
	// Scripting problems are also what CheckScripting reports.
	if e := err.(*Error); e.Stage == StageScripting {
		if cerr := tmpl.CheckScripting(s); cerr == nil || cerr.Error() != err.Error() {
			t.Errorf("CheckScripting = %v, want %v", cerr, err)
		}
	}
}

func runTemplateCase(t *testing.T, c conformance.Case) {
	tmpl, diags := Parse(mustLoad(t, string(c.Template)))
	for _, d := range diags {
		t.Logf("diagnostic: %s", d.Message)
	}
	var model map[string]any
	if err := decodeNumbers(c.Model, &model); err != nil {
		t.Fatalf("case model: %v", err)
	}
	u, err := c.DecodeUser()
	if err != nil {
		t.Fatal(err)
	}
	if u != nil {
		model = UserData{Username: u.Username, DN: u.DN, Groups: u.Groups,
			Metadata: u.Metadata, RealmName: u.Realm.Name}.Model()
	}
	roles, err := tmpl.Roles(model)
	if c.ExpectErrorContains != "" {
		if err == nil || !strings.Contains(err.Error(), c.ExpectErrorContains) {
			t.Fatalf("Roles = %v, %v; want error containing %q", roles, err, c.ExpectErrorContains)
		}
		return
	}
	if err != nil {
		t.Fatalf("Roles: %v", err)
	}
	got, want := slices.Clone(roles), slices.Clone(c.ExpectRoles)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Roles = %q, want %q", roles, c.ExpectRoles)
	}
}
