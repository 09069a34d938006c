// Package config reads rolemap-lint's own configuration (.rolemap-lint.yaml,
// docs/usage.md, "Configuration") and the parts of an Elasticsearch elasticsearch.yml that change
// how role mappings behave: the realms (and which role_mapping.yml each one
// reads), the scripting restrictions and the anonymous roles.
//
// Paths written in the config file are relative to the directory that holds
// it; the Config keeps that directory (Dir) and stores file paths resolved
// to absolute paths. Glob patterns (mappings, exclude, role_mapping_files,
// roles.files, ignore[].path) are matched against slash-separated paths
// relative to Dir; Config.Rel converts any path into that form.
//
// Realms can come from both the config's realms list and elasticsearch.yml.
// They are combined by name: a realm defined in both places takes every
// field the config entry sets from the config and the rest from
// elasticsearch.yml (the config wins).
//
// A config may declare clusters (several Elasticsearch clusters kept in one
// repository). Each Cluster has the paths of its files and its own effective
// Config: the document's top-level keys with the cluster's keys in their
// place, decoded by the same code as the top level, so that every key (one
// added later included) can be set per cluster without code of its own.
package config
