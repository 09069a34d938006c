package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

// CheckConfig is the id of the check reporting configuration problems.
const CheckConfig = "config"

var configAnalyzer = &Analyzer{
	Name:    CheckConfig,
	Level:   diag.Warning,
	Summary: "problems in .rolemap-lint.yaml or the elasticsearch.yml it names that do not stop the run",
	Doc: "The configuration is usable but something in it is probably wrong: a realm defined twice, a realm type " +
		"or settings layout the configured `es_version` does not support, a setting written twice in elasticsearch.yml, " +
		"or an `es_version` newer than the newest modelled. (Errors that make the config unusable stop the run with exit code 2.)",
	Run: func(p *Pass) { p.reportAll(p.Settings.ConfigProblems) },
}
