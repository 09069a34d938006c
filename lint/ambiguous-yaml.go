package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var ambiguousYAMLAnalyzer = parseAnalyzer("ambiguous-yaml", diag.Warning,
	"YAML scalars that YAML 1.1 and YAML 1.2 parsers read differently",
	"A YAML mapping file reaches Elasticsearch either as YAML, read by Elasticsearch's own reader (YAML 1.1: plain "+
		"`yes`/`no`/`on`/`off` are booleans, an alias `*a` is the string `a`), or converted to JSON by a YAML 1.2 tool "+
		"(those are strings, aliases are expanded). Where the two readings differ, one finding says what each reader "+
		"reads and whether Elasticsearch accepts it; it is an error only when both readings are rejected, and fixture "+
		"tests must pass under both. Set `yaml_reader` in the config when you know the reader (docs/yaml.md). Sexagesimal "+
		"numbers such as `1:30`, leading-zero octals such as `0777`, `y`/`n` (booleans to go-yaml v2) and `<<` merge keys "+
		"are reported too. Quote the value so every tool reads the same thing.")
