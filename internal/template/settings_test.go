package template

import (
	"strings"
	"testing"
)

func TestCheckScripting(t *testing.T) {
	inline := `{"template": {"source": "{{username}}"}}`
	stored := `{"template": {"id": "s1"}}`
	mustacheStore := map[string]StoredScript{"s1": {Lang: "mustache", Source: "st_{{username}}"}}
	tests := []struct {
		name     string
		template string
		s        ScriptSettings
		want     string // "" = allowed
	}{
		{"defaults inline", inline, ScriptSettings{}, ""},
		{"defaults stored unknown store", stored, ScriptSettings{}, ""},
		{"inline disabled", inline, ScriptSettings{AllowedTypes: []string{"none"}}, "cannot execute [inline] scripts"},
		{"inline only stored", inline, ScriptSettings{AllowedTypes: []string{"stored"}}, "cannot execute [inline] scripts"},
		{"inline allowed", inline, ScriptSettings{AllowedTypes: []string{"inline"}}, ""},
		{"stored disabled", stored, ScriptSettings{AllowedTypes: []string{"none"}, StoredScripts: mustacheStore}, "cannot execute [stored] scripts"},
		{"stored missing before type check", stored, ScriptSettings{AllowedTypes: []string{"none"}, StoredScripts: map[string]StoredScript{}}, "unable to find script [s1] in cluster state"},
		{"stored unknown lang", stored, ScriptSettings{StoredScripts: map[string]StoredScript{"s1": {Lang: "groovy"}}}, "script_lang not supported [groovy]"},
		{"context disabled", inline, ScriptSettings{AllowedContexts: []string{"search", "update"}}, "cannot execute scripts using [template] context"},
		{"context none", inline, ScriptSettings{AllowedContexts: []string{"none"}}, "cannot execute scripts using [template] context"},
		{"context allowed", inline, ScriptSettings{AllowedContexts: []string{"template"}}, ""},
		{"size", `{"template": {"source": "` + strings.Repeat("x", 101) + `"}}`, ScriptSettings{MaxSizeInBytes: 100},
			"exceeded max allowed inline script size in bytes [100] with size [101] for script [xxx"},
		{"size default", `{"template": {"source": "` + strings.Repeat("é", 40000) + `"}}`, ScriptSettings{},
			"exceeded max allowed inline script size in bytes [65535] with size [80000]"},
		{"broken template is not checked", `{"template": {"source": 1}}`, ScriptSettings{AllowedTypes: []string{"none"}}, ""},
	}
	for _, tc := range tests {
		tmpl, _ := Parse(mustLoad(t, tc.template))
		err := tmpl.CheckScripting(tc.s)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: CheckScripting = %v, want nil", tc.name, err)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: CheckScripting = %v, want %q", tc.name, err, tc.want)
			continue
		}
		if e := err.(*Error); e.Stage != StageScripting || e.Advice == "" {
			t.Errorf("%s: stage %v advice %q", tc.name, e.Stage, e.Advice)
		}
		// Validate reports the same.
		if verr := tmpl.Validate(tc.s); verr == nil || verr.Error() != err.Error() {
			t.Errorf("%s: Validate = %v, want %v", tc.name, verr, err)
		}
		// And so does evaluation.
		if _, rerr := tmpl.RolesWith(tc.s, bob.Model()); rerr == nil || rerr.Error() != err.Error() {
			t.Errorf("%s: RolesWith = %v, want %v", tc.name, rerr, err)
		}
	}
}

func TestStoredScripts(t *testing.T) {
	tmpl, diags := Parse(mustLoad(t, `{"template": {"id": "s1", "params": {"p": "x"}}, "format": "json"}`))
	if len(diags) != 0 || !tmpl.IsStored() || tmpl.ID() != "s1" || tmpl.Source() != "" {
		t.Fatalf("stored template: %v %v %q", diags, tmpl.IsStored(), tmpl.ID())
	}
	store := map[string]StoredScript{
		"s1": {Lang: "mustache", Source: `["{{p}}-{{username}}"]`},
	}
	roles, err := tmpl.RolesWith(ScriptSettings{StoredScripts: store}, bob.Model())
	if err != nil || len(roles) != 1 || roles[0] != "x-bob" {
		t.Errorf("RolesWith stored = %q, %v", roles, err)
	}
	// Without the store the template cannot be evaluated offline, but PUT
	// validation accepts it.
	if _, err := tmpl.Roles(bob.Model()); err == nil || err.(*Error).Stage != StageOffline {
		t.Errorf("Roles without store = %v", err)
	}
	if err := tmpl.ValidateAtPut(); err != nil {
		t.Errorf("ValidateAtPut = %v", err)
	}
	// A stored painless script is compiled, not executed, at PUT.
	painless := ScriptSettings{StoredScripts: map[string]StoredScript{"s1": {Lang: "painless", Source: "return 'x'"}}}
	if err := tmpl.Validate(painless); err != nil {
		t.Errorf("Validate painless = %v", err)
	}
	if _, err := tmpl.RolesWith(painless, bob.Model()); err == nil || err.(*Error).Stage != StageOffline {
		t.Errorf("RolesWith painless = %v", err)
	}
	// A broken stored mustache script fails to compile.
	broken := ScriptSettings{StoredScripts: map[string]StoredScript{"s1": {Lang: "mustache", Source: "{{#a}}"}}}
	if err := tmpl.Validate(broken); err == nil || !strings.Contains(err.Error(), "Failed to close 'a' tag") {
		t.Errorf("Validate broken stored = %v", err)
	}
	// Stored content_type is honoured.
	plain := ScriptSettings{StoredScripts: map[string]StoredScript{"s1": {Lang: "mustache", Source: `["{{p}}"]`, Options: map[string]string{"content_type": "text/plain"}}}}
	tp, _ := Parse(mustLoad(t, `{"template": {"id": "s1", "params": {"p": "a\"b"}}, "format": "string"}`))
	if roles, err := tp.RolesWith(plain, bob.Model()); err != nil || roles[0] != `["a"b"]` {
		t.Errorf("stored text/plain = %q, %v", roles, err)
	}
}

func TestSettingsValidate(t *testing.T) {
	tests := []struct {
		s    ScriptSettings
		want string
	}{
		{ScriptSettings{}, ""},
		{ScriptSettings{AllowedTypes: []string{"none"}}, ""},
		{ScriptSettings{AllowedTypes: []string{"inline", "stored"}}, ""},
		{ScriptSettings{AllowedTypes: []string{}}, "must specify at least one script type or none for setting [script.allowed_types]."},
		{ScriptSettings{AllowedTypes: []string{"none", "inline"}}, "cannot specify both [none] and other script types for setting [script.allowed_types]."},
		{ScriptSettings{AllowedTypes: []string{"file"}}, "unknown script type [file] found in setting [script.allowed_types]."},
		{ScriptSettings{AllowedContexts: []string{}}, "must specify at least one script context or none for setting [script.allowed_contexts]."},
		{ScriptSettings{AllowedContexts: []string{"none", "template"}}, "cannot specify both [none] and other script contexts for setting [script.allowed_contexts]."},
	}
	for _, tc := range tests {
		err := tc.s.Validate()
		if (err == nil) != (tc.want == "") || (err != nil && err.Error() != tc.want) {
			t.Errorf("%+v: Validate = %v, want %q", tc.s, err, tc.want)
		}
	}
}
