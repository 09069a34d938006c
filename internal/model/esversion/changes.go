package esversion

// Change is one behaviour that depends on the configured es_version: what
// changed, the first release with the new behaviour, and where that is
// written down in Elasticsearch's sources.
type Change struct {
	// ID names the change (the Go threshold variable it documents).
	ID string
	// Since is the first version with the new behaviour.
	Since Version
	// Area is the part of rolemap-lint the change affects (a check id or a
	// subsystem).
	Area string
	// Before and After say what Elasticsearch does before Since and from it.
	Before, After string
	// Source cites the pull request, release notes or file at a tag.
	Source string
}

// Changes lists every role-mapping behaviour that depends on the version,
// oldest first. The threshold variables above are the values the code
// uses; TestChangesMatchThresholds keeps this table in line with them.
func Changes() []Change {
	return []Change{
		{ID: "RealmSettingsByTypeSince", Since: RealmSettingsByTypeSince, Area: "config (elasticsearch.yml)",
			Before: "realm settings may use the 6.x layout `realms.<name>.type: <type>`",
			After:  "realm settings are `realms.<type>.<name>.*`; the 6.x layout is refused",
			Source: "Elasticsearch 7.0 breaking changes (security settings), `RealmSettings`"},
		{ID: "RealmOrderDeprecatedSince", Since: RealmOrderDeprecatedSince, Area: "config (elasticsearch.yml)",
			Before: "an enabled realm may omit `order`, and realms may share an order",
			After:  "a missing or shared `order` is deprecated",
			Source: "Elasticsearch 7.7 deprecations (`RealmSettings` order checks)"},
		{ID: "RealmOrderRequiredSince", Since: RealmOrderRequiredSince, Area: "config (elasticsearch.yml)",
			Before: "a missing or shared realm `order` is a deprecation warning",
			After:  "the node refuses to start (`Found realms without order config`, `Found multiple realms configured with the same order`)",
			Source: "Elasticsearch 8.0 breaking changes (security realms)"},
		{ID: "FileSettingsRoleMappingsSince", Since: FileSettingsRoleMappingsSince, Area: "operator file settings",
			Before: "operator file settings have no `role_mappings` handler: mappings there are never applied",
			After:  "`state.role_mappings` in operator file settings (and ECK StackConfigPolicy) define role mappings",
			Source: "elastic/elasticsearch#89667 (Add support for `/_security/role_mapping` for file based settings), 8.5.0 release notes"},
		{ID: "OperatorReservedMetadataSince", Since: OperatorReservedMetadataSince, Area: "reserved-metadata-key",
			Before: "(no operator role mappings)",
			After:  "operator mappings are validated with `validate(false)`: metadata keys starting with `_` are allowed there; API PUTs still reject them",
			Source: "`ReservedRoleMappingAction` (\"File based defined role mappings are allowed to use MetadataUtils.RESERVED_PREFIX\"), elastic/elasticsearch#89667, 8.5.0 release notes"},
		{ID: "OperatorTemplatesUnvalidatedSince", Since: OperatorTemplatesUnvalidatedSince, Area: "invalid-template",
			Before: "operator mappings are stored through `NativeRoleMappingStore.putRoleMapping`, which compiles role templates as a PUT does",
			After:  "operator mappings go to the cluster state; their role templates are not compiled when the file is applied",
			Source: "elastic/elasticsearch#107886 (Cluster state role mapper file settings service, re-landed as #108555), 8.15.0 release notes"},
		{ID: "ReadOnlyFlagSince", Since: ReadOnlyFlagSince, Area: "reserved-metadata-key",
			Before: "`_read_only` is rejected like any `_` key (`metadata keys may not start with [_]`)",
			After:  "PUT rejects `_read_only` with its own message (`metadata contains [_read_only] flag. You cannot create or update role-mappings with a read-only flag`)",
			Source: "`PutRoleMappingRequest.validate`, elastic/elasticsearch#115951 backported to 8.16 as #115963"},
		{ID: "ReservedNameSuffixSince", Since: ReservedNameSuffixSince, Area: "reserved-name",
			Before: "any mapping name may be PUT",
			After:  "PUT rejects names ending with `-read-only-operator-mapping` (`Invalid mapping name [...]`)",
			Source: "`TransportPutRoleMappingAction`, elastic/elasticsearch#114951 (Expose cluster-state role mappings in APIs), 8.16.0 release notes"},
		{ID: "Lucene10Since", Since: Lucene10Since, Area: "invalid-pattern, never-matches, match-all (regex automata)",
			Before: "Lucene 9 `RegExp` minimizes every sub-expression and checks bounded repeats against the determinization work limit",
			After:  "Lucene 10 `RegExp` builds an NFA; Elasticsearch determinizes it once (`Automatons.buildAutomaton`); the `~` complement stays enabled (`RegExp.DEPRECATED_COMPLEMENT`)",
			Source: "the Lucene table below (`build-tools-internal/version.properties` per release)"},
	}
}

