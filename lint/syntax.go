package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var syntaxAnalyzer = parseAnalyzer(diag.Syntax, diag.Error,
	"invalid JSON/YAML, duplicate keys, bad encoding, limits exceeded",
	"The file cannot be read the way Elasticsearch reads it: a JSON or YAML syntax error, a duplicate key "+
		"(Elasticsearch's parser rejects documents with duplicate keys), a file that is not UTF-8, nesting deeper than "+
		"1000 levels, or a YAML alias expansion beyond the billion-laughs limit. JSON may contain `//` and `/* */` "+
		"comments, as Elasticsearch accepts them.")
