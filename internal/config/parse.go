package config

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// decoder validates the YAML tree of a config file key by key.
type decoder struct {
	c    *Config
	opt  LoadOptions
	errs ErrorList
}

// Keys of each mapping in the config, in the order docs/usage.md, "Configuration" lists them.
var (
	topKeys = []string{"es_version", "mappings", "exclude", "role_mapping_files", "roles", "realms",
		"elasticsearch_yml", "scripting", "privileged_roles", "anonymous_roles", "checks", "ignore", "yaml_reader", "limits", "clusters"}
	rolesKeys     = []string{"builtin", "names", "files"}
	realmKeys     = []string{"name", "type", "role_mapping_file", "unmapped_groups_as_roles", "enabled", "order"}
	scriptingKeys = []string{"allowed_types", "allowed_contexts"}
	ignoreKeys    = []string{"check", "path", "mapping", "reason", "until"}
)

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{File: d.c.Path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// top decodes the document root.
func (d *decoder) top(root *yaml.Node) {
	if root == nil || isNull(root) {
		return
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "the config must be a mapping of keys (es_version, exclude, ...), got %s", kindName(root))
		return
	}
	var clusters *yaml.Node
	d.fields(root, "", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "clusters":
			clusters = v
		case "es_version":
			d.esVersion(v)
		case "mappings":
			d.c.Mappings = d.globs(v, key)
		case "exclude":
			d.c.Exclude = d.globs(v, key)
		case "role_mapping_files":
			d.c.RoleMappingFiles = d.globs(v, key)
		case "roles":
			d.roles(v)
		case "realms":
			d.realms(v)
		case "elasticsearch_yml":
			if s, ok := d.nonEmpty(v, key); ok {
				d.c.ElasticsearchYML = d.resolve(s)
				d.c.ElasticsearchYMLSpan = nodeSpan(d.c.File, v)
				d.c.pathRefs = append(d.c.pathRefs, pathRef{key: key, raw: s, abs: d.c.ElasticsearchYML, span: d.c.ElasticsearchYMLSpan})
			}
		case "scripting":
			d.scripting(v)
		case "privileged_roles":
			d.c.PrivilegedRoles = d.strList(v, key)
		case "anonymous_roles":
			if list, ok := d.strListOK(v, key); ok {
				d.c.AnonymousRoles, d.c.AnonymousRolesSet = list, true
			}
		case "checks":
			d.checks(v)
		case "ignore":
			d.ignores(v)
		case "yaml_reader":
			d.yamlReader(v)
		case "limits":
			d.limits(v)
		}
	})
	if clusters != nil && len(d.errs) == 0 {
		d.clusters(root, clusters)
	}
}

// fields walks a mapping: keys must be unique strings from known; fn gets
// each known key with its key and value nodes.
func (d *decoder) fields(n *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	in := ""
	if where != "" {
		in = " in " + where
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			d.errorf(k, "keys%s must be strings, got %s", in, kindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate key %q%s (first defined at line %d)", k.Value, in, first.Line)
			continue
		}
		seen[k.Value] = k
		if !contains(known, k.Value) {
			hint := didYouMean(k.Value, known)
			if hint == "" {
				hint = " (known keys: " + strings.Join(known, ", ") + ")"
			}
			d.errorf(k, "unknown key %q%s%s", k.Value, in, hint)
			continue
		}
		if v.Kind == yaml.AliasNode {
			d.errorf(v, "%s: YAML aliases are not supported in the config", join(where, k.Value))
			continue
		}
		fn(k.Value, k, v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// join builds a key path for messages ("roles" + "names" = "roles.names").
func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

// mapping checks that n is a mapping.
func (d *decoder) mapping(n *yaml.Node, what string) bool {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: want a mapping, got %s", what, kindName(n))
		return false
	}
	return true
}

// str reads a string scalar.
func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		d.errorf(n, "%s: want a string, got %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

// nonEmpty reads a non-empty string scalar.
func (d *decoder) nonEmpty(n *yaml.Node, what string) (string, bool) {
	s, ok := d.str(n, what)
	if ok && strings.TrimSpace(s) == "" {
		d.errorf(n, "%s: must not be empty", what)
		return "", false
	}
	return s, ok
}

// boolean reads a boolean scalar.
func (d *decoder) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		d.errorf(n, "%s: want true or false, got %s", what, kindName(n))
		return false, false
	}
	return strings.EqualFold(n.Value, "true"), true
}

// strListOK reads a list of non-empty strings; ok is false when n is not a
// list (element errors are reported and the element skipped).
func (d *decoder) strListOK(n *yaml.Node, what string) ([]string, bool) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of strings, got %s", what, kindName(n))
		return nil, false
	}
	out := make([]string, 0, len(n.Content))
	for i, it := range n.Content {
		if s, ok := d.nonEmpty(it, fmt.Sprintf("%s[%d]", what, i)); ok {
			out = append(out, s)
		}
	}
	return out, true
}

