package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var reservedMetadataKeyAnalyzer = parseAnalyzer(diag.ReservedMetadataKey, diag.Error,
	"metadata key starting with _ (and _read_only) where Elasticsearch reserves it",
	"Top-level `metadata` keys starting with `_` are reserved: PUT rejects them (`metadata keys may not start with [_]`), "+
		"and since 8.16 `_read_only` has its own message because GET adds it to operator mappings. Operator file settings "+
		"may use `_` keys: they are validated without the metadata check since they first held role mappings (8.5). "+
		"Nested keys are not checked by Elasticsearch.")
