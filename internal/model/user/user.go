// Package user is the user a realm presents to role mapping: what a fixture
// declares and what rule evaluation, role templates and DN file mappings
// read (docs/semantics.md, "User model").
package user

// User is one authenticated user.
type User struct {
	// Username is always present.
	Username string
	// DN is the user's distinguished name; nil when the user has none.
	DN *string
	// Groups are the user's groups (DNs for LDAP/AD, names for SAML, OIDC,
	// JWT...). Order is not meaningful; never nil after Normalize.
	Groups []string
	// Metadata holds the realm's metadata; each top-level key becomes the
	// field `metadata.<key>`. Values are string, bool, int64, float64,
	// []any, map[string]any or nil.
	Metadata map[string]any
	// Realm is the authenticating realm.
	Realm Realm
}

// Realm names the realm a user authenticated with.
type Realm struct {
	// Name is the realm's name (`realm.name` in rules), e.g. "ldap1".
	Name string
	// Type is the realm's type (ldap, active_directory, pki, saml, ...);
	// "" when unknown. It is not visible to rules: it only decides whether
	// DN file mappings apply.
	Type string
}
