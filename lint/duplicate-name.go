package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var duplicateNameAnalyzer = parseAnalyzer("duplicate-name", diag.Error,
	"two mappings share a name",
	"Mapping names are unique among API mappings and among operator mappings: Elasticsearch keeps one mapping per "+
		"name, so a second definition silently replaces the first. Single bodies in one multi-document YAML file all "+
		"take the file's name and collide.")
