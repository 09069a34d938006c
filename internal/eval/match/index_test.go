package match

import (
	"math/rand/v2"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// candidates collects Candidates and checks they come in increasing order
// without repetition.
func candidates(t testing.TB, ix *Index, m *Model) map[int]bool {
	t.Helper()
	out := map[int]bool{}
	last := -1
	ix.Candidates(m, func(i int) {
		if i <= last || i >= ix.Len() {
			t.Fatalf("candidate %d after %d (of %d)", i, last, ix.Len())
		}
		last = i
		out[i] = true
	})
	return out
}

// TestIndexOracle checks, over random rules and users built to hit the
// corners of the DN-aware predicate (case and spacing variants of DNs and
// of non-DN groups, subtree patterns, finite regexes, nulls), that every
// rule Eval finds true (or fails on) is a candidate.
func TestIndexOracle(t *testing.T) {
	for seed := uint64(1); seed <= 8; seed++ {
		r := rand.New(rand.NewPCG(seed, 99))
		n := dn.NewNormalizer(0)
		var exprs []*rules.Expr
		var srcs []string
		for len(exprs) < 300 {
			src := randomRule(r, 3, false)
			e, err := parseRule(src)
			if err != nil {
				continue // e.g. a pattern Elasticsearch rejects
			}
			exprs = append(exprs, e)
			srcs = append(srcs, src)
		}
		ix := NewIndex(exprs, n)
		pruned, total := 0, 0
		for range 150 {
			u := randomUser(r)
			m, err := NewModel(u, n)
			if err != nil {
				t.Fatal(err)
			}
			cands := candidates(t, ix, m)
			for i, e := range exprs {
				ok, err := Eval(e, m)
				total++
				if !cands[i] {
					pruned++
				}
				if (ok || err != nil) && !cands[i] {
					t.Fatalf("seed %d: rule %s matches user %+v (dn %v) but is not a candidate; %s",
						seed, srcs[i], *u, derefOr(u.DN), Explain(e, m).Reason)
				}
			}
		}
		if pruned == 0 {
			t.Fatalf("seed %d: the index pruned nothing", seed)
		}
	}
}

func derefOr(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestIndexConditions(t *testing.T) {
	n := dn.NewNormalizer(0)
	srcs := []string{
		0:  `{"field":{"realm.name":"ldap1"}}`,
		1:  `{"field":{"username":"bob"}}`,
		2:  `{"field":{"groups":"CN=Admins, OU=Groups,DC=Example,DC=com"}}`,
		3:  `{"field":{"groups":"*,ou=groups,dc=example,dc=com"}}`,
		4:  `{"field":{"dn":null}}`,
		5:  `{"all":[{"field":{"realm.name":"ldap1"}},{"field":{"groups":"nobody"}}]}`,
		6:  `{"any":[{"field":{"username":"alice"}},{"field":{"groups":"DEVELOPERS"}}]}`,
		7:  `{"any":[{"field":{"username":"alice"}},{"field":{"metadata.x":1}}]}`,
		8:  `{"all":[{"except":{"field":{"username":"alice"}}}]}`,
		9:  `{"any":[]}`,
		10: `{"all":[]}`,
		11: `{"field":{"username":"/(bob|carol)/"}}`,
		12: `{"field":{"username":"b*"}}`,
		13: `{"field":{"username":1}}`,
		14: `{"field":{"groups":"/(developers|ops)/"}}`,
		15: `{"field":{"dn":"*,OU=People, DC=Example,DC=com"}}`,
		16: `{"field":{"dn":"*,"}}`,
		17: `{"field":{"groups":null}}`,
	}
	exprs := make([]*rules.Expr, len(srcs)+1) // the last one is nil: never a candidate
	for i, s := range srcs {
		exprs[i] = mustRule(t, s)
	}
	ix := NewIndex(exprs, n)
	tests := []struct {
		name string
		user *user.User
		want []int
	}{
		{"ldap user", &user.User{Username: "bob", DN: strp("cn=bob,ou=people,dc=example,dc=com"),
			Groups: []string{"cn=admins,ou=groups,dc=example,dc=com", "Developers"}, Realm: user.Realm{Name: "ldap1"}},
			[]int{0, 1, 2, 3, 6, 7, 8, 10, 11, 12, 14, 15, 16}},
		{"saml user", &user.User{Username: "alice", Groups: []string{"developers"}, Realm: user.Realm{Name: "saml1"}},
			[]int{4, 6, 7, 8, 10, 14}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := NewModel(tc.user, n)
			if err != nil {
				t.Fatal(err)
			}
			got := candidates(t, ix, m)
			for i := range exprs {
				if got[i] != contains(tc.want, i) {
					t.Errorf("rule %d candidate = %v, want %v", i, got[i], !got[i])
				}
			}
		})
	}
	gm, err := NewGenericModel(map[string]any{"username": "x"})
	if err != nil {
		t.Fatal(err)
	}
	if got := candidates(t, ix, gm); len(got) != ix.Len() {
		t.Fatalf("generic model: %d candidates, want all %d", len(got), ix.Len())
	}
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// TestIndexRealisticPruning checks that on realistic mappings the work does
// not grow as users x mappings: few rules are candidates for each user, and
// the index agrees with plain evaluation.
func TestIndexRealisticPruning(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	n := dn.NewNormalizer(0)
	srcs := benchMappings(r, 2000)
	exprs := make([]*rules.Expr, len(srcs))
	for i, s := range srcs {
		exprs[i] = mustRule(t, s)
	}
	ix := NewIndex(exprs, n)
	users := benchUsers(r, 100)
	cands, matches := 0, 0
	for _, u := range users {
		m, err := NewModel(u, n)
		if err != nil {
			t.Fatal(err)
		}
		got := candidates(t, ix, m)
		cands += len(got)
		for i, e := range exprs {
			ok, err := Eval(e, m)
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				matches++
				if !got[i] {
					t.Fatalf("rule %s matches %s but is not a candidate", srcs[i], u.Username)
				}
			}
		}
	}
	if matches == 0 {
		t.Fatal("no user matches any rule: the generator is off")
	}
	if limit := len(users) * len(exprs) / 8; cands > limit {
		t.Fatalf("%d candidates for %d users x %d rules: the index prunes too little", cands, len(users), len(exprs))
	}
	t.Logf("%d candidates, %d matches, of %d pairs", cands, matches, len(users)*len(exprs))
}
