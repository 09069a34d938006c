package lint

import (
	"sort"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
)

// CheckConfig is the id of the check reporting configuration problems.
const CheckConfig = "config"

// All returns every check, sorted by name.
func All() []*Analyzer {
	out := append([]*Analyzer(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

var registry = []*Analyzer{
	parseAnalyzer(diag.Syntax, diag.Error,
		"invalid JSON/YAML, duplicate keys, bad encoding, limits exceeded",
		"The file cannot be read the way Elasticsearch reads it: a JSON or YAML syntax error, a duplicate key "+
			"(Elasticsearch's parser rejects documents with duplicate keys), a file that is not UTF-8, nesting deeper than "+
			"1000 levels, or a YAML alias expansion beyond the billion-laughs limit. JSON may contain `//` and `/* */` "+
			"comments, as Elasticsearch accepts them."),
	parseAnalyzer("ambiguous-yaml", diag.Warning,
		"YAML scalars that YAML 1.1 and YAML 1.2 parsers read differently",
		"A YAML mapping file reaches Elasticsearch either as YAML, read by Elasticsearch's own reader (YAML 1.1: plain "+
			"`yes`/`no`/`on`/`off` are booleans, an alias `*a` is the string `a`), or converted to JSON by a YAML 1.2 tool "+
			"(those are strings, aliases are expanded). Where the two readings differ, one finding says what each reader "+
			"reads and whether Elasticsearch accepts it; it is an error only when both readings are rejected, and fixture "+
			"tests must pass under both. Set `yaml_reader` in the config when you know the reader (docs/yaml.md). Sexagesimal "+
			"numbers such as `1:30`, leading-zero octals such as `0777`, `y`/`n` (booleans to go-yaml v2) and `<<` merge keys "+
			"are reported too. Quote the value so every tool reads the same thing."),
	parseAnalyzer(diag.Schema, diag.Error,
		"unknown top-level field (incl. run_as), wrong type, missing enabled/rules",
		"The mapping body fails the JSON Schema stage (`rolemap-lint schema` prints the schema): a top-level field "+
			"Elasticsearch does not know (it rejects `run_as` although the API specification lists it), a field of the "+
			"wrong JSON type, or a missing `enabled` or `rules` (both are required)."),
	parseAnalyzer(diag.RolesOrTemplates, diag.Error,
		"both, or neither, of non-empty roles/role_templates",
		"A mapping must grant roles through exactly one of a non-empty `roles` list or a non-empty `role_templates` list. "+
			"Elasticsearch's parser fails with `missing field [roles]` when both are absent, and PUT validation rejects "+
			"empty lists (`role-mapping roles or role-templates are missing`) and both at once "+
			"(`role-mapping cannot have both roles and role-templates`)."),
	parseAnalyzer(diag.ReservedMetadataKey, diag.Error,
		"metadata key starting with _ (and _read_only) where Elasticsearch reserves it",
		"Top-level `metadata` keys starting with `_` are reserved: PUT rejects them (`metadata keys may not start with [_]`), "+
			"and since 8.16 `_read_only` has its own message because GET adds it to operator mappings. Operator file settings "+
			"may use `_` keys: they are validated without the metadata check since they first held role mappings (8.5). "+
			"Nested keys are not checked by Elasticsearch."),
	parseAnalyzer(diag.RuleSyntax, diag.Error,
		"errors in the rules DSL, with Elasticsearch's message",
		"Everything Elasticsearch's rule parser rejects: a rule object with zero or several keys, an unknown key, "+
			"`except` outside an `all` array, `any`/`all` without an array, a `field` rule that is not an object, has no or "+
			"several fields, an object or nested array as a value, an empty value list, or a number out of the long range."),
	parseAnalyzer(diag.InvalidPattern, diag.Error,
		"bad wildcard/regex values: /…* without closing /, Lucene regex errors, patterns too complex to determinize",
		"A string value containing `*` is a wildcard, and one written `/…/` a Lucene regular expression; Elasticsearch "+
			"compiles both when the mapping is stored. A value starting with `/` that contains `*` but does not end with `/` "+
			"is rejected, and so is a regex that Lucene cannot parse or cannot determinize within its work limit."),
	parseAnalyzer(diag.InvalidTemplate, diag.Error,
		"role template shape, script fields, mustache syntax, format",
		"A `role_templates` element must have a `template` (a script object, or its JSON text) and an optional "+
			"`format` of `string` or `json`. The script needs `source` (inline) or `id` (stored), may have `params` and "+
			"`options` (only `content_type`), and its mustache source must compile. Elasticsearch validates all of this at PUT. "+
			"Operator file settings were validated the same way from 8.5 to 8.14; from 8.15 Elasticsearch parses only the "+
			"template's shape when it applies them, so script and mustache problems there are warnings: the template fails "+
			"when it is evaluated for a matching user. A deprecated field (`inline`, `stored`) is a warning too."),
	parseAnalyzer("duplicate-name", diag.Error,
		"two mappings share a name",
		"Mapping names are unique among API mappings and among operator mappings: Elasticsearch keeps one mapping per "+
			"name, so a second definition silently replaces the first. Single bodies in one multi-document YAML file all "+
			"take the file's name and collide."),
	parseAnalyzer(diag.ReservedName, diag.Error,
		"name ends with -read-only-operator-mapping",
		"Since 8.16 Elasticsearch shows operator mappings through GET with the suffix `-read-only-operator-mapping` "+
			"and rejects PUT of a name ending with it (`Invalid mapping name [...]`)."),
	parseAnalyzer("tolerated-form", diag.Info,
		"accepted by Elasticsearch but not its canonical form",
		"Elasticsearch accepts a bare string for `roles`, the strings `\"true\"`/`\"false\"` for `enabled` (and quietly reads an "+
			"empty or blank string there as `false`), a single "+
			"object for `role_templates` and a JSON string for `template`, but GET returns the canonical form, so a "+
			"repository that stores the tolerated form will always differ from the cluster."),
	parseAnalyzer("role-mapping-file", diag.Error,
		"role_mapping.yml: comma-split scalars, wildcards, invalid DNs, unreadable YAML",
		"Elasticsearch reads `role_mapping.yml` (LDAP, Active Directory and PKI realms) as settings: each key is a role, "+
			"each value a list of DNs compared by exact normalized equality. A scalar value is split on commas (so "+
			"`superuser: \"cn=admins,dc=example,dc=com\"` maps three one-RDN DNs), wildcards and regexes are never supported, "+
			"role names with dots are lost, and an invalid DN is skipped at runtime but stops the node at startup when the "+
			"realm sets `files.role_mapping` explicitly. A file Elasticsearch cannot read maps nothing."),
	parseAnalyzer("unrecognized-file", diag.Warning,
		"a file the config's mappings claim holds something that is not a role mapping",
		"The config's `mappings` globs claim a file strictly, so each of its documents must be a PUT body, a GET dump, "+
			"operator file settings or an ECK StackConfigPolicy. Other files (found by a walk or named on the command line) "+
			"are read only when they carry a role-mapping signature, and are skipped silently otherwise (`-v` lists every "+
			"file and why); see \"Which files are role mappings\" in docs/usage.md."),
	parseAnalyzer(workspace.CheckFixtureName, diag.Warning,
		"a file shaped like a fixture file is not named *_test.yaml, so its tests never run",
		"A JSON or YAML file with a top-level `tests:` list of entries that have a `user` and an expectation looks like a "+
			"fixture file, but only files named `*_test.yaml`, `*_test.yml` or `*_test.json` are run as fixtures: its tests "+
			"are silently never run. The message names the file to rename it to."),
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
	{
		Name:    fixtures.Check,
		Level:   diag.Error,
		Summary: "problems in fixture files (*_test.yaml): unknown keys, missing names, tests without expectations",
		Doc: "Fixture files declare test users and the roles they must get (see the README). A fixture with an unknown key, " +
			"no `name`, a duplicate name, no `user.username`, values of the wrong type, no expectation (`roles`, " +
			"`includes`/`excludes` or `error`) or contradictory ones is reported here, and the test is counted as failed.",
		Run: func(p *Pass) {
			for _, d := range p.Settings.FixtureFindings {
				p.Report(d)
			}
		},
	},
	templateOutput,
	templateRoleInjection,
	unknownRole,
	removedRole,
	privilegedBroadGrant,
	rolesFile,
	{
		Name:    CheckConfig,
		Level:   diag.Warning,
		Summary: "problems in .rolemap-lint.yaml or the elasticsearch.yml it names that do not stop the run",
		Doc: "The configuration is usable but something in it is probably wrong: a realm defined twice, a realm type " +
			"or settings layout the configured `es_version` does not support, a setting written twice in elasticsearch.yml, " +
			"or an `es_version` newer than the newest modelled. (Errors that make the config unusable stop the run with exit code 2.)",
		Run: func(p *Pass) {
			for _, d := range p.Settings.ConfigProblems {
				p.Report(d)
			}
		},
	},
	{
		Name:    "disabled-mapping",
		Level:   diag.Info,
		Summary: "enabled: false",
		Doc: "A mapping with `enabled: false` is stored but never applied. Worth knowing when reviewing a change: " +
			"delete it if it is no longer needed.",
		Run: runDisabledMapping,
	},
}

func runDisabledMapping(p *Pass) {
	for _, m := range p.Workspace.Mappings {
		mem := m.Field("enabled")
		if mem == nil || !m.Valid() || m.Enabled {
			continue
		}
		p.Report(diag.Diagnostic{Span: mem.Value.Span, Mapping: m.Name, Pointer: m.Pointer.Append("enabled").String(),
			Message: "mapping [" + m.Name + "] is disabled (enabled: false): Elasticsearch stores it but never applies it"})
	}
}

// KnownChecks is the set of check ids, for validating the config.
func KnownChecks() map[string]bool {
	known := map[string]bool{}
	for _, a := range All() {
		known[a.Name] = true
	}
	return known
}
