package match

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// baseUser is an LDAP user with a DN, groups and typed metadata.
func baseUser() *user.User {
	return &user.User{
		Username: "bob",
		DN:       strp("CN=Bob,OU=People, DC=Example,DC=com"),
		Groups: []string{
			"cn=Admins,ou=groups,dc=example,dc=com",
			"Developers",
			"straße",
			"Developers", // duplicate: Set.copyOf keeps one
		},
		Metadata: map[string]any{
			"str":    "eng",
			"empty":  "",
			"bool":   true,
			"long":   int64(1),
			"int32":  int32(7),
			"double": 1.0,
			"half":   1.5,
			"negz":   math.Copysign(0, -1),
			"nan":    math.NaN(),
			"list":   []any{"a", int64(2), false, nil, []any{"deep"}},
			"none":   []any{},
			"a.b":    "dotted",
			"jnum":   json.Number("5"),
			"jfrac":  json.Number("5.0"),
			"big":    new(big.Int).Lsh(big.NewInt(1), 70),
			"bigjn":  json.Number("99999999999999999999"),
			"u64":    uint64(math.MaxUint64),
			"strs":   []string{"x", "y"},
			"float":  float32(2.5),
			"fitbig": big.NewInt(3),
		},
		Realm: user.Realm{Name: "ldap1", Type: "ldap"},
	}
}

type evalCase struct {
	name    string
	rule    string
	user    func(*user.User) // adjusts baseUser; nil keeps it
	want    bool
	wantErr error
}

func runEvalCases(t *testing.T, cases []evalCase) {
	t.Helper()
	n := dn.NewNormalizer(0)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := baseUser()
			if tc.user != nil {
				tc.user(u)
			}
			m, err := NewModel(u, n)
			if err != nil {
				t.Fatal(err)
			}
			e := mustRule(t, tc.rule)
			got, err := Eval(e, m)
			tr := Explain(e, m)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) || !errors.Is(tr.Err, tc.wantErr) {
					t.Fatalf("Eval error %v, Explain error %v, want %v", err, tr.Err, tc.wantErr)
				}
				return
			}
			if err != nil || tr.Err != nil {
				t.Fatalf("unexpected error: Eval %v, Explain %v", err, tr.Err)
			}
			if got != tc.want || tr.Matched != tc.want {
				t.Fatalf("Eval = %v, Explain = %v, want %v (%s)", got, tr.Matched, tc.want, tr.Reason)
			}
			if tr.Reason == "" {
				t.Fatal("empty reason")
			}
		})
	}
}

