package config

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Setting is one entry of flattened Elasticsearch settings: a full dotted
// key and either a string value or a list of strings.
type Setting struct {
	// Key is the full flattened key ("xpack.security.authc.realms.ldap.ldap1.order").
	Key string
	// Value is the string value (for booleans "true"/"false", for numbers
	// their literal text). Empty for lists.
	Value string
	// List holds the values of a list setting (IsList true).
	List   []string
	IsList bool
	// KeySpan is the innermost key as written; ValueSpan the value.
	KeySpan, ValueSpan source.Span
}

// Override records a flattened key written twice in different forms (for
// example `a.b: 1` and `a: {b: 2}`). Elasticsearch 7.0 and later keep the
// later value silently; 6.x rejected the file ("duplicate settings key").
type Override struct {
	Key          string
	First, Later *Setting
}

// Settings is a settings file flattened the way Elasticsearch's
// Settings.Builder.loadFromPath flattens it: nested mappings are joined
// with "." into full keys, lists stay lists of strings, and scalars become
// strings.
type Settings struct {
	// File is the file the settings came from.
	File *source.File
	// Overridden lists keys defined twice in different forms; the later
	// definition is the one kept.
	Overridden []Override
	entries    map[string]*Setting
	keys       []string
}

// Limits that keep hostile settings files cheap.
const (
	maxSettingsDepth    = 1000     // Jackson's default maximum nesting depth
	maxSettingsKeyBytes = 64 << 20 // total bytes of flattened keys
)

// ParseSettings flattens a YAML settings file like
// Settings.builder().loadFromPath: the document must be a mapping (an
// empty file is empty settings); keys repeated in one mapping are an error
// ("Duplicate field"), as are null values, nested lists or mappings inside
// lists, and a second document. Scalars are read as Jackson's YAML parser
// reads them: plain yes/no/on/off/true/false (YAML 1.1) are booleans and
// become "true"/"false"; inside lists the literal text is kept; an alias
// (*name) reads as the string "name" (Jackson does not resolve aliases).
// Keys "k.0", "k.1", ... get the legacy-list treatment of
// Settings.Builder.build(): they become the list "k", and "k" and "k.0"
// together are an error.
func ParseSettings(f *source.File) (*Settings, error) {
	s := &Settings{File: f, entries: make(map[string]*Setting)}
	docs, err := yamlDocs(f.Name, f.Content, 2)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return s, nil
	}
	root := docRoot(docs[0])
	if len(docs) > 1 {
		extra := docRoot(docs[1])
		if extra == nil {
			extra = docs[1]
		}
		return nil, ErrorList{s.errAt(extra, "malformed, expected end of settings but encountered additional content starting at line number: [%d], column number: [%d]", extra.Line, extra.Column)}
	}
	if root == nil {
		return s, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, ErrorList{s.errAt(root, "Failed to parse object: expecting token of type [START_OBJECT] but found [%s]", jacksonToken(root))}
	}
	fl := &flattener{s: s}
	if err := fl.mapping(root, "", 1); err != nil {
		return nil, ErrorList{err}
	}
	if err := s.legacyLists(); err != nil {
		return nil, ErrorList{err}
	}
	s.keys = make([]string, 0, len(s.entries))
	for k := range s.entries {
		s.keys = append(s.keys, k)
	}
	sort.Strings(s.keys)
	return s, nil
}

// errAt builds an Error at a node of the settings file.
func (s *Settings) errAt(n *yaml.Node, format string, args ...any) *Error {
	return &Error{File: s.File.Name, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// flattener walks the YAML tree and fills the settings.
type flattener struct {
	s        *Settings
	keyBytes int
}

func (fl *flattener) mapping(n *yaml.Node, prefix string, depth int) *Error {
	if depth > maxSettingsDepth {
		return fl.s.errAt(n, "document nesting depth exceeds the maximum allowed (%d)", maxSettingsDepth)
	}
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return fl.s.errAt(k, "Expected a field name (Scalar value in YAML), got %s instead", kindName(k))
		}
		if first, dup := seen[k.Value]; dup {
			return fl.s.errAt(k, "Duplicate field '%s' (first defined at line %d)", k.Value, first.Line)
		}
		seen[k.Value] = k
		key := prefix + k.Value
		fl.keyBytes += len(key)
		if fl.keyBytes > maxSettingsKeyBytes {
			return fl.s.errAt(k, "settings too large: flattened keys exceed %d bytes", maxSettingsKeyBytes)
		}
		if err := fl.value(k, v, key, depth); err != nil {
			return err
		}
	}
	return nil
}

