package schema

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

// The messages say what is wrong in Elasticsearch's terms, quote what
// Elasticsearch answers (its innermost message, without the "[line:col]"
// prefix), and say what to do where that is not obvious.

// fieldWants says what each top-level field must hold.
var fieldWants = map[string]string{
	"enabled":        "a boolean (true/false)",
	"roles":          "an array of role names (or a single role name string)",
	"role_templates": "an array of role template objects (or a single role template object)",
	"rules":          `an object holding one rule, such as {"field": {"realm.name": "ldap1"}}`,
	"metadata":       "an object",
	"doc_type":       "a string (Elasticsearch ignores its value)",
	"type":           "a string (Elasticsearch ignores its value)",
}

// found names what a value is, with an article: "an array", "null", ...
func found(v *source.Value) string {
	switch v.Kind {
	case source.Null:
		return "null"
	case source.Bool:
		return "a boolean"
	case source.Number:
		return "a number"
	case source.String:
		return "a string"
	case source.Array:
		return "an array"
	case source.Object:
		return "an object"
	}
	return "an unknown value"
}

func rootTypeMessage(v *source.Value) string {
	return fmt.Sprintf("a role mapping body must be a JSON object, found %s: Elasticsearch rejects it (\"[role-mapping] Expected START_OBJECT but was: %s\")",
		found(v), v.Kind.Token())
}

func fieldTypeMessage(field string, v *source.Value) string {
	msg := fmt.Sprintf("%s must be %s, found %s: Elasticsearch rejects it (\"[role-mapping] %s doesn't support values of type: %s\")",
		field, fieldWants[field], found(v), field, v.Kind.Token())
	switch {
	case field == "enabled" && v.Kind == source.Null:
		msg += `; write "enabled": true or "enabled": false`
	case field == "metadata" && v.Kind == source.Null:
		msg += "; leave metadata out or write {}"
	case field == "rules" && v.Kind == source.Array:
		msg += `; combine several rules with {"all": [...]} or {"any": [...]}`
	}
	return msg
}

func roleElementMessage(index string, v *source.Value) string {
	cause := fmt.Sprintf("Expected text at … but found %s", v.Kind.Token())
	if v.Kind == source.Array {
		cause = "expected value but got [START_ARRAY]"
	}
	msg := fmt.Sprintf("roles[%s] must be a role name (a string), found %s: Elasticsearch rejects it (\"[role-mapping] failed to parse field [roles]\", caused by %q)",
		index, found(v), cause)
	if v.Kind == source.Object {
		msg += "; to compute role names from user attributes use role_templates"
	}
	return msg
}

func enabledValueMessage(s string) string {
	// AbstractXContentParser.booleanValue → Booleans.parseBoolean, wrapped
	// by ObjectParser as a failure to parse the field.
	return fmt.Sprintf("enabled must be a boolean (true/false), found the string %s: Elasticsearch rejects it (\"[role-mapping] failed to parse field [enabled]\", caused by \"Failed to parse value [%s] as only [true] or [false] are allowed.\")",
		quoteForDisplay(s), display(s))
}

func unknownFieldMessage(key string) string {
	msg := fmt.Sprintf("unknown field [%s]: Elasticsearch rejects it (\"[role-mapping] unknown field [%s]%s\")",
		display(key), display(key), suggest.ESDidYouMean(key, topLevelFields))
	switch key {
	case "run_as":
		msg += "; role mappings cannot impersonate users"
	case "name":
		msg += "; the mapping name is the last segment of PUT /_security/role_mapping/<name> (or the key of the mapping in a collection or file settings), not a field of the body"
	}
	return msg
}

func missingFieldMessage(name, field string) string {
	es := "missing field [" + field + "]"
	if name != "" {
		es = "failed to parse role-mapping [" + display(name) + "]. " + es
	}
	msg := fmt.Sprintf("missing field [%s]: Elasticsearch requires it (\"%s\")", field, es)
	switch field {
	case "enabled":
		msg += `; add "enabled": true`
	case "rules":
		msg += `; add the rule that selects the users, e.g. "rules": {"field": {"realm.name": "ldap1"}}`
	}
	return msg
}

// maxDisplay bounds how much of a user-supplied string a message repeats.
const maxDisplay = 80

// display makes user-supplied text safe to embed in a one-line message:
// non-printable characters are escaped and long text is cut short.
func display(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxDisplay {
			b.WriteString("…")
			break
		}
		n++
		if unicode.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// quoteForDisplay renders s as a double-quoted string for messages.
func quoteForDisplay(s string) string {
	return `"` + strings.ReplaceAll(display(s), `"`, `\"`) + `"`
}