func TestEvalGeneric(t *testing.T) {
	runEvalCases(t, []evalCase{
		{name: "username literal", rule: `{"field":{"username":"bob"}}`, want: true},
		{name: "username case-sensitive", rule: `{"field":{"username":"Bob"}}`, want: false},
		{name: "username any value", rule: `{"field":{"username":["x","bob"]}}`, want: true},
		{name: "question mark alone is literal", rule: `{"field":{"username":"b?b"}}`, want: false},
		{name: "question mark literal equal", rule: `{"field":{"username":"b?b"}}`, user: func(u *user.User) { u.Username = "b?b" }, want: true},
		{name: "question mark with star", rule: `{"field":{"username":"b?b*"}}`, want: true},
		{name: "escaped star is literal", rule: `{"field":{"username":"a\\*b"}}`, user: func(u *user.User) { u.Username = "a*b" }, want: true},
		{name: "escaped star not wildcard", rule: `{"field":{"username":"a\\*b"}}`, user: func(u *user.User) { u.Username = "axb" }, want: false},
		{name: "slash alone literal", rule: `{"field":{"username":"/"}}`, user: func(u *user.User) { u.Username = "/" }, want: true},
		{name: "empty regex matches empty", rule: `{"field":{"username":"//"}}`, user: func(u *user.User) { u.Username = "" }, want: true},
		{name: "regex whole string", rule: `{"field":{"username":"/o/"}}`, want: false},
		{name: "regex anchored match", rule: `{"field":{"username":"/b.b/"}}`, want: true},
		{name: "number never equals username", rule: `{"field":{"username":1}}`, user: func(u *user.User) { u.Username = "1" }, want: false},
		{name: "realm name", rule: `{"field":{"realm.name":"ldap1"}}`, want: true},
		{name: "realm type is not a field", rule: `{"field":{"realm.type":"ldap"}}`, want: false},
		{name: "realm type null matches", rule: `{"field":{"realm.type":null}}`, want: true},
		{name: "metadata as a whole is not a field", rule: `{"field":{"metadata":null}}`, want: true},
		{name: "star never matches missing", rule: `{"field":{"metadata.missing":"*"}}`, want: false},
		{name: "null matches missing", rule: `{"field":{"metadata.missing":null}}`, want: true},
		{name: "string metadata", rule: `{"field":{"metadata.str":"eng"}}`, want: true},
		{name: "star matches empty string", rule: `{"field":{"metadata.empty":"*"}}`, want: true},
		{name: "star never matches a number", rule: `{"field":{"metadata.long":"*"}}`, want: false},
		{name: "bool equals bool", rule: `{"field":{"metadata.bool":true}}`, want: true},
		{name: "bool never equals string", rule: `{"field":{"metadata.bool":"true"}}`, want: false},
		{name: "long equals", rule: `{"field":{"metadata.long":1}}`, want: true},
		{name: "long never equals string", rule: `{"field":{"metadata.long":"1"}}`, want: false},
		{name: "int32 equals", rule: `{"field":{"metadata.int32":7}}`, want: true},
		{name: "double equals long", rule: `{"field":{"metadata.double":1}}`, want: true},
		{name: "fraction differs", rule: `{"field":{"metadata.half":1}}`, want: false},
		{name: "negative zero differs from 0", rule: `{"field":{"metadata.negz":0}}`, want: false},
		{name: "NaN equals nothing", rule: `{"field":{"metadata.nan":0}}`, want: false},
		{name: "float32", rule: `{"field":{"metadata.float":2}}`, want: false},
		{name: "json number integer", rule: `{"field":{"metadata.jnum":5}}`, want: true},
		{name: "json number fraction", rule: `{"field":{"metadata.jfrac":5}}`, want: true},
		{name: "big int in range", rule: `{"field":{"metadata.fitbig":3}}`, want: true},
		{name: "list element string", rule: `{"field":{"metadata.list":"a"}}`, want: true},
		{name: "list element number", rule: `{"field":{"metadata.list":2}}`, want: true},
		{name: "list element bool", rule: `{"field":{"metadata.list":false}}`, want: true},
		{name: "list null element", rule: `{"field":{"metadata.list":null}}`, want: true},
		{name: "nested list", rule: `{"field":{"metadata.list":"deep"}}`, want: true},
		{name: "list no element", rule: `{"field":{"metadata.list":"z*"}}`, want: false},
		{name: "empty list never matches", rule: `{"field":{"metadata.none":null}}`, want: false},
		{name: "string slice", rule: `{"field":{"metadata.strs":"y"}}`, want: true},
		{name: "dotted key is literal", rule: `{"field":{"metadata.a.b":"dotted"}}`, want: true},
		{name: "no nested path", rule: `{"field":{"metadata.a":null}}`, want: true},
		{name: "big int vs string is false", rule: `{"field":{"metadata.big":"x"}}`, want: false},
		{name: "big int vs number fails", rule: `{"field":{"metadata.big":1}}`, wantErr: ErrLongRange},
		{name: "big json number fails", rule: `{"field":{"metadata.bigjn":1}}`, wantErr: ErrLongRange},
		{name: "uint64 beyond long fails", rule: `{"field":{"metadata.u64":1}}`, wantErr: ErrLongRange},
		{name: "values in order: string first", rule: `{"field":{"metadata.big":["x",1]}}`, wantErr: ErrLongRange},
		{name: "any stops before the failure", rule: `{"any":[{"field":{"username":"bob"}},{"field":{"metadata.big":1}}]}`, want: true},
		{name: "any reaches the failure", rule: `{"any":[{"field":{"metadata.big":1}},{"field":{"username":"bob"}}]}`, wantErr: ErrLongRange},
		{name: "all stops before the failure", rule: `{"all":[{"field":{"username":"x"}},{"field":{"metadata.big":1}}]}`, want: false},
		{name: "except propagates failure", rule: `{"all":[{"except":{"field":{"metadata.big":1}}}]}`, wantErr: ErrLongRange},
		{name: "value list stops at match", rule: `{"field":{"metadata.list":["a",1]}}`, want: true},
		{name: "all empty", rule: `{"all":[]}`, want: true},
		{name: "any empty", rule: `{"any":[]}`, want: false},
		{name: "except inside all", rule: `{"all":[{"except":{"field":{"username":"x"}}}]}`, want: true},
		{name: "nested", rule: `{"any":[{"all":[{"field":{"realm.name":"ldap1"}},{"except":{"field":{"metadata.bool":true}}}]},{"field":{"metadata.str":"e*"}}]}`, want: true},
	})
}

