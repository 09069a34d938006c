package match

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

// Field names of Elasticsearch's user model (UserData.asModel).
const (
	FieldUsername  = "username"
	FieldDN        = "dn"
	FieldGroups    = "groups"
	FieldRealmName = "realm.name"
	// MetadataPrefix starts the field of each top-level metadata key.
	MetadataPrefix = "metadata."
)

// Model is what rules see of one user: Elasticsearch's ExpressionModel as
// UserData.asModel builds it (username, dn when the user has one, groups,
// metadata.<key> per top-level key, realm.name), or a generic model of
// arbitrary fields (NewGenericModel). A Model is immutable once built and
// safe for concurrent use.
type Model struct {
	norm *dn.Normalizer

	username string
	realm    string
	dn       *dnValue   // nil: the user has no DN (NULL_PREDICATE)
	groups   []*dnValue // distinct groups (Set.copyOf)
	metadata map[string]jvalue

	// generic is set for NewGenericModel: every field uses the generic
	// predicate and the fields above are unused.
	generic map[string]jvalue

	tmpl map[string]any
}

// NewModel builds the model of u as Elasticsearch's UserData.asModel does.
// n normalizes DNs (shared per run so that each distinct string is parsed
// once); nil uses a private Normalizer.
//
// It fails, as Elasticsearch's role resolution fails for such a user, when
// a metadata value (or an element of a list value) is of a type
// Elasticsearch cannot build a predicate for, such as an object
// (ErrUnsupportedValue), and when a top-level metadata value is null
// (ErrNullMetadata): Elasticsearch 8.x/9.x copies the metadata with
// Map.copyOf, which rejects null values, so realms never present one. A
// fixture that means "no such value" should omit the key, which a null rule
// value matches just like a null value would. (7.x dropped null values
// instead: remove them before calling NewModel to model 7.x.) Null elements
// inside a list are allowed and match a null rule value.
func NewModel(u *user.User, n *dn.Normalizer) (*Model, error) {
	if u == nil {
		return nil, errors.New("match: nil user")
	}
	if n == nil {
		n = dn.NewNormalizer(0)
	}
	m := &Model{norm: n, username: javatext.Sanitize(u.Username), realm: javatext.Sanitize(u.Realm.Name)}
	if u.DN != nil {
		m.dn = newDNValue(javatext.Sanitize(*u.DN), n)
	}
	m.groups = newGroups(u.Groups, n)
	m.metadata = make(map[string]jvalue, len(u.Metadata))
	for _, k := range sortedKeys(u.Metadata) {
		v := u.Metadata[k]
		if v == nil {
			return nil, fmt.Errorf("%s%s: %w: Elasticsearch copies user metadata with Map.copyOf, "+
				"which throws NullPointerException on a null value, so role mapping fails for this user; "+
				"omit the key instead (a null rule value matches a missing key)", MetadataPrefix, k, ErrNullMetadata)
		}
		jv, err := toJValue(v, 0)
		if err != nil {
			return nil, fmt.Errorf("%s%s: %w (Elasticsearch fails the user's whole role resolution)", MetadataPrefix, k, err)
		}
		m.metadata[k] = jv
	}
	groups := make([]string, len(m.groups))
	for i, g := range m.groups {
		groups[i] = g.raw
	}
	m.tmpl = template.UserData{
		Username:  u.Username,
		DN:        u.DN,
		Groups:    groups,
		Metadata:  u.Metadata,
		RealmName: u.Realm.Name,
	}.Model()
	return m, nil
}

// NewGenericModel builds a raw ExpressionModel: each entry of fields is a
// field with the generic, type-directed predicate of
// ExpressionModel.defineField(name, value), without any DN logic (so
// "groups" here is compared case-sensitively). Values may be null. It fails
// like NewModel for values Elasticsearch cannot build a predicate for.
func NewGenericModel(fields map[string]any) (*Model, error) {
	m := &Model{norm: dn.NewNormalizer(0), generic: make(map[string]jvalue, len(fields))}
	m.tmpl = make(map[string]any, len(fields))
	for _, k := range sortedKeys(fields) {
		jv, err := toJValue(fields[k], 0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		m.generic[k] = jv
		m.tmpl[k] = fields[k]
	}
	return m, nil
}

// TemplateModel returns the model role templates see, as
// template.UserData.Model builds it (groups without duplicates, like
// Elasticsearch's Set.copyOf). The map is a fresh copy.
func (m *Model) TemplateModel() map[string]any {
	out := make(map[string]any, len(m.tmpl))
	for k, v := range m.tmpl {
		if g, ok := v.([]string); ok {
			v = append([]string(nil), g...)
		}
		out[k] = v
	}
	return out
}

// Fields lists the model's field names, sorted, as a rule can reference
// them.
func (m *Model) Fields() []string {
	if m.generic != nil {
		return sortedKeys(m.generic)
	}
	out := []string{FieldUsername, FieldGroups, FieldRealmName}
	if m.dn != nil {
		out = append(out, FieldDN)
	}
	for k := range m.metadata {
		out = append(out, MetadataPrefix+k)
	}
	sort.Strings(out)
	return out
}

// fieldKind says which predicate a field of the model uses.
type fieldKind uint8

const (
	fieldMissing fieldKind = iota // NULL_PREDICATE
	fieldGeneric                  // buildPredicate(value)
	fieldDN                       // DistinguishedNamePredicate
	fieldGroups                   // any of the group DN predicates
)

// lookup resolves a rule's field name against the model.
func (m *Model) lookup(name string) (fieldKind, jvalue, *dnValue) {
	if m.generic != nil {
		if v, ok := m.generic[name]; ok {
			return fieldGeneric, v, nil
		}
		return fieldMissing, jvalue{}, nil
	}
	switch name {
	case FieldUsername:
		return fieldGeneric, jvalue{kind: jString, s: m.username}, nil
	case FieldRealmName:
		return fieldGeneric, jvalue{kind: jString, s: m.realm}, nil
	case FieldGroups:
		return fieldGroups, jvalue{}, nil
	case FieldDN:
		if m.dn == nil {
			return fieldMissing, jvalue{}, nil
		}
		return fieldDN, jvalue{}, m.dn
	}
	if k, ok := strings.CutPrefix(name, MetadataPrefix); ok {
		if v, ok := m.metadata[k]; ok {
			return fieldGeneric, v, nil
		}
	}
	return fieldMissing, jvalue{}, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// parallelGroups is the group count from which normalization is spread over
// the CPUs.
const parallelGroups = 4096

// newGroups builds the distinct groups (Set.copyOf) with their normalized
// DNs. A user with more groups than the Normalizer caches would only churn
// its cache (evicting the rule values kept there), so such groups are
// parsed directly, in parallel.
func newGroups(groups []string, n *dn.Normalizer) []*dnValue {
	seen := make(map[string]bool, len(groups))
	out := make([]*dnValue, 0, len(groups))
	for _, g := range groups {
		g = javatext.Sanitize(g)
		if seen[g] {
			continue
		}
		seen[g] = true
		out = append(out, &dnValue{raw: g})
	}
	if len(out) < parallelGroups {
		for _, d := range out {
			d.norm, d.isDN = n.Normalize(d.raw)
		}
		return out
	}
	workers := min(runtime.GOMAXPROCS(0), 16)
	chunk := (len(out) + workers - 1) / workers
	var wg sync.WaitGroup
	for start := 0; start < len(out); start += chunk {
		part := out[start:min(start+chunk, len(out))]
		wg.Go(func() {
			for _, d := range part {
				d.norm, d.isDN = dn.Normalize(d.raw)
			}
		})
	}
	wg.Wait()
	return out
}
