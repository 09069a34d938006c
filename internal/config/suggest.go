package config

import (
	"maps"
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

// didYouMean formats the suggestion suffix for a message: the candidate
// closest to word (suggest.Closest), or "".
func didYouMean(word string, candidates []string) string {
	return suggest.Hint(suggest.Closest(word, candidates))
}

// sortedKeys returns the keys of a set in order, the candidates of a
// suggestion.
func sortedKeys(m map[string]bool) []string {
	return slices.Sorted(maps.Keys(m))
}
