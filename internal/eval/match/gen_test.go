package match

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// This file generates rules and users: random ones that stress the corners
// of the DN-aware predicate (for the index oracle test), and realistic ones
// (for the benchmark).

var (
	genDNs = []string{
		"cn=alice,ou=people,dc=example,dc=com",
		"uid=bob,ou=people,ou=sales,dc=example,dc=com",
		"ou=people,dc=example,dc=com",
		"ou=admins,dc=example,dc=com",
		"cn=admins,ou=groups,dc=example,dc=com",
		"cn=ops,ou=groups,dc=example,dc=com",
		"cn=Émile,ou=people,dc=example,dc=com",
		"cn=a\\,b,ou=groups,dc=example,dc=com",
		"cn=x+uid=y,dc=com",
		"dc=com",
		"",
	}
	genNames = []string{"admins", "Admins", "ADMINS", "admins ", "straße", "STRASSE", "ſtrasse", "K-team", "k-team",
		"dev ops", "bob", "alice", "cn=x", "not,a,dn", "a=b,", "=bar", "İstanbul", "istanbul"}
	genSuffixes = []string{"ou=people,dc=example,dc=com", "dc=example,dc=com", "dc=com", "ou=groups,dc=example,dc=com",
		"OU=People, DC=Example, DC=COM", "", " dc=com", "not a dn", "ou=admins,dc=example,dc=com", "a,dc=com"}
	genRealms = []string{"ldap1", "saml1", "LDAP1", "jwt"}
)

// variant returns s spelt differently in ways the DN predicate may or may
// not see through: case changes and spaces after separators.
func variant(r *rand.Rand, s string) string {
	switch r.IntN(7) {
	case 0:
		return javatext.ToUpperCase(s)
	case 1:
		return javatext.ToLowerCase(s)
	case 2:
		b := []rune(s)
		for i := range b {
			if r.IntN(2) == 0 {
				b[i] = []rune(javatext.ToUpperCase(string(b[i])))[0]
			}
		}
		return string(b)
	case 3:
		return strings.ReplaceAll(s, ",", ", ")
	case 4:
		return strings.ReplaceAll(strings.ReplaceAll(s, "=", " = "), ",", " , ")
	}
	return s
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// randomString is a user-side or rule-side string for DN-aware fields.
func randomString(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return variant(r, pick(r, genDNs))
	}
	return variant(r, pick(r, genNames))
}

// randomValue is one rule value (as JSON) for the field.
func randomValue(r *rand.Rand, field string) string {
	js := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	switch r.IntN(12) {
	case 0:
		return "null"
	case 1:
		return pick(r, []string{"1", "true", "false", "0"})
	case 2:
		return js("*," + variant(r, pick(r, genSuffixes)))
	case 3:
		return js(pick(r, []string{"*", "*,", "cn=*", "CN=*", "*admins*", "*,ou=*,dc=example,dc=com", "adm?ns*", "*,dc=c?m", "*SS*"}))
	case 4:
		return js(pick(r, []string{"/(admins|ops)/", "/cn=admins,ou=groups,dc=example,dc=com/", "/adm.*/", "/(ldap1|jwt)/", "/bob/", "//"}))
	}
	switch field {
	case FieldRealmName:
		return js(pick(r, genRealms))
	case FieldUsername:
		return js(pick(r, []string{"bob", "alice", "Bob", "svc-1"}))
	}
	return js(randomString(r))
}

// randomRule is a random rules object (valid for Elasticsearch).
func randomRule(r *rand.Rand, depth int, inAll bool) string {
	k := r.IntN(10)
	if depth <= 0 {
		k = 9
	}
	switch {
	case k == 0 && inAll:
		return `{"except":` + randomRule(r, depth-1, false) + `}`
	case k <= 2:
		n := r.IntN(4)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = randomRule(r, depth-1, true)
		}
		return `{"all":[` + strings.Join(parts, ",") + `]}`
	case k <= 4:
		n := r.IntN(4)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = randomRule(r, depth-1, false)
		}
		return `{"any":[` + strings.Join(parts, ",") + `]}`
	}
	field := pick(r, []string{FieldDN, FieldGroups, FieldGroups, FieldUsername, FieldRealmName, "metadata.dept", "realm.type"})
	n := 1 + r.IntN(3)
	vals := make([]string, n)
	for i := range vals {
		vals[i] = randomValue(r, field)
	}
	if n == 1 && r.IntN(2) == 0 {
		return fmt.Sprintf(`{"field":{%q:%s}}`, field, vals[0])
	}
	return fmt.Sprintf(`{"field":{%q:[%s]}}`, field, strings.Join(vals, ","))
}

