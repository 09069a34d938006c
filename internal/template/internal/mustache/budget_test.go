package mustache

import (
	"errors"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

// TestRunBudget: renderings share the run's pool of steps besides
// MaxSteps each, so many renderings just under MaxSteps stay bounded.
func TestRunBudget(t *testing.T) {
	tmpl, err := Compile("{{#groups}}{{#groups}}{{/groups}}{{/groups}}x")
	if err != nil {
		t.Fatal(err)
	}
	root := hm("groups", bigGroups(300)) // ~90,000 steps per rendering
	pool := budget.NewPool(budget.SettingTemplateSteps, "steps", 1_000_000)
	renders := 0
	for ; renders < 100; renders++ {
		out, err := tmpl.Execute(root, Options{Steps: pool})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Kind != WorkLimit || !errors.Is(err, budget.ErrExhausted) {
				t.Fatalf("rendering %d: %v, want the run's budget", renders, err)
			}
			break
		}
		if out != "x" {
			t.Fatalf("rendering %d: %q", renders, out)
		}
	}
	if renders < 5 || renders > 12 {
		t.Fatalf("%d renderings fit in 1,000,000 steps, want about 11", renders)
	}
	if _, err := tmpl.Execute(hm("groups", bigGroups(1)), Options{Steps: pool}); !errors.Is(err, budget.ErrExhausted) {
		t.Fatalf("after exhaustion even a tiny rendering is refused: %v", err)
	}
	// Without a pool only MaxSteps applies.
	if _, err := tmpl.Execute(root, Options{}); err != nil {
		t.Fatal(err)
	}
}