func TestEvalDN(t *testing.T) {
	noDN := func(u *user.User) { u.DN = nil }
	noGroups := func(u *user.User) { u.Groups = nil }
	dnIs := func(s string) func(*user.User) { return func(u *user.User) { u.DN = &s } }
	groupsAre := func(gs ...string) func(*user.User) { return func(u *user.User) { u.Groups = gs } }
	runEvalCases(t, []evalCase{
		{name: "dn literal as written", rule: `{"field":{"dn":"CN=Bob,OU=People, DC=Example,DC=com"}}`, want: true},
		{name: "dn ignoring case", rule: `{"field":{"dn":"cn=bob,ou=people, dc=example,dc=com"}}`, want: true},
		{name: "dn normalized", rule: `{"field":{"dn":"cn=bob,ou=people,dc=example,dc=com"}}`, want: true},
		{name: "dn spaced", rule: `{"field":{"dn":"cn = bob , ou = people , dc = example , dc = com"}}`, want: true},
		{name: "dn other", rule: `{"field":{"dn":"cn=alice,ou=people,dc=example,dc=com"}}`, want: false},
		{name: "dn parent is not equal", rule: `{"field":{"dn":"ou=people,dc=example,dc=com"}}`, want: false},
		{name: "dn subtree", rule: `{"field":{"dn":"*,ou=people,dc=example,dc=com"}}`, want: true},
		{name: "dn subtree mixed case suffix", rule: `{"field":{"dn":"*,OU=People,DC=Example,DC=COM"}}`, want: true},
		{name: "dn subtree spaced suffix", rule: `{"field":{"dn":"*, ou = people, dc=example, dc=com"}}`, want: true},
		{name: "dn subtree grandparent", rule: `{"field":{"dn":"*,dc=com"}}`, want: true},
		{name: "dn subtree root is not a strict descendant", rule: `{"field":{"dn":"*,ou=people,dc=example,dc=com"}}`, user: dnIs("ou=people,dc=example,dc=com"), want: false},
		{name: "dn subtree wrong branch", rule: `{"field":{"dn":"*,ou=groups,dc=example,dc=com"}}`, want: false},
		{name: "dn subtree suffix invalid", rule: `{"field":{"dn":"*,not a dn"}}`, want: false},
		{name: "dn empty suffix any DN", rule: `{"field":{"dn":"*,"}}`, want: true},
		{name: "dn empty suffix not the null DN", rule: `{"field":{"dn":"*,"}}`, user: dnIs(""), want: false},
		{name: "dn second star disables subtree", rule: `{"field":{"dn":"*,ou=*,dc=Example,dc=com"}}`, user: dnIs("CN=A,OU=B, DC=Example,DC=com"), want: false},
		{name: "dn second star lower pattern on normalized", rule: `{"field":{"dn":"*,ou=*,dc=example,dc=com"}}`, user: dnIs("CN=A,OU=B, DC=Example,DC=com"), want: true},
		{name: "dn mixed-case pattern fails", rule: `{"field":{"dn":"CN=*,OU=People,DC=Example,DC=COM"}}`, user: dnIs("cn=bob,ou=people,dc=example,dc=com"), want: false},
		{name: "dn mixed-case pattern raw", rule: `{"field":{"dn":"CN=*,OU=People,DC=Example,DC=com"}}`, user: dnIs("CN=bob,OU=People,DC=Example,DC=com"), want: true},
		{name: "dn upper pattern on upper form", rule: `{"field":{"dn":"CN=BOB,*"}}`, want: true},
		{name: "dn regex on normalized", rule: `{"field":{"dn":"/cn=bob,ou=people,dc=example,dc=com/"}}`, want: true},
		{name: "dn number", rule: `{"field":{"dn":1}}`, user: dnIs("1"), want: false},
		{name: "dn null with DN", rule: `{"field":{"dn":null}}`, want: false},
		{name: "dn null without DN", rule: `{"field":{"dn":null}}`, user: noDN, want: true},
		{name: "dn star without DN", rule: `{"field":{"dn":"*"}}`, user: noDN, want: false},
		{name: "dn that is not a DN", rule: `{"field":{"dn":"BOB"}}`, user: dnIs("bob"), want: true},
		{name: "dn not a DN vs pattern", rule: `{"field":{"dn":"*,dc=com"}}`, user: dnIs("bob,dc=com"), want: true},
		{name: "dn not a DN subtree does not apply", rule: `{"field":{"dn":"*,dc=com"}}`, user: dnIs("bob, dc=com"), want: false},
		{name: "group DN ignoring case", rule: `{"field":{"groups":"CN=ADMINS,OU=GROUPS,DC=EXAMPLE,DC=COM"}}`, want: true},
		{name: "group DN spaced", rule: `{"field":{"groups":"cn=admins, ou=groups, dc=example, dc=com"}}`, want: true},
		{name: "group name ignoring case", rule: `{"field":{"groups":"developers"}}`, want: true},
		{name: "group name with space", rule: `{"field":{"groups":"developers "}}`, want: false},
		{name: "group sharp s not SS", rule: `{"field":{"groups":"STRASSE"}}`, want: false},
		{name: "group sharp s upper form", rule: `{"field":{"groups":"*SS*"}}`, want: true},
		{name: "group wildcard lower form", rule: `{"field":{"groups":"dev*"}}`, want: true},
		{name: "group regex upper form", rule: `{"field":{"groups":"/DEV.*/"}}`, want: true},
		{name: "group subtree", rule: `{"field":{"groups":"*,ou=groups,dc=example,dc=com"}}`, want: true},
		{name: "group star", rule: `{"field":{"groups":"*"}}`, want: true},
		{name: "group null", rule: `{"field":{"groups":null}}`, want: false},
		{name: "group true", rule: `{"field":{"groups":true}}`, want: false},
		{name: "no groups star", rule: `{"field":{"groups":"*"}}`, user: noGroups, want: false},
		{name: "no groups null", rule: `{"field":{"groups":null}}`, user: noGroups, want: false},
		{name: "spaced DN group vs normalized value", rule: `{"field":{"groups":"cn=x"}}`, user: groupsAre("CN = X"), want: true},
		{name: "username is not DN-aware", rule: `{"field":{"username":"CN=BOB"}}`, user: func(u *user.User) { u.Username = "cn=bob" }, want: false},
	})
}

