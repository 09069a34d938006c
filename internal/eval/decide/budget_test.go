package decide

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// sixteenRegexes is the reproduced CPU attack: any of 16 /.*X.{11}/.
func sixteenRegexes() string {
	parts := make([]string, 16)
	for i := range parts {
		parts[i] = fmt.Sprintf(`{"field":{"username":"/.*%c.{11}/"}}`, 'a'+i)
	}
	return `{"any":[` + strings.Join(parts, ",") + `]}`
}

// literals makes the analysis examine all 2^n truth assignments: any two
// distinct usernames contradict each other.
func literals(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(`{"field":{"username":"u%d"}}`, i)
	}
	return `{"all":[{"any":[` + strings.Join(parts[:n/2], ",") + `]},{"any":[` + strings.Join(parts[n/2:], ",") + `]}]}`
}

func TestDecideWithinBudget(t *testing.T) {
	tests := []struct {
		name    string
		rules   string
		limits  budget.Limits
		setting string // "" when the answer is found
	}{
		{"ordinary rules", `{"all":[{"field":{"username":"/svc-[a-z]+/"}},{"except":{"field":{"username":"svc-test"}}}]}`, budget.Limits{}, ""},
		{"one question's states", sixteenRegexes(), budget.Limits{AnalysisStates: 50_000}, budget.SettingAnalysisStates},
		{"the run's states", sixteenRegexes(), budget.Limits{AutomatonStates: 20_000}, budget.SettingAutomatonStates},
		{"the run's steps", literals(16), budget.Limits{AnalysisSteps: 5000}, budget.SettingAnalysisSteps},
		{"every assignment within the default steps", literals(10), budget.Limits{}, "never"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseRules(t, tt.rules)
			out := Satisfiable(e, Options{Budget: budget.New(tt.limits)})
			if tt.setting == "never" {
				if out.Budget != nil || out.Satisfiable != No {
					t.Fatalf("got %v, budget %v; want No", out.Satisfiable, out.Budget)
				}
				return
			}
			if tt.setting == "" {
				if out.Budget != nil || out.Satisfiable != Yes {
					t.Fatalf("got %v, budget %v", out.Satisfiable, out.Budget)
				}
				return
			}
			var be *budget.Error
			if out.Satisfiable != Unknown || !errors.As(out.Budget, &be) || be.Setting != tt.setting {
				t.Fatalf("got %v, budget %v; want Unknown naming %s", out.Satisfiable, out.Budget, tt.setting)
			}
		})
	}
}

func TestRunBudgetIsShared(t *testing.T) {
	run := budget.New(budget.Limits{AutomatonStates: 300_000})
	e := parseRules(t, sixteenRegexes())
	first := Satisfiable(e, Options{Budget: run})
	if first.Budget == nil {
		t.Fatal("the first question should exhaust the run")
	}
	// An easy question later in the run is refused at once.
	easy := parseRules(t, `{"all":[{"field":{"username":"/a.*/"}},{"except":{"field":{"username":"/ab.*/"}}}]}`)
	if out := Satisfiable(easy, Options{Budget: run}); !errors.Is(out.Budget, budget.ErrExhausted) {
		t.Fatalf("after exhaustion: %v, %v", out.Satisfiable, out.Budget)
	}
}

func TestUndecidedPatternIsUnknown(t *testing.T) {
	v, diags := loader.ParseJSON(source.NewFile("r.json", []byte(`{"all":[{"field":{"username":"/a{50}/"}},{"field":{"username":"b"}}]}`)))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cache := &automaton.Cache{Held: budget.NewPool(budget.SettingPatternStates, "states", 10)}
	e, ds := rules.Parse(v, "m", nil, rules.Options{Patterns: cache})
	if e == nil || len(ds) != 1 || ds[0].Check != rules.CheckBudget {
		t.Fatalf("parse: tree %v, diags %v", e != nil, ds)
	}
	// Without the automaton nothing is claimed, not even that the two
	// values contradict each other.
	for _, out := range []Outcome{Satisfiable(e, Options{}), MatchesEveryone(e, Options{})} {
		if out.Satisfiable != Unknown {
			t.Fatalf("got %v (%s), want Unknown", out.Satisfiable, out.Reason)
		}
	}
	if Pinned(e, "username", automaton.Ops{}) != nil {
		t.Fatal("an undecided pattern must pin nothing")
	}
}
