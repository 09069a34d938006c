// Package automaton compiles Elasticsearch role-mapping patterns into
// deterministic finite automata over Unicode code points and answers
// questions about them: matching, emptiness, totality, inclusion, set
// operations and shortest witnesses.
//
// Two pattern languages occur in role-mapping rules (docs/semantics.md, "Pattern kinds"):
// Elasticsearch wildcards (Automatons.wildcard: '*' any string, '?' one
// character, '\' escapes the next character, a trailing '\' is literal) and
// Lucene regular expressions written between slashes (new RegExp(s) with
// every optional operator, implicitly anchored, determinized with Lucene's
// work limit). CompileValue applies Elasticsearch's rule for telling them
// apart from plain literals.
//
// # Fidelity
//
// Compilation mirrors Lucene operation by operation. The parser reproduces
// RegExp's grammar and quirks ('*' or '|' where an operand is expected is a
// literal, "[]a]" is a class of ']' and 'a', "<1-10>" accepts leading
// zeros while "<01-10>" fixes two digits) and its exception messages, with
// the Java (UTF-16) positions they print. The automata are built with the
// constructions of Lucene's Operations and Automata classes, so the
// determinization effort that decides TooComplexToDeterminizeException is
// counted on an automaton of the same shape as Lucene's; Lucene 9's
// per-node minimization and bounded-repeat check (with Java int overflow)
// are reproduced too. Options.Dialect chooses the Lucene generation: ES 8.x
// ships Lucene 9, ES 9.0 Lucene 10.1, ES 9.1 and later Lucene 10.2+. The
// testdata directory holds answers of a real Lucene used as golden data.
//
// Some Lucene behaviours that look like bugs are reproduced on purpose:
// the Kleene star of an automaton with no states accepts nothing ("#*"
// never matches, although "#?" and "#{0,2}" match the empty string), so
// "(a#)*" matches nothing on Lucene 9 and 10.2 but the empty string on
// 10.1; "{5,3}" is an empty repeat on Lucene 9 and a syntax error on 10;
// "[\.-z]" is a range on Lucene 9/10.1 but three characters on 10.2.
//
// # Alphabet
//
// The resulting Automaton is minimal, deterministic, immutable and safe for
// concurrent use. Its alphabet is the Unicode scalar values: surrogate code
// points, which only a Java string with lone surrogates can contain, are
// left out. Elasticsearch builds wildcards from UTF-16 code units but runs
// them on code points, so a wildcard containing a supplementary character
// (an emoji, say) can never match; it compiles here to an automaton that
// matches nothing, as in Elasticsearch.
//
// # Bounds
//
// Every operation is bounded. Compilation stops with a *LimitError
// (ErrTooLarge) past a million states, four million transitions, or 1000
// levels of nesting; Elasticsearch itself would run out of memory or stall
// on such patterns. Set operations (Intersect, Union, Minus, SubsetOf) run
// under a state budget (Ops.MaxStates, DefaultMaxStates by default) and
// return a *BudgetError (ErrBudget) instead of growing without limit.
// Complement and the queries on a single automaton are linear.
package automaton
