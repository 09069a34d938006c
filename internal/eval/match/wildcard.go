package match

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// wildShape classifies wildcards that plain string tests decide.
type wildShape uint8

const (
	shapeAutomaton wildShape = iota // run the automaton
	shapeAll                        // "*"
	shapePrefix                     // "lit*"
	shapeSuffix                     // "*lit"
	shapeContains                   // "*lit*"
)

// match runs the pattern on s. Wildcards of the forms "*", "lit*", "*lit"
// and "*lit*", where lit has no '*', '?' or '\' and no supplementary
// character (which an Elasticsearch wildcard can never match), are decided
// by string tests that accept exactly what the automaton accepts; others
// run the automaton.
func (r *dnRule) match(s string) bool {
	if !r.shapeDone {
		r.shapeDone = true
		if r.v.Pattern == rules.Wildcard {
			r.shape, r.lit = classifyWildcard(r.v.Str)
		}
	}
	switch r.shape {
	case shapeAll:
		return true
	case shapePrefix:
		return strings.HasPrefix(s, r.lit)
	case shapeSuffix:
		return strings.HasSuffix(s, r.lit)
	case shapeContains:
		return strings.Contains(s, r.lit)
	}
	return r.v.Automaton.Match(s)
}

func classifyWildcard(p string) (wildShape, string) {
	if p == "*" {
		return shapeAll, ""
	}
	lead := strings.HasPrefix(p, "*")
	trail := strings.HasSuffix(p, "*")
	lit := p
	if lead {
		lit = lit[1:]
	}
	if trail {
		lit = lit[:len(lit)-1]
	}
	if strings.ContainsAny(lit, "*?\\") {
		return shapeAutomaton, ""
	}
	for _, c := range lit {
		if c >= 0x10000 {
			return shapeAutomaton, ""
		}
	}
	switch {
	case lead && trail:
		return shapeContains, lit
	case lead:
		return shapeSuffix, lit
	case trail:
		return shapePrefix, lit
	}
	return shapeAutomaton, ""
}
