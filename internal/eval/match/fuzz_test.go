package match

import (
	"errors"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// FuzzEval evaluates random rules against random users: nothing panics,
// Eval and Explain agree on every node, the index never misses a match, and
// the string tests for simple wildcards agree with the automaton.
func FuzzEval(f *testing.F) {
	f.Add(`{"field":{"dn":"*,ou=people,dc=example,dc=com"}}`, "bob", "CN=Bob, OU=People,DC=Example,DC=com", true,
		"cn=admins,ou=groups,dc=example,dc=com\nAdmins", `{"level":1,"teams":["a","b"]}`)
	f.Add(`{"any":[{"field":{"groups":["ADMINS","/adm.*/"]}},{"all":[{"except":{"field":{"metadata.level":1}}}]}]}`,
		"alice", "", false, "admins\nstraße", `{"level":1.0}`)
	f.Add(`{"all":[{"field":{"username":"a?c*"}},{"field":{"realm.name":null}},{"field":{"metadata.x":null}}]}`,
		"abc", "=bar", true, "", `{"x":null}`)
	f.Add(`{"field":{"groups":"*,"}}`, "u", "", false, "dc=com\n\nfoo=", `{"big":99999999999999999999}`)
	f.Add(`{"field":{"metadata.big":[1,"x"]}}`, "u", "", false, "", `{"big":[99999999999999999999]}`)
	f.Fuzz(func(t *testing.T, rule, username, dnStr string, hasDN bool, groups, metadata string) {
		e, err := parseRule(rule)
		if err != nil {
			return
		}
		u := &user.User{Username: username, Realm: user.Realm{Name: "ldap1"}}
		if hasDN {
			u.DN = &dnStr
		}
		if groups != "" {
			u.Groups = strings.Split(groups, "\n")
		}
		if md, err := decodeGeneric([]byte(metadata)); err == nil {
			u.Metadata = md
		}
		m, err := NewModel(u, nil)
		if err != nil {
			if !errors.Is(err, ErrUnsupportedValue) && !errors.Is(err, ErrNullMetadata) {
				t.Fatalf("unexpected model error %v", err)
			}
			return
		}
		got, err := Eval(e, m)
		tr := Explain(e, m)
		var check func(tr *Trace)
		check = func(tr *Trace) {
			want, werr := Eval(tr.Expr, m)
			if want != tr.Matched || (werr == nil) != (tr.Err == nil) {
				t.Fatalf("node %s: Explain %v/%v, Eval %v/%v", tr.Expr.Pointer, tr.Matched, tr.Err, want, werr)
			}
			if tr.Reason == "" {
				t.Fatalf("node %s: empty reason", tr.Expr.Pointer)
			}
			for _, c := range tr.Children {
				check(c)
			}
		}
		check(tr)
		if err != nil && !errors.Is(err, ErrLongRange) {
			t.Fatalf("unexpected evaluation error %v", err)
		}
		if got || err != nil {
			found := false
			NewIndex([]*rules.Expr{e}, nil).Candidates(m, func(int) { found = true })
			if !found {
				t.Fatalf("index misses rule %s for user %+v", rule, *u)
			}
		}
		e.Walk(func(x *rules.Expr) bool {
			for _, v := range x.Values {
				if v.Automaton == nil {
					continue
				}
				r := newDNRule(v, nil)
				for _, g := range m.groups {
					f := g.caseForms()
					for _, s := range []string{g.raw, g.norm, f.lower, f.upper} {
						if r.match(s) != v.Automaton.Match(s) {
							t.Fatalf("pattern %q on %q: string test and automaton disagree", v.Str, s)
						}
					}
				}
			}
			return true
		})
	})
}
