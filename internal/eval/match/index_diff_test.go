package match

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// Bounds of one FuzzIndexDiff input, so that each run stays cheap.
const (
	maxFuzzRules    = 8   // rules taken from the input
	maxFuzzRuleLen  = 512 // bytes of one rule
	maxFuzzGroups   = 8
	maxFuzzFieldLen = 256 // bytes of the username, DN and each group
)

// derivedRules writes rules whose values are the user's own strings (at
// most the first maxFuzzGroups of them), spelt as they are or as a variant
// (case, spaces after separators), cut into a "*,<rest>" subtree pattern or
// a "<prefix>*" pattern, on a field chosen at random: so that the rules the
// fuzzer writes into the user also reach the index's literal, DN and
// suffix keys.
func derivedRules(r *rand.Rand, words []string) []string {
	js := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	fields := []string{FieldGroups, FieldDN, FieldUsername, FieldRealmName, "metadata.dept"}
	var out []string
	for i, w := range words {
		if i == maxFuzzGroups {
			break
		}
		vals := []string{w, variant(r, w)}
		if c := strings.IndexByte(w, ','); c >= 0 {
			vals = append(vals, "*"+w[c:], "*"+variant(r, w[c:]))
		}
		if k := len(w) / 2; k > 0 && utf8.RuneStart(w[k]) && !strings.ContainsAny(w[:k], "*\\") && !strings.HasPrefix(w, "/") {
			vals = append(vals, w[:k]+"*")
		}
		for _, v := range vals {
			out = append(out, fmt.Sprintf(`{"field":{%q:%s}}`, pick(r, fields), js(v)))
		}
	}
	return out
}