func TestNewModelErrors(t *testing.T) {
	tests := []struct {
		name     string
		metadata map[string]any
		want     error
		contains string
	}{
		{"object", map[string]any{"o": map[string]any{"a": 1}}, ErrUnsupportedValue, "Unsupported value type class java.util.HashMap"},
		{"object in list", map[string]any{"o": []any{"a", map[string]any{}}}, ErrUnsupportedValue, "metadata.o"},
		{"null", map[string]any{"gone": nil}, ErrNullMetadata, "metadata.gone"},
		{"go struct", map[string]any{"s": struct{}{}}, ErrUnsupportedValue, "Unsupported value type"},
		{"bad json number", map[string]any{"n": json.Number("1x")}, ErrUnsupportedValue, "1x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := &user.User{Username: "u", Metadata: tc.metadata}
			_, err := NewModel(u, nil)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.contains) {
				t.Fatalf("error %q does not contain %q", err, tc.contains)
			}
		})
	}
	deep := any("x")
	for i := 0; i < maxValueDepth+5; i++ {
		deep = []any{deep}
	}
	if _, err := NewModel(&user.User{Metadata: map[string]any{"d": deep}}, nil); !errors.Is(err, ErrUnsupportedValue) {
		t.Fatalf("deep list: %v", err)
	}
	if _, err := NewModel(nil, nil); err == nil {
		t.Fatal("nil user accepted")
	}
}