// randomUser is a random user over the same vocabulary.
func randomUser(r *rand.Rand) *user.User {
	u := &user.User{
		Username: pick(r, []string{"bob", "alice", "BOB", "svc-1"}),
		Realm:    user.Realm{Name: pick(r, genRealms)},
		Metadata: map[string]any{},
	}
	if r.IntN(4) != 0 {
		s := randomString(r)
		u.DN = &s
	}
	for range r.IntN(5) {
		u.Groups = append(u.Groups, randomString(r))
	}
	if r.IntN(2) == 0 {
		u.Metadata["dept"] = randomString(r)
	}
	return u
}

// Realistic data for the benchmark: 5 realms, 50 departments, 2000 groups.
const (
	benchDepts  = 50
	benchGroups = 2000
)

var benchRealms = []string{"ldap1", "ldap2", "ad1", "saml1", "oidc1"}

func benchGroupDN(i int) string {
	return fmt.Sprintf("cn=g%d,ou=dept%d,ou=groups,dc=example,dc=com", i, i%benchDepts)
}

// benchMappings generates n realistic rules objects.
func benchMappings(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		realm := pick(r, benchRealms)
		g := benchGroupDN(r.IntN(benchGroups))
		switch k := r.IntN(100); {
		case k < 40:
			out[i] = fmt.Sprintf(`{"all":[{"field":{"realm.name":%q}},{"field":{"groups":%q}}]}`, realm, g)
		case k < 55:
			out[i] = fmt.Sprintf(`{"all":[{"field":{"realm.name":%q}},{"field":{"groups":"*,ou=dept%d,ou=groups,dc=example,dc=com"}}]}`, realm, r.IntN(benchDepts))
		case k < 65:
			out[i] = fmt.Sprintf(`{"any":[{"field":{"groups":%q}},{"field":{"groups":%q}}]}`, g, strings.ToUpper(benchGroupDN(r.IntN(benchGroups))))
		case k < 75:
			out[i] = fmt.Sprintf(`{"all":[{"field":{"realm.name":%q}},{"field":{"username":"svc-%d*"}}]}`, realm, r.IntN(10))
		case k < 80:
			out[i] = fmt.Sprintf(`{"field":{"username":"/user-%d[0-9]*/"}}`, r.IntN(100))
		case k < 85:
			out[i] = fmt.Sprintf(`{"all":[{"field":{"realm.name":%q}},{"field":{"metadata.dept":"dept%d"}}]}`, realm, r.IntN(benchDepts))
		case k < 90:
			out[i] = fmt.Sprintf(`{"all":[{"field":{"groups":%q}},{"except":{"field":{"metadata.disabled":true}}}]}`, g)
		case k < 95:
			out[i] = fmt.Sprintf(`{"all":[{"field":{"dn":"*,ou=dept%d,ou=people,dc=example,dc=com"}},{"field":{"metadata.level":[1,2]}}]}`, r.IntN(benchDepts))
		default:
			out[i] = fmt.Sprintf(`{"field":{"username":["user-%d","user-%d"]}}`, r.IntN(1000), r.IntN(1000))
		}
	}
	return out
}

// benchUsers generates n realistic users.
func benchUsers(r *rand.Rand, n int) []*user.User {
	out := make([]*user.User, n)
	for i := range out {
		dept := r.IntN(benchDepts)
		name := fmt.Sprintf("user-%d", i)
		if i%10 == 0 {
			name = fmt.Sprintf("svc-%d", i)
		}
		dnStr := fmt.Sprintf("uid=%s,ou=dept%d,ou=people,dc=example,dc=com", name, dept)
		if i%3 == 0 {
			dnStr = strings.ToUpper(strings.ReplaceAll(dnStr, ",", ", "))
		}
		u := &user.User{
			Username: name,
			DN:       &dnStr,
			Realm:    user.Realm{Name: pick(r, benchRealms)},
			Metadata: map[string]any{
				"dept":     fmt.Sprintf("dept%d", dept),
				"level":    int64(r.IntN(5)),
				"disabled": r.IntN(10) == 0,
				"teams":    []any{"t1", "t2"},
			},
		}
		for range 5 + r.IntN(11) {
			u.Groups = append(u.Groups, benchGroupDN(r.IntN(benchGroups)))
		}
		u.Groups = append(u.Groups, "Everyone")
		out[i] = u
	}
	return out
}
