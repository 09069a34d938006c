package template

import (
	"encoding/json"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		`{"template": {"source": "_user_{{username}}"}}`,
		`{"template": "{\"source\":\"{{#tojson}}groups{{/tojson}}\"}", "format": "json"}`,
		`{"template": {"id": "s1", "params": {"a": [1, 2.5, true, null]}}, "format": "String"}`,
		`{"template": {"source": {"q": "{{#join delimiter='|'}}groups{{/join delimiter='|'}}"}, "options": {"content_type": "text/plain"}}}`,
		`{"template": {"source": "x", "id": "y", "lang": 1, "options": {"a": "b"}}, "format": 2, "x": 1}`,
		`{"template": "[{\"inline\": \"{{#url}}{{dn}}{{/url}}\"}] tail", "format": "json"}`,
		`{"template": {"source": "{{=<% %>=}}<%#groups%><%.%><%/groups%>"}}`,
		`{"template": {"source": "[{{#groups}}\"{{.}}\",{{/groups}}null]"}, "format": "json"}`,
		`[]`, `null`, `{}`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	store := ScriptSettings{StoredScripts: map[string]StoredScript{"s1": {Lang: "mustache", Source: "{{#toJson}}groups{{/toJson}}"}}}
	model := bob.Model()
	f.Fuzz(func(t *testing.T, text string) {
		v, err := loadJSON("fuzz.json", text)
		if err != nil {
			return
		}
		tmpl, diags := Parse(v)
		if tmpl == nil {
			t.Fatal("nil template")
		}
		for _, d := range diags {
			if d.Check != Check || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
		if tmpl.ParseErr() != nil && tmpl.ValidateAtPut() == nil {
			t.Fatal("a parse error must fail validation")
		}
		_ = tmpl.CheckScripting(ScriptSettings{AllowedTypes: []string{"stored"}})
		_, _ = tmpl.Roles(model)
		_, _ = tmpl.RolesWith(store, model)
	})
}

func FuzzRender(f *testing.F) {
	f.Add("_user_{{username}}", "bob", "admins", "a.b", false)
	f.Add("{{#tojson}}groups{{/tojson}}", "x\"y", "g", "k", true)
	f.Add("{{#join delimiter=','}}groups{{/join delimiter=','}}{{#url}}{{metadata.k}}{{/url}}", "u", "cn=a,dc=b", "k", false)
	f.Add("{{#groups}}{{.}}{{^.}}-{{/.}}{{groups.0}}{{groups.size}}{{/groups}}", "", "", "", true)
	f.Add("{{=| |=}}|#metadata.k||size||/metadata.k|", "u", "g", "k", false)
	f.Add("{{{username}}}{{&dn}}{{! c }}{{%pragma}}{{$b}}x{{/b}}", "u", "g", "k", true)
	f.Fuzz(func(t *testing.T, src, username, group, key string, json_ bool) {
		tmplValue := &source.Value{Kind: source.Object, Members: []*source.Member{
			{Key: "template", Value: &source.Value{Kind: source.Object, Members: []*source.Member{
				{Key: "source", Value: &source.Value{Kind: source.String, Str: src}},
			}}},
		}}
		if json_ {
			tmplValue.Members = append(tmplValue.Members, &source.Member{Key: "format", Value: &source.Value{Kind: source.String, Str: "json"}})
		}
		tmpl, _ := Parse(tmplValue)
		u := UserData{Username: username, DN: &group, Groups: []string{group, username}, RealmName: key,
			Metadata: map[string]any{key: []any{group, json.Number("1.5"), map[string]any{key: nil}}}}
		roles, err := tmpl.Roles(u.Model())
		if err == nil && !json_ && len(roles) != 1 {
			t.Fatalf("string format gave %d roles", len(roles))
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T", err)
			}
		}
	})
}
