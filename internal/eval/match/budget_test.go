package match

import (
	"errors"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// TestUndecidedPatternFailsEvaluation: a pattern that could not be
// compiled within the budget is never treated as a literal; evaluating it
// fails with the budget error, unless Elasticsearch's order of evaluation
// never reaches it.
func TestUndecidedPatternFailsEvaluation(t *testing.T) {
	v, diags := loader.ParseJSON(source.NewFile("r.json", []byte(`{"field":{"username":["bob","/a{50}/"]}}`)))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cache := &automaton.Cache{Held: budget.NewPool(budget.SettingPatternStates, "states", 10)}
	e, _ := rules.Parse(v, "m", nil, rules.Options{Patterns: cache})
	if e == nil {
		t.Fatal("the tree must be kept")
	}
	for _, tt := range []struct {
		username  string
		undecided bool
	}{
		{"bob", false}, // the first value matches: the pattern is never evaluated
		{"/a{50}/", true},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true},
	} {
		u := user.User{Username: tt.username, Groups: []string{}, Metadata: map[string]any{}, Realm: user.Realm{Name: "r"}}
		m, err := NewModel(&u, nil)
		if err != nil {
			t.Fatal(err)
		}
		ok, err := Eval(e, m)
		if tt.undecided != errors.Is(err, budget.ErrExhausted) || (!tt.undecided && !ok) {
			t.Errorf("%s: Eval = %v, %v", tt.username, ok, err)
		}
		if tr := Explain(e, m); tt.undecided != errors.Is(tr.Err, budget.ErrExhausted) {
			t.Errorf("%s: Explain error %v", tt.username, tr.Err)
		}
	}
}
