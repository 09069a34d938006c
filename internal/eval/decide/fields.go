package decide

import (
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// DNOracle decides the DN-aware fields, whose predicate (raw, normalized,
// lower- and upper-case attempts, subtree patterns) is not a plain
// automaton. Answers must be sound: Yes only with a verified witness, No
// only when proven.
type DNOracle interface {
	// Element reports whether one string can make p true and every atom
	// of not false, with such a string as witness.
	Element(p *Atom, not []*Atom) (Tri, string)
	// Single reports whether one string can make every atom of pos true
	// and every atom of not false, with such a string as witness.
	Single(pos, not []*Atom) (Tri, string)
}

// strLang is the language of strings an atom matches on a plain string
// field: its literal strings and patterns (other values never match).
func (p *problem) strLang(a *Atom) (*automaton.Automaton, error) {
	var parts []*automaton.Automaton
	for _, v := range a.strings() {
		if v.Automaton != nil {
			parts = append(parts, v.Automaton)
		} else {
			parts = append(parts, automaton.Literal(v.Str))
		}
	}
	switch len(parts) {
	case 0:
		return automaton.Empty(), nil
	case 1:
		return parts[0], nil
	}
	return p.opt.Ops.Union(parts...)
}

// strings finds the strings matching every atom of pos and no atom of neg.
func (p *problem) stringsFor(pos, neg []*Atom) (*automaton.Automaton, error) {
	var l *automaton.Automaton // nil: every string
	for _, a := range pos {
		la, err := p.strLang(a)
		if err != nil {
			return nil, err
		}
		if l == nil {
			l = la
		} else if l, err = p.opt.Ops.Intersect(l, la); err != nil {
			return nil, err
		}
	}
	if l == nil {
		l = automaton.Any()
	}
	for _, a := range neg {
		la, err := p.strLang(a)
		if err != nil {
			return nil, err
		}
		if l, err = p.opt.Ops.Minus(l, la); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// stringField decides username and realm.name: always-present strings
// compared exactly (case-sensitive) or by automaton.
func (p *problem) stringField(f string, pos, neg []*Atom) fieldResult {
	for _, a := range pos {
		if len(a.strings()) == 0 {
			return fieldResult{answer: No, reason: fmt.Sprintf("%s always holds a string, so %s never matches it", f, values(a))}
		}
	}
	w, ans := literalWitness(pos, neg)
	if ans == Unknown {
		l, err := p.stringsFor(pos, neg)
		if err != nil {
			p.noteErr(err)
			return fieldResult{answer: Unknown}
		}
		var ok bool
		if w, ok = l.Witness(); !ok {
			ans = No
		} else {
			ans = Yes
		}
	}
	if ans == No {
		return fieldResult{answer: No, reason: contradiction(f, pos, neg)}
	}
	return fieldResult{answer: Yes, witness: func(u *user.User) {
		if f == "username" {
			u.Username = w
		} else {
			u.Realm.Name = w
		}
	}}
}

// contradiction explains why no value satisfies pos without neg.
func contradiction(f string, pos, neg []*Atom) string {
	var b strings.Builder
	fmt.Fprintf(&b, "no %s value matches ", f)
	for i, a := range pos {
		if i > 0 {
			b.WriteString(" and ")
		}
		b.WriteString(values(a))
	}
	if len(pos) == 0 {
		b.WriteString("anything")
	}
	if len(neg) > 0 {
		b.WriteString(" while matching none of ")
		for i, a := range neg {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(values(a))
		}
	}
	return b.String()
}

// metadataField decides metadata.<key>: missing, a scalar (string, long,
// boolean) or a collection, where a rule matches a collection when it
// matches one of its elements.
func (p *problem) metadataField(f string, pos, neg []*Atom) fieldResult {
	key := strings.TrimPrefix(f, "metadata.")
	if allHave(pos, rules.NullValue) && !anyHas(neg, rules.NullValue) {
		return fieldResult{answer: Yes, witness: func(u *user.User) { delete(u.Metadata, key) }}
	}
	if len(pos) == 0 {
		// An empty collection matches no rule, not even null.
		return fieldResult{answer: Yes, witness: func(u *user.User) { u.Metadata[key] = []any{} }}
	}
	var elems []any
	for _, a := range pos {
		x, ans := p.metadataElement(a, neg)
		switch ans {
		case No:
			return fieldResult{answer: No, reason: contradiction(f, []*Atom{a}, neg)}
		case Unknown:
			return fieldResult{answer: Unknown}
		}
		elems = append(elems, x)
	}
	var value any = elems
	if len(elems) == 1 {
		value = elems[0]
	}
	return fieldResult{answer: Yes, witness: func(u *user.User) { u.Metadata[key] = value }}
}

// metadataElement finds one scalar that matches a and no atom of neg.
func (p *problem) metadataElement(a *Atom, neg []*Atom) (any, Tri) {
	l, err := p.stringsFor([]*Atom{a}, neg)
	if err != nil {
		p.noteErr(err)
		return nil, Unknown
	}
	if w, ok := l.Witness(); ok {
		return w, Yes
	}
	excluded := map[string]bool{}
	for _, n := range neg {
		for _, v := range n.Values {
			excluded[v.Kind.String()+":"+v.Display()] = true
		}
	}
	for _, v := range a.Values {
		if (v.Kind == rules.LongValue || v.Kind == rules.BoolValue) && !excluded[v.Kind.String()+":"+v.Display()] {
			if v.Kind == rules.LongValue {
				return v.Long, Yes
			}
			return v.Bool, Yes
		}
	}
	return nil, No
}

func allHave(as []*Atom, k rules.ValueKind) bool {
	for _, a := range as {
		if !a.has(k) {
			return false
		}
	}
	return true
}

func anyHas(as []*Atom, k rules.ValueKind) bool {
	for _, a := range as {
		if a.has(k) {
			return true
		}
	}
	return false
}

// dnField decides dn (an optional string) and groups (a set of strings,
// always present, never matching null).
func (p *problem) dnField(f string, pos, neg []*Atom) fieldResult {
	if f == "dn" && allHave(pos, rules.NullValue) && !anyHas(neg, rules.NullValue) {
		return fieldResult{answer: Yes, witness: func(u *user.User) { u.DN = nil }}
	}
	if f == "groups" && len(pos) == 0 {
		return fieldResult{answer: Yes, witness: func(u *user.User) { u.Groups = []string{} }}
	}
	for _, a := range pos {
		if len(a.strings()) == 0 {
			return fieldResult{answer: No, reason: fmt.Sprintf("%s never matches %s (only strings match it)", f, values(a))}
		}
		for _, n := range neg {
			if a.implies(n) {
				return fieldResult{answer: No, reason: fmt.Sprintf("every %s value matching %s also matches %s, which is excepted", f, values(a), values(n))}
			}
		}
	}
	if p.opt.DN == nil {
		return p.dnTrivial(f, pos, neg)
	}
	if f == "dn" {
		ans, w := p.opt.DN.Single(pos, neg)
		if ans != Yes {
			return fieldResult{answer: ans, reason: contradiction(f, pos, neg)}
		}
		return fieldResult{answer: Yes, witness: func(u *user.User) { u.DN = &w }}
	}
	var groups []string
	for _, a := range pos {
		ans, w := p.opt.DN.Element(a, neg)
		if ans != Yes {
			return fieldResult{answer: ans, reason: contradiction(f, []*Atom{a}, neg)}
		}
		groups = append(groups, w)
	}
	return fieldResult{answer: Yes, witness: func(u *user.User) { u.Groups = groups }}
}

// dnTrivial decides the DN-aware fields without an oracle, in the cases
// that need none: excepted rules with no string value never match a string,
// and a rule's own literal (or a string its automaton accepts as written)
// always matches it, since the predicate first tries the string as written.
func (p *problem) dnTrivial(f string, pos, neg []*Atom) fieldResult {
	for _, n := range neg {
		if len(n.strings()) > 0 {
			return fieldResult{answer: Unknown}
		}
	}
	if f == "dn" && len(pos) > 1 {
		return fieldResult{answer: Unknown}
	}
	var found []string
	for _, a := range pos {
		w, ok := rawWitness(a)
		if !ok {
			return fieldResult{answer: Unknown}
		}
		found = append(found, w)
	}
	if f == "dn" {
		w := "cn=someone,dc=example,dc=com"
		if len(found) == 1 {
			w = found[0]
		}
		return fieldResult{answer: Yes, witness: func(u *user.User) { u.DN = &w }}
	}
	return fieldResult{answer: Yes, witness: func(u *user.User) { u.Groups = found }}
}

// rawWitness is a string the atom matches as written.
func rawWitness(a *Atom) (string, bool) {
	for _, v := range a.strings() {
		if v.Automaton == nil {
			return v.Str, true
		}
		if w, ok := v.Automaton.Witness(); ok {
			return w, true
		}
	}
	return "", false
}

// literalWitness decides a plain string field without automata when every
// value involved is a literal (the common case): the candidates are the
// literals common to every positive rule, minus the excepted ones; with no
// positive rule, a string no excepted rule names. Unknown when a pattern is
// involved.
func literalWitness(pos, neg []*Atom) (string, Tri) {
	excluded := map[string]bool{}
	for _, a := range neg {
		for _, v := range a.strings() {
			if v.Automaton != nil {
				return "", Unknown
			}
			excluded[v.Str] = true
		}
	}
	if len(pos) == 0 {
		w := "someone"
		for i := 0; excluded[w]; i++ {
			w = fmt.Sprintf("someone-%d", i)
		}
		return w, Yes
	}
	var common map[string]bool
	for _, a := range pos {
		set := map[string]bool{}
		for _, v := range a.strings() {
			if v.Automaton != nil {
				return "", Unknown
			}
			if common == nil || common[v.Str] {
				set[v.Str] = true
			}
		}
		common = set
	}
	best := ""
	found := false
	for s := range common {
		if !excluded[s] && (!found || s < best) {
			best, found = s, true
		}
	}
	if !found {
		return "", No
	}
	return best, Yes
}
