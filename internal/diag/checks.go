package diag

// The ids of the checks whose findings are made while files are read —
// before the checks of package lint run — and that several packages report.
// Each id is declared here once; the packages that make such findings name
// these constants. (lint registers, documents and levels every check,
// these included.)
const (
	// Syntax: a file is not valid JSON or YAML.
	Syntax = "syntax"
	// Schema: a mapping body does not have the shape Elasticsearch parses.
	Schema = "schema"
	// Budget: a question could not be decided within the run's budget.
	Budget = "budget"
	// RolesOrTemplates: a mapping has neither roles nor role templates, or both.
	RolesOrTemplates = "roles-or-templates"
	// ReservedMetadataKey: a metadata key starts with "_".
	ReservedMetadataKey = "reserved-metadata-key"
	// RuleSyntax: the rules are not the rule language Elasticsearch parses.
	RuleSyntax = "rule-syntax"
	// InvalidPattern: a regular expression or wildcard Lucene refuses.
	InvalidPattern = "invalid-pattern"
	// InvalidTemplate: a role template that does not compile.
	InvalidTemplate = "invalid-template"
	// ReservedName: a mapping name Elasticsearch reserves.
	ReservedName = "reserved-name"
	// ScriptingDisabled: role templates on a cluster where scripting is off.
	ScriptingDisabled = "scripting-disabled"
)

// rejecting lists the checks whose problems make Elasticsearch refuse the
// mapping (at PUT, or when operator settings are loaded).
var rejecting = map[string]bool{
	Syntax:              true,
	Schema:              true,
	RolesOrTemplates:    true,
	ReservedMetadataKey: true,
	RuleSyntax:          true,
	InvalidPattern:      true,
	InvalidTemplate:     true,
	ReservedName:        true,
	ScriptingDisabled:   true,
}

// Rejects reports whether problems of the check make Elasticsearch refuse a
// mapping.
func Rejects(check string) bool { return rejecting[check] }
