package template

// UserData is what a role mapping sees of a user (Elasticsearch's
// UserRoleMapper.UserData).
type UserData struct {
	Username string
	// DN is the user's distinguished name; nil when the user has none.
	DN *string
	// Groups are the user's groups (a set: order carries no meaning).
	Groups []string
	// Metadata holds the user's metadata; each top-level key becomes a
	// model field "metadata.<key>". Values are JSON-like: string, bool,
	// json.Number or Go numbers, []any, map[string]any, nil.
	Metadata map[string]any
	// RealmName is the name of the realm that authenticated the user.
	RealmName string
}

// Model returns the flat model role templates see (UserData.asModel):
// "username", "dn" (only when the user has one), "groups",
// "metadata.<key>" and "realm.name".
func (u UserData) Model() map[string]any {
	m := make(map[string]any, 4+len(u.Metadata))
	m["username"] = u.Username
	if u.DN != nil {
		m["dn"] = *u.DN
	}
	groups := make([]string, len(u.Groups))
	copy(groups, u.Groups)
	m["groups"] = groups
	for k, v := range u.Metadata {
		m["metadata."+k] = v
	}
	m["realm.name"] = u.RealmName
	return m
}
