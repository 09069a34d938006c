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
	found, ok := "", false
	o.candidates([]*Atom{p}, not, func(w string) bool {
		if o.holds("groups", w, []*Atom{p}, not) {
			found, ok = w, true
			return false
		}
		return true
	})
	if ok {
		return Yes, found
	}
	return Unknown, ""
}

// Single implements DNOracle for dn.
func (o *MatchOracle) Single(pos, not []*Atom) (Tri, string) {
	found, ok := "", false
	try := func(w string) bool {
		if o.holds("dn", w, pos, not) {
			found, ok = w, true
			return false
		}
		return true
	}
	if o.candidates(pos, not, try) && len(pos) == 0 {
		_ = try("cn=someone,dc=example,dc=com") && try("someone")
	}
	if ok {
		return Yes, found
	}
	return Unknown, ""
}

// candidates proposes, to yield and in a fixed order, strings that may
// satisfy pos without not: the literals, strings the patterns accept
// (preferably ones no excepted pattern accepts as written), and
// descendants for subtree patterns. It stops when yield returns false and
// reports whether it went through every candidate. The costly candidates
// (a pattern minus the union of the excepted ones) are built only when the
// cheaper ones before them failed, and the union only once.
func (o *MatchOracle) candidates(pos, not []*Atom, yield func(string) bool) bool {
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
	var union *automaton.Automaton
	unionDone := false
	for _, a := range pos {
		for _, v := range a.strings() {
			if v.Automaton == nil {
				if !yield(v.Str) || !yield(strings.ToLower(v.Str)) || !yield(strings.ToUpper(v.Str)) {
					return false
				}
				continue
			}
			if suffix, ok := strings.CutPrefix(v.Str, "*,"); ok && !strings.Contains(suffix, "*") {
				if !yield("cn=someone," + suffix) {
					return false
				}
			}
			if len(excluded) > 0 {
				if !unionDone {
					unionDone = true
					if ex, err := o.Ops.Union(excluded...); err == nil {
						union = ex
					}
				}
				if union != nil {
					if l, err := o.Ops.Minus(v.Automaton, union); err == nil {
						if w, ok := l.Witness(); ok && !yield(w) {
							return false
						}
					}
				}
			}
			if w, ok := v.Automaton.Witness(); ok && !yield(w) {
				return false
			}
		}
	}
	return true
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
