package lint

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

var dnSyntax = &Analyzer{
	Name:    "dn-syntax",
	Level:   diag.Warning,
	Summary: "a dn value, or a group value that looks like a DN, that does not parse as a DN",
	Doc: "Elasticsearch compares `dn` and `groups` values as distinguished names: equal when their normalized forms " +
		"(UnboundID's, case- and spacing-insensitive) are equal. A value that does not parse as a DN falls back to a " +
		"case-insensitive string comparison, which only matches a user string written exactly the same way. A `dn` " +
		"value, a group value containing `=`, or the DN after `*,` in a subtree pattern that does not parse is almost " +
		"certainly a typo.",
	Run: runDNSyntax,
}

var dnPatternCase = &Analyzer{
	Name:    "dn-pattern-case",
	Level:   diag.Warning,
	Summary: "a wildcard or regex on dn/groups mixing upper and lower case can only match the raw string",
	Doc: "For a pattern on `dn` or `groups`, Elasticsearch tries the user's string as written, normalized (lower case), " +
		"lower-cased and upper-cased. A pattern mixing upper- and lower-case letters can only match the string as " +
		"written, so `CN=*,OU=People,DC=example,DC=com` misses `cn=bob,ou=people,dc=example,dc=com` although a literal " +
		"value would match it. Write patterns in lower case. The `*,<dn>` subtree form is normalized and exempt.",
	Run: runDNPatternCase,
}

func isDNField(f string) bool { return f == "dn" || f == "groups" }

// subtreeSuffix returns the DN of a `*,<dn>` pattern whose rest has no `*`.
func subtreeSuffix(v string) (string, bool) {
	rest, ok := strings.CutPrefix(v, "*,")
	if !ok || strings.Contains(rest, "*") {
		return "", false
	}
	return rest, true
}

func runDNSyntax(p *Pass) {
	p.fieldRules(func(m *mapping.Mapping, e *rules.Expr) {
		if !isDNField(e.Field) {
			return
		}
		for _, v := range e.Values {
			if v.Kind != rules.StringValue {
				continue
			}
			text, what := v.Str, "value"
			switch v.Pattern {
			case rules.Regex:
				continue
			case rules.Wildcard:
				suffix, ok := subtreeSuffix(v.Str)
				if !ok || suffix == "" {
					continue
				}
				text, what = suffix, "subtree DN"
			default:
				if e.Field == "groups" && !strings.Contains(v.Str, "=") {
					continue // a group name (SAML, OIDC...), not a DN
				}
			}
			if _, err := dn.Parse(text); err != nil {
				p.Report(at(m, v.Span(), "%s %s %q is not a valid DN (%s): Elasticsearch falls back to comparing it as a plain string, ignoring case; fix the DN",
					e.Field, what, text, shorten(err.Error(), 200)))
			}
		}
	})
}

func runDNPatternCase(p *Pass) {
	p.fieldRules(func(m *mapping.Mapping, e *rules.Expr) {
		if !isDNField(e.Field) {
			return
		}
		for _, v := range e.Values {
			if v.Pattern == rules.Literal || v.Kind != rules.StringValue {
				continue
			}
			if _, ok := subtreeSuffix(v.Str); ok && v.Pattern == rules.Wildcard {
				continue
			}
			if mixedCase(v.Str, v.Pattern == rules.Regex) {
				p.Report(at(m, v.Span(), "%s pattern %q mixes upper- and lower-case letters, so it only matches user strings written exactly that way (Elasticsearch also tries the normalized, lower-case and upper-case forms, which this pattern cannot match); write it in lower case: %q",
					e.Field, v.Str, lowerOutsideEscapes(v.Str, v.Pattern == rules.Regex)))
			}
		}
	})
}

// mixedCase reports whether s has both upper- and lower-case letters,
// ignoring the character after a backslash (escapes such as \D in regexes).
func mixedCase(s string, regex bool) bool {
	upper, lower := false, false
	escaped := false
	for _, r := range s {
		if escaped {
			escaped = false
			if regex {
				continue
			}
		} else if r == '\\' {
			escaped = true
			continue
		}
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
	}
	return upper && lower
}

// lowerOutsideEscapes lower-cases s except regex escapes such as \D.
func lowerOutsideEscapes(s string, regex bool) string {
	var b strings.Builder
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
			if !regex {
				r = unicode.ToLower(r)
			}
		case r == '\\':
			escaped = true
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// spanWhere renders " (file:line)" for a config span, or "".
func spanWhere(s source.Span) string {
	if s.File == nil {
		return ""
	}
	return fmt.Sprintf(" (%s:%d)", s.File.Name, s.Range().Start.Line)
}
