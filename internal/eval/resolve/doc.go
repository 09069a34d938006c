// Package resolve computes a user's effective roles exactly as
// Elasticsearch does (docs/semantics.md, "Effective roles"): the union over every enabled, valid
// API and operator mapping whose rules match (fixed roles and role template
// outputs), the DN role mapping files of the realms that use them, and the
// configured anonymous roles. Each role comes with the grants that explain
// it. A failing role template or an unusable user fails the whole
// resolution, as it fails the login in Elasticsearch.
package resolve
