package budget

import (
	"errors"
	"fmt"
	"sync/atomic"
)

// ErrExhausted is wrapped by every *Error.
var ErrExhausted = errors.New("could not decide within the budget")

// Error reports that a pool ran out.
type Error struct {
	// Setting is the configuration key that raises the limit, such as
	// "limits.automaton_states".
	Setting string
	// What names what the pool counts, such as "automaton states".
	What string
	// Limit is the pool's size.
	Limit int64
}

// Error says what ran out and how to raise it.
func (e *Error) Error() string {
	return fmt.Sprintf("%s of %d %s (raise %s in .rolemap-lint.yaml to allow more)",
		ErrExhausted.Error(), e.Limit, e.What, e.Setting)
}

// Unwrap returns ErrExhausted.
func (e *Error) Unwrap() error { return ErrExhausted }

// Pool is a quantity of work shared by the operations of a run. It is safe
// for concurrent use. A nil *Pool is unlimited.
type Pool struct {
	setting string
	what    string
	limit   int64
	used    atomic.Int64
	parent  *Pool
}

// NewPool returns a pool of limit units; limit <= 0 means unlimited.
// setting and what name the limit in errors.
func NewPool(setting, what string, limit int64) *Pool {
	return &Pool{setting: setting, what: what, limit: limit}
}

// Sub returns a pool of at most limit units that also draws every unit
// from p: it bounds one question (one mapping's analysis) inside the run.
// A nil p gives a pool with no parent.
func (p *Pool) Sub(setting, what string, limit int64) *Pool {
	return &Pool{setting: setting, what: what, limit: limit, parent: p}
}

// Take draws n units. It fails with an *Error when the pool (or a parent)
// has fewer left; the units are still counted, so every later Take fails
// too.
func (p *Pool) Take(n int64) error {
	if p == nil {
		return nil
	}
	used := p.used.Add(n)
	if p.limit > 0 && used > p.limit {
		return p.err()
	}
	return p.parent.Take(n)
}

// Exhausted reports whether the pool (or a parent) has run out.
func (p *Pool) Exhausted() error {
	for q := p; q != nil; q = q.parent {
		if q.limit > 0 && q.used.Load() > q.limit {
			return q.err()
		}
	}
	return nil
}

// Used returns the units drawn so far (possibly more than the limit).
func (p *Pool) Used() int64 {
	if p == nil {
		return 0
	}
	return p.used.Load()
}

// Limit returns the pool's size (0: unlimited).
func (p *Pool) Limit() int64 {
	if p == nil {
		return 0
	}
	return p.limit
}

func (p *Pool) err() *Error {
	return &Error{Setting: p.setting, What: p.what, Limit: p.limit}
}
