// Package decide decides, exactly where it can, what a rule expression
// can match: whether some user satisfies it (never-matches) and whether
// every user does (match-all). It abstracts field rules into atoms, walks
// the boolean structure over every truth assignment of the atoms, and
// checks each assignment field by field with automata (username,
// realm.name), value domains with collection semantics (metadata.<key>) and
// a pluggable oracle for the DN-aware fields (dn, groups). Every answer is
// three-valued: an Unknown never becomes a finding.
package decide
