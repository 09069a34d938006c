package template

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func strp(s string) *string { return &s }

var bob = UserData{
	Username:  "bob",
	DN:        strp("cn=bob,ou=people,dc=example,dc=com"),
	Groups:    []string{"admins", "cn=devs,dc=example,dc=com"},
	RealmName: "ldap1",
	Metadata: map[string]any{
		"dept":      "eng",
		"level":     json.Number("3"),
		"ratio":     json.Number("1.50"),
		"big":       int64(5000000000),
		"active":    true,
		"teams":     []any{"a", "b"},
		"manager":   map[string]any{"name": "alice", "id": json.Number("7")},
		"nothing":   nil,
		"a.b":       "dotted",
		"quote":     `x"y\z`,
		"space":     " ",
		"emptylist": []any{},
	},
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name     string
		template string
		user     UserData
		want     []string
		err      string
		stage    Stage
	}{
		{"plain", `{"template": {"source": "heroes"}}`, bob, []string{"heroes"}, "", 0},
		{"username", `{"template": {"source": "_user_{{username}}"}}`, bob, []string{"_user_bob"}, "", 0},
		{"dn raw", `{"template": {"source": "{{dn}}"}}`, bob, []string{"cn=bob,ou=people,dc=example,dc=com"}, "", 0},
		{"no dn renders empty", `{"template": {"source": "[{{dn}}]"}}`, UserData{Username: "x"}, []string{"[]"}, "", 0},
		{"realm", `{"template": {"source": "{{realm.name}}"}}`, bob, []string{"ldap1"}, "", 0},
		{"realm section renders nothing", `{"template": {"source": "r{{#realm}}{{name}}{{/realm}}"}}`, bob, []string{"r"}, "", 0},
		{"metadata", `{"template": {"source": "{{metadata.dept}}-{{metadata.level}}-{{metadata.ratio}}-{{metadata.big}}-{{metadata.active}}"}}`, bob, []string{"eng-3-1.5-5000000000-true"}, "", 0},
		{"metadata dotted key", `{"template": {"source": "{{metadata.a.b}}"}}`, bob, []string{"dotted"}, "", 0},
		{"metadata list toString", `{"template": {"source": "{{metadata.teams}}"}}`, bob, []string{"[a, b]"}, "", 0},
		{"metadata map toString", `{"template": {"source": "{{metadata.manager}}"}}`, bob, []string{"{name=alice, id=7}"}, "", 0},
		{"no nested metadata paths", `{"template": {"source": "[{{metadata.manager.name}}]"}}`, bob, []string{"[]"}, "", 0},
		{"metadata map section", `{"template": {"source": "{{#metadata.manager}}{{name}}{{/metadata.manager}}"}}`, bob, []string{"alice"}, "", 0},
		{"metadata null", `{"template": {"source": "[{{metadata.nothing}}]"}}`, bob, []string{"[]"}, "", 0},
		{"metadata whole renders empty", `{"template": {"source": "[{{metadata}}]"}}`, bob, []string{"[]"}, "", 0},
		{"missing variable", `{"template": {"source": "{{nope}}"}}`, bob, []string{""}, "", 0},
		{"groups toString", `{"template": {"source": "{{groups}}"}}`, bob, []string{"[admins, cn=devs,dc=example,dc=com]"}, "", 0},
		{"groups size", `{"template": {"source": "{{groups.size}}"}}`, bob, []string{"2"}, "", 0},
		{"groups tojson", `{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}`, bob, []string{"admins", "cn=devs,dc=example,dc=com"}, "", 0},
		{"groups section", `{"template": {"source": "[{{#groups}}\"g-{{.}}\",{{/groups}}\"x\"]"}, "format": "json"}`, bob, []string{"g-admins", "g-cn=devs,dc=example,dc=com", "x"}, "", 0},
		{"join", `{"template": {"source": "{{#join delimiter=';'}}groups{{/join delimiter=';'}}"}}`, bob, []string{"admins;cn=devs,dc=example,dc=com"}, "", 0},
		{"join scalar emits inner text", `{"template": {"source": "{{#join}}metadata.dept{{/join}}"}}`, bob, []string{"metadata.dept"}, "", 0},
		{"tojson scalar unquoted", `{"template": {"source": "{{#tojson}}metadata.quote{{/tojson}}"}}`, bob, []string{`x"y\z`}, "", 0},
		{"json escaping in string format", `{"template": {"source": "{{metadata.quote}}"}}`, bob, []string{`x\"y\\z`}, "", 0},
		{"raw with triple mustache", `{"template": {"source": "{{{metadata.quote}}}"}}`, bob, []string{`x"y\z`}, "", 0},
		{"text/plain", `{"template": {"source": "{{metadata.quote}}", "options": {"content_type": "text/plain"}}}`, bob, []string{`x"y\z`}, "", 0},
		{"url encoded content type", `{"template": {"source": "{{dn}}", "options": {"content_type": "application/x-www-form-urlencoded"}}}`, bob, []string{"cn%3Dbob%2Cou%3Dpeople%2Cdc%3Dexample%2Cdc%3Dcom"}, "", 0},
		{"json array with escaping", `{"template": {"source": "[\"{{metadata.quote}}\"]"}, "format": "json"}`, bob, []string{`x"y\z`}, "", 0},
		{"whitespace string is truthy", `{"template": {"source": "{{#metadata.space}}yes{{/metadata.space}}"}}`, bob, []string{"yes"}, "", 0},
		{"empty list falsey", `{"template": {"source": "{{^metadata.emptylist}}none{{/metadata.emptylist}}"}}`, bob, []string{"none"}, "", 0},
		{"params", `{"template": {"source": "{{prefix}}{{username}}", "params": {"prefix": "p_", "username": "ignored"}}}`, bob, []string{"p_bob"}, "", 0},
		{"object source", `{"template": {"source": {"a": "{{username}}", "q": "{{metadata.quote}}"}}}`, bob, []string{`{"a":"bob","q":"x\"y\\z"}`}, "", 0},
		{"string form bare string", `{"template": "\"r_{{username}}\""}`, bob, []string{"r_bob"}, "", 0},
		{"empty output is a role", `{"template": {"source": ""}}`, bob, []string{""}, "", 0},

		// format json.
		{"json nulls dropped", `{"template": {"source": "[null, \"a\", null]"}, "format": "json"}`, bob, []string{"a"}, "", 0},
		{"json empty array", `{"template": {"source": "[]"}, "format": "json"}`, bob, []string{}, "", 0},
		{"json comments allowed", `{"template": {"source": "/* c */ [\"a\"] // x"}, "format": "json"}`, bob, []string{"a"}, "", 0},
		{"json trailing text ignored", `{"template": {"source": "\"a\" b"}, "format": "json"}`, bob, []string{"a"}, "", 0},
		{"json integer", `{"template": {"source": "[\"a\", 3]"}, "format": "json"}`, bob, nil, "Roles array may only contain strings but found [java.lang.Integer] [3]", StageOutput},
		{"json long", `{"template": {"source": "[5000000000]"}, "format": "json"}`, bob, nil, "found [java.lang.Long] [5000000000]", StageOutput},
		{"json biginteger", `{"template": {"source": "[50000000000000000000]"}, "format": "json"}`, bob, nil, "found [java.math.BigInteger] [50000000000000000000]", StageOutput},
		{"json double", `{"template": {"source": "[1e2]"}, "format": "json"}`, bob, nil, "found [java.lang.Double] [100.0]", StageOutput},
		{"json boolean", `{"template": {"source": "[true]"}, "format": "json"}`, bob, nil, "found [java.lang.Boolean] [true]", StageOutput},
		{"json array element", `{"template": {"source": "[[\"a\", 1]]"}, "format": "json"}`, bob, nil, "found [java.util.ArrayList] [[a, 1]]", StageOutput},
		{"json object element", `{"template": {"source": "[{\"a\": 1}]"}, "format": "json"}`, bob, nil, "found [java.util.HashMap] [{a=1}]", StageOutput},
		{"json empty output", `{"template": {"source": "{{nope}}"}, "format": "json"}`, bob, nil, "Roles template must generate a string or an array of strings, but found [null]", StageOutput},
		{"json number", `{"template": {"source": "42"}, "format": "json"}`, bob, nil, "but found [VALUE_NUMBER]", StageOutput},
		{"json boolean output", `{"template": {"source": "{{metadata.active}}"}, "format": "json"}`, bob, nil, "but found [VALUE_BOOLEAN]", StageOutput},
		{"json not json", `{"template": {"source": "{{username}}"}, "format": "json"}`, bob, nil, "Unrecognized token 'bob'", StageOutput},
		{"json unterminated", `{"template": {"source": "[\"a\""}, "format": "json"}`, bob, nil, "Unexpected end-of-input", StageOutput},

		// Runtime failures fail the whole resolution.
		{"index out of range", `{"template": {"source": "{{groups.5}}"}}`, bob, nil, "Failed to get value for groups.5", StageRuntime},
		{"stored unknown", `{"template": {"id": "my-script"}}`, bob, nil, "stored script [my-script] is not available offline", StageOffline},
		{"invalid shape", `{"template": {"source": "x"}, "format": "yml"}`, bob, nil, "Invalid format [yml]", StageParse},
		{"invalid script", `{"template": {"source": "x", "foo": 1}}`, bob, nil, "[script] unknown field [foo]", StageScript},
		{"syntax error", `{"template": {"source": "{{#a}}"}}`, bob, nil, "Failed to close 'a' tag", StageCompile},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmpl, _ := Parse(mustLoad(t, tc.template))
			roles, err := tmpl.Roles(tc.user.Model())
			if tc.err != "" {
				e, ok := err.(*Error)
				if !ok || !strings.Contains(e.Message, tc.err) || e.Stage != tc.stage {
					t.Fatalf("Roles = %q, %v; want a %v error containing %q", roles, err, tc.stage, tc.err)
				}
				if e.Advice == "" && e.Stage != StageOffline {
					t.Errorf("error without advice: %v", e)
				}
				return
			}
			if err != nil {
				t.Fatalf("Roles: %v", err)
			}
			if !slices.Equal(roles, tc.want) || roles == nil {
				t.Errorf("Roles = %q, want %q", roles, tc.want)
			}
		})
	}
}

