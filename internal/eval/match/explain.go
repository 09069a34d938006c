package match

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// Trace is the explanation of one rule node for one user; the tree of
// traces mirrors the rule tree.
type Trace struct {
	// Expr is the rule node (its spans locate it in the source).
	Expr *rules.Expr
	// Matched is the node's result as Elasticsearch computes it.
	Matched bool
	// Reason says, for a person, why the node is true or false.
	Reason string
	// Children are the traces of an all/any/except node's children, every
	// one of them evaluated (no short-circuit), in order.
	Children []*Trace
	// ValueMatched has, for a field node, one entry per rule value:
	// whether that value alone matches the user.
	ValueMatched []bool
	// Value is, for a matching field node, the first value that matches.
	Value *rules.Value
	// Err is set when Elasticsearch's evaluation of this node fails (then
	// Matched is false); Eval returns the same error.
	Err error
}

// Explain evaluates e against the model like Eval, but evaluates every
// node and every value (so that coverage is complete) and says why each
// node is true or false. The root's Matched and Err agree with Eval: a
// node's result follows Elasticsearch's left-to-right short-circuit order
// even though Explain looks at every child.
func Explain(e *rules.Expr, m *Model) *Trace {
	if m == nil {
		return &Trace{Expr: e, Err: fmt.Errorf("%w: nil model", ErrBadExpr), Reason: "no user model"}
	}
	return explain(e, m)
}

func explain(e *rules.Expr, m *Model) *Trace {
	t := &Trace{Expr: e}
	if e == nil {
		t.Err = fmt.Errorf("%w: nil node", ErrBadExpr)
		t.Reason = "malformed rule: " + t.Err.Error()
		return t
	}
	switch e.Op {
	case rules.All, rules.Any:
		explainBool(t, m)
	case rules.Except:
		if len(e.Children) != 1 {
			t.Err = fmt.Errorf("%w: except with %d children", ErrBadExpr, len(e.Children))
			t.Reason = "malformed rule: " + t.Err.Error()
			return t
		}
		c := explain(e.Children[0], m)
		t.Children = []*Trace{c}
		switch {
		case c.Err != nil:
			t.Err = c.Err
			t.Reason = "except: evaluation fails: " + c.Err.Error()
		case c.Matched:
			t.Reason = "except: child matched"
		default:
			t.Matched = true
			t.Reason = "except: child did not match"
		}
	case rules.Field:
		explainField(t, m)
	default:
		t.Err = fmt.Errorf("%w: unknown operator %d", ErrBadExpr, e.Op)
		t.Reason = "malformed rule: " + t.Err.Error()
	}
	return t
}

// explainBool explains an all or any node: every child is explained, and
// the result is decided by the first child (in order) that decides it, as
// allMatch/anyMatch would.
func explainBool(t *Trace, m *Model) {
	e := t.Expr
	all := e.Op == rules.All
	n, trues := len(e.Children), 0
	decided := false
	for _, c := range e.Children {
		ct := explain(c, m)
		t.Children = append(t.Children, ct)
		if ct.Matched {
			trues++
		}
		if decided {
			continue
		}
		switch {
		case ct.Err != nil:
			t.Err, decided = ct.Err, true
		case all && !ct.Matched:
			decided = true
		case !all && ct.Matched:
			t.Matched, decided = true, true
		}
	}
	if all && !decided {
		t.Matched = true
	}
	op := e.Op.String()
	switch {
	case t.Err != nil:
		t.Reason = op + ": evaluation fails: " + t.Err.Error()
	case all && n == 0:
		t.Reason = "all: [] is always true"
	case all && t.Matched:
		t.Reason = fmt.Sprintf("all: all %d %s true", n, plural(n, "child", "children"))
	case all:
		t.Reason = fmt.Sprintf("all: %d of %d %s false", n-trues, n, plural(n, "child", "children"))
	case n == 0:
		t.Reason = "any: [] is never true"
	case t.Matched:
		t.Reason = fmt.Sprintf("any: %d of %d %s true", trues, n, plural(n, "child", "children"))
	default:
		t.Reason = fmt.Sprintf("any: none of %d %s true", n, plural(n, "child", "children"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// explainField evaluates every value of a field node and explains the
// outcome.
func explainField(t *Trace, m *Model) {
	e := t.Expr
	kind, jv, d := m.lookup(e.Field)
	t.ValueMatched = make([]bool, len(e.Values))
	var firstErr error
	decided := false
	var dnRules []*dnRule
	if kind == fieldDN || kind == fieldGroups {
		dnRules = make([]*dnRule, len(e.Values))
	}
	for i, v := range e.Values {
		ok, err := testField(m, e.Field, v)
		t.ValueMatched[i] = ok
		if dnRules != nil && v != nil {
			dnRules[i] = newDNRule(v, m.norm)
		}
		if decided {
			continue
		}
		switch {
		case err != nil:
			firstErr, decided = err, true
		case ok:
			t.Matched, t.Value, decided = true, v, true
		}
	}
	if firstErr != nil {
		t.Err = firstErr
		t.Reason = fmt.Sprintf("%s: evaluation fails: %v", e.Field, firstErr)
		return
	}
	switch kind {
	case fieldMissing:
		t.Reason = missingReason(m, e.Field, t.Matched)
	case fieldGeneric:
		t.Reason = genericReason(e, jv, t)
	case fieldDN:
		t.Reason = dnReason(d, dnRules, t)
	case fieldGroups:
		t.Reason = groupsReason(m, dnRules, t)
	}
}
