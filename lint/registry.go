package lint

import "sort"

// All returns every check, sorted by name.
func All() []*Analyzer {
	out := append([]*Analyzer(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

var registry = []*Analyzer{
	syntaxAnalyzer,
	ambiguousYAMLAnalyzer,
	schemaAnalyzer,
	rolesOrTemplatesAnalyzer,
	reservedMetadataKeyAnalyzer,
	ruleSyntaxAnalyzer,
	invalidPatternAnalyzer,
	invalidTemplateAnalyzer,
	duplicateNameAnalyzer,
	reservedNameAnalyzer,
	toleratedFormAnalyzer,
	roleMappingFileAnalyzer,
	unrecognizedFileAnalyzer,
	fixtureNameAnalyzer,
	unknownField,
	typeMismatch,
	emptyAnyAll,
	docInversion,
	storedTemplate,
	scriptingDisabled,
	dnSyntax,
	dnPatternCase,
	literalLooksLikePattern,
	unusedIgnore,
	matchAll,
	neverMatches,
	redundantMapping,
	budgetCheck,
	fixtureAnalyzer,
	templateOutput,
	templateRoleInjection,
	unknownRole,
	removedRole,
	privilegedBroadGrant,
	rolesFile,
	configAnalyzer,
	disabledMappingAnalyzer,
}

// KnownChecks is the set of check ids, for validating the config.
func KnownChecks() map[string]bool {
	known := map[string]bool{}
	for _, a := range All() {
		known[a.Name] = true
	}
	return known
}
