package produce

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/template"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// pin builds Vars from fixed languages; fields not listed are free.
func pin(m map[string]*automaton.Automaton) Vars {
	return func(name string) *automaton.Automaton { return m[name] }
}

func lit(s string) *automaton.Automaton { return automaton.Literal(s) }

func wild(t testing.TB, p string) *automaton.Automaton {
	t.Helper()
	a, err := automaton.CompileWildcard(p, automaton.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func parseT(t testing.TB, body string) *template.Template {
	t.Helper()
	tmpl, _ := template.Parse(mustLoad(t, body))
	return tmpl
}

// probe is one role name and the expected CanProduce answer.
type probe struct {
	role string
	want Answer
}

func TestCanProduce(t *testing.T) {
	bobOnly := pin(map[string]*automaton.Automaton{"username": lit("bob")})
	tests := []struct {
		name   string
		body   string
		vars   Vars
		probes []probe
		reason string // substring of the reason of the first probe
	}{
		{"prefixed username", `{"template": {"source": "_user_{{username}}"}}`, nil,
			[]probe{{"superuser", No}, {"_user_superuser", Yes}, {"_user_", Yes}, {"_user", No}}, "no value of username"},
		{"username unpinned", `{"template": {"source": "{{username}}"}}`, nil,
			[]probe{{"superuser", Yes}, {"", Yes}, {"a b", Yes}}, `{{username}} copies the username into the role name: a user with username "superuser"`},
		{"username pinned", `{"template": {"source": "{{username}}"}}`, bobOnly,
			[]probe{{"superuser", No}, {"bob", Yes}}, "no value of username"},
		{"username pinned by a wildcard", `{"template": {"source": "{{username}}"}}`,
			pin(map[string]*automaton.Automaton{"username": wild(t, "*@corp")}),
			[]probe{{"superuser", No}, {"a@corp", Yes}, {"@corp", Yes}, {"a@corpx", No}}, ""},
		{"realm pinned", `{"template": {"source": "{{realm.name}}"}}`,
			pin(map[string]*automaton.Automaton{"realm.name": lit("saml1")}),
			[]probe{{"superuser", No}, {"saml1", Yes}}, "no value of realm.name"},
		{"tojson groups", `{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}`, nil,
			[]probe{{"superuser", Yes}, {`a"b\c`, Yes}, {"x y", Yes}}, `{{#tojson}}groups{{/tojson}} turns the group names into roles: a user with group "superuser" gets role "superuser"`},
		{"tojson groups pinned", `{"template": {"source": "{{#toJson}}groups{{/toJson}}"}, "format": "json"}`,
			pin(map[string]*automaton.Automaton{"groups": wild(t, "team-*")}),
			[]probe{{"superuser", No}, {"team-a", Yes}}, ""},
		{"join groups", `{"template": {"source": "{{#join}}groups{{/join}}"}}`, nil,
			[]probe{{"superuser", Yes}, {"a,b", Yes}, {"", Yes}}, `{{#join}}groups{{/join}} joins the group names into the role name`},
		{"join with delimiter", `{"template": {"source": "{{#join delimiter=' '}}groups{{/join delimiter=' '}}"}}`,
			pin(map[string]*automaton.Automaton{"groups": wild(t, "g*")}),
			[]probe{{"ga gb", Yes}, {"superuser", No}, {"ga,gb", Yes}}, ""},
		{"json array with username", `{"template": {"source": "[\"{{username}}\", \"viewer\"]"}, "format": "json"}`, nil,
			[]probe{{"superuser", Yes}, {"viewer", Yes}, {`a"b`, Yes}}, ""},
		{"json array with pinned username", `{"template": {"source": "[\"{{username}}\", \"viewer\"]"}, "format": "json"}`, bobOnly,
			[]probe{{"superuser", No}, {"viewer", Yes}, {"bob", Yes}, {"bob\", \"viewer", No}}, ""},
		{"metadata suffix", `{"template": {"source": "team_{{metadata.team}}"}}`, nil,
			[]probe{{"superuser", No}, {"team_x", Yes}, {"team_", Yes}, {"team_[a, b]", Yes}}, "no value of metadata.team"},
		{"section repeats a literal", `{"template": {"source": "{{#groups}}x{{/groups}}"}}`, nil,
			[]probe{{"superuser", No}, {"", Yes}, {"x", Yes}, {"xx", Yes}, {"xxx", Yes}, {"y", No}}, "no value of groups"},
		{"section element", `{"template": {"source": "{{#groups}}<{{.}}>{{/groups}}"}}`, nil,
			[]probe{{"<superuser>", Yes}, {"superuser", No}, {"<a><b>", Yes}}, ""},
		{"inverted section", `{"template": {"source": "{{^groups}}nogroups{{/groups}}"}}`, nil,
			[]probe{{"nogroups", Yes}, {"", Yes}, {"superuser", No}}, ""},
		{"inverted section, no groups", `{"template": {"source": "{{^groups}}nogroups{{/groups}}"}}`,
			pin(map[string]*automaton.Automaton{"groups": automaton.Empty()}),
			[]probe{{"nogroups", Yes}, {"", No}}, ""},
		{"triple mustache", `{"template": {"source": "{{{username}}}"}}`, nil,
			[]probe{{"superuser", Yes}, {`a"b`, Yes}}, "copies the username unescaped"},
		{"ampersand unescaped in json", `{"template": {"source": "[\"{{& username}}\"]"}, "format": "json"}`, nil,
			[]probe{{"superuser", Yes}}, ""},
		{"unescaped but pinned in json", `{"template": {"source": "[\"{{{username}}}\"]"}, "format": "json"}`, bobOnly,
			[]probe{{"superuser", No}, {"bob", Yes}}, ""},
		{"json escaping in string format", `{"template": {"source": "{{username}}"}}`, nil,
			[]probe{{`a"b`, No}, {`a\"b`, Yes}, {`a\c`, No}, {`a\\b`, Yes}, {"a\nb", No}, {`a\nb`, Yes}, {`a\b`, Yes}}, ""},
		{"text/plain", `{"template": {"source": "{{username}}", "options": {"content_type": "text/plain"}}}`, nil,
			[]probe{{`a"b`, Yes}, {"superuser", Yes}}, ""},
		{"text/plain json", `{"template": {"source": "[\"r-{{username}}\"]", "options": {"content_type": "text/plain"}}, "format": "json"}`, bobOnly,
			[]probe{{"r-bob", Yes}, {"superuser", No}}, ""},
		{"url encoded", `{"template": {"source": "{{dn}}", "options": {"content_type": "application/x-www-form-urlencoded"}}}`, nil,
			[]probe{{"cn%3Dbob", Yes}, {"cn=bob", No}, {"a+b", Yes}, {"a b", No}, {"", Yes}}, ""},
		{"url function", `{"template": {"source": "{{#url}}{{username}}{{/url}}"}}`, nil,
			[]probe{{"superuser", Yes}, {"a+b", Yes}, {"a b", No}, {"%22", No}, {"%5C%22", Yes}}, ""},
		{"collection printed", `{"template": {"source": "{{groups}}"}}`, nil,
			[]probe{{"[superuser]", Yes}, {"superuser", No}, {"[]", Yes}, {"[a, b]", Yes}}, ""},
		{"groups size", `{"template": {"source": "n{{groups.size}}"}}`, nil,
			[]probe{{"n2", Yes}, {"nx", No}}, ""},
		{"comments hide quotes", `{"template": {"source": "/* \"superuser\" */ [\"viewer\"] // \"admin\""}, "format": "json"}`, nil,
			[]probe{{"superuser", No}, {"admin", No}, {"viewer", Yes}}, ""},
		{"escapes in json literal", `{"template": {"source": "[\"\\u0073uper\\\\user\"]"}, "format": "json"}`, nil,
			[]probe{{`super\user`, Yes}, {"superuser", No}}, ""},
		{"section of json strings", `{"template": {"source": "[{{#groups}}\"g-{{.}}\",{{/groups}}\"x\"]"}, "format": "json"}`, nil,
			[]probe{{"g-superuser", Yes}, {"superuser", No}, {"x", Yes}}, ""},
		{"tojson metadata", `{"template": {"source": "{{#toJson}}metadata.roles{{/toJson}}"}, "format": "json"}`, nil,
			[]probe{{"superuser", Yes}}, "metadata roles"},
		{"params", `{"template": {"source": "{{r}}-{{username}}", "params": {"r": "p"}}}`, bobOnly,
			[]probe{{"p-bob", Yes}, {"superuser", No}, {"-bob", No}}, ""},
		{"params overridden by the model", `{"template": {"source": "{{username}}", "params": {"username": "superuser"}}}`, bobOnly,
			[]probe{{"superuser", No}, {"bob", Yes}}, ""},
		{"dn absent or pinned", `{"template": {"source": "{{dn}}"}}`, pin(map[string]*automaton.Automaton{"dn": lit("cn=a")}),
			[]probe{{"cn=a", Yes}, {"", Yes}, {"superuser", No}}, ""},
		{"nested metadata path renders empty", `{"template": {"source": "x{{metadata.a.b}}"}}`, pin(map[string]*automaton.Automaton{"metadata.a.b": lit("c")}),
			[]probe{{"x", Yes}, {"xc", Yes}, {"xsuperuser", No}}, ""},
		{"metadata map section", `{"template": {"source": "{{#metadata.m}}{{name}}{{/metadata.m}}"}}`, nil,
			[]probe{{"superuser", Yes}}, ""},
		{"json section closing and opening strings", `{"template": {"source": "[\"a{{#groups}}\", \"{{/groups}}b\"]"}, "format": "json"}`, nil,
			[]probe{{"superuser", No}, {"a", Yes}, {"b", Yes}, {"ab", Yes}, {"", Yes}}, ""},
		{"unbalanced json section", `{"template": {"source": "[\"x{{#groups}}\"{{/groups}}\"]"}, "format": "json"}`, nil,
			[]probe{{"superuser", Unknown}, {"x", Yes}}, "takes its structure from user values"},
		{"unescaped json from a section element", `{"template": {"source": "{{#groups}}{{#toJson}}.{{/toJson}}{{/groups}}"}, "format": "json"}`, nil,
			[]probe{{"superuser", Yes}}, `a user with group "\"superuser\""`},
		{"tojson in string format", `{"template": {"source": "{{#toJson}}groups{{/toJson}}"}}`, nil,
			[]probe{{`["superuser"]`, Yes}, {"superuser", No}, {"[]", Yes}}, ""},
		{"invalid template", `{"template": {"source": "{{#groups}}x"}}`, nil,
			[]probe{{"superuser", No}, {"x", No}}, "cannot compile"},
		{"stored template", `{"template": {"id": "roles"}}`, nil,
			[]probe{{"superuser", Unknown}}, "stored script [roles] is not available offline"},
		{"nobody matches", `{"template": {"source": "viewer"}}`, pin(map[string]*automaton.Automaton{"username": automaton.Empty()}),
			[]probe{{"viewer", No}}, "no user matches"},
		{"fixed role", `{"template": {"source": "viewer"}}`, nil,
			[]probe{{"viewer", Yes}, {"superuser", No}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmpl := parseT(t, tc.body)
			for i, p := range tc.probes {
				got, err := CanProduce(tmpl, p.role, tc.vars, automaton.Ops{})
				if err != nil {
					t.Fatalf("CanProduce(%q): %v", p.role, err)
				}
				if got.Answer != p.want {
					t.Errorf("CanProduce(%q) = %v (%s), want %v", p.role, got.Answer, got.Reason, p.want)
				}
				if got.Reason == "" {
					t.Errorf("CanProduce(%q): no reason", p.role)
				}
				if i == 0 && tc.reason != "" && !strings.Contains(got.Reason, tc.reason) {
					t.Errorf("CanProduce(%q) reason %q does not contain %q", p.role, got.Reason, tc.reason)
				}
				if got.Answer == Yes {
					checkWitness(t, tmpl, p.role, tc.vars, got.User)
					for _, u := range got.Uses {
						if !strings.Contains(got.Reason, u.Text) {
							t.Errorf("CanProduce(%q): reason %q does not cite use %q", p.role, got.Reason, u.Text)
						}
					}
				} else if got.User != nil || got.Uses != nil {
					t.Errorf("CanProduce(%q) = %v with a user", p.role, got.Answer)
				}
			}
		})
	}
}

// checkWitness renders the template for the example user and checks the
// user fits the vars.
func checkWitness(t *testing.T, tmpl *template.Template, role string, vars Vars, u *template.UserData) {
	t.Helper()
	if u == nil {
		t.Fatalf("CanProduce(%q) = yes without a user", role)
	}
	roles, err := tmpl.Roles(u.Model())
	if err != nil || !slices.Contains(roles, role) {
		t.Errorf("example user %+v gets %q (%v), not %q", *u, roles, err, role)
	}
	if vars == nil {
		return
	}
	check := func(field, v string) {
		if l := vars(field); l != nil && !l.Match(v) {
			t.Errorf("example user has %s %q outside the vars", field, v)
		}
	}
	check("username", u.Username)
	check("realm.name", u.RealmName)
	if u.DN != nil {
		check("dn", *u.DN)
	}
	for _, g := range u.Groups {
		check("groups", g)
	}
}

func TestRoleLanguage(t *testing.T) {
	re := func(s string) *automaton.Automaton {
		a, err := automaton.CompileRegexp(s, automaton.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	tests := []struct {
		name string
		body string
		vars Vars
		want *automaton.Automaton
	}{
		{"literal", `{"template": {"source": "viewer"}}`, nil, lit("viewer")},
		{"prefixed username, pinned", `{"template": {"source": "_user_{{username}}"}}`,
			pin(map[string]*automaton.Automaton{"username": lit("bob")}), lit("_user_bob")},
		{"prefixed username", `{"template": {"source": "_user_{{username}}"}}`, nil,
			re(`_user_([^"\\` + "\x00-\x1f" + `]|\\["\\bfnrt]|\\u00[01][0-9A-F])*`)},
		{"unescaped username", `{"template": {"source": "_user_{{{username}}}"}}`, nil, re(`_user_.*`)},
		{"wildcard username", `{"template": {"source": "{{{username}}}"}}`,
			pin(map[string]*automaton.Automaton{"username": wild(t, "*@corp")}), wild(t, "*@corp")},
		{"wildcard username escaped", `{"template": {"source": "{{username}}"}}`,
			pin(map[string]*automaton.Automaton{"username": wild(t, "*@corp")}),
			re(`([^"\\` + "\x00-\x1f" + `]|\\["\\bfnrt]|\\u00[01][0-9A-F])*\@corp`)},
		{"pinned escape-free username", `{"template": {"source": "{{username}}"}}`,
			pin(map[string]*automaton.Automaton{"username": re("[a-z]+")}), re("[a-z]+")},
		{"json array of pinned values", `{"template": {"source": "[\"{{username}}\", \"{{{realm.name}}}\", \"v\"]"}, "format": "json"}`,
			pin(map[string]*automaton.Automaton{"username": wild(t, "*@corp"), "realm.name": re("r[0-9]+")}),
			re(`.*\@corp|r[0-9]+|v`)},
		{"section", `{"template": {"source": "{{#groups}}x{{/groups}}"}}`, nil, re("x*")},
		{"inverted", `{"template": {"source": "{{^groups}}none{{/groups}}"}}`, nil, re("(none)?")},
		{"json array", `{"template": {"source": "[\"a\", \"{{realm.name}}\"]"}, "format": "json"}`,
			pin(map[string]*automaton.Automaton{"realm.name": lit("r1")}), re("a|r1")},
		{"tojson pinned groups", `{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}`,
			pin(map[string]*automaton.Automaton{"groups": re("g[0-9]")}), re("g[0-9]")},
		{"tojson groups", `{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}`, nil, automaton.Any()},
		{"unbalanced json", `{"template": {"source": "[\"{{#groups}}\"{{/groups}}]"}, "format": "json"}`, nil, automaton.Any()},
		{"invalid", `{"template": {"source": "{{/x}}"}}`, nil, automaton.Empty()},
		{"json string", `{"template": {"source": "\"{{username}}\""}, "format": "json"}`,
			pin(map[string]*automaton.Automaton{"username": re("[a-z]+")}), re("[a-z]+")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := RoleLanguage(parseT(t, tc.body), tc.vars, automaton.Ops{})
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				w, _ := got.Witness()
				t.Errorf("RoleLanguage differs from the expected language (a shortest string: %q)", w)
			}
		})
	}
}

func TestRoleLanguageUnknown(t *testing.T) {
	_, err := RoleLanguage(parseT(t, `{"template": {"id": "s1"}}`), nil, automaton.Ops{})
	var te *template.Error
	if !errors.As(err, &te) || te.Stage != template.StageOffline {
		t.Fatalf("stored template: err = %v, want an offline *template.Error", err)
	}
	deep := strings.Repeat("{{#a}}", 600) + strings.Repeat("{{/a}}", 600)
	_, err = RoleLanguage(parseT(t, `{"template": {"source": "`+deep+`"}}`), nil, automaton.Ops{})
	if !errors.As(err, &te) || te.Stage != template.StageOffline {
		t.Fatalf("template beyond the engine's nesting bound: err = %v, want an offline *template.Error", err)
	}
	p, err := CanProduce(parseT(t, `{"template": {"source": "`+deep+`"}}`), "x", nil, automaton.Ops{})
	if err != nil || p.Answer != Unknown {
		t.Fatalf("CanProduce = %v, %v; want unknown", p, err)
	}
}

func TestAnalysisBounded(t *testing.T) {
	nest := func(open, inner, closeTag string, n int) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(closeTag, n)
	}
	bodies := []string{
		`{"template": {"source": "` + nest("{{#groups}}", "{{.}}x", "{{/groups}}", 500) + `"}}`,
		`{"template": {"source": "` + nest("{{#groups}}\\\"", "{{.}}", "\\\"{{/groups}}", 500) + `"}, "format": "json"}`,
		`{"template": {"source": "[` + nest("{{#metadata.a}}", "\\\"{{name}}\\\"", "{{/metadata.a}}", 500) + `]"}, "format": "json"}`,
		`{"template": {"source": "` + nest("{{^groups}}", "y", "{{/groups}}", 500) + `"}}`,
		`{"template": {"source": "` + strings.Repeat("{{#groups}}{{.}}{{/groups}}\\\"", 2000) + `"}, "format": "json"}`,
		`{"template": {"source": "` + strings.Repeat("{{username}}", 3000) + `"}}`,
	}
	for i, body := range bodies {
		tmpl := parseT(t, body)
		start := time.Now()
		a, err := RoleLanguage(tmpl, nil, automaton.Ops{MaxStates: 10000})
		if err != nil && !errors.Is(err, automaton.ErrBudget) {
			t.Errorf("%d: RoleLanguage: unexpected error %v", i, err)
		}
		if err == nil && a.Match("superuser") && i == 0 {
			t.Errorf("%d: superuser in the language of a template that always ends with x", i)
		}
		p, err := CanProduce(tmpl, "superuser", nil, automaton.Ops{MaxStates: 10000})
		if err != nil && !errors.Is(err, automaton.ErrBudget) {
			t.Errorf("%d: CanProduce: unexpected error %v", i, err)
		}
		if i == 0 && p.Answer != No {
			t.Errorf("%d: CanProduce = %v (%s), want no", i, p.Answer, p.Reason)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%d: took %v", i, d)
		}
	}
}

func TestVariables(t *testing.T) {
	tmpl := parseT(t, `{"template": {"source": "a{{username}}{{#groups}}{{{.}}}{{/groups}}{{^dn}}-{{/dn}}{{#tojson}}metadata.x{{/tojson}}{{#join delimiter=';'}}groups{{/join delimiter=';'}}{{p}}{{#url}}{{dn}}{{/url}}", "params": {"p": 1}}}`)
	got := Variables(tmpl)
	type row struct {
		name, text string
		kind       VarKind
		fields     []string
	}
	want := []row{
		{"username", "{{username}}", VarValue, []string{"username"}},
		{"groups", "{{#groups}}", VarSection, []string{"groups"}},
		{".", "{{{.}}}", VarRawValue, []string{"groups"}},
		{"dn", "{{^dn}}", VarInverted, []string{"dn"}},
		{"metadata.x", "{{#tojson}}metadata.x{{/tojson}}", VarToJSON, []string{"metadata.x"}},
		{"groups", "{{#join delimiter=';'}}groups{{/join delimiter=';'}}", VarJoin, []string{"groups"}},
		{"p", "{{p}}", VarValue, nil},
		{"", "{{#url}}", VarURL, nil},
		{"dn", "{{dn}}", VarValue, []string{"dn"}},
	}
	if len(got) != len(want) {
		t.Fatalf("Variables() = %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.name || g.Text != w.text || g.Kind != w.kind || !slices.Equal(g.Fields, w.fields) || g.Line != 1 {
			t.Errorf("use %d = %+v, want %+v", i, g, w)
		}
		if !g.Exact || spanText(g.Span) != w.text {
			t.Errorf("use %d span %q (exact %v), want %q", i, spanText(g.Span), g.Exact, w.text)
		}
	}
	// A source written with escapes gets the whole source's span.
	esc := Variables(parseT(t, `{"template": {"source": "[\"{{username}}\"]"}, "format": "json"}`))
	if len(esc) != 1 || esc[0].Exact || esc[0].Text != "{{username}}" || spanText(esc[0].Span) != `"[\"{{username}}\"]"` {
		t.Errorf("escaped source: %+v", esc)
	}
	// Delimiter changes and lines.
	dl := Variables(parseT(t, `{"template": {"source": "x\n{{=<% %>=}}\n<%#groups%><%.%><%/groups%>"}}`))
	if len(dl) != 2 || dl[0].Text != "<%#groups%>" || dl[0].Line != 3 || dl[1].Text != "<%.%>" {
		t.Errorf("delimiters: %+v", dl)
	}
	if v := Variables(parseT(t, `{"template": {"id": "s"}}`)); v != nil {
		t.Errorf("stored template uses %+v", v)
	}
}

func TestAnalysisConcurrent(t *testing.T) {
	tmpl := parseT(t, `{"template": {"source": "[\"{{username}}\", {{#groups}}\"g-{{.}}\",{{/groups}} \"{{dn}}\"]"}, "format": "json"}`)
	done := make(chan Answer, 8)
	for range 8 {
		go func() {
			p, _ := CanProduce(tmpl, "g-superuser", nil, automaton.Ops{})
			_, _ = RoleLanguage(tmpl, nil, automaton.Ops{})
			_ = Variables(tmpl)
			done <- p.Answer
		}()
	}
	for range 8 {
		if a := <-done; a != Yes {
			t.Errorf("answer %v", a)
		}
	}
}

func TestCanProduceUses(t *testing.T) {
	tmpl := parseT(t, `{"template": {"source": "r-{{realm.name}}/{{#groups}}{{.}}{{/groups}}"}}`)
	p, err := CanProduce(tmpl, "r-ldap/admins", pin(map[string]*automaton.Automaton{"realm.name": lit("ldap")}), automaton.Ops{})
	if err != nil || p.Answer != Yes {
		t.Fatalf("CanProduce = %+v, %v", p, err)
	}
	var texts []string
	for _, u := range p.Uses {
		if !u.Exact {
			t.Errorf("use %q has no exact span", u.Text)
		}
		texts = append(texts, spanText(u.Span))
	}
	if !slices.Equal(texts, []string{"{{.}}"}) {
		t.Errorf("uses %q, want the group element only (the realm is pinned)", texts)
	}
	if p.User == nil || p.User.RealmName != "ldap" || !slices.Equal(p.User.Groups, []string{"admins"}) {
		t.Errorf("user %+v", p.User)
	}
}
