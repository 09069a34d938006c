package produce

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/template"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

// Random templates built from the constructs the analysis models, with
// literal text rich in JSON and escaping characters.

var (
	propLiterals = []string{"a", "b", "-", "_", " ", `"`, `\`, "/", "*", ",", "[", "]", "{", "}", "\n", "x", `\"`, `\u0041`, "//", "/*", "*/", `", "`, "null", "1", "é"}
	propValues   = []string{"{{username}}", "{{{username}}}", "{{& realm.name}}", "{{dn}}", "{{groups}}", "{{.}}", "{{metadata.a}}",
		"{{{metadata.b}}}", "{{metadata.a.x}}", "{{groups.size}}", "{{groups.0}}", "{{p}}", "{{p.k}}", "{{name}}", "{{size}}", "{{realm.name}}",
		"{{! note }}", "{{#toJson}}groups{{/toJson}}", "{{#toJson}}metadata.a{{/toJson}}", "{{#toJson}}.{{/toJson}}", "{{#toJson}}p{{/toJson}}",
		"{{#join}}groups{{/join}}", "{{#join delimiter='|'}}metadata.a{{/join delimiter='|'}}", "{{#join}}{{username}}{{/join}}", "{{#join}}p{{/join}}",
		"{{metadata.a.0}}", "{{metadata.a.size}}", "{{p.0}}", "{{#join}}.{{/join}}", "{{#toJson}}name{{/toJson}}", "{{.}}{{#.}}{{.}}{{/.}}",
		"{{=<% %>=}}<%username%><%={{ }}=%>", "{{ username }}", "{{#toJson}}{{#groups}}x{{/groups}}{{/toJson}}"}
	propSections = []string{"groups", "metadata.a", "metadata.b", "dn", "p", "username", "name", "url", "$blk", ".", "metadata.a.x", "x"}
	propUsers    = []string{"bob", "superuser", `a"b`, `x\y`, "a/b", "*", "/*", "", "é", "a b", "\n", `","`, "*/"}
)

func genSource(r *rand.Rand, depth int) string {
	var b strings.Builder
	n := r.IntN(4) + 1
	for range n {
		switch k := r.IntN(10); {
		case k < 4:
			b.WriteString(propLiterals[r.IntN(len(propLiterals))])
		case k < 8 || depth == 0:
			b.WriteString(propValues[r.IntN(len(propValues))])
		default:
			name := propSections[r.IntN(len(propSections))]
			open, closeName := "#", name
			if strings.HasPrefix(name, "$") {
				open, closeName = "$", name[1:]
				name = name[1:]
			} else if r.IntN(3) == 0 && name != "url" {
				open = "^"
			}
			b.WriteString("{{" + open + name + "}}" + genSource(r, depth-1) + "{{/" + closeName + "}}")
		}
	}
	return b.String()
}

// genJSONSource builds a template that renders JSON arrays more often.
func genJSONSource(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return genSource(r, 2)
	case 1:
		return "{{#toJson}}groups{{/toJson}}"
	}
	var items []string
	for range r.IntN(3) + 1 {
		switch r.IntN(4) {
		case 0:
			items = append(items, genSource(r, 1))
		case 1:
			items = append(items, "{{#groups}}\""+genSource(r, 0)+"\",{{/groups}}\"z\"")
		default:
			items = append(items, "\""+genSource(r, 1)+"\"")
		}
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func genBody(r *rand.Rand) string {
	script := map[string]any{}
	format := "string"
	if r.IntN(2) == 0 {
		format = "json"
		script["source"] = genJSONSource(r)
	} else {
		script["source"] = genSource(r, 2)
	}
	switch r.IntN(5) {
	case 0:
		script["options"] = map[string]any{"content_type": "text/plain"}
	case 1:
		script["options"] = map[string]any{"content_type": "application/x-www-form-urlencoded"}
	}
	params := []any{"s", []any{"x", "y"}, map[string]any{"k": "v"}, 3, true, nil}
	if r.IntN(2) == 0 {
		script["params"] = map[string]any{"p": params[r.IntN(len(params))]}
	}
	body, _ := json.Marshal(map[string]any{"template": script, "format": format})
	return string(body)
}

func genMeta(r *rand.Rand) any {
	pool := []any{"bob", `q"`, "/", json.Number("3"), json.Number("1.5"), true, false, nil, "",
		[]any{"m1", `a"b`}, []any{}, map[string]any{"name": "superuser", "x": "n"}, []any{[]any{"z"}},
		[]any{nil, "y"}, map[string]any{"x": []any{"k"}, "size": "s"}}
	return pool[r.IntN(len(pool))]
}

func genUser(r *rand.Rand) template.UserData {
	pick := func() string { return propUsers[r.IntN(len(propUsers))] }
	u := template.UserData{Username: pick(), RealmName: pick()}
	if r.IntN(2) == 0 {
		dn := pick()
		u.DN = &dn
	}
	seen := map[string]bool{}
	for range r.IntN(4) {
		g := pick()
		if !seen[g] {
			seen[g] = true
			u.Groups = append(u.Groups, g)
		}
	}
	u.Metadata = map[string]any{}
	if r.IntN(3) > 0 {
		u.Metadata["a"] = genMeta(r)
	}
	if r.IntN(3) > 0 {
		u.Metadata["b"] = genMeta(r)
	}
	if r.IntN(4) == 0 {
		u.Metadata["a.x"] = genMeta(r)
	}
	return u
}

// pinnedVars are the languages of exactly this user's values.
func pinnedVars(u template.UserData) Vars {
	m := map[string]*automaton.Automaton{
		"username":   automaton.Literal(u.Username),
		"realm.name": automaton.Literal(u.RealmName),
		"dn":         automaton.Empty(),
		"groups":     automaton.Empty(),
	}
	if u.DN != nil {
		m["dn"] = automaton.Literal(*u.DN)
	}
	union := func(ss []string) *automaton.Automaton {
		parts := make([]*automaton.Automaton, len(ss))
		for i, s := range ss {
			parts[i] = automaton.Literal(s)
		}
		a, _ := automaton.Union(parts...)
		return a
	}
	m["groups"] = union(u.Groups)
	for k, v := range u.Metadata {
		var texts []string
		ok := true
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case nil:
			case []any:
				for _, it := range x {
					walk(it)
				}
			case map[string]any:
				ok = false
			default:
				texts = append(texts, java.Stringify(java.FromGo(x)))
			}
		}
		walk(v)
		m["metadata."+k] = nil // a map: any value
		if ok {
			m["metadata."+k] = union(texts)
		}
	}
	return func(name string) *automaton.Automaton {
		if a, ok := m[name]; ok {
			return a
		}
		if strings.HasPrefix(name, "metadata.") {
			return automaton.Empty()
		}
		return nil
	}
}