func (d *decoder) strList(n *yaml.Node, what string) []string {
	list, _ := d.strListOK(n, what)
	return list
}

// globs reads a list of glob patterns.
func (d *decoder) globs(n *yaml.Node, what string) []*Glob {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of glob patterns, got %s", what, kindName(n))
		return nil
	}
	var out []*Glob
	for i, it := range n.Content {
		if g, ok := d.glob(it, fmt.Sprintf("%s[%d]", what, i)); ok {
			out = append(out, g)
		}
	}
	return out
}

func (d *decoder) glob(n *yaml.Node, what string) (*Glob, bool) {
	s, ok := d.nonEmpty(n, what)
	if !ok {
		return nil, false
	}
	g, err := CompileGlob(s)
	if err != nil {
		d.errorf(n, "%s: %v", what, err)
		return nil, false
	}
	g.Span = nodeSpan(d.c.File, n)
	return g, true
}

// resolve makes a config path absolute against the config directory.
func (d *decoder) resolve(p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(d.c.Dir, p)
}

func (d *decoder) esVersion(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!float" || n.ShortTag() == "!!int") {
		d.errorf(n, "es_version: write the version as a quoted string, es_version: %q (unquoted, YAML reads it as a number, and 8.10 would be 8.1)", n.Value)
		return
	}
	s, ok := d.str(n, "es_version")
	if !ok {
		return
	}
	v, err := esversion.Parse(s)
	if err != nil {
		d.errorf(n, "es_version: %v", err)
		return
	}
	d.c.ESVersion, d.c.ESVersionSet = v, true
	if esversion.Newest.Less(v) {
		d.c.Problems = append(d.c.Problems, Problem{Span: nodeSpan(d.c.File, n), Level: diag.Warning, Message: fmt.Sprintf(
			"es_version %s is newer than the newest version rolemap-lint models (%s); behaviour that changed after %s is not reproduced",
			v, esversion.Newest, esversion.Newest)})
	}
}

func (d *decoder) roles(n *yaml.Node) {
	if !d.mapping(n, "roles") {
		return
	}
	d.fields(n, "roles", rolesKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "builtin":
			if b, ok := d.boolean(v, "roles.builtin"); ok {
				d.c.Roles.Builtin = b
			}
		case "names":
			d.c.Roles.Names = d.strList(v, "roles.names")
		case "files":
			d.c.Roles.Files = d.globs(v, "roles.files")
		}
	})
}