func TestModel(t *testing.T) {
	m := bob.Model()
	if m["username"] != "bob" || m["dn"] != *bob.DN || m["realm.name"] != "ldap1" || m["metadata.dept"] != "eng" {
		t.Errorf("model %v", m)
	}
	if _, ok := m["metadata"]; ok {
		t.Errorf("model has a metadata field")
	}
	noDN := UserData{Username: "x"}.Model()
	if _, ok := noDN["dn"]; ok {
		t.Errorf("user without DN has a dn field")
	}
	if g, ok := noDN["groups"].([]string); !ok || g == nil || len(g) != 0 {
		t.Errorf("groups %#v, want an empty list", noDN["groups"])
	}
}

func TestRootScopePrintsModel(t *testing.T) {
	tmpl, _ := Parse(mustLoad(t, `{"template": {"source": "{{#toJson}}.{{/toJson}}", "params": {"p": 1}}}`))
	roles, err := tmpl.Roles(UserData{Username: "u", RealmName: "r"}.Model())
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(roles[0]), &got); err != nil {
		t.Fatalf("%q: %v", roles[0], err)
	}
	want := map[string]any{"p": 1.0, "username": "u", "groups": []any{}, "realm.name": "r"}
	if len(got) != len(want) || got["username"] != "u" || got["p"] != 1.0 || got["realm.name"] != "r" {
		t.Errorf("root scope %v, want %v", got, want)
	}
}

func TestConcurrentRoles(t *testing.T) {
	tmpl, _ := Parse(mustLoad(t, `{"template": {"source": "[{{#groups}}\"{{.}}\",{{/groups}}\"{{metadata.dept}}\"]", "params": {"p": {"a": [1]}}}, "format": "json"}`))
	done := make(chan []string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			roles, err := tmpl.Roles(bob.Model())
			if err != nil {
				roles = []string{err.Error()}
			}
			done <- roles
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !slices.Equal(got, []string{"admins", "cn=devs,dc=example,dc=com", "eng"}) {
			t.Errorf("Roles = %q", got)
		}
	}
}
