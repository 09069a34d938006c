package match

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

func benchSetup(b *testing.B, mappings, users int) ([]*rules.Expr, []*user.User) {
	b.Helper()
	r := rand.New(rand.NewPCG(42, 42))
	srcs := benchMappings(r, mappings)
	exprs := make([]*rules.Expr, len(srcs))
	for i, s := range srcs {
		exprs[i] = mustRule(b, s)
	}
	return exprs, benchUsers(r, users)
}

// BenchmarkIndex1kUsers10kMappings resolves 1,000 users against 10,000
// realistic mappings: for each user, build the model, ask the index for
// candidates and evaluate them. The index is built once, outside the loop
// (BenchmarkNewIndex10kMappings measures it).
func BenchmarkIndex1kUsers10kMappings(b *testing.B) {
	exprs, users := benchSetup(b, 10000, 1000)
	n := dn.NewNormalizer(0)
	ix := NewIndex(exprs, n)
	b.ResetTimer()
	var cands, matches int
	for b.Loop() {
		cands, matches = 0, 0
		for _, u := range users {
			m, err := NewModel(u, n)
			if err != nil {
				b.Fatal(err)
			}
			ix.Candidates(m, func(i int) {
				cands++
				if ok, _ := Eval(exprs[i], m); ok {
					matches++
				}
			})
		}
	}
	b.ReportMetric(float64(cands), "candidates/op")
	b.ReportMetric(float64(matches), "matches/op")
}

// BenchmarkNewIndex10kMappings builds the index of 10,000 mappings.
func BenchmarkNewIndex10kMappings(b *testing.B) {
	exprs, _ := benchSetup(b, 10000, 0)
	n := dn.NewNormalizer(0)
	b.ResetTimer()
	for b.Loop() {
		NewIndex(exprs, n)
	}
}

// BenchmarkExplainUser10kMappings explains every one of 10,000 mappings for
// one user (what "explain" does for a repository).
func BenchmarkExplainUser10kMappings(b *testing.B) {
	exprs, users := benchSetup(b, 10000, 1)
	m, err := NewModel(users[0], nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, e := range exprs {
			Explain(e, m)
		}
	}
}

// BenchmarkManyGroups evaluates rules against a user with 100,000 groups.
func BenchmarkManyGroups(b *testing.B) {
	u := &user.User{Username: "u", Realm: user.Realm{Name: "ldap1"}}
	for i := range 100000 {
		u.Groups = append(u.Groups, fmt.Sprintf("cn=group-%d,ou=groups,dc=example,dc=com", i))
	}
	m, err := NewModel(u, nil)
	if err != nil {
		b.Fatal(err)
	}
	e := mustRule(b, `{"field":{"groups":["cn=missing,ou=groups,dc=example,dc=com","*,ou=missing,dc=example,dc=com"]}}`)
	b.ResetTimer()
	for b.Loop() {
		if ok, err := Eval(e, m); ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