func (fl *flattener) value(k, v *yaml.Node, key string, depth int) *Error {
	f := fl.s.File
	set := &Setting{Key: key, KeySpan: nodeSpan(f, k), ValueSpan: nodeSpan(f, v)}
	switch v.Kind {
	case yaml.MappingNode:
		return fl.mapping(v, key+".", depth+1)
	case yaml.SequenceNode:
		set.IsList = true
		set.List = make([]string, 0, len(v.Content))
		for _, it := range v.Content {
			text, tok := scalarText(it)
			if tok != "VALUE_STRING" && tok != "VALUE_NUMBER" && tok != "VALUE_BOOLEAN" {
				return fl.s.errAt(it, "only value lists are allowed in serialized settings (key [%s] holds %s)", key, kindName(it))
			}
			set.List = append(set.List, text)
		}
	default:
		text, tok := scalarText(v)
		switch tok {
		case "VALUE_NULL":
			return fl.s.errAt(v, "null-valued setting found for key [%s] found at line number [%d], column number [%d]", key, v.Line, v.Column)
		case "VALUE_BOOLEAN":
			set.Value = jacksonBool(v)
		case "VALUE_STRING", "VALUE_NUMBER":
			set.Value = text
		default:
			return fl.s.errAt(v, "Failed to parse object: unexpected token [%s] for key [%s]", tok, key)
		}
	}
	fl.s.put(set)
	return nil
}

// put stores a setting; a key already present is replaced (recorded as an
// override).
func (s *Settings) put(set *Setting) {
	if old, ok := s.entries[set.Key]; ok {
		s.Overridden = append(s.Overridden, Override{Key: set.Key, First: old, Later: set})
	}
	s.entries[set.Key] = set
}

// legacyLists applies Settings.Builder.processLegacyLists, which build()
// runs: a run of keys "k.0", "k.1", ... (consecutive from 0) becomes the
// list "k", and a file that has both "k" and "k.0" is rejected. Heads are
// processed in key order (Java's order is a HashMap's).
func (s *Settings) legacyLists() *Error {
	var heads []string
	for k := range s.entries {
		if strings.HasSuffix(k, ".0") {
			heads = append(heads, k)
		}
	}
	sort.Strings(heads)
	for _, k := range heads {
		head, ok := s.entries[k]
		if !ok {
			continue
		}
		prefix := strings.TrimSuffix(k, ".0")
		if old, ok := s.entries[prefix]; ok {
			pos := head.KeySpan.Range().Start
			return &Error{File: s.File.Name, Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf(
				"settings builder can't contain values for [%s=%s] and [%s=%s]", prefix, old.javaString(), k, head.javaString())}
		}
		list := &Setting{Key: prefix, IsList: true, List: []string{}, KeySpan: head.KeySpan, ValueSpan: head.ValueSpan}
		for i := 0; ; i++ {
			key := prefix + "." + strconv.Itoa(i)
			item, ok := s.entries[key]
			if !ok {
				break
			}
			list.List = append(list.List, item.javaString())
			delete(s.entries, key)
		}
		s.entries[prefix] = list
	}
	return nil
}

// javaString renders the value as Java's toString would in messages.
func (set *Setting) javaString() string {
	if set.IsList {
		return "[" + strings.Join(set.List, ", ") + "]"
	}
	return set.Value
}

// Get returns the setting with the full key.
func (s *Settings) Get(key string) (*Setting, bool) {
	if s == nil {
		return nil, false
	}
	set, ok := s.entries[key]
	return set, ok
}

// Keys returns every full key, sorted.
func (s *Settings) Keys() []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s.keys...)
}

// Len is the number of settings.
func (s *Settings) Len() int {
	if s == nil {
		return 0
	}
	return len(s.entries)
}

// GetAsList reads a setting as Settings.getAsList(key) does: a list is
// returned as written; a string is split on commas (Java String.split, so
// trailing empty parts are dropped) and each part trimmed. ok reports
// whether the key exists at all (an existing empty value gives an empty
// list).
func (s *Settings) GetAsList(key string) (list []string, ok bool) {
	set, ok := s.Get(key)
	if !ok {
		return nil, false
	}
	if set.IsList {
		return append([]string{}, set.List...), true
	}
	parts := SplitCommaDelimited(set.Value)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, true
}

