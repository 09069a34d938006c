package produce

import (
	"errors"
	"slices"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/template"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// FuzzRoleLanguage runs the analysis on arbitrary role template bodies
// and role names: it must not panic, must stay within its bounds, and its
// yes answers must come with a user who gets the role.
func FuzzRoleLanguage(f *testing.F) {
	seeds := []struct{ body, role string }{
		{`{"template": {"source": "_user_{{username}}"}}`, "superuser"},
		{`{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}`, "superuser"},
		{`{"template": {"source": "[\"{{username}}\", \"viewer\"]"}, "format": "json"}`, "viewer"},
		{`{"template": {"source": "{{#join delimiter=';'}}groups{{/join delimiter=';'}}"}}`, "a;b"},
		{`{"template": {"source": "{{#groups}}\"{{.}}\"{{/groups}}", "options": {"content_type": "text/plain"}}, "format": "json"}`, "x"},
		{`{"template": {"source": "{{#url}}{{dn}}{{/url}}/{{=<% %>=}}<%{metadata.a}%>"}}`, "cn%3Dx/y"},
		{`{"template": {"source": "/* \" */ [{{#metadata.r}}\"{{name}}\",{{/metadata.r}}null]", "params": {"name": "p"}}, "format": "json"}`, "p"},
		{`{"template": {"id": "s1"}}`, "x"},
		{`{"template": {"source": "{{^groups}}none{{/groups}}{{{realm.name}}}"}}`, "noner"},
	}
	for _, s := range seeds {
		f.Add(s.body, s.role)
	}
	ops := automaton.Ops{MaxStates: 5000}
	pinned := pin(map[string]*automaton.Automaton{"username": lit("bob"), "groups": wild(f, "g*")})
	f.Fuzz(func(t *testing.T, body, role string) {
		v, err := loadJSON("fuzz.json", body)
		if err != nil {
			return
		}
		tmpl, _ := template.Parse(v)
		_ = Variables(tmpl)
		for _, vars := range []Vars{nil, pinned} {
			lang, lerr := RoleLanguage(tmpl, vars, ops)
			var te *template.Error
			if lerr != nil && !errors.Is(lerr, automaton.ErrBudget) && !(errors.As(lerr, &te) && te.Stage == template.StageOffline) {
				t.Fatalf("RoleLanguage: unexpected error %v", lerr)
			}
			p, err := CanProduce(tmpl, role, vars, ops)
			if err != nil && !errors.Is(err, automaton.ErrBudget) {
				t.Fatalf("CanProduce: unexpected error %v", err)
			}
			if p.Reason == "" {
				t.Fatal("CanProduce without a reason")
			}
			if p.Answer != Yes {
				continue
			}
			got, rerr := tmpl.Roles(p.User.Model())
			if rerr != nil || !slices.Contains(got, role) {
				t.Fatalf("example user %+v gets %q (%v), not %q", *p.User, got, rerr, role)
			}
			if lerr == nil && !lang.Match(role) {
				t.Fatalf("role %q comes out but is not in RoleLanguage", role)
			}
		}
	})
}
