package match

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

func TestTemplateModel(t *testing.T) {
	u := &user.User{
		Username: "bob",
		DN:       strp("cn=bob,dc=example,dc=com"),
		Groups:   []string{"g1", "g2"},
		Metadata: map[string]any{"dept": "eng", "level": int64(3), "teams": []any{"a"}},
		Realm:    user.Realm{Name: "ldap1", Type: "ldap"},
	}
	m, err := NewModel(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := template.UserData{Username: u.Username, DN: u.DN, Groups: u.Groups, Metadata: u.Metadata, RealmName: u.Realm.Name}.Model()
	if diff := cmp.Diff(want, m.TemplateModel()); diff != "" {
		t.Fatalf("TemplateModel differs from template.UserData.Model (-want +got):\n%s", diff)
	}
	if _, ok := m.TemplateModel()["realm.type"]; ok {
		t.Fatal("realm.type is not part of the model")
	}

	u.DN = nil
	u.Groups = []string{"g1", "g2", "g1"}
	m, err = NewModel(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := m.TemplateModel()
	if _, ok := got["dn"]; ok {
		t.Fatal("a user without a DN has a dn field")
	}
	if diff := cmp.Diff([]string{"g1", "g2"}, got["groups"]); diff != "" {
		t.Fatalf("groups are not a set (-want +got):\n%s", diff)
	}
	got["groups"].([]string)[0] = "changed"
	if m.TemplateModel()["groups"].([]string)[0] != "g1" {
		t.Fatal("TemplateModel shares its groups slice")
	}

	g, err := NewGenericModel(map[string]any{"f": nil, "n": int64(1)})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]any{"f": nil, "n": int64(1)}, g.TemplateModel()); diff != "" {
		t.Fatalf("generic TemplateModel (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"f", "n"}, g.Fields()); diff != "" {
		t.Fatalf("generic Fields (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"groups", "metadata.dept", "metadata.level", "metadata.teams", "realm.name", "username"}, m.Fields()); diff != "" {
		t.Fatalf("Fields (-want +got):\n%s", diff)
	}
}

// TestInvalidUTF8 checks that user strings are read as Java strings: each
// invalid byte is U+FFFD for every comparison.
func TestInvalidUTF8(t *testing.T) {
	m, err := NewModel(&user.User{Username: "a\xffb", Groups: []string{"X\xfe"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rule string
		want bool
	}{
		{`{"field":{"username":"a\ufffdb"}}`, true},
		{`{"field":{"username":"a\ufffd*"}}`, true},
		{`{"field":{"groups":"x\ufffd"}}`, true},
		{`{"field":{"groups":"x\ufffd*"}}`, true},
	} {
		e := mustRule(t, tc.rule)
		got, err := Eval(e, m)
		if err != nil || got != tc.want {
			t.Errorf("%s: %v, %v", tc.rule, got, err)
		}
		found := false
		NewIndex(singleExpr(e), nil).Candidates(m, func(int) { found = true })
		if got && !found {
			t.Errorf("%s: index misses the match", tc.rule)
		}
	}
}

// TestWildcardShapes checks that the string tests the DN predicate uses
// for simple wildcards accept exactly what the automaton accepts.
func TestWildcardShapes(t *testing.T) {
	patterns := []string{"*", "**", "a*", "*a", "*a*", "*,dc=com", "cn=*", "*ab*", "a*b", "*a?", "*\\\\*", "*𐐀", "*é*", "*,", "***"}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "b", ",", "dc=com", "é", "𐐀", "*", "\\", "?", "cn="}
	for _, p := range patterns {
		e := mustRule(t, `{"field":{"groups":`+jsonString(p)+`}}`)
		v := e.Values[0]
		dr := newDNRule(v, nil)
		for range 400 {
			s := ""
			for range r.IntN(5) {
				s += pick(r, alphabet)
			}
			if got, want := dr.match(s), v.Automaton.Match(s); got != want {
				t.Fatalf("pattern %q on %q: string test %v, automaton %v", p, s, got, want)
			}
		}
	}
}

// TestConcurrentUse evaluates one model and one index from several
// goroutines (run with -race to check the lazily computed forms).
func TestConcurrentUse(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	srcs := benchMappings(r, 200)
	exprs := make([]*rules.Expr, len(srcs))
	for i, s := range srcs {
		exprs[i] = mustRule(t, s)
	}
	ix := NewIndex(exprs, nil)
	m, err := NewModel(benchUsers(r, 1)[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]bool, len(exprs))
	results := make([][]bool, 4)
	var wg sync.WaitGroup
	for w := range results {
		results[w] = make([]bool, len(exprs))
		wg.Go(func() {
			ix.Candidates(m, func(i int) {
				ok, _ := Eval(exprs[i], m)
				results[w][i] = ok && Explain(exprs[i], m).Matched
			})
		})
	}
	wg.Wait()
	for i, e := range exprs {
		want[i], _ = Eval(e, m)
	}
	for w := range results {
		if diff := cmp.Diff(want, results[w]); diff != "" {
			t.Fatalf("worker %d (-want +got):\n%s", w, diff)
		}
	}
}
