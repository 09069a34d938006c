package decide

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

func parseRules(t *testing.T, text string) *rules.Expr {
	t.Helper()
	v, diags := loader.ParseJSON(source.NewFile("r.json", []byte(text)))
	if v == nil || len(diags) > 0 {
		t.Fatalf("loader: %v", diags)
	}
	e, ds := rules.Parse(v, "m", nil, rules.Options{})
	if len(ds) > 0 {
		t.Fatalf("rules: %v", ds)
	}
	return e
}

func TestDecide(t *testing.T) {
	tests := []struct {
		rules      string
		sat, every Tri    // Satisfiable; MatchesEveryone as "does it match everyone"
		reason     string // substring of the never-matches reason
	}{
		{`{"all": []}`, Yes, Yes, ""},
		{`{"any": []}`, No, No, "contradictory"},
		{`{"field": {"username": "*"}}`, Yes, Yes, ""},
		{`{"field": {"username": "/@/"}}`, Yes, Yes, ""},
		{`{"field": {"username": "/#/"}}`, No, No, "no username value matches"},
		{`{"field": {"username": 1}}`, No, No, "always holds a string"},
		{`{"field": {"realm.name": ["a", "*"]}}`, Yes, Yes, ""},
		{`{"field": {"realm.name": "ldap1"}}`, Yes, No, ""},
		{`{"all": [{"field": {"realm.name": "a"}}, {"field": {"realm.name": "b"}}]}`, No, No, `no realm.name value matches "a" and "b"`},
		{`{"all": [{"field": {"realm.name": "a"}}, {"except": {"field": {"realm.name": "a"}}}]}`, No, No, "contradictory"},
		{`{"all": [{"field": {"username": "adm*"}}, {"except": {"field": {"username": "a*"}}}]}`, No, No, `while matching none of "a*"`},
		{`{"all": [{"field": {"username": "a*"}}, {"except": {"field": {"username": "adm*"}}}]}`, Yes, No, ""},
		{`{"any": [{"field": {"metadata.x": null}}, {"all": [{"except": {"field": {"metadata.x": null}}}]}]}`, Yes, Yes, ""},
		{`{"field": {"metadata.x": null}}`, Yes, No, ""},
		{`{"all": [{"field": {"metadata.t": "a"}}, {"field": {"metadata.t": "b"}}]}`, Yes, No, ""},
		{`{"all": [{"field": {"metadata.t": 1}}, {"except": {"field": {"metadata.t": [1, "x"]}}}]}`, No, No, "no metadata.t value matches 1"},
		{`{"field": {"userid": "x"}}`, No, No, "not a field of the user model"},
		{`{"field": {"groups": "cn=a,dc=b"}}`, Yes, No, ""},
		{`{"field": {"groups": "*"}}`, Yes, No, ""},
		{`{"all": [{"field": {"groups": "x"}}, {"except": {"field": {"groups": ["x", "y"]}}}]}`, No, No, "every groups value matching"},
		{`{"field": {"dn": "*"}}`, Yes, No, ""},
		{`{"all": [{"field": {"username": "*"}}, {"except": {"field": {"dn": null}}}]}`, Yes, No, ""},
	}
	for _, tt := range tests {
		e := parseRules(t, tt.rules)
		sat := Satisfiable(e, Options{})
		if sat.Satisfiable != tt.sat {
			t.Errorf("%s: Satisfiable = %v, want %v (%s)", tt.rules, sat.Satisfiable, tt.sat, sat.Reason)
		}
		if tt.sat == No && !strings.Contains(sat.Reason, tt.reason) {
			t.Errorf("%s: reason %q, want it to contain %q", tt.rules, sat.Reason, tt.reason)
		}
		if tt.sat == Yes && sat.Witness == nil {
			t.Errorf("%s: no witness", tt.rules)
		}
		every := MatchesEveryone(e, Options{})
		gotEvery := Unknown
		switch every.Satisfiable {
		case No:
			gotEvery = Yes
		case Yes:
			gotEvery = No
		}
		if gotEvery != tt.every {
			t.Errorf("%s: matches everyone = %v, want %v", tt.rules, gotEvery, tt.every)
		}
	}
}

func TestTooManyAtoms(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"any": [`)
	for i := range 20 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"field": {"username": "u` + string(rune('a'+i)) + `"}}`)
	}
	b.WriteString(`]}`)
	if got := Satisfiable(parseRules(t, b.String()), Options{}); got.Satisfiable != Unknown {
		t.Errorf("20 atoms: %v, want Unknown (bounded enumeration)", got.Satisfiable)
	}
	_ = popcount(3)
}

func TestMatchOracle(t *testing.T) {
	opt := Options{DN: &MatchOracle{}}
	tests := []struct {
		rules string
		sat   Tri
	}{
		{`{"all": [{"field": {"groups": "cn=admins,dc=example,dc=com"}}, {"except": {"field": {"groups": "cn=other,dc=example,dc=com"}}}]}`, Yes},
		{`{"all": [{"field": {"dn": "*,ou=people,dc=example,dc=com"}}, {"except": {"field": {"dn": "cn=bob,ou=people,dc=example,dc=com"}}}]}`, Yes},
		{`{"all": [{"field": {"groups": "Admins"}}, {"except": {"field": {"groups": "admins"}}}]}`, Unknown}, // case-insensitive: unsatisfiable, but not provable here
		{`{"all": [{"field": {"dn": "cn=a,dc=b"}}, {"field": {"dn": "CN=A, DC=B"}}]}`, Yes},
	}
	for _, tt := range tests {
		got := Satisfiable(parseRules(t, tt.rules), opt)
		if got.Satisfiable != tt.sat {
			t.Errorf("%s: %v, want %v", tt.rules, got.Satisfiable, tt.sat)
		}
		if got.Satisfiable == Yes && got.Witness == nil {
			t.Errorf("%s: no witness", tt.rules)
		}
	}
}

func TestPinned(t *testing.T) {
	tests := []struct {
		rules, field string
		accepts      []string
		rejects      []string
		free         bool
	}{
		{`{"field": {"username": "bob"}}`, "username", []string{"bob"}, []string{"superuser"}, false},
		{`{"all": [{"field": {"realm.name": "saml1"}}, {"field": {"username": ["a*", "bob"]}}]}`, "username", []string{"bob", "alice"}, []string{"superuser"}, false},
		{`{"any": [{"field": {"username": "bob"}}, {"field": {"groups": "x"}}]}`, "username", nil, nil, true},
		{`{"all": [{"except": {"field": {"username": "bob"}}}]}`, "username", nil, nil, true},
		{`{"field": {"groups": "admins"}}`, "groups", nil, nil, true},
		{`{"field": {"realm.name": "saml1"}}`, "username", nil, nil, true},
	}
	for _, tt := range tests {
		l := Pinned(parseRules(t, tt.rules), tt.field, automaton.Ops{})
		if (l == nil) != tt.free {
			t.Errorf("%s %s: pinned = %v, want free = %v", tt.rules, tt.field, l != nil, tt.free)
			continue
		}
		for _, s := range tt.accepts {
			if !l.Match(s) {
				t.Errorf("%s: %q must be possible", tt.rules, s)
			}
		}
		for _, s := range tt.rejects {
			if l.Match(s) {
				t.Errorf("%s: %q must be ruled out", tt.rules, s)
			}
		}
	}
}
