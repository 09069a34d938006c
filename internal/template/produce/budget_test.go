package produce

import (
	"errors"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/template"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// TestCanProduceWithinBudget: the example renderings of CanProduce and its
// analysis draw from the run's pools, so many templates cannot add up to
// minutes; running out is an error wrapping the budget, never a No.
func TestCanProduceWithinBudget(t *testing.T) {
	src := strings.Repeat("{{#groups}}", 8) + "{{username}}" + strings.Repeat("{{/groups}}", 8)
	tmpl := parseT(t, `{"template": {"source": "`+src+`"}, "format": "json"}`)
	if p, err := CanProduceWithin(tmpl, "superuser", nil, automaton.Ops{}, nil); err != nil || p.Answer == No {
		t.Fatalf("unbounded: %v, %v", p.Answer, err)
	}
	long := parseT(t, `{"template": {"source": "`+strings.Repeat("{{username}}-", 300)+`"}, "format": "string"}`)
	tests := []struct {
		name    string
		tmpl    *template.Template
		ops     automaton.Ops
		steps   *budget.Pool
		setting string
	}{
		{"rendering steps", tmpl, automaton.Ops{}, budget.NewPool(budget.SettingTemplateSteps, "steps", 10_000), budget.SettingTemplateSteps},
		{"analysis steps", long, automaton.Ops{Pool: budget.NewPool(budget.SettingAutomatonStates, "states", 10)}, nil, budget.SettingAutomatonStates},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := CanProduceWithin(tt.tmpl, "superuser", nil, tt.ops, tt.steps)
			var be *budget.Error
			if p.Answer != Unknown || !errors.As(err, &be) || be.Setting != tt.setting {
				t.Fatalf("got %v, %v; want Unknown with the budget of %s", p.Answer, err, tt.setting)
			}
		})
	}
}