func (d *decoder) realms(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "realms: want a list of realms ({name, type, ...}), got %s", kindName(n))
		return
	}
	names := map[string]*yaml.Node{}
	for i, it := range n.Content {
		where := fmt.Sprintf("realms[%d]", i)
		if it.Kind == yaml.AliasNode {
			d.errorf(it, "%s: YAML aliases are not supported in the config", where)
			continue
		}
		if !d.mapping(it, where) {
			continue
		}
		r := Realm{Enabled: true, Origin: FromConfig, Span: nodeSpan(d.c.File, it)}
		var nameNode, typeNode, fileNode, unmappedNode *yaml.Node
		d.fields(it, where, realmKeys, func(key string, k, v *yaml.Node) {
			what := where + "." + key
			switch key {
			case "name":
				if s, ok := d.nonEmpty(v, what); ok {
					r.Name, nameNode = s, v
				}
			case "type":
				if s, ok := d.nonEmpty(v, what); ok {
					r.Type, typeNode = s, v
				}
			case "role_mapping_file":
				if s, ok := d.nonEmpty(v, what); ok {
					r.RoleMappingFile, r.RoleMappingFileExplicit, r.set.file, fileNode = d.resolve(s), true, true, k
					d.c.pathRefs = append(d.c.pathRefs, pathRef{key: what, raw: s, abs: r.RoleMappingFile, span: nodeSpan(d.c.File, v)})
				}
			case "unmapped_groups_as_roles":
				if b, ok := d.boolean(v, what); ok {
					r.UnmappedGroupsAsRoles, r.set.unmapped, unmappedNode = b, true, k
				}
			case "enabled":
				if b, ok := d.boolean(v, what); ok {
					r.Enabled, r.set.enabled = b, true
				}
			case "order":
				if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int" {
					if o, err := strconv.ParseInt(v.Value, 0, 32); err == nil {
						r.Order, r.OrderSet, r.set.order = int(o), true, true
						return
					}
				}
				d.errorf(v, "%s: want an integer, got %s", what, kindName(v))
			}
		})
		if nameNode == nil && !hasKey(it, "name") {
			d.errorf(it, "%s: missing required key \"name\"", where)
		}
		if typeNode == nil && !hasKey(it, "type") {
			d.errorf(it, "%s: missing required key \"type\" (one of %s, %s)", where, strings.Join(RealmTypes(), ", "), CustomRealmType)
		}
		if typeNode != nil && !IsRealmType(r.Type) && r.Type != CustomRealmType {
			known := append(RealmTypes(), CustomRealmType)
			hint := didYouMean(r.Type, known)
			if hint == "" {
				hint = " (known types: " + strings.Join(known, ", ") + ")"
			}
			d.errorf(typeNode, "%s.type: unknown realm type %q%s", where, r.Type, hint)
			typeNode = nil
		}
		if typeNode != nil && !UsesDNFile(r.Type) {
			for _, k := range []*yaml.Node{fileNode, unmappedNode} {
				if k != nil {
					d.errorf(k, "%s.%s: only ldap, active_directory and pki realms read a role_mapping.yml (this realm's type is %s)", where, k.Value, r.Type)
				}
			}
		}
		if nameNode != nil {
			if first, dup := names[r.Name]; dup {
				d.errorf(nameNode, "%s.name: realm %q is already defined at line %d (realm names are unique across types)", where, r.Name, first.Line)
				continue
			}
			names[r.Name] = nameNode
		}
		if nameNode != nil && typeNode != nil {
			d.c.Realms = append(d.c.Realms, r)
		}
	}
}

// hasKey reports whether a mapping node has the key (whatever its value).
func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func (d *decoder) scripting(n *yaml.Node) {
	if !d.mapping(n, "scripting") {
		return
	}
	d.fields(n, "scripting", scriptingKeys, func(key string, k, v *yaml.Node) {
		what := "scripting." + key
		list, ok := d.strListOK(v, what)
		if !ok {
			return
		}
		check, setting := checkScriptTypes, ScriptAllowedTypes
		if key == "allowed_contexts" {
			check, setting = checkScriptContexts, ScriptAllowedContexts
		}
		if err := check(setting, list); err != nil {
			d.errorf(v, "%s: %v", what, err)
			return
		}
		if key == "allowed_types" {
			d.c.Scripting.AllowedTypes, d.c.Scripting.AllowedTypesSet, d.c.Scripting.TypesSpan = list, true, nodeSpan(d.c.File, v)
		} else {
			d.c.Scripting.AllowedContexts, d.c.Scripting.AllowedContextsSet, d.c.Scripting.ContextsSpan = list, true, nodeSpan(d.c.File, v)
		}
	})
}

