package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var reservedNameAnalyzer = parseAnalyzer(diag.ReservedName, diag.Error,
	"name ends with -read-only-operator-mapping",
	"Since 8.16 Elasticsearch shows operator mappings through GET with the suffix `-read-only-operator-mapping` "+
		"and rejects PUT of a name ending with it (`Invalid mapping name [...]`).")