// LuceneRelease is one row of the Lucene-per-Elasticsearch table.
type LuceneRelease struct {
	// From is the first Elasticsearch version of the row; a row holds until
	// the next row's From.
	From Version
	// Lucene is the Lucene version Elasticsearch ships.
	Lucene string
	// Regexp names how rolemap-lint models Lucene's RegExp for the row (the
	// automaton dialect).
	Regexp string
	// Source cites build-tools-internal/version.properties or the pull
	// request that changed it.
	Source string
}

// LuceneReleases lists the Lucene version each Elasticsearch line ships,
// oldest first. Only rows from 8.0 on matter to the regex model (7.x, on
// Lucene 8, builds automata like Lucene 9).
func LuceneReleases() []LuceneRelease {
	return []LuceneRelease{
		{From: Version{7, 2}, Lucene: "8.x", Regexp: "lucene9",
			Source: "Elasticsearch 7.x ships Lucene 8; modelled as Lucene 9 (RegExp minimizes every sub-expression in both)"},
		{From: Version{8, 0}, Lucene: "9.x (8.19: 9.12.x)", Regexp: "lucene9",
			Source: "Elasticsearch 8.x ships Lucene 9; 8.19 → Lucene 9.12.x in elastic/elasticsearch#129555"},
		{From: Version{9, 0}, Lucene: "10.1", Regexp: "lucene10.1",
			Source: "Elasticsearch 9.0 ships Lucene 10.1 (the 9.0 release; `build-tools-internal/version.properties` at the 9.0 tag not read)"},
		{From: Version{9, 1}, Lucene: "10.2.x", Regexp: "lucene10.2",
			Source: "`build-tools-internal/version.properties` of 9.1.0: `elasticsearch = 9.1.0`, `lucene = 10.2.2` (as copied into the build-tools-internal tests)"},
		{From: Version{9, 2}, Lucene: "10.3.x", Regexp: "lucene10.2",
			Source: "elastic/elasticsearch#136187 (Lucene 10.3), later 10.3.2 in #138240"},
		{From: Version{9, 3}, Lucene: "10.3.2", Regexp: "lucene10.2",
			Source: "elastic/elasticsearch#138230 (Lucene 10.3.2)"},
		{From: Version{9, 4}, Lucene: "10.4.0", Regexp: "lucene10.2",
			Source: "`build-tools-internal/version.properties` at commit 001206d1 (`elasticsearch = 9.4.2`, `lucene = 10.4.0`)"},
	}
}

// LuceneFor returns the row of LuceneReleases that holds for v.
func LuceneFor(v Version) LuceneRelease {
	rows := LuceneReleases()
	out := rows[0]
	for _, r := range rows {
		if v.AtLeast(r.From) {
			out = r
		}
	}
	return out
}
