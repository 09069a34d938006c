// Package match evaluates role-mapping rules against a user exactly as
// Elasticsearch does, explains why each rule node is true or false, and
// indexes many rules so that resolving many users stays fast.
//
// # The model (docs/semantics.md, "User model")
//
// NewModel builds what Elasticsearch's UserRoleMapper.UserData.asModel
// builds: a flat map with username, dn (only when the user has one), groups,
// metadata.<key> for each top-level metadata key (keys with dots are used
// literally; there are no nested paths) and realm.name. Nothing else exists:
// realm.type, metadata as a whole or metadata.a.b for nested objects are
// missing fields, which only a null rule value matches (NULL_PREDICATE).
// NewGenericModel builds a raw ExpressionModel of arbitrary fields with the
// generic predicate only (what Elasticsearch's expression tests use).
//
// # Predicates
//
// Generic (ExpressionModel.buildPredicate, chosen by the user value's type):
// null matches only null; booleans equal booleans; numbers compare with
// numberEquals (1 equals 1.0, Double.compare so -0.0 differs from 0, and an
// integer beyond the long range fails the evaluation as
// Numbers.toLongExact does); strings match a pattern value's automaton on
// the whole string or equal a literal case-sensitively; a list matches when
// an element does (an empty list never does). No coercion: 1 != "1",
// true != "true".
//
// DN-aware (UserRoleMapper.DistinguishedNamePredicate, §4.6) for dn and for
// each group: a pattern is tried on the string as written, its normalized
// DN, String.toLowerCase(Locale.ROOT) and toUpperCase(Locale.ROOT), then, for
// a valid DN and a "*,<dn>" pattern without another '*', the strict-subtree
// test on normalized forms; a literal matches when equalsIgnoreCase holds,
// or both normalize to the same DN, or (the literal not being a DN) it
// equals the normalized DN ignoring case; numbers, booleans and null never
// match. Empty groups match nothing, not even null. The Java string
// operations are reproduced by package javatext (full special casing for
// upper-case, İ and final sigma for lower-case, the JDK 16+
// equalsIgnoreCase); DNs are normalized by package dn through a shared
// dn.Normalizer. Groups are held as a set, as Set.copyOf does, and matched
// in a loop, so a user with a million groups costs time linear in the
// groups and no stack (Elasticsearch once overflowed its stack there).
//
// # Decisions where Elasticsearch cannot be followed literally
//
//   - A null top-level metadata value is an error (ErrNullMetadata):
//     UserData copies metadata with Map.copyOf since 8.0 (PR #41774), which
//     throws NullPointerException, so no realm presents such a user; 7.x
//     dropped the key instead. A null inside a list is kept and matches null.
//   - An object metadata value (or one inside a list) is an error
//     (ErrUnsupportedValue, "Unsupported value type class
//     java.util.HashMap"), as buildPredicate throws and the whole role
//     resolution fails.
//   - Elasticsearch builds a list's predicate with a left fold of
//     Predicate.or, whose evaluation recurses once per element and can
//     overflow the JVM stack for very long lists; here lists are a loop.
//   - Strings are read as Java strings: an invalid UTF-8 byte is U+FFFD.
//
// # Evaluation, explanation, coverage
//
// Eval short-circuits like Java's allMatch/anyMatch, so errors surface
// exactly when Elasticsearch would reach them. Explain evaluates every node
// and value (for coverage) and gives each a Reason, while each node's
// Matched and Err still follow Elasticsearch's evaluation order. Coverage
// accumulates, across users, which outcomes each node and value had.
//
// # Index
//
// NewIndex derives for every rule a necessary condition over literal keys
// (realm.name and username literals and prefixes, dn/groups literals keyed
// by case fold and normalized DN, "*,<dn>" subtree suffixes, finite
// patterns), combined through all (the rarest child condition) and any (the
// union); Candidates returns the rules whose condition the user meets plus
// the rules without one. See cond.go for why each key is sound.
package match