// FuzzIndexDiff compares the index with plain evaluation over several
// rules at once: the rules written in the input (one JSON rules object a
// line; lines that do not parse stay as nil rules, which are never
// candidates) and rules generated from seed with the corner-case
// vocabulary of gen_test.go, against the user written in the input and a
// generated one. Every rule Eval finds true, or fails on, must be a
// candidate; candidates come in increasing order, once each; and the index
// answers the same with a shared Normalizer as with a private one.
func FuzzIndexDiff(f *testing.F) {
	f.Add(`{"field":{"groups":"*,ou=groups,dc=example,dc=com"}}
{"all":[{"field":{"realm.name":"ldap1"}},{"field":{"dn":"CN=Bob,OU=People,DC=Example,DC=com"}}]}
{"field":{"username":["bob","/al.*/"]}}`,
		uint64(1), "bob", "cn=bob, ou=people, dc=example, dc=com", true, "CN=Admins,OU=Groups,DC=Example,DC=COM\nusers", "ldap1", `{"dept":"it"}`)
	f.Add(`{"any":[{"field":{"groups":"cn=a\\,b,ou=groups,dc=example,dc=com"}},{"except":{"field":{"metadata.level":1}}}]}
not json
{"field":{"groups":"cn=x+uid=y,dc=com"}}`,
		uint64(2), "alice", "", false, "CN=A\\2C B, OU=Groups, DC=example, DC=com\nuid=y+cn=x,DC=COM", "saml1", `{"level":1}`)
	f.Add(`{"field":{"groups":["STRASSE","*ß*"]}}
{"field":{"groups":"İstanbul"}}
{"field":{"realm.name":["ldap?","jwt"]}}
{"field":{"metadata.dept":null}}`,
		uint64(3), "svc-1", "", false, "straße\nistanbul\nſtrasse", "LDAP1", `{}`)
	f.Add(`{"field":{"dn":"*,dc=com"}}
{"field":{"dn":"/cn=.*,dc=com/"}}
{"field":{"dn":null}}
{"all":[]}
{"any":[]}`,
		uint64(4), "u", "cn=#04024869,dc=com", true, "", "ldap1", `{"big":99999999999999999999}`)
	f.Add(`{"field":{"groups":"*😀*"}}
{"field":{"username":"a\\*b*"}}
{"field":{"groups":"cn=\\ x\\ ,dc=com"}}`,
		uint64(5), "a*bc", " = ", true, "cn=\\20x\\20,dc=com\n😀\nnot,a,dn", "jwt", `{"x":[1,"a"]}`)
	f.Add(`{"all":[{"field":{"metadata.dept":"cn=ops,dc=com"}},{"field":{"username":"/b[o]b/"}}]}`,
		uint64(6), "bob", "dc=com", true, "a=b,\n=bar\ncn=ops,ou=groups,dc=example,dc=com", "ldap1", `{"dept":"CN=Ops,DC=com"}`)
	f.Fuzz(func(t *testing.T, ruleLines string, seed uint64, username, dnStr string, hasDN bool, groups, realm, metadata string) {
		if len(username) > maxFuzzFieldLen || len(dnStr) > maxFuzzFieldLen || len(realm) > maxFuzzFieldLen || len(metadata) > maxFuzzRuleLen {
			return
		}
		var exprs []*rules.Expr
		var srcs []string
		for i, line := range strings.Split(ruleLines, "\n") {
			if i == maxFuzzRules || len(line) > maxFuzzRuleLen {
				return
			}
			e, err := parseRule(line)
			if err != nil {
				e = nil // a mapping whose rules do not parse
			}
			exprs = append(exprs, e)
			srcs = append(srcs, line)
		}
		r := rand.New(rand.NewPCG(seed, 12))
		for range 4 {
			src := randomRule(r, 2, false)
			if e, err := parseRule(src); err == nil {
				exprs = append(exprs, e)
				srcs = append(srcs, src)
			}
		}
		words := []string{username, realm}
		if hasDN {
			words = append(words, dnStr)
		}
		if groups != "" {
			words = append(words, strings.Split(groups, "\n")...)
		}
		for _, src := range derivedRules(r, words) {
			if e, err := parseRule(src); err == nil {
				exprs = append(exprs, e)
				srcs = append(srcs, src)
			}
		}
		u := &user.User{Username: username, Realm: user.Realm{Name: realm}}
		if hasDN {
			u.DN = &dnStr
		}
		if groups != "" {
			u.Groups = strings.Split(groups, "\n")
			if len(u.Groups) > maxFuzzGroups {
				return
			}
			for _, g := range u.Groups {
				if len(g) > maxFuzzFieldLen {
					return
				}
			}
		}
		if md, err := decodeGeneric([]byte(metadata)); err == nil {
			u.Metadata = md
		}
		shared := dn.NewNormalizer(0)
		ix := NewIndex(exprs, shared)
		private := NewIndex(exprs, nil)
		for _, u := range []*user.User{u, randomUser(r)} {
			m, err := NewModel(u, shared)
			if err != nil {
				if !errors.Is(err, ErrUnsupportedValue) && !errors.Is(err, ErrNullMetadata) {
					t.Fatalf("unexpected model error %v", err)
				}
				continue
			}
			cands := make([]bool, len(exprs))
			prev := -1
			ix.Candidates(m, func(i int) {
				if i <= prev || i >= len(exprs) {
					t.Fatalf("candidate %d after %d (of %d rules)", i, prev, len(exprs))
				}
				prev = i
				cands[i] = true
			})
			var fromPrivate []int
			private.Candidates(m, func(i int) { fromPrivate = append(fromPrivate, i) })
			n := 0
			for i, e := range exprs {
				if !cands[i] {
					continue
				}
				if e == nil {
					t.Fatalf("rule %d, which does not parse, is a candidate", i)
				}
				if n >= len(fromPrivate) || fromPrivate[n] != i {
					t.Fatalf("the index with a private Normalizer gives candidates %v; rule %d is a candidate with the shared one", fromPrivate, i)
				}
				n++
			}
			if n != len(fromPrivate) {
				t.Fatalf("the index with a private Normalizer gives candidates %v, more than the shared one", fromPrivate)
			}
			for i, e := range exprs {
				if e == nil {
					continue
				}
				ok, err := Eval(e, m)
				if (ok || err != nil) && !cands[i] {
					t.Fatalf("rule %d %s matches user %+v (dn %q) but is not a candidate: %s",
						i, srcs[i], *u, derefOr(u.DN), Explain(e, m).Reason)
				}
			}
		}
	})
}
