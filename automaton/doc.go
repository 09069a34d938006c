// Package automaton compiles Elasticsearch role-mapping patterns into
// deterministic finite automata over Unicode code points and answers
// questions about them.
//
// Two pattern languages exist in role-mapping rules (see es-semantics.md
// §4.4): Elasticsearch wildcards (Automatons.wildcard: '*' any string, '?'
// one character, '\' escapes the next character) and Lucene regular
// expressions written between slashes (new RegExp(s) with every optional
// operator enabled, implicitly anchored, determinized with Lucene's work
// limit).
//
// Compilation mirrors Lucene operation by operation: the parser reproduces
// RegExp's grammar, quirks and error messages (with Java's UTF-16 positions),
// and the automata are built with the same constructions Lucene uses, so the
// determinization effort that decides TooComplexToDeterminizeException is
// counted on an automaton of the same shape as Lucene's. Which Lucene
// generation is mirrored is chosen with Options.Dialect (ES 8.x ships Lucene
// 9, ES 9.x Lucene 10).
//
// The resulting Automaton is minimal, deterministic, immutable and safe for
// concurrent use. Its alphabet is the Unicode scalar values (surrogate code
// points, which only a Java string with lone surrogates can contain, are left
// out), so a wildcard containing a supplementary character, which
// Elasticsearch builds from UTF-16 code units and therefore can never match,
// compiles to an automaton that matches nothing, as in Elasticsearch.
//
// Set operations (Intersect, Union, Minus, SubsetOf) are bounded by a state
// budget and report ErrBudget instead of growing without limit.
package automaton
