package match

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

func TestExplainReasons(t *testing.T) {
	n := dn.NewNormalizer(0)
	ldap := func() *user.User {
		return &user.User{
			Username: "bob",
			DN:       strp("cn=bob,ou=people,dc=example,dc=com"),
			Groups:   []string{"cn=bob,ou=Admins ,dc=example,dc=com", "ou=admins,dc=example,dc=com", "Developers"},
			Metadata: map[string]any{"active": true, "teams": []any{"a", "b"}, "none": []any{}},
			Realm:    user.Realm{Name: "ldap1"},
		}
	}
	tests := []struct {
		name string
		rule string
		user func(*user.User)
		want []string // fragments of the root's reason, in order
	}{
		{"wildcard", `{"field":{"username":"b*"}}`, nil, []string{`username "bob" matches "b*"`}},
		{"literal", `{"field":{"username":"Bob"}}`, nil, []string{`username "bob" does not equal "Bob"`, "case-sensitive"}},
		{"spaces", `{"field":{"username":" bob"}}`, nil, []string{"leading or trailing spaces"}},
		{"missing metadata", `{"field":{"metadata.level":1}}`, nil, []string{"metadata.level: user has no such field (only null matches a missing field)"}},
		{"missing metadata null", `{"field":{"metadata.level":null}}`, nil, []string{"metadata.level: user has no such field, and null matches"}},
		{"unknown field", `{"field":{"realm.type":"ldap"}}`, nil, []string{"realm.type: no such field in Elasticsearch's user model"}},
		{"no coercion", `{"field":{"metadata.active":"true"}}`, nil, []string{`metadata.active: user value true (boolean) never equals "true" (string)`}},
		{"list element", `{"field":{"metadata.teams":"b"}}`, nil, []string{`element "b" of the user's list ["a","b"] equals "b"`}},
		{"empty list", `{"field":{"metadata.none":"x"}}`, nil, []string{"list is empty"}},
		{"no dn", `{"field":{"dn":"*,dc=com"}}`, func(u *user.User) { u.DN = nil }, []string{"dn: the user has no DN"}},
		{"dn subtree", `{"field":{"dn":"*,dc=example,dc=com"}}`, nil, []string{`dn "cn=bob,ou=people,dc=example,dc=com" matches "*,dc=example,dc=com"`}},
		{"dn mixed case", `{"field":{"dn":"CN=*,OU=People,DC=example,DC=com"}}`, nil, []string{"mixes upper and lower case"}},
		{"dn null", `{"field":{"dn":null}}`, nil, []string{"null only matches a user without a DN"}},
		{"group subtree match", `{"field":{"groups":"*,ou=admins,dc=example,dc=com"}}`, nil,
			[]string{`groups: group "cn=bob,ou=Admins ,dc=example,dc=com"`, `in its normalized form "cn=bob,ou=admins,dc=example,dc=com"`}},
		{"group subtree fallback", `{"field":{"groups":"*, OU=Admins, dc=example, dc=com"}}`, nil,
			[]string{`groups: group "cn=bob,ou=Admins ,dc=example,dc=com"`, `strict descendant of "ou=admins,dc=example,dc=com"`}},
		{"group subtree root", `{"field":{"groups":"*,ou=admins,dc=example,dc=com"}}`,
			func(u *user.User) { u.Groups = []string{"ou=admins,dc=example,dc=com", "Developers"} },
			[]string{`none of 2 groups matches "*,ou=admins,dc=example,dc=com"`, `closest: "ou=admins,dc=example,dc=com" is the subtree root`, "not a strict descendant"}},
		{"group name", `{"field":{"groups":"developers"}}`, nil, []string{`group "Developers" equals "developers" ignoring case`}},
		{"group literal miss", `{"field":{"groups":"cn=bob,ou=admin,dc=example,dc=com"}}`, nil,
			[]string{`closest: "cn=bob,ou=Admins ,dc=example,dc=com" normalizes to "cn=bob,ou=admins,dc=example,dc=com", not "cn=bob,ou=admin,dc=example,dc=com"`}},
		{"single group", `{"field":{"groups":"ops"}}`, func(u *user.User) { u.Groups = []string{"dev"} },
			[]string{`no group matches "ops"; the group: "dev" is not a DN`}},
		{"no groups", `{"field":{"groups":"*"}}`, func(u *user.User) { u.Groups = nil }, []string{"the user has no groups", "not even null"}},
		{"group null", `{"field":{"groups":null}}`, nil, []string{"null never matches groups"}},
		{"all", `{"all":[{"field":{"username":"x"}},{"field":{"username":"bob"}},{"field":{"realm.name":"ldap1"}}]}`, nil, []string{"all: 1 of 3 children false"}},
		{"all true", `{"all":[{"field":{"username":"bob"}}]}`, nil, []string{"all: all 1 child true"}},
		{"all empty", `{"all":[]}`, nil, []string{"all: [] is always true"}},
		{"any", `{"any":[{"field":{"username":"x"}},{"field":{"username":"bob"}}]}`, nil, []string{"any: 1 of 2 children true"}},
		{"any none", `{"any":[{"field":{"username":"x"}}]}`, nil, []string{"any: none of 1 child true"}},
		{"any empty", `{"any":[]}`, nil, []string{"any: [] is never true"}},
		{"except matched", `{"all":[{"except":{"field":{"username":"bob"}}}]}`, nil, []string{"all: 1 of 1 child false"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := ldap()
			if tc.user != nil {
				tc.user(u)
			}
			m, err := NewModel(u, n)
			if err != nil {
				t.Fatal(err)
			}
			tr := Explain(mustRule(t, tc.rule), m)
			rest := tr.Reason
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("reason %q lacks %q", tr.Reason, w)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// TestExplainEvaluatesEverything checks that Explain visits every node and
// value, and that each node's outcome is what Eval says of that subtree.
func TestExplainEvaluatesEverything(t *testing.T) {
	m, err := NewModel(baseUser(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e := mustRule(t, `{"any":[
		{"field":{"username":"bob"}},
		{"all":[{"field":{"username":"x"}},{"field":{"metadata.big":1}},{"except":{"field":{"groups":["dev*","nope"]}}}]},
		{"field":{"metadata.list":["zzz","a",2]}}]}`)
	tr := Explain(e, m)
	nodes := 0
	var check func(tr *Trace)
	check = func(tr *Trace) {
		nodes++
		want, werr := Eval(tr.Expr, m)
		if want != tr.Matched || (werr == nil) != (tr.Err == nil) {
			t.Errorf("node %s: Explain %v/%v, Eval %v/%v", tr.Expr.Pointer, tr.Matched, tr.Err, want, werr)
		}
		if len(tr.Children) != len(tr.Expr.Children) {
			t.Errorf("node %s: %d child traces for %d children", tr.Expr.Pointer, len(tr.Children), len(tr.Expr.Children))
		}
		if tr.Expr.Op == rules.Field && len(tr.ValueMatched) != len(tr.Expr.Values) {
			t.Errorf("node %s: %d value results for %d values", tr.Expr.Pointer, len(tr.ValueMatched), len(tr.Expr.Values))
		}
		for i, c := range tr.Children {
			if c.Expr != tr.Expr.Children[i] {
				t.Errorf("node %s: child trace %d is for another node", tr.Expr.Pointer, i)
			}
			check(c)
		}
	}
	check(tr)
	count := 0
	e.Walk(func(*rules.Expr) bool { count++; return true })
	if nodes != count {
		t.Fatalf("trace has %d nodes, rule has %d", nodes, count)
	}
	if !tr.Matched || tr.Err != nil {
		t.Fatalf("root: %v %v", tr.Matched, tr.Err)
	}
	last := tr.Children[2]
	if want := []bool{false, true, true}; !equalBools(last.ValueMatched, want) {
		t.Fatalf("value results %v, want %v", last.ValueMatched, want)
	}
	if last.Value != last.Expr.Values[1] {
		t.Fatal("Value is not the first matching value")
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCoverage(t *testing.T) {
	e := mustRule(t, `{"all":[{"field":{"username":["alice","bob","carol"]}},{"except":{"field":{"metadata.big":1}}}]}`)
	users := []*user.User{
		{Username: "alice"},
		{Username: "bob", Metadata: map[string]any{"big": json99()}},
		{Username: "dave"},
	}
	var c Coverage
	for _, u := range users {
		m, err := NewModel(u, nil)
		if err != nil {
			t.Fatal(err)
		}
		c.Add(Explain(e, m))
	}
	field := e.Children[0]
	except := e.Children[1]
	if got := c.Node(e); got != SawTrue|SawFalse|SawError {
		t.Errorf("root outcome %b", got)
	}
	if got := c.Node(field); got != SawTrue|SawFalse {
		t.Errorf("username outcome %b", got)
	}
	if got := c.Node(except); got != SawTrue|SawError {
		t.Errorf("except outcome %b", got)
	}
	if got := c.Value(field.Values[0]); got != SawTrue|SawFalse {
		t.Errorf("alice outcome %b", got)
	}
	if got := c.Value(field.Values[2]); got != SawFalse {
		t.Errorf("carol outcome %b", got)
	}
	var zero Coverage
	if zero.Node(e) != 0 || zero.Value(field.Values[0]) != 0 {
		t.Error("zero Coverage reports outcomes")
	}
}

func json99() any { return []any{"x", uint64(1) << 63} }
