package match

import "github.com/rolemap-lint/rolemap-lint/internal/model/rules"

// Outcome is a set of results a rule node or value has had.
type Outcome uint8

// Outcomes recorded by Coverage.
const (
	// SawTrue: the node evaluated true for some user.
	SawTrue Outcome = 1 << iota
	// SawFalse: the node evaluated false for some user.
	SawFalse
	// SawError: evaluating the node failed for some user.
	SawError
)

// Coverage accumulates, over the traces of many users, which results each
// rule node (identified by its *rules.Expr) and each field value (by its
// *rules.Value) has had. The zero value is ready to use; it is not safe for
// concurrent use.
type Coverage struct {
	nodes  map[*rules.Expr]Outcome
	values map[*rules.Value]Outcome
}

// Add records every node and value of the trace.
func (c *Coverage) Add(t *Trace) {
	if t == nil {
		return
	}
	if c.nodes == nil {
		c.nodes = make(map[*rules.Expr]Outcome)
		c.values = make(map[*rules.Value]Outcome)
	}
	var walk func(t *Trace)
	walk = func(t *Trace) {
		if t.Expr != nil {
			c.nodes[t.Expr] |= outcomeOf(t.Matched, t.Err)
			for i, ok := range t.ValueMatched {
				if i < len(t.Expr.Values) && t.Expr.Values[i] != nil {
					c.values[t.Expr.Values[i]] |= outcomeOf(ok, nil)
				}
			}
		}
		for _, ch := range t.Children {
			walk(ch)
		}
	}
	walk(t)
}

func outcomeOf(matched bool, err error) Outcome {
	switch {
	case err != nil:
		return SawError
	case matched:
		return SawTrue
	}
	return SawFalse
}

// Node returns the outcomes recorded for a rule node (0 if never seen).
func (c *Coverage) Node(e *rules.Expr) Outcome { return c.nodes[e] }

// Value returns the outcomes recorded for a field value on its own
// (SawTrue: it matched some user).
func (c *Coverage) Value(v *rules.Value) Outcome { return c.values[v] }
