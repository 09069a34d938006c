package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var invalidPatternAnalyzer = parseAnalyzer(diag.InvalidPattern, diag.Error,
	"bad wildcard/regex values: /…* without closing /, Lucene regex errors, patterns too complex to determinize",
	"A string value containing `*` is a wildcard, and one written `/…/` a Lucene regular expression; Elasticsearch "+
		"compiles both when the mapping is stored. A value starting with `/` that contains `*` but does not end with `/` "+
		"is rejected, and so is a regex that Lucene cannot parse or cannot determinize within its work limit.")
