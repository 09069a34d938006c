package config

import "github.com/rolemap-lint/rolemap-lint/internal/model/esversion"

// RealmTypeSince returns the Elasticsearch version that introduced a
// built-in realm type (the zero version for types older than 6.0, and for
// unknown types).
func RealmTypeSince(t string) esversion.Version { return realmTypeSince(t) }
