package match

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/conformance"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// loadCases returns the cases of one kind of es-cases.json (format:
// docs/semantics.md, "Conformance cases"); it fails the test when there are none.
func loadCases(t *testing.T, kind string) []conformance.Case {
	t.Helper()
	all, err := conformance.Load(filepath.Join("..", "..", "..", "internal", "conformance", "testdata", "es-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	out := conformance.Kind(all, kind)
	if len(out) == 0 {
		t.Fatalf("no %s cases", kind)
	}
	return out
}

// checkOutcome compares Eval and Explain with a case's expectation, and the
// index with Eval.
func checkOutcome(t *testing.T, c conformance.Case, ruleSrc string, m *Model) {
	t.Helper()
	e := mustRule(t, ruleSrc)
	got, err := Eval(e, m)
	tr := Explain(e, m)
	if (err == nil) != (tr.Err == nil) || got != tr.Matched {
		t.Fatalf("Eval = %v, %v but Explain = %v, %v (%s)", got, err, tr.Matched, tr.Err, tr.Reason)
	}
	if c.ExpectErrorContains != "" {
		if err == nil || !strings.Contains(err.Error(), c.ExpectErrorContains) {
			t.Fatalf("want error containing %q, got %v, %v", c.ExpectErrorContains, got, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("unexpected error %v", err)
	}
	var want bool
	if err := json.Unmarshal(c.Expect, &want); err != nil {
		t.Fatalf("case expect %s: %v", c.Expect, err)
	}
	if got != want {
		t.Fatalf("Eval = %v, want %v; explanation: %s", got, want, tr.Reason)
	}
	if m.generic == nil && got {
		found := false
		NewIndex([]*rules.Expr{e}, nil).Candidates(m, func(int) { found = true })
		if !found {
			t.Fatal("index misses a matching rule")
		}
	}
}

func TestConformanceMatch(t *testing.T) {
	n := dn.NewNormalizer(0)
	for _, c := range loadCases(t, "match") {
		t.Run(c.ID, func(t *testing.T) {
			var m *Model
			var err error
			switch {
			case c.User != nil:
				var u *conformance.User
				u, err = c.DecodeUser()
				if err != nil {
					t.Fatal(err)
				}
				m, err = NewModel(caseUser(u), n)
			case c.Model != nil:
				var fields map[string]any
				fields, err = decodeGeneric(c.Model)
				if err != nil {
					t.Fatal(err)
				}
				m, err = NewGenericModel(fields)
			default:
				t.Fatal("case has neither user nor model")
			}
			if err != nil {
				if c.ExpectErrorContains != "" && strings.Contains(err.Error(), c.ExpectErrorContains) {
					return
				}
				t.Fatalf("model: %v", err)
			}
			checkOutcome(t, c, string(c.Rule), m)
		})
	}
}

func TestConformanceDN(t *testing.T) {
	n := dn.NewNormalizer(0)
	for _, c := range loadCases(t, "dn") {
		t.Run(c.ID, func(t *testing.T) {
			if c.Value == nil {
				t.Fatal("dn case without a string value")
			}
			u := &user.User{Username: "u", Groups: []string{}, Realm: user.Realm{Name: "r"}}
			switch c.Field {
			case FieldDN:
				u.DN = c.Value
			case FieldGroups:
				u.Groups = []string{*c.Value}
			default:
				t.Fatalf("unknown field %q", c.Field)
			}
			m, err := NewModel(u, n)
			if err != nil {
				t.Fatal(err)
			}
			rule := `{"field": {"` + c.Field + `": ` + string(c.Pattern) + `}}`
			checkOutcome(t, c, rule, m)
		})
	}
}
