package suggest

import (
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
)

// ESDidYouMean reproduces Elasticsearch's SuggestingErrorOnUnknown.suggest,
// the suffix of an ObjectParser's "unknown field [key]" error: the
// candidates whose LuceneSimilarity to key exceeds 0.5, best first, equally
// similar ones in Java String.compareTo order, rendered as
// " did you mean [x]?" or " did you mean any of [x, y]?", or "" when none
// is similar enough.
//
// A candidate at least twice as long as key, or at most half as long (in
// UTF-16 units), cannot score above 0.5 and is skipped without computing
// the distance, so the work is bounded by the candidates' lengths however
// long key is.
func ESDidYouMean(key string, candidates []string) string {
	type scored struct {
		sim  float32
		name string
	}
	n := javatext.UTF16Len(key)
	var units []uint16 // key in UTF-16, encoded once a candidate needs it
	var found []scored
	for _, c := range candidates {
		m := javatext.UTF16Len(c)
		if n == 0 || m == 0 {
			if n == m {
				found = append(found, scored{1, c})
			}
			continue
		}
		if n >= 2*m || m >= 2*n {
			continue // the distance is at least half the longer length
		}
		if units == nil {
			units = utf16.Encode([]rune(key))
		}
		if s := similarity(units, utf16.Encode([]rune(c))); s > 0.5 {
			found = append(found, scored{s, c})
		}
	}
	if len(found) == 0 {
		return ""
	}
	slices.SortStableFunc(found, func(a, b scored) int {
		if a.sim != b.sim {
			if a.sim > b.sim {
				return -1
			}
			return 1
		}
		return javatext.CompareTo(a.name, b.name)
	})
	if len(found) == 1 {
		return " did you mean [" + found[0].name + "]?"
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.name
	}
	return " did you mean any of [" + strings.Join(names, ", ") + "]?"
}
