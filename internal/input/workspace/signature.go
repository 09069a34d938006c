package workspace

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

// A role-mapping signature is content that ordinary configuration files do
// not carry (docs/usage.md, "Which files are role mappings"). Files found
// by discovery are read as role mappings only when one of their documents
// carries a strong signature, or when their path says they hold role
// mappings and a document carries the weak one.

// ruleKeys are the keys of Elasticsearch's rule DSL
// (org.elasticsearch.xpack.core.security.authc.support.mapper.expressiondsl.ExpressionParser).
var ruleKeys = []string{"any", "all", "field", "except"}

// notRuleKeys are words one edit away from a rule key that other rule
// languages use (JSON Logic's "and"/"or"), never a misspelling.
var notRuleKeys = map[string]bool{"and": true, "or": true, "not": true, "an": true, "al": true}

// companionKeys are the body fields a `rules` object must stand beside.
var companionKeys = []string{"roles", "role_templates", "enabled"}

// bodyFields are every top-level field of a role mapping body that
// Elasticsearch reads (ExpressionRoleMapping.Fields), plus run_as, which
// the API specification lists.
var bodyFields = map[string]bool{"enabled": true, "roles": true, "role_templates": true, "rules": true, "metadata": true, "run_as": true}

// isRuleKey reports whether k is a rule DSL key or a close misspelling of
// one: equal ignoring case, or one edit away (two for field/except).
func isRuleKey(k string) bool {
	lk := strings.ToLower(k)
	if notRuleKeys[lk] || len(lk) < 3 || len(lk) > 12 {
		return false
	}
	if slices.Contains(ruleKeys, lk) {
		return true
	}
	for _, rk := range ruleKeys {
		limit := 1
		if len(rk) > 3 {
			limit = 2
		}
		if suggest.Within(lk, rk, limit) {
			return true
		}
	}
	return false
}

// ruleShaped reports whether a `rules` value is shaped like an expression
// of Elasticsearch's rule DSL all the way down, not merely keyed like one:
// an object whose every key is a rule key (or a close misspelling) whose
// value has the shape that key takes (see exprValueShaped). Booleans and
// strings (biome's `"rules": {"all": true}`) are some other tool's
// settings, and so are lists of objects that are not expressions
// (Kyverno's `any: [{resources: {...}}]`, json-rules-engine's
// `all: [{fact, operator, value}]`).
func ruleShaped(rules *source.Value) bool {
	return exprShaped(rules, 0)
}

// maxExprDepth bounds how deep ruleShaped follows nested expressions; a
// deeper tree is not taken as a signature (its file can still be claimed
// by the config or its path).
const maxExprDepth = 64

// exprShaped reports whether v is a rule expression: a non-empty object
// whose every key is a rule key holding a value of that key's shape.
func exprShaped(v *source.Value, depth int) bool {
	if v == nil || v.Kind != source.Object || len(v.Members) == 0 || depth > maxExprDepth {
		return false
	}
	for _, m := range v.Members {
		if !isRuleKey(m.Key) || !exprValueShaped(ruleKeyOf(m.Key), m.Value, depth+1) {
			return false
		}
	}
	return true
}

// exprValueShaped reports whether v is what the rule key k holds: for
// any/all a list of expressions (possibly empty) or, mistakenly, a single
// expression; for except an expression; for field an object of field
// names to a value or a list of values (strings, numbers, booleans, null).
func exprValueShaped(k string, v *source.Value, depth int) bool {
	if v == nil {
		return false
	}
	switch k {
	case "any", "all":
		if v.Kind == source.Object {
			return exprShaped(v, depth)
		}
		if v.Kind != source.Array {
			return false
		}
		for _, it := range v.Items {
			if !exprShaped(it, depth) {
				return false
			}
		}
		return true
	case "except":
		return exprShaped(v, depth)
	}
	if v.Kind != source.Object || len(v.Members) == 0 {
		return false
	}
	for _, m := range v.Members {
		if !fieldValueShaped(m.Value) {
			return false
		}
	}
	return true
}

