package automaton

import (
	"errors"
	"testing"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

// TestDeterminizeScanIsBounded: "x?{2020}" is nine characters, but the
// subset construction examines about 10^8 transitions before Lucene's
// effort limit stops it (found by FuzzCompileRegexp, whose worker was
// killed as hung). The examining is charged to the run's pool past a free
// allowance, so the pool refuses it in a fraction of a second, and without
// a pool maxScan bounds it.
func TestDeterminizeScanIsBounded(t *testing.T) {
	pool := budget.NewPool("limits.automaton_states", "automaton states", 2_000_000)
	start := time.Now()
	_, err := compileRegexp("x?{2020}", Options{}, pool)
	if !errors.Is(err, budget.ErrExhausted) {
		t.Fatalf("want the pool exhausted, got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	_, err = CompileRegexp("x?{2020}", Options{})
	var tc *TooComplexError
	var le *LimitError
	if !errors.As(err, &tc) && !errors.As(err, &le) {
		t.Fatalf("want Lucene's verdict or this package's limit, got %v", err)
	}
	// An ordinary pattern pays nothing.
	pool = budget.NewPool("limits.automaton_states", "automaton states", 1_000_000)
	if _, err := compileRegexp(emailRegexp, Options{}, pool); err != nil {
		t.Fatal(err)
	}
}
