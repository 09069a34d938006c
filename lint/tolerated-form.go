package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var toleratedFormAnalyzer = parseAnalyzer("tolerated-form", diag.Info,
	"accepted by Elasticsearch but not its canonical form",
	"Elasticsearch accepts a bare string for `roles`, the strings `\"true\"`/`\"false\"` for `enabled` (and quietly reads an "+
		"empty or blank string there as `false`), a single "+
		"object for `role_templates` and a JSON string for `template`, but GET returns the canonical form, so a "+
		"repository that stores the tolerated form will always differ from the cluster.")
