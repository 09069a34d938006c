package config

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/repofs"
)

// ESSettings is what rolemap-lint reads from an elasticsearch.yml.
type ESSettings struct {
	// Path is the file's path as given (used in messages).
	Path string
	// Dir is the Elasticsearch config directory: the absolute directory of
	// the file, against which relative files.role_mapping paths resolve.
	Dir string
	// Settings are all the flattened settings.
	Settings *Settings
	// Realms are the realms of the 7.x+ layout
	// xpack.security.authc.realms.<type>.<name>.*, in (type, name) order.
	Realms []Realm
	// LegacyRealms are realms written in the 6.x layout
	// xpack.security.authc.realms.<name>.type, which Elasticsearch 7.0 and
	// later do not understand (see VersionProblems).
	LegacyRealms []Realm
	// Script is script.allowed_types and script.allowed_contexts. A value
	// holding a ${...} placeholder leaves the setting unset.
	Script Scripting
	// AnonymousRoles is xpack.security.authc.anonymous.roles when
	// AnonymousRolesSet.
	AnonymousRoles    []string
	AnonymousRolesSet bool
	// AnonymousRolesSpan is where the anonymous roles are written.
	AnonymousRolesSpan source.Span
	// Problems are settings Elasticsearch would refuse or that are almost
	// certainly mistakes, independent of the Elasticsearch version.
	Problems []Problem
}

// Well-known setting keys.
const (
	RealmsPrefix          = "xpack.security.authc.realms."
	AnonymousRolesKey     = "xpack.security.authc.anonymous.roles"
	ScriptAllowedTypes    = "script.allowed_types"
	ScriptAllowedContexts = "script.allowed_contexts"
	roleMappingSuffix     = "files.role_mapping"
	unmappedSuffix        = "unmapped_groups_as_roles"
	authzRealmsSuffix     = "authorization_realms"
)

// maxESYMLSize bounds the bytes read from an elasticsearch.yml.
const maxESYMLSize = 16 << 20

// LoadElasticsearchYML reads and interprets an elasticsearch.yml, confined
// to its repository like every read (see internal/repofs). Errors
// (unreadable file, invalid YAML, anything Settings.loadFromPath rejects)
// are returned as an ErrorList; settings Elasticsearch would refuse later
// at startup are Problems.
func LoadElasticsearchYML(path string) (*ESSettings, error) {
	data, err := readConfined(path, maxESYMLSize)
	if err != nil {
		return nil, ErrorList{{File: path, Msg: confinedReason(err)}}
	}
	return ParseElasticsearchYML(path, data)
}

// readConfined reads a regular file of at most max bytes inside its own
// repository (the one found from the file's directory).
func readConfined(path string, max int64) ([]byte, error) {
	fsys, err := repofs.OpenFor(path, "")
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	if err := fsys.Check(path); err != nil {
		return nil, err
	}
	return fsys.ReadFile(path, max)
}

// ParseElasticsearchYML interprets the bytes of an elasticsearch.yml named
// name (its directory is the Elasticsearch config directory).
func ParseElasticsearchYML(name string, data []byte) (*ESSettings, error) {
	f := source.NewFile(name, data)
	settings, err := ParseSettings(f)
	if err != nil {
		return nil, err
	}
	dir, absErr := filepath.Abs(filepath.Dir(name))
	if absErr != nil {
		dir = filepath.Dir(name)
	}
	es := &ESSettings{Path: name, Dir: dir, Settings: settings}
	for _, o := range settings.Overridden {
		first := o.First.KeySpan.Range().Start
		es.problem(o.Later.KeySpan, diag.Warning,
			"setting [%s] is written twice (also at line %d); Elasticsearch keeps this later value and ignores the first", o.Key, first.Line)
	}
	es.extractRealms()
	es.extractScript()
	if list, ok := settings.GetAsList(AnonymousRolesKey); ok {
		set, _ := settings.Get(AnonymousRolesKey)
		es.AnonymousRoles, es.AnonymousRolesSet, es.AnonymousRolesSpan = list, true, set.ValueSpan
	}
	return es, nil
}

func (es *ESSettings) problem(span source.Span, level diag.Level, format string, args ...any) {
	es.Problems = append(es.Problems, Problem{Span: span, Level: level, Message: fmt.Sprintf(format, args...)})
}