// fieldValueShaped reports whether v is a value a field rule compares
// with: a scalar or a list of scalars.
func fieldValueShaped(v *source.Value) bool {
	if v == nil {
		return true
	}
	if v.Kind != source.Array {
		return v.Kind != source.Object
	}
	for _, it := range v.Items {
		if it != nil && (it.Kind == source.Array || it.Kind == source.Object) {
			return false
		}
	}
	return true
}

// ruleKeyOf names the rule key that k is (or is a misspelling of): the
// closest of any/all/field/except.
func ruleKeyOf(k string) string {
	lk := strings.ToLower(k)
	if slices.Contains(ruleKeys, lk) {
		return lk
	}
	best, bestD := ruleKeys[0], -1
	for _, rk := range ruleKeys {
		if d := suggest.Distance(lk, rk); bestD < 0 || d < bestD {
			best, bestD = rk, d
		}
	}
	return best
}

// bodySignature names the strong signature an object carries as a role
// mapping body, or "" when it carries none:
//   - `rules` keyed by any/all/field/except beside roles/role_templates/enabled;
//   - a `role_templates` member;
//   - only body fields, among them `roles` and one of `enabled`/`rules`
//     (a body whose rules are missing or broken).
func bodySignature(v *source.Value) string {
	if v == nil || v.Kind != source.Object {
		return ""
	}
	if ruleShaped(v.Get("rules")) {
		for _, c := range companionKeys {
			if v.Has(c) {
				return "rules keyed by any/all/field/except beside " + c
			}
		}
	}
	if templatesShaped(v.Get("role_templates")) {
		return "a role_templates member"
	}
	if closedBody(v) {
		return "only role mapping fields (roles with enabled or rules)"
	}
	return ""
}

// templatesShaped reports whether a role_templates value is what a body
// holds: a list (even an empty or broken one) or a single object with a
// `template` (the tolerated form) — not, say, the property of a JSON
// Schema describing role mappings (`{"type": "array", ...}`).
func templatesShaped(v *source.Value) bool {
	switch {
	case v == nil:
		return false
	case v.Kind == source.Array:
		return true
	case v.Kind == source.Object:
		return v.Has("template")
	}
	return false
}

// closedBody reports whether every field of v is a body field, with a
// `roles` list of strings and evidence that it is a mapping: a non-empty
// `rules` object (never a list), or an `enabled` flag beside roles that
// are not empty — a body whose rules are missing or broken. (An
// `{enabled: true, roles: []}` block of Helm values says nothing.)
func closedBody(v *source.Value) bool {
	for _, m := range v.Members {
		if !bodyFields[m.Key] {
			return false
		}
	}
	roles, enabled, rules := v.Get("roles"), v.Get("enabled"), v.Get("rules")
	granted := false
	switch {
	case roles == nil:
		return false
	case roles.Kind == source.Array:
		for _, it := range roles.Items {
			if it == nil || it.Kind != source.String {
				return false
			}
		}
		granted = len(roles.Items) > 0
	case roles.Kind != source.String:
		return false
	default:
		granted = roles.Str != ""
	}
	okEnabled := enabled != nil && (enabled.Kind == source.Bool ||
		enabled.Kind == source.String && (enabled.Str == "true" || enabled.Str == "false"))
	if rules != nil && rules.Kind != source.Object {
		return false // Kubernetes-style rules lists are someone else's
	}
	if rules != nil {
		for _, m := range rules.Members {
			if notRuleKeys[strings.ToLower(m.Key)] || !textKey.MatchString(m.Key+":") {
				return false // another rule language (JSON Logic's and/or/==)
			}
		}
		if len(rules.Members) > 0 {
			return true
		}
	}
	return okEnabled && granted
}