// TestMalformedExpr checks trees rules.Parse never builds: errors, never
// panics, and Eval and Explain agree.
func TestMalformedExpr(t *testing.T) {
	m, err := NewModel(baseUser(), nil)
	if err != nil {
		t.Fatal(err)
	}
	long := &rules.Value{Kind: rules.LongValue, Long: 5}
	tests := []struct {
		name    string
		e       *rules.Expr
		want    bool
		wantErr bool
	}{
		{"nil", nil, false, true},
		{"nil child", &rules.Expr{Op: rules.All, Children: []*rules.Expr{nil}}, false, true},
		{"bare except", &rules.Expr{Op: rules.Except}, false, true},
		{"unknown op", &rules.Expr{Op: 9}, false, true},
		{"nil value", &rules.Expr{Op: rules.Field, Field: "username", Values: []*rules.Value{nil}}, false, true},
		{"uncompiled pattern", &rules.Expr{Op: rules.Field, Field: "groups",
			Values: []*rules.Value{{Kind: rules.StringValue, Str: "a*", Pattern: rules.Wildcard}}}, false, true},
		{"number without source", &rules.Expr{Op: rules.Field, Field: "metadata.long", Values: []*rules.Value{long}}, false, false},
		{"number without source on groups", &rules.Expr{Op: rules.Field, Field: "groups", Values: []*rules.Value{long}}, false, false},
		{"number without source on dn", &rules.Expr{Op: rules.Field, Field: "dn", Values: []*rules.Value{long}}, false, false},
		{"no values", &rules.Expr{Op: rules.Field, Field: "username"}, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Eval(tc.e, m)
			tr := Explain(tc.e, m)
			if got != tc.want || (err != nil) != tc.wantErr {
				t.Fatalf("Eval = %v, %v", got, err)
			}
			if tr.Matched != got || (tr.Err != nil) != (err != nil) || tr.Reason == "" {
				t.Fatalf("Explain = %v, %v, %q", tr.Matched, tr.Err, tr.Reason)
			}
			if err != nil && !errors.Is(err, ErrBadExpr) {
				t.Fatalf("error %v is not ErrBadExpr", err)
			}
			found := false
			NewIndex([]*rules.Expr{tc.e}, nil).Candidates(m, func(int) { found = true })
			if err != nil && tc.e != nil && !found {
				t.Fatal("a failing rule is not a candidate")
			}
		})
	}
	if _, err := Eval(mustRule(t, `{"all":[]}`), nil); !errors.Is(err, ErrBadExpr) {
		t.Fatalf("nil model: %v", err)
	}
	if tr := Explain(mustRule(t, `{"all":[]}`), nil); tr.Err == nil {
		t.Fatal("Explain with a nil model has no error")
	}
}