// extractRealms reads both realm layouts.
func (es *ESSettings) extractRealms() {
	s := es.Settings
	for _, typ := range s.Names(RealmsPrefix) {
		typePrefix := RealmsPrefix + typ + "."
		// In the 6.x layout the first segment is the realm name and
		// "<name>.type" holds the type; in the 7.x layout that key would be
		// a realm named "type" with no settings of its own.
		if t, ok := s.Get(typePrefix + "type"); ok && !t.IsList {
			es.LegacyRealms = append(es.LegacyRealms, es.realm(typ, t.Value, typePrefix, t.KeySpan))
			continue
		}
		if len(s.ByPrefix(typePrefix)) == 0 {
			set, _ := s.Get(RealmsPrefix + typ)
			es.problem(set.KeySpan, diag.Error,
				"unknown setting [%s]: realm settings are xpack.security.authc.realms.<type>.<name>.<setting>", set.Key)
			continue
		}
		for _, name := range s.Names(typePrefix) {
			prefix := typePrefix + name + "."
			settings := s.ByPrefix(prefix)
			if len(settings) == 0 {
				set, _ := s.Get(typePrefix + name)
				es.problem(set.KeySpan, diag.Error,
					"realm [%s/%s] has no settings: [%s] must be a group of settings such as %sorder", typ, name, set.Key, prefix)
				continue
			}
			span := settings[0].KeySpan
			for _, set := range settings[1:] {
				if set.KeySpan.Start < span.Start {
					span = set.KeySpan
				}
			}
			if !IsRealmType(typ) {
				es.problem(span, diag.Warning,
					"unknown realm type [%s] for realm [%s]%s; Elasticsearch only accepts it if a plugin provides the realm type",
					typ, name, didYouMean(typ, RealmTypes()))
			}
			es.Realms = append(es.Realms, es.realm(name, typ, prefix, span))
		}
	}
	es.checkUniqueNames()
}

// realm builds one realm from the settings under prefix.
func (es *ESSettings) realm(name, typ, prefix string, span source.Span) Realm {
	s := es.Settings
	r := Realm{Name: name, Type: typ, Enabled: true, Origin: FromElasticsearchYML, Span: span}
	if v, set, ok := es.scalar(prefix + "order"); ok {
		if n, ok := parseJavaInt(v); ok {
			r.Order, r.OrderSet = n, true
		} else {
			es.problem(set.ValueSpan, diag.Error, "Failed to parse value [%s] for setting [%s]", v, set.Key)
		}
	}
	if v, set, ok := es.scalar(prefix + "enabled"); ok {
		if b, err := ParseESBoolean(v); err == nil {
			r.Enabled = b
		} else {
			es.problem(set.ValueSpan, diag.Error, "setting [%s]: %v", set.Key, err)
		}
	}
	if list, ok := s.GetAsList(prefix + authzRealmsSuffix); ok && len(list) > 0 {
		r.AuthorizationRealms = list
	}
	dnSettings := []string{prefix + roleMappingSuffix, prefix + unmappedSuffix}
	if !UsesDNFile(typ) {
		for _, key := range dnSettings {
			if set, ok := s.Get(key); ok && IsRealmType(typ) {
				es.problem(set.KeySpan, diag.Error,
					"unknown setting [%s] please check that any required plugins are installed, or check the breaking changes documentation for removed settings (only ldap, active_directory and pki realms read a role_mapping.yml)", key)
			}
		}
		return r
	}
	r.RoleMappingFile = filepath.Join(es.Dir, DefaultRoleMappingFile)
	if v, _, ok := es.scalar(prefix + roleMappingSuffix); ok {
		r.RoleMappingFileExplicit = true
		if filepath.IsAbs(v) {
			r.RoleMappingFile = filepath.Clean(v)
		} else {
			r.RoleMappingFile = filepath.Join(es.Dir, v)
		}
	}
	if v, set, ok := es.scalar(prefix + unmappedSuffix); ok {
		if b, err := ParseESBoolean(v); err == nil {
			r.UnmappedGroupsAsRoles = b
		} else {
			es.problem(set.ValueSpan, diag.Error, "setting [%s]: %v", set.Key, err)
		}
	}
	return r
}

// scalar returns a single-valued setting; a list where one value is
// expected, or a ${...} placeholder, is reported (lists) or skipped
// (placeholders) and gives ok false.
func (es *ESSettings) scalar(key string) (string, *Setting, bool) {
	set, ok := es.Settings.Get(key)
	if !ok {
		return "", nil, false
	}
	if set.IsList {
		es.problem(set.ValueSpan, diag.Error, "setting [%s] takes a single value, not a list", key)
		return "", set, false
	}
	if hasPlaceholder(set.Value) {
		return "", set, false
	}
	return set.Value, set, true
}

