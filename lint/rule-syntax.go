package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var ruleSyntaxAnalyzer = parseAnalyzer(diag.RuleSyntax, diag.Error,
	"errors in the rules DSL, with Elasticsearch's message",
	"Everything Elasticsearch's rule parser rejects: a rule object with zero or several keys, an unknown key, "+
		"`except` outside an `all` array, `any`/`all` without an array, a `field` rule that is not an object, has no or "+
		"several fields, an object or nested array as a value, an empty value list, or a number out of the long range.")
