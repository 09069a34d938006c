package lint

import (
	"strings"
	"sync"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// decidable reports whether the mapping's rules are worth deciding: valid,
// enabled, and free of the problems a more specific check owns (an empty
// all/any, an unknown field, a value of the wrong type), so that one cause
// is reported once, by the check that points at it.
func decidable(m *mapping.Mapping) bool {
	if m.Rules == nil || !m.Enabled || !m.Valid() {
		return false
	}
	specific := false
	m.Rules.Walk(func(e *rules.Expr) bool {
		switch e.Op {
		case rules.All, rules.Any:
			specific = specific || len(e.Children) == 0
		case rules.Field:
			specific = specific || fieldHasSpecificProblem(e)
		}
		return !specific
	})
	return !specific
}

// fieldHasSpecificProblem reports whether unknown-field or type-mismatch
// report the field rule.
func fieldHasSpecificProblem(e *rules.Expr) bool {
	if !knownFields[e.Field] && !strings.HasPrefix(e.Field, "metadata.") {
		return true
	}
	if !stringFields[e.Field] {
		return false
	}
	for _, v := range e.Values {
		if v.Kind == rules.LongValue || v.Kind == rules.BoolValue || (v.Kind == rules.NullValue && e.Field != "dn") {
			return true
		}
	}
	return false
}

func rulesSpan(m *mapping.Mapping) diag.Diagnostic {
	d := diag.Diagnostic{Mapping: m.Name, Pointer: m.Pointer.Append("rules").String()}
	if mem := m.Field("rules"); mem != nil {
		d.Span = mem.KeySpan
	}
	return d
}

func grants(m *mapping.Mapping) string {
	if len(m.Roles) > 0 {
		names := make([]string, len(m.Roles))
		for i, r := range m.Roles {
			names[i] = r.Name
		}
		return "[" + strings.Join(names, ", ") + "]"
	}
	return "its role templates' output"
}

// satisfiable decides, once per rule tree and run, whether some user
// matches it.
func (p *Pass) satisfiable(e *rules.Expr) decide.Outcome {
	s := p.Settings
	s.satMu.Lock()
	if s.satisfiable == nil {
		s.satisfiable = map[*rules.Expr]*satEntry{}
	}
	entry := s.satisfiable[e]
	if entry == nil {
		entry = &satEntry{}
		s.satisfiable[e] = entry
	}
	s.satMu.Unlock()
	entry.once.Do(func() { entry.out = decide.Satisfiable(e, p.analysisOptions()) })
	return entry.out
}

// satEntry is one memoized question; concurrent askers wait for one answer.
type satEntry struct {
	once sync.Once
	out  decide.Outcome
}

// analysisOptions configures rule analysis for the run.
func (p *Pass) analysisOptions() decide.Options {
	return decide.Options{DN: p.Settings.DNOracle, Budget: p.Settings.Budget}
}
