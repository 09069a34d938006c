package budget

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestPool(t *testing.T) {
	tests := []struct {
		name    string
		limit   int64
		takes   []int64
		wantErr []bool
	}{
		{"unlimited", 0, []int64{1 << 40, 1 << 40}, []bool{false, false}},
		{"within", 10, []int64{4, 6}, []bool{false, false}},
		{"over", 10, []int64{4, 7, 1}, []bool{false, true, true}},
		{"one big take", 10, []int64{11}, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPool("limits.x", "things", tt.limit)
			for i, n := range tt.takes {
				err := p.Take(n)
				if (err != nil) != tt.wantErr[i] {
					t.Fatalf("take %d: err = %v, want error %v", i, err, tt.wantErr[i])
				}
				if err != nil && !errors.Is(err, ErrExhausted) {
					t.Fatalf("take %d: %v is not ErrExhausted", i, err)
				}
				if (p.Exhausted() != nil) != tt.wantErr[i] {
					t.Fatalf("take %d: Exhausted() = %v", i, p.Exhausted())
				}
			}
		})
	}
}

func TestNilPoolIsUnlimited(t *testing.T) {
	var p *Pool
	if err := p.Take(1 << 62); err != nil || p.Exhausted() != nil || p.Used() != 0 || p.Limit() != 0 {
		t.Fatal("a nil pool must be unlimited")
	}
	var r *Run
	if r.States() != nil || r.Steps() != nil || r.Patterns() != nil || r.YAML() != nil || r.Templates() != nil || r.Question() != nil {
		t.Fatal("a nil run must have nil pools")
	}
}

func TestSubPoolNamesTheLimitThatBinds(t *testing.T) {
	run := NewPool(SettingAutomatonStates, "automaton states for the run", 100)
	q := run.Sub(SettingAnalysisStates, "automaton states for one question", 30)
	err := q.Take(31)
	var be *Error
	if !errors.As(err, &be) || be.Setting != SettingAnalysisStates {
		t.Fatalf("question over its own limit: %v", err)
	}
	q2 := run.Sub(SettingAnalysisStates, "automaton states for one question", 90)
	_ = run.Take(50) // another question's states
	if err := q2.Take(60); !errors.As(err, &be) || be.Setting != SettingAutomatonStates {
		t.Fatalf("question within its limit but the run over its own: %v", err)
	}
	if run.Exhausted() == nil || q2.Exhausted() == nil {
		t.Fatal("the run pool must be exhausted, and so every question drawn from it")
	}
}

func TestErrorNamesTheSetting(t *testing.T) {
	err := (&Error{Setting: SettingTemplateSteps, What: "role template rendering steps for the run", Limit: 5}).Error()
	for _, want := range []string{"could not decide within the budget", "5 role template rendering steps", "raise limits.template_steps in .rolemap-lint.yaml"} {
		if !strings.Contains(err, want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}

func TestConcurrentTakesAreCounted(t *testing.T) {
	p := NewPool("limits.x", "things", 1000)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				_ = p.Take(1)
			}
		}()
	}
	wg.Wait()
	if p.Used() != 1600 || p.Exhausted() == nil {
		t.Fatalf("used %d, exhausted %v", p.Used(), p.Exhausted())
	}
}

func TestWithDefaults(t *testing.T) {
	l := Limits{TemplateSteps: 7}.WithDefaults()
	if l.TemplateSteps != 7 || l.AutomatonStates != Defaults.AutomatonStates || l.YAMLNodes != Defaults.YAMLNodes {
		t.Fatalf("WithDefaults = %+v", l)
	}
	r := New(Limits{AnalysisStates: 3})
	if r.Question().Limit() != 3 || r.States().Limit() != Defaults.AutomatonStates {
		t.Fatalf("New: question %d, run %d", r.Question().Limit(), r.States().Limit())
	}
}