// checkUniqueNames reports realm names used by more than one realm
// (Elasticsearch refuses to start).
func (es *ESSettings) checkUniqueNames() {
	byName := map[string][]Realm{}
	for _, r := range es.Realms {
		byName[r.Name] = append(byName[r.Name], r)
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rs := byName[n]
		if len(rs) < 2 {
			continue
		}
		var keys []string
		for _, r := range rs {
			keys = append(keys, RealmsPrefix+r.Type+"."+r.Name)
		}
		es.problem(rs[1].Span, diag.Error,
			"Found multiple realms configured with the same name: %s: %s (realm names must be unique across types)", n, strings.Join(keys, ","))
	}
}

// extractScript reads the scripting restrictions.
func (es *ESSettings) extractScript() {
	read := func(key string, check func(string, []string) error) ([]string, source.Span, bool) {
		list, ok := es.Settings.GetAsList(key)
		if !ok {
			return nil, source.Span{}, false
		}
		set, _ := es.Settings.Get(key)
		for _, v := range list {
			if hasPlaceholder(v) {
				return nil, set.ValueSpan, false
			}
		}
		if err := check(key, list); err != nil {
			es.problem(set.ValueSpan, diag.Error, "%v", err)
		}
		return list, set.ValueSpan, true
	}
	es.Script.AllowedTypes, es.Script.TypesSpan, es.Script.AllowedTypesSet = read(ScriptAllowedTypes, checkScriptTypes)
	es.Script.AllowedContexts, es.Script.ContextsSpan, es.Script.AllowedContextsSet = read(ScriptAllowedContexts, checkScriptContexts)
}

// VersionProblems reports what the given Elasticsearch version would refuse
// in these settings: the 6.x realm layout, realm types newer than the
// version, and (8.0 and later; deprecations from 7.7) enabled realms
// without an order or sharing an order.
func (es *ESSettings) VersionProblems(v esversion.Version) []Problem {
	var out []Problem
	add := func(span source.Span, level diag.Level, format string, args ...any) {
		out = append(out, Problem{Span: span, Level: level, Message: fmt.Sprintf(format, args...)})
	}
	v70, v77, v80 := esversion.RealmSettingsByTypeSince, esversion.RealmOrderDeprecatedSince, esversion.RealmOrderRequiredSince
	if v.AtLeast(v70) {
		for _, r := range es.LegacyRealms {
			add(r.Span, diag.Error,
				"realm [%s] uses the 6.x settings layout %s%s.type; Elasticsearch %s does not support it: write its settings as %s%s.%s.<setting>",
				r.Name, RealmsPrefix, r.Name, v, RealmsPrefix, r.Type, r.Name)
		}
	}
	for _, r := range es.Realms {
		if since := realmTypeSince(r.Type); IsRealmType(r.Type) && v.Less(since) {
			add(r.Span, diag.Error, "realm [%s] has type [%s], which needs Elasticsearch %s or later (es_version is %s)", r.Name, r.Type, since, v)
		}
	}
	if v.Less(v77) {
		return out
	}
	level, consequence := diag.Warning, "deprecated since 7.7; Elasticsearch 8.0 and later refuse to start"
	if v.AtLeast(v80) {
		level, consequence = diag.Error, "Elasticsearch 8.0 and later refuse to start"
	}
	byOrder := map[int][]Realm{}
	for _, r := range es.Realms {
		if !r.Enabled {
			continue
		}
		if !r.OrderSet {
			add(r.Span, level, "Found realms without order config: [%s%s.%s.order] (%s)", RealmsPrefix, r.Type, r.Name, consequence)
			continue
		}
		byOrder[r.Order] = append(byOrder[r.Order], r)
	}
	orders := make([]int, 0, len(byOrder))
	for o := range byOrder {
		orders = append(orders, o)
	}
	sort.Ints(orders)
	for _, o := range orders {
		rs := byOrder[o]
		if len(rs) < 2 {
			continue
		}
		var keys []string
		for _, r := range rs {
			keys = append(keys, RealmsPrefix+r.Type+"."+r.Name+".order")
		}
		add(rs[1].Span, level, "Found multiple realms configured with the same order: %d: %s (%s)", o, strings.Join(keys, ","), consequence)
	}
	return out
}