// weakBodySignature reports whether an object has a role mapping field, or
// a key one edit away from one ("role", "rule", "enable"): enough in a file
// whose path says it holds role mappings.
func weakBodySignature(v *source.Value) string {
	if v == nil || v.Kind != source.Object || isKubernetesObject(v) {
		return ""
	}
	for _, m := range v.Members {
		lk := strings.ToLower(m.Key)
		for _, f := range []string{"enabled", "roles", "role_templates", "rules"} {
			if lk == f || (len(lk) > 3 && suggest.Within(lk, f, 1)) {
				return "a role mapping field (" + m.Key + ")"
			}
		}
	}
	return ""
}

// isKubernetesObject reports whether a document is a Kubernetes resource
// (apiVersion and kind), which is a mapping source only as an ECK
// StackConfigPolicy.
func isKubernetesObject(v *source.Value) bool {
	return v.Has("apiVersion") && v.Has("kind")
}

// isSchemaDocument reports whether a document is a JSON Schema (for
// example the one `rolemap-lint schema` prints, which names every body
// field): its `$schema` names a json-schema.org metaschema, or it is an
// object type with `properties`. (A body that points `$schema` at the role
// mapping schema, for an editor, is not one.)
func isSchemaDocument(doc *source.Value) bool {
	if s := doc.Get("$schema"); s != nil && s.Kind == source.String && strings.Contains(s.Str, "json-schema.org") {
		return true
	}
	t := doc.Get("type")
	return doc.Has("properties") && t != nil && t.Kind == source.String && t.Str == "object"
}

// docSignature names the strong signature of one document, or "".
func docSignature(doc *source.Value) string {
	if doc == nil || doc.Kind != source.Object || isSchemaDocument(doc) {
		return ""
	}
	if k := doc.Get("kind"); k != nil && k.Kind == source.String && k.Str == "StackConfigPolicy" {
		if doc.Lookup(source.Pointer{"spec", "elasticsearch", "securityRoleMappings"}) != nil {
			return "ECK StackConfigPolicy with securityRoleMappings"
		}
		return ""
	}
	if st := doc.Get("state"); st != nil && st.Kind == source.Object && st.Has("role_mappings") {
		return "operator file settings with state.role_mappings"
	}
	if isKubernetesObject(doc) {
		return ""
	}
	if s := bodySignature(doc); s != "" {
		return s
	}
	for _, m := range doc.Members {
		if s := bodySignature(m.Value); s != "" {
			return "a collection of bodies, [" + m.Key + "] with " + s
		}
	}
	return ""
}

// weakDocSignature names the weak signature of one document, or "".
func weakDocSignature(doc *source.Value) string {
	if s := docSignature(doc); s != "" {
		return s
	}
	if doc == nil || doc.Kind != source.Object || isKubernetesObject(doc) || isSchemaDocument(doc) {
		return ""
	}
	if st := doc.Get("state"); st != nil && st.Kind == source.Object {
		for _, m := range st.Members {
			if suggest.Distance(strings.ToLower(m.Key), "role_mappings") <= 2 {
				return "operator file settings (state." + m.Key + ")"
			}
		}
	}
	if s := weakBodySignature(doc); s != "" {
		return s
	}
	for _, m := range doc.Members {
		if s := weakBodySignature(m.Value); s != "" {
			return "a collection member [" + m.Key + "] with " + s
		}
	}
	return ""
}

// pathHints are the path fragments that say a file holds role mappings.
var pathHints = []string{"role_mapping", "role-mapping", "rolemapping"}

// pathSaysRoleMapping reports whether a folder or file name of rel says it
// holds role mappings (role_mapping, role-mapping, rolemapping, plurals
// included; OpenSearch's roles_mapping.yml is not one).
func pathSaysRoleMapping(rel string) bool {
	l := strings.ToLower(rel)
	for _, h := range pathHints {
		if strings.Contains(l, h) {
			return true
		}
	}
	return false
}

// textKey matches a JSON or YAML key in raw text: a quoted or plain word
// followed by a colon.
var textKey = regexp.MustCompile(`["']?([A-Za-z_][A-Za-z0-9_]*)["']?[ \t]*:`)

