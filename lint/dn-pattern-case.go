package lint

import (
	"strings"
	"unicode"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

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
