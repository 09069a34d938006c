package decide

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// MatchOracle decides the DN-aware fields by trying candidate strings
// against Elasticsearch's real predicate (package match). It only answers
// Yes, with a verified witness, or Unknown: it never claims a proof.
type MatchOracle struct {
	// Normalizer is shared with the rest of the run (nil: a private one).
	Normalizer *dn.Normalizer
	// Ops bounds the automaton operations used to find candidates.
	Ops automaton.Ops
}

// Element implements DNOracle for groups.
func (o *MatchOracle) Element(p *Atom, not []*Atom) (Tri, string) {
	for _, w := range o.candidates([]*Atom{p}, not) {
		if o.holds("groups", w, []*Atom{p}, not) {
			return Yes, w
		}
	}
	return Unknown, ""
}

// Single implements DNOracle for dn.
func (o *MatchOracle) Single(pos, not []*Atom) (Tri, string) {
	cands := o.candidates(pos, not)
	if len(pos) == 0 {
		cands = append(cands, "cn=someone,dc=example,dc=com", "someone")
	}
	for _, w := range cands {
		if o.holds("dn", w, pos, not) {
			return Yes, w
		}
	}
	return Unknown, ""
}

// candidates proposes strings that may satisfy pos without not: the
// literals, strings the patterns accept (preferably ones no excepted
// pattern accepts as written), and descendants for subtree patterns.
func (o *MatchOracle) candidates(pos, not []*Atom) []string {
	var excluded []*automaton.Automaton
	for _, n := range not {
		for _, v := range n.strings() {
			if v.Automaton != nil {
				excluded = append(excluded, v.Automaton)
			} else {
				excluded = append(excluded, automaton.Literal(v.Str))
			}
		}
	}
	var out []string
	for _, a := range pos {
		for _, v := range a.strings() {
			if v.Automaton == nil {
				out = append(out, v.Str, strings.ToLower(v.Str), strings.ToUpper(v.Str))
				continue
			}
			if suffix, ok := strings.CutPrefix(v.Str, "*,"); ok && !strings.Contains(suffix, "*") {
				out = append(out, "cn=someone,"+suffix)
			}
			if len(excluded) > 0 {
				if ex, err := o.Ops.Union(excluded...); err == nil {
					if l, err := o.Ops.Minus(v.Automaton, ex); err == nil {
						if w, ok := l.Witness(); ok {
							out = append(out, w)
						}
					}
				}
			}
			if w, ok := v.Automaton.Witness(); ok {
				out = append(out, w)
			}
		}
	}
	return out
}

// holds checks with the real predicate that the string w, as the user's dn
// or as their only group, makes pos true and not false.
func (o *MatchOracle) holds(field, w string, pos, not []*Atom) bool {
	u := &user.User{Username: "u", Groups: []string{}, Metadata: map[string]any{}}
	if field == "dn" {
		u.DN = &w
	} else {
		u.Groups = []string{w}
	}
	m, err := match.NewModel(u, o.Normalizer)
	if err != nil {
		return false
	}
	for _, a := range pos {
		if ok, err := match.Eval(a.Expr, m); err != nil || !ok {
			return false
		}
	}
	for _, a := range not {
		if ok, err := match.Eval(a.Expr, m); err != nil || ok {
			return false
		}
	}
	return true
}

var _ DNOracle = (*MatchOracle)(nil)