// maxTextScan bounds the bytes the text signature looks at.
const maxTextScan = 1 << 20

// textKeys are the words written as keys in a file's text (its first
// maxTextScan bytes).
func textKeys(content []byte) map[string]bool {
	if len(content) > maxTextScan {
		content = content[:maxTextScan]
	}
	keys := map[string]bool{}
	for _, m := range textKey.FindAllSubmatch(content, -1) {
		keys[string(m[1])] = true
	}
	return keys
}

// textRuleOpening matches, in raw text, a `rules` key whose value opens on
// a rule key that itself opens a collection — `"rules": {"field": {`,
// `rules:\n  any:\n    - ` — rather than a rules key and a word such as
// `all` or `except` written anywhere in the file.
var textRuleOpening = regexp.MustCompile(`["']?\brules["']?[ \t]*:\s*\{?\s*["']?(?i:any|all|field|except)["']?[ \t]*:[ \t]*(?:\[|\{|\r?\n)`)

// textSignature names the signature of a file that does not parse, read
// from the keys written in its text, or "": a broken role mapping is still
// a role mapping (its syntax error is the finding). The text of a
// Kubernetes resource (apiVersion and kind, say a Kyverno policy with an
// unquoted {{ }} expression) carries only the StackConfigPolicy one.
func textSignature(content []byte) string {
	keys := textKeys(content)
	if keys["securityRoleMappings"] && bytes.Contains(limitText(content), []byte("StackConfigPolicy")) {
		return "ECK StackConfigPolicy with securityRoleMappings (in the text)"
	}
	if keys["apiVersion"] && keys["kind"] {
		return ""
	}
	switch {
	case keys["state"] && keys["role_mappings"]:
		return "operator file settings with state.role_mappings (in the text)"
	case keys["role_templates"]:
		return "a role_templates member (in the text)"
	case (keys["roles"] || keys["enabled"]) && textRuleOpening.Match(limitText(content)):
		return "rules keyed by any/all/field/except beside roles or enabled (in the text)"
	}
	return ""
}

// limitText is the part of a file's text the text signatures look at.
func limitText(content []byte) []byte {
	if len(content) > maxTextScan {
		return content[:maxTextScan]
	}
	return content
}

// templateMarker matches Go template (Helm) and Jinja (Ansible) directives,
// which mustache role templates never use: `{{ .Values…`, `{{ $.Values…`, `{{-`,
// `{{ include …`, `{% if …`.
var templateMarker = regexp.MustCompile(`\{\{-|-\}\}|\{\{\s*\.[A-Za-z$]|\{\{\s*\$|\{\{\s*(if|range|include|template|toYaml|tpl|with|define|end|else)\b|\{%-?\s*(if|for|set|include|block|raw|macro)\b`)

// isTemplated reports whether a file that does not parse is a Helm or
// Jinja template, whose text becomes YAML only after rendering.
func isTemplated(content []byte) bool {
	if len(content) > maxTextScan {
		content = content[:maxTextScan]
	}
	return templateMarker.Match(content)
}

// fixtureShaped returns the `tests` member of a document shaped like a
// fixture file — a top-level `tests` list whose every entry has a `user`,
// one of them an expectation — or nil.
func fixtureShaped(doc *source.Value) *source.Member {
	if doc == nil || doc.Kind != source.Object {
		return nil
	}
	m := doc.Member("tests")
	if m == nil || m.Value == nil || m.Value.Kind != source.Array || len(m.Value.Items) == 0 {
		return nil
	}
	expectation := false
	for _, it := range m.Value.Items {
		if it == nil || it.Kind != source.Object || !it.Has("user") {
			return nil
		}
		for _, k := range []string{"roles", "includes", "excludes", "error"} {
			if it.Has(k) {
				expectation = true
			}
		}
	}
	if !expectation {
		return nil
	}
	return m
}