// TestRoleLanguageSound checks, for random templates and users, that
// every role Elasticsearch's engine gives is in RoleLanguage and never
// gets a No from CanProduce, with free and with pinned variables.
func TestRoleLanguageSound(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 1500
	if testing.Short() {
		n = 300
	}
	checked, limited := 0, 0
	for range n {
		body := genBody(r)
		tmpl := parseT(t, body)
		free, err := RoleLanguage(tmpl, nil, automaton.Ops{})
		if errors.Is(err, automaton.ErrBudget) {
			limited++
			continue
		}
		if err != nil {
			t.Fatalf("%s: RoleLanguage: %v", body, err)
		}
		for range 4 {
			u := genUser(r)
			roles, rerr := tmpl.Roles(u.Model())
			if rerr != nil {
				continue
			}
			vars := pinnedVars(u)
			pinned, err := RoleLanguage(tmpl, vars, automaton.Ops{})
			if err != nil && !errors.Is(err, automaton.ErrBudget) {
				t.Fatalf("%s: RoleLanguage(pinned): %v", body, err)
			}
			for _, role := range roles {
				checked++
				if !free.Match(role) {
					t.Fatalf("%s\nuser %+v gets role %q, missing from RoleLanguage(nil)", body, u, role)
				}
				if pinned != nil && !pinned.Match(role) {
					t.Fatalf("%s\nuser %+v gets role %q, missing from RoleLanguage(pinned)", body, u, role)
				}
				for _, v := range []Vars{nil, vars} {
					p, err := CanProduce(tmpl, role, v, automaton.Ops{})
					if err != nil && !errors.Is(err, automaton.ErrBudget) {
						t.Fatalf("%s: CanProduce: %v", body, err)
					}
					if p.Answer == No {
						t.Fatalf("%s\nuser %+v gets role %q, but CanProduce (pinned %v) says no: %s", body, u, role, v != nil, p.Reason)
					}
					if p.Answer == Yes {
						got, err := tmpl.Roles(p.User.Model())
						if err != nil || !contains(got, role) {
							t.Fatalf("%s\nexample user %+v for %q gets %q (%v)", body, *p.User, role, got, err)
						}
					}
				}
			}
		}
	}
	if checked < n {
		t.Errorf("only %d roles checked", checked)
	}
	if limited > n/20 {
		t.Errorf("%d of %d templates hit the analysis bounds", limited, n)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