// checkID validates a check id against the known set.
func (d *decoder) checkID(n *yaml.Node, what, id string) bool {
	if d.opt.KnownChecks == nil || d.opt.KnownChecks[id] {
		return true
	}
	known := sortedKeys(d.opt.KnownChecks)
	hint := didYouMean(id, known)
	if hint == "" {
		hint = " (run `rolemap-lint checks` for the list)"
	}
	d.errorf(n, "%s: unknown check %q%s", what, id, hint)
	return false
}

func (d *decoder) checks(n *yaml.Node) {
	if !d.mapping(n, "checks") {
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			d.errorf(k, "checks: keys must be check ids, got %s", kindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate key %q in checks (first defined at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		if !d.checkID(k, "checks", k.Value) {
			continue
		}
		what := "checks." + k.Value
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" && strings.EqualFold(v.Value, "false"):
			d.c.Checks[k.Value] = diag.Off
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str":
			l, err := diag.ParseLevel(v.Value)
			if err != nil {
				d.errorf(v, "%s: %v", what, err)
				continue
			}
			d.c.Checks[k.Value] = l
		default:
			d.errorf(v, "%s: want a level (error, warning, info, off or false), got %s", what, kindName(v))
		}
	}
}

func (d *decoder) ignores(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "ignore: want a list of entries ({check, path, mapping, reason, until}), got %s", kindName(n))
		return
	}
	for i, it := range n.Content {
		where := fmt.Sprintf("ignore[%d]", i)
		if it.Kind == yaml.AliasNode {
			d.errorf(it, "%s: YAML aliases are not supported in the config", where)
			continue
		}
		if !d.mapping(it, where) {
			continue
		}
		r := &IgnoreRule{Span: nodeSpan(d.c.File, it)}
		ok := true
		d.fields(it, where, ignoreKeys, func(key string, k, v *yaml.Node) {
			what := where + "." + key
			switch key {
			case "check":
				if s, good := d.nonEmpty(v, what); good && d.checkID(v, what, s) {
					r.Check = s
				} else {
					ok = false
				}
			case "path":
				if g, good := d.glob(v, what); good {
					r.Path = g
				} else {
					ok = false
				}
			case "mapping":
				if s, good := d.nonEmpty(v, what); good {
					r.Mapping = s
				} else {
					ok = false
				}
			case "reason":
				if s, good := d.nonEmpty(v, what); good {
					r.Reason = s
				} else {
					ok = false
				}
			case "until":
				if t, good := d.date(v, what); good {
					r.Until = t
				} else {
					ok = false
				}
			}
		})
		if !hasKey(it, "reason") {
			d.errorf(it, "%s: missing required key \"reason\" (say why the finding is accepted)", where)
			ok = false
		}
		if !hasKey(it, "check") && !hasKey(it, "path") && !hasKey(it, "mapping") {
			d.errorf(it, "%s: give at least one of check, path or mapping (an entry without them would suppress every finding)", where)
			ok = false
		}
		if ok {
			d.c.Ignores = append(d.c.Ignores, r)
		}
	}
}

// date reads a YYYY-MM-DD date (quoted, or a plain YAML timestamp).
func (d *decoder) date(n *yaml.Node, what string) (time.Time, bool) {
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!str" || n.ShortTag() == "!!timestamp") {
		if t, err := time.Parse(time.DateOnly, n.Value); err == nil {
			return t, true
		}
	}
	d.errorf(n, "%s: want a date YYYY-MM-DD, got %s", what, kindName(n))
	return time.Time{}, false
}
