package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var schemaAnalyzer = parseAnalyzer(diag.Schema, diag.Error,
	"unknown top-level field (incl. run_as), wrong type, missing enabled/rules",
	"The mapping body fails the JSON Schema stage (`rolemap-lint schema` prints the schema): a top-level field "+
		"Elasticsearch does not know (it rejects `run_as` although the API specification lists it), a field of the "+
		"wrong JSON type, or a missing `enabled` or `rules` (both are required).")
