// Package suggest finds "did you mean" candidates for mistyped names. It
// holds two families of rules that must not be mixed:
//
//   - Elasticsearch's own: ESDidYouMean reproduces the suffix
//     Elasticsearch's SuggestingErrorOnUnknown appends to an ObjectParser's
//     "unknown field" error, to the character, using LuceneSimilarity
//     (Lucene's LevenshteinDistance, on UTF-16 code units, in float32).
//     Use it wherever a message reproduces an Elasticsearch error.
//   - the tool's own hints, for its configuration, fixtures, role names and
//     rule fields: Closest, ClosestInOrder and ClosestStrict pick one
//     plausible typo by Damerau–Levenshtein distance (Distance), and Hint
//     formats it as the tool's message suffix. Levenshtein is the plain
//     byte-wise distance.
//
// All functions are pure, never panic, and bound their work on hostile
// input (see each function).
package suggest
