package template

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// conformancePath locates es-cases.json: $ROLEMAP_CONFORMANCE, else the
// project copy in conformance/testdata.
func conformancePath() string {
	if p := os.Getenv("ROLEMAP_CONFORMANCE"); p != "" {
		return p
	}
	return filepath.Join("..", "conformance", "testdata", "es-cases.json")
}

type esCase struct {
	ID             string            `json:"id"`
	Kind           string            `json:"kind"`
	Stage          string            `json:"stage"`
	RoleTemplate   json.RawMessage   `json:"role_template"`
	Template       json.RawMessage   `json:"template"`
	Mappings       json.RawMessage   `json:"mappings"`
	Valid          *bool             `json:"valid"`
	ErrorContains  string            `json:"error_contains"`
	Expect         json.RawMessage   `json:"expect"`
	ScriptSettings map[string]string `json:"script_settings"`
	StoredScripts  map[string]struct {
		Lang    string            `json:"lang"`
		Source  string            `json:"source"`
		Options map[string]string `json:"options"`
	} `json:"stored_scripts"`
	User               *esUser        `json:"user"`
	Model              map[string]any `json:"model"`
	ExpectRoles        []string       `json:"expect_roles"`
	ExpectErrorContain string         `json:"expect_error_contains"`
}

type esUser struct {
	Username string                `json:"username"`
	DN       *string               `json:"dn"`
	Groups   []string              `json:"groups"`
	Realm    struct{ Name string } `json:"realm"`
	Metadata map[string]any        `json:"metadata"`
}

func loadCases(t *testing.T) []esCase {
	t.Helper()
	data, err := os.ReadFile(conformancePath())
	if err != nil {
		t.Fatalf("conformance cases not available: %v", err)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var cases []esCase
	if err := d.Decode(&cases); err != nil {
		t.Fatalf("decoding %s: %v", conformancePath(), err)
	}
	return cases
}

func settingsFor(c esCase) ScriptSettings {
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

func runParseCase(t *testing.T, c esCase) {
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

func runTemplateCase(t *testing.T, c esCase) {
	tmpl, diags := Parse(mustLoad(t, string(c.Template)))
	for _, d := range diags {
		t.Logf("diagnostic: %s", d.Message)
	}
	model := c.Model
	if c.User != nil {
		model = UserData{Username: c.User.Username, DN: c.User.DN, Groups: c.User.Groups,
			Metadata: c.User.Metadata, RealmName: c.User.Realm.Name}.Model()
	}
	roles, err := tmpl.Roles(model)
	if c.ExpectErrorContain != "" {
		if err == nil || !strings.Contains(err.Error(), c.ExpectErrorContain) {
			t.Fatalf("Roles = %v, %v; want error containing %q", roles, err, c.ExpectErrorContain)
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
