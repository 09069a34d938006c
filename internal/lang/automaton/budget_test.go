package automaton

import (
	"errors"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

func TestOpsChargeThePool(t *testing.T) {
	a, err := CompileRegexp(".*a.{6}", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := CompileRegexp(".*b.{6}", Options{})
	if err != nil {
		t.Fatal(err)
	}
	ops := []struct {
		name string
		run  func(Ops) error
	}{
		{"intersection", func(o Ops) error { _, err := o.Intersect(a, b); return err }},
		{"union", func(o Ops) error { _, err := o.Union(a, b); return err }},
		{"difference", func(o Ops) error { _, err := o.Minus(a, b); return err }},
		{"subset", func(o Ops) error { _, err := o.SubsetOf(a, b); return err }},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			roomy := budget.NewPool("limits.x", "states", 1<<30)
			if err := op.run(Ops{Pool: roomy}); err != nil {
				t.Fatalf("with room: %v", err)
			}
			if roomy.Used() == 0 {
				t.Fatal("the operation charged nothing")
			}
			tight := budget.NewPool("limits.x", "states", 100)
			err := op.run(Ops{Pool: tight})
			if !errors.Is(err, budget.ErrExhausted) {
				t.Fatalf("with 100 states: err = %v, want a budget error", err)
			}
			// an exhausted pool fails the next operation at once
			if err := op.run(Ops{Pool: tight}); !errors.Is(err, budget.ErrExhausted) {
				t.Fatalf("after exhaustion: err = %v", err)
			}
		})
	}
}

func TestCacheBudgets(t *testing.T) {
	t.Run("held states", func(t *testing.T) {
		c := &Cache{Held: budget.NewPool(budget.SettingPatternStates, "states held", 50)}
		if _, _, err := c.Value("/a{10}/", Options{}); err != nil {
			t.Fatalf("small pattern: %v", err)
		}
		_, pattern, err := c.Value("/b{100}/", Options{})
		if !pattern || !errors.Is(err, budget.ErrExhausted) {
			t.Fatalf("pattern over the held budget: pattern %v, err %v", pattern, err)
		}
		// literals are not automata held for the run
		if _, pattern, err := c.Value("plain", Options{}); pattern || err != nil {
			t.Fatalf("literal: pattern %v, err %v", pattern, err)
		}
	})
	t.Run("construction work", func(t *testing.T) {
		work := budget.NewPool(budget.SettingAutomatonStates, "states", 2000)
		c := &Cache{Work: work}
		_, _, err := c.Value("/((a{10}){10}){10}/", Options{})
		if !errors.Is(err, budget.ErrExhausted) {
			t.Fatalf("err = %v, want a budget error", err)
		}
		if used := work.Used(); used > 2000+1200 {
			t.Fatalf("compilation went on long after the pool ran out: %d units", used)
		}
		if _, _, err := c.Value("a*", Options{}); !errors.Is(err, budget.ErrExhausted) {
			t.Fatalf("next pattern after exhaustion: %v", err)
		}
	})
	t.Run("Lucene's limit stays Lucene's", func(t *testing.T) {
		c := &Cache{Work: budget.NewPool(budget.SettingAutomatonStates, "states", 1<<30)}
		_, _, err := c.Value("/(a|b)*a(a|b){20}/", Options{})
		var tc *TooComplexError
		if !errors.As(err, &tc) {
			t.Fatalf("err = %v, want Lucene's TooComplexToDeterminizeException", err)
		}
	})
}