// SplitCommaDelimited splits like Elasticsearch's
// Strings.splitStringByCommaToArray (Java's String.split(",")): an empty
// string gives no parts and trailing empty parts are removed; parts are
// not trimmed.
func SplitCommaDelimited(s string) []string {
	if s == "" {
		return []string{}
	}
	parts := strings.Split(s, ",")
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// ByPrefix returns the settings whose key starts with prefix, in key order.
func (s *Settings) ByPrefix(prefix string) []*Setting {
	if s == nil {
		return nil
	}
	i := sort.SearchStrings(s.keys, prefix)
	var out []*Setting
	for ; i < len(s.keys) && strings.HasPrefix(s.keys[i], prefix); i++ {
		out = append(out, s.entries[s.keys[i]])
	}
	return out
}

// Names returns the distinct first segments of the keys under prefix (what
// Settings.getByPrefix(prefix).names() returns), sorted.
func (s *Settings) Names(prefix string) []string {
	var out []string
	seen := map[string]bool{}
	for _, set := range s.ByPrefix(prefix) {
		rest := set.Key[len(prefix):]
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			rest = rest[:i]
		}
		if !seen[rest] {
			seen[rest] = true
			out = append(out, rest)
		}
	}
	return out
}

// scalarText returns a scalar node's text and the Jackson token its YAML
// parser would produce for it (VALUE_STRING, VALUE_NUMBER, VALUE_BOOLEAN,
// VALUE_NULL, VALUE_EMBEDDED_OBJECT), or START_OBJECT/START_ARRAY.
func scalarText(n *yaml.Node) (string, string) {
	switch n.Kind {
	case yaml.AliasNode:
		return n.Value, "VALUE_STRING"
	case yaml.MappingNode, yaml.SequenceNode:
		return "", jacksonToken(n)
	}
	return n.Value, jacksonToken(n)
}

// jacksonToken names the token Jackson's YAML parser (SnakeYAML's YAML 1.1
// resolver) gives a node.
func jacksonToken(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "START_OBJECT"
	case yaml.SequenceNode:
		return "START_ARRAY"
	case yaml.AliasNode:
		return "VALUE_STRING"
	}
	if n.Style&yaml.TaggedStyle != 0 {
		switch n.ShortTag() {
		case "!!binary":
			return "VALUE_EMBEDDED_OBJECT"
		case "!!bool":
			if _, ok := yaml11Bool(n.Value, true); ok {
				return "VALUE_BOOLEAN"
			}
		case "!!null":
			return "VALUE_NULL"
		case "!!int", "!!float":
			if n.Value != "" {
				return "VALUE_NUMBER"
			}
		}
		return "VALUE_STRING"
	}
	if !isPlain(n) {
		return "VALUE_STRING"
	}
	switch n.Value {
	case "", "~", "null", "Null", "NULL":
		return "VALUE_NULL"
	}
	if _, ok := yaml11Bool(n.Value, false); ok {
		return "VALUE_BOOLEAN"
	}
	if yaml11Number(n.Value) {
		return "VALUE_NUMBER"
	}
	return "VALUE_STRING"
}

// jacksonBool returns "true" or "false" for a boolean node.
func jacksonBool(n *yaml.Node) string {
	b, _ := yaml11Bool(n.Value, n.Style&yaml.TaggedStyle != 0)
	if b {
		return "true"
	}
	return "false"
}

// yaml11Bool resolves YAML 1.1 booleans as SnakeYAML's resolver and
// Jackson's _matchYAMLBoolean do: for plain scalars only the spellings
// yes/Yes/YES, no/No/NO, true/True/TRUE, false/False/FALSE, on/On/ON,
// off/Off/OFF; with an explicit !!bool tag any case, plus y/n.
func yaml11Bool(s string, tagged bool) (value, ok bool) {
	if !tagged {
		switch s {
		case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
			return true, true
		case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
			return false, true
		}
		return false, false
	}
	switch strings.ToLower(s) {
	case "y", "yes", "true", "on":
		return true, true
	case "n", "no", "false", "off":
		return false, true
	}
	return false, false
}

// yaml11Number reports whether a plain scalar resolves to an int or float
// under YAML 1.1 (the token type only matters for messages: settings keep
// the literal text either way).
func yaml11Number(s string) bool {
	if s == "" {
		return false
	}
	t := strings.TrimLeft(s, "+-")
	if t == "" {
		return false
	}
	digits, dot := 0, 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '_':
		case r == '.':
			dot++
		default:
			return false
		}
	}
	return digits > 0 && dot <= 1
}
