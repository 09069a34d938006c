package automaton

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

// Bounds this package keeps while building Lucene-shaped automata. They sit
// far above anything a realistic role-mapping pattern needs; patterns past
// them get a LimitError.
const (
	maxBuildStates      = 1 << 20  // states in one automaton
	maxBuildTransitions = 4 << 20  // transitions in one automaton
	maxBuildWork        = 48 << 20 // states+transitions created during one compilation
	maxLimitlessEffort  = 10 << 20 // effort of a determinization Lucene runs without a limit
	maxNesting          = 1000     // nesting of groups, complements and repeats
)

// ctx carries the dialect and the resource accounting of one compilation.
type ctx struct {
	prof      profile
	workLimit int
	work      int64
	// pool, when set, is charged the same work as work, so that the
	// compilations of a run share one bound.
	pool *budget.Pool
	// peakDFA is the size of the largest automaton a determinization
	// produced, for diagnostics and tests.
	peakDFA int
}

func newCtx(opt Options) *ctx {
	return &ctx{prof: opt.profile(), workLimit: opt.workLimit()}
}

// charge accounts for an automaton of the given size being built.
func (c *ctx) charge(states, transitions int) error {
	if states > maxBuildStates {
		return &LimitError{What: fmt.Sprintf("an automaton with more than %d states", maxBuildStates)}
	}
	if transitions > maxBuildTransitions {
		return &LimitError{What: fmt.Sprintf("an automaton with more than %d transitions", maxBuildTransitions)}
	}
	c.work += int64(states) + int64(transitions)
	if c.work > maxBuildWork {
		return &LimitError{What: "too much construction work"}
	}
	return c.pool.Take(int64(states) + int64(transitions))
}

// chargeFA accounts for a finished automaton.
func (c *ctx) chargeFA(a *fa) error {
	return c.charge(a.numStates(), a.numTransitions())
}
