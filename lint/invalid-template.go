package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var invalidTemplateAnalyzer = parseAnalyzer(diag.InvalidTemplate, diag.Error,
	"role template shape, script fields, mustache syntax, format",
	"A `role_templates` element must have a `template` (a script object, or its JSON text) and an optional "+
		"`format` of `string` or `json`. The script needs `source` (inline) or `id` (stored), may have `params` and "+
		"`options` (only `content_type`), and its mustache source must compile. Elasticsearch validates all of this at PUT. "+
		"Operator file settings were validated the same way from 8.5 to 8.14; from 8.15 Elasticsearch parses only the "+
		"template's shape when it applies them, so script and mustache problems there are warnings: the template fails "+
		"when it is evaluated for a matching user. A deprecated field (`inline`, `stored`) is a warning too.")
