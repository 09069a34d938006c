package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// knownFields are the fields of Elasticsearch's role-mapping user model
// besides metadata.<key> (docs/semantics.md, "User model").
var knownFields = map[string]bool{"username": true, "dn": true, "groups": true, "realm.name": true}

// fieldSuggestions maps common mistakes (lower-cased) to advice.
var fieldSuggestions = map[string]string{
	"userid": "username", "user_id": "username", "user": "username", "user.name": "username",
	"user_name": "username", "login": "username", "uid": "username", "principal": "username", "name": "username",
	"group": "groups", "memberof": "groups", "member_of": "groups", "group_name": "groups", "groupname": "groups",
	"realm": "realm.name", "realm_name": "realm.name", "realmname": "realm.name",
	"distinguished_name": "dn", "distinguishedname": "dn", "user.dn": "dn",
}

var nestedPath = regexp.MustCompile(`^metadata\.[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+$`)

var unknownField = &Analyzer{
	Name:    "unknown-field",
	Level:   diag.Warning,
	Summary: "rule field outside the user model, with a suggestion (userid → username)",
	Doc: "Rules can only test `username`, `dn`, `groups`, `realm.name` and `metadata.<key>` (one field per top-level " +
		"metadata key). Elasticsearch accepts any field name, but an unknown field has no value, so only `null` matches " +
		"it: the rule silently never matches (or, under `except`, always does). Field names are case-sensitive. " +
		"`metadata.a.b` is the top-level key named `a.b`, not a nested path (reported at info level).",
	Run: runUnknownField,
}

func runUnknownField(p *Pass) {
	p.fieldRules(func(m *mapping.Mapping, e *rules.Expr) {
		name := e.Field
		if knownFields[name] {
			return
		}
		if key, ok := strings.CutPrefix(name, "metadata."); ok && key != "" {
			if nestedPath.MatchString(name) {
				d := at(m, e.FieldSpan, "%s tests the top-level metadata key %q, not a nested path: Elasticsearch's user model is flat, so nested metadata cannot be reached; make sure the realm really sets a key named %q", name, key, key)
				d.Level = diag.Info
				p.Report(d)
			}
			return
		}
		p.Report(at(m, e.FieldSpan, "%s", unknownFieldMessage(name)))
	})
}

func unknownFieldMessage(name string) string {
	base := fmt.Sprintf("field %q is not part of Elasticsearch's user model (username, dn, groups, realm.name, metadata.<key>): it never has a value, so only null matches it", name)
	lower := strings.ToLower(name)
	switch {
	case knownFields[lower]:
		return base + fmt.Sprintf("; field names are case-sensitive: did you mean %q?", lower)
	case fieldSuggestions[lower] != "":
		return base + fmt.Sprintf("; did you mean %q?", fieldSuggestions[lower])
	case lower == "metadata" || lower == "metadata.":
		return base + "; name a top-level key: metadata.<key>"
	case lower == "realm.type" || lower == "realm_type":
		return base + "; the realm type is not visible to rules: test realm.name"
	case lower == "roles" || lower == "role":
		return base + "; rules select users, they cannot test roles"
	case strings.HasPrefix(lower, "metadata_") || strings.HasPrefix(lower, "meta."):
		return base + "; metadata fields are written metadata.<key>"
	case lower == "email" || lower == "mail" || lower == "full_name" || lower == "fullname":
		return base + fmt.Sprintf("; user attributes are only reachable through metadata, if the realm puts them there (e.g. metadata.%s, or JWT's metadata.jwt_claim_%s)", lower, lower)
	}
	if s := closest(name, []string{"username", "dn", "groups", "realm.name"}); s != "" {
		return base + fmt.Sprintf("; did you mean %q?", s)
	}
	return base
}

// closest returns the candidate within edit distance 2 of s, if any.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance (suggest.Levenshtein, on bytes),
// bounded for long inputs.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 20
	}
	return suggest.Levenshtein(a, b)
}
