package catalog

// The built-in (reserved) roles of Elasticsearch, written by hand from the
// sources below and kept sorted by name. Every entry carries a "source:"
// comment naming what was read for it; a test checks both.
//
// Sources (elastic/elasticsearch unless another repository is named):
//
//	[RRS-7.6]  x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/security/authz/store/ReservedRolesStore.java
//	           @ 005d0e0d50388707e8537183510fa6005831dbdf — 7.x during 7.6 development: transform_* and
//	           enrich_user present, code_* already removed (#50115), kibana_admin not yet added (#50963).
//	[RRS-8.6]  same file @ 3f04c1e2639bf91a261d73754fb5dddcf7038131 — 8.x (remote indices behind
//	           TcpTransport.isUntrustedRemoteClusterEnabled): kibana_dashboard_only_user gone, apm_user deprecated.
//	[RRS-9.0]  same file, stored version with index id 99075909 (Setting.stringListSetting, role descriptions,
//	           KibanaOwnedReservedRoleDescriptors) — main during 9.0 development, after #116712 removed
//	           apm_user and before #117519 removed data_frame_transforms_*; inference_* present.
//	[TESTS]    x-pack/plugin/core/src/test/java/.../authz/store/ReservedRolesStoreTests.java, stored version with
//	           index id 34324731 (9.x: IndexComponentSelector) — testIsReserved: code_admin/code_user not reserved.
//	[DOCS]     docs/reference/elasticsearch/roles.md @ 09b5fa59467fd3b11a7070e7b278ee8c26801e4d (built-in-roles page).
//	[DOCS-7.5] x-pack/docs/en/security/authorization/built-in-roles.asciidoc @ 02c6525c5fae2c75bb7a3fec9e135d8f980a48a2.
//
// "Present at 7.2" means the role is in every version read and was added in
// 6.x or 7.0/7.1 (before the oldest modelled version); its exact first
// version is not recorded because it does not matter here.
var builtinTable = []builtinEntry{
	// source: [DOCS] ("stack: ga 9.6"; "intended only for the service accounts that Kibana creates for
	// AlertZero workers ... should not be assigned to users"). Privileges not read: not in any stored
	// ReservedRolesStore version.
	{name: "alertzero_alert_triage", added: ver(9, 6), internal: true},
	// source: [DOCS] (as alertzero_alert_triage).
	{name: "alertzero_attack_discovery", added: ver(9, 6), internal: true},
	// source: [DOCS] (as alertzero_alert_triage).
	{name: "alertzero_endpoint_analysis", added: ver(9, 6), internal: true},
	// source: [DOCS] (as alertzero_alert_triage).
	{name: "alertzero_rule_coverage", added: ver(9, 6), internal: true},
	// source: [DOCS] (as alertzero_alert_triage).
	{name: "alertzero_rule_tuning", added: ver(9, 6), internal: true},
	// source: [DOCS] (as alertzero_alert_triage).
	{name: "alertzero_threat_hunt", added: ver(9, 6), internal: true},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (UsernamesField.APM_ROLE: monitor + monitoring bulk action);
	// role of the apm_system user (elastic/elasticsearch#80752 discusses deprecating user and role, not done).
	{name: "apm_system", internal: true, cluster: []string{"monitor", "cluster:admin/xpack/monitoring/bulk"}},
	// source: [RRS-7.6], [RRS-8.6] (deprecated metadata: "Please use editor and viewer roles instead");
	// absent from [RRS-9.0]. Deprecated in 7.13 by elastic/elasticsearch#68749 (docs #72279); removed in 9.0 by
	// elastic/elasticsearch#116712 (merged to main 2024-11, "breaking change for 9.0").
	{name: "apm_user", deprecated: ver(7, 13), removed: ver(9, 0), replacement: "editor, viewer"},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0], [DOCS] (index privilege all on .management-beats only).
	{name: "beats_admin"},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (UsernamesField.BEATS_ROLE), [DOCS] ("should not be assigned to users").
	{name: "beats_system", internal: true, cluster: []string{"monitor", "cluster:admin/xpack/monitoring/bulk"}},
	// source: elastic/elasticsearch#50068 (master) and #50115 (7.x backport, 2019-12-12, after 7.5.0 shipped):
	// "Remove reserved roles for code search" — so removed in 7.6; [TESTS] asserts it is not reserved.
	// Present at 7.2 is assumed, not pinned: elastic/kibana#30617 (Feb 2019) already checks the code_admin role.
	// Privileges not read (no stored ReservedRolesStore version has it).
	{name: "code_admin", removed: ver(7, 6), advice: "the Kibana Code app it served was removed"},
	// source: as code_admin (elastic/elasticsearch#50068, #50115; [TESTS]).
	{name: "code_user", removed: ver(7, 6), advice: "the Kibana Code app it served was removed"},
	// source: [RRS-7.6], [RRS-8.6] (deprecated metadata "Please use the [transform_admin] role instead"),
	// [RRS-9.0] ("DEPRECATED: to be removed in 9.0.0"), [DOCS-7.5]. Roles docs drafted in elastic/stack-docs#231
	// for elastic/elasticsearch#39661 (Mar 2019), so present at 7.2. Deprecated in 7.5 by
	// elastic/elasticsearch#47780 (7.5 backport #47819); metadata flag added later by #57655. Removed in 9.0 by
	// elastic/elasticsearch#117519 ("This will only be added to 9.0"; 8.18 warns through #117521/#118294).
	{name: "data_frame_transforms_admin", deprecated: ver(7, 5), removed: ver(9, 0), replacement: "transform_admin",
		cluster: []string{"manage_data_frame_transforms"}},
	// source: as data_frame_transforms_admin ([RRS-7.6], [RRS-8.6], [RRS-9.0]; #47780, #47819, #117519).
	{name: "data_frame_transforms_user", deprecated: ver(7, 5), removed: ver(9, 0), replacement: "transform_user",
		cluster: []string{"monitor_data_frame_transforms"}},
	// source: [RRS-8.6], [RRS-9.0] (buildEditorRoleDescriptor: no cluster privileges, read on non-dot indices,
	// Kibana "all"); added by elastic/elasticsearch#71710, 7.x backport #71904 (2021-04-20) = 7.13
	// (elastic/apm-integration-testing#1400: "Elasticsearch 7.13 introduced ... editor and viewer").
	{name: "editor", added: ver(7, 13)},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (manage_enrich, manage_ingest_pipelines, monitor). Added in 7.5,
	// the release that introduced enrich: elastic/elasticsearch#48079 documents it (2019-10-15); [DOCS-7.5]
	// predates it. Not pinned by a release label.
	{name: "enrich_user", added: ver(7, 5), cluster: []string{"manage_enrich", "manage_ingest_pipelines", "monitor"}},
	// source: [RRS-9.0] (cluster manage_inference), [TESTS], [DOCS]; added by elastic/elasticsearch#106371
	// (merged 2024-03-14), documented for 8.14 by #108553 — so 8.14.
	{name: "inference_admin", added: ver(8, 14), cluster: []string{"manage_inference"}},
	// source: [RRS-9.0] (cluster monitor_inference), [TESTS], [DOCS]; elastic/elasticsearch#106371 (8.14).
	{name: "inference_user", added: ver(8, 14), cluster: []string{"monitor_inference"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0], [DOCS] (manage_index_templates, manage_pipeline).
	{name: "ingest_admin", cluster: []string{"manage_index_templates", "manage_pipeline"}},
	// source: [RRS-8.6], [RRS-9.0] (kibanaAdminUser: Kibana application privilege "all", nothing else);
	// absent from [RRS-7.6]. Added by elastic/elasticsearch#46456 (7.x backport #50963, 2020-01-14) in 7.6
	// (elastic/beats#16432: "Starting in 7.6, the kibana_user role has been deprecated in favor of ...
	// kibana_admin"; elastic/stack-docs#805 labelled v7.6.0).
	{name: "kibana_admin", added: ver(7, 6)},
	// source: [RRS-7.6] (Kibana application privilege read), [DOCS-7.5]; deprecated with kibana_user by
	// elastic/elasticsearch#46456/#50963 (7.6); removed for 8.0 by elastic/elasticsearch#76507 (2021-08-16,
	// elastic/kibana#54755: "We will still drop the kibana_dashboard_only_user role in 8.0"). [DOCS] still lists
	// it as deprecated; the code is authoritative.
	{name: "kibana_dashboard_only_user", deprecated: ver(7, 6), removed: ver(8, 0),
		advice: "grant read access to the Dashboard feature with Kibana feature privileges in a custom role"},
	// source: [RRS-7.6] (KibanaUser.ROLE_NAME), [RRS-8.6] (kibanaSystemRoleDescriptor), [RRS-9.0]
	// (KibanaOwnedReservedRoleDescriptors.kibanaSystem), [DOCS] ("should not be assigned to users").
	// Named cluster privileges of [RRS-8.6]; security-related ones: manage_saml, manage_token, manage_oidc,
	// delegate_pki (7.x and 8.x), grant_api_key, manage_own_api_key and the invalidate-API-key action (8.x),
	// plus the configurable manage_application_privileges (kibana-*) and write_profile_data (kibana*).
	{name: "kibana_system", internal: true,
		cluster: []string{"monitor", "manage_index_templates", "manage_saml", "manage_token", "manage_oidc",
			"manage_pipeline", "manage_ilm", "manage_transform", "grant_api_key", "manage_own_api_key",
			"delegate_pki", "manage_ml", "monitor_text_structure", "cancel_task"},
		securityAdmin: []string{"manage_saml", "manage_token", "manage_oidc", "delegate_pki", "grant_api_key",
			"manage_own_api_key", "cluster:admin/xpack/security/api_key/invalidate"}},
	// source: [RRS-7.6] (Kibana application privilege all), [RRS-8.6] and [RRS-9.0] (deprecated metadata
	// "Please use the [kibana_admin] role instead"); deprecated in 7.6 by elastic/elasticsearch#46456/#50963.
	{name: "kibana_user", deprecated: ver(7, 6), replacement: "kibana_admin"},
	// source: [RRS-7.6] (index privileges on .logstash* only), [RRS-8.6] and [RRS-9.0] (adds cluster
	// manage_logstash_pipelines).
	{name: "logstash_admin", cluster: []string{"manage_logstash_pipelines"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (monitor + monitoring bulk action), [DOCS] ("should not be assigned
	// to users").
	{name: "logstash_system", internal: true, cluster: []string{"monitor", "cluster:admin/xpack/monitoring/bulk"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (manage_ml).
	{name: "machine_learning_admin", cluster: []string{"manage_ml"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (monitor_ml).
	{name: "machine_learning_user", cluster: []string{"monitor_ml"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (three cluster actions, read on monitoring indices).
	{name: "monitoring_user",
		cluster: []string{"cluster:monitor/main", "cluster:monitor/xpack/info", "cluster:monitor/remote/info"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (index privilege all on .monitoring-* only, not on *); role of the
	// remote_monitoring_user (RemoteMonitoringUser.INDEXING_ROLE_NAME), also documented for Metricbeat users, so
	// not flagged internal.
	{name: "remote_monitoring_agent", cluster: []string{"manage_index_templates", "manage_ingest_pipelines", "monitor"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (monitor; index monitor on * incl. restricted indices); role of
	// the remote_monitoring_user (RemoteMonitoringUser.COLLECTION_ROLE_NAME).
	{name: "remote_monitoring_collector", internal: true, cluster: []string{"monitor"}},
	// source: [RRS-7.6] (no privileges), [RRS-8.6] and [RRS-9.0] (deprecated metadata "Please use Kibana
	// feature privileges instead"), [DOCS]. Deprecated in 7.14 by elastic/elasticsearch#72057 (7.x backport
	// #72116 "to be released in 7.14"). Main un-deprecated it in Dec 2024 (#118058) and #132766 deprecated it
	// again in Aug 2025 with backports to 9.0 (#133078) and 9.1 (#133079): early 9.0.x/9.1.x patches show no
	// deprecation flag. Patch levels are not modelled; the table follows the newest patch of every line.
	{name: "reporting_user", deprecated: ver(7, 14),
		advice: "grant reporting with Kibana feature privileges in a custom role"},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (manage_rollup).
	{name: "rollup_admin", cluster: []string{"manage_rollup"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (monitor_rollup).
	{name: "rollup_user", cluster: []string{"monitor_rollup"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (create_snapshot, get repositories; view_index_metadata on *);
	// added in 6.7 by elastic/elasticsearch#35820 (elastic/stack-docs#212).
	{name: "snapshot_user", cluster: []string{"create_snapshot", "cluster:admin/repository/get"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (SUPERUSER_ROLE_DESCRIPTOR: cluster all, index all on *, run_as *,
	// every application privilege), [DOCS].
	{name: "superuser", cluster: []string{"all"}, clusterAll: true, runAsAll: true, indexAllOnAll: true},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (manage_transform); added in 7.5 by elastic/elasticsearch#47780
	// (7.5 backport #47819).
	{name: "transform_admin", added: ver(7, 5), cluster: []string{"manage_transform"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (monitor_transform); elastic/elasticsearch#47780/#47819 (7.5).
	{name: "transform_user", added: ver(7, 5), cluster: []string{"monitor_transform"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (cluster transport_client), [DOCS] (still listed in 9.x).
	{name: "transport_client", cluster: []string{"transport_client"}},
	// source: [RRS-8.6], [RRS-9.0] (buildViewerRoleDescriptor: read on non-dot indices, Kibana "read");
	// elastic/elasticsearch#71710/#71904 (7.13), as editor.
	{name: "viewer", added: ver(7, 13)},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (manage_watcher).
	{name: "watcher_admin", cluster: []string{"manage_watcher"}},
	// source: [RRS-7.6], [RRS-8.6], [RRS-9.0] (monitor_watcher).
	{name: "watcher_user", cluster: []string{"monitor_watcher"}},
}
