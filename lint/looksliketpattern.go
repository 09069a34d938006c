package lint

import (
	"regexp"

	"github.com/rolemap-lint/rolemap-lint/automaton"
	"github.com/rolemap-lint/rolemap-lint/diag"
	"github.com/rolemap-lint/rolemap-lint/mapping"
	"github.com/rolemap-lint/rolemap-lint/rules"
)

var literalLooksLikePattern = &Analyzer{
	Name:    "literal-looks-like-pattern",
	Level:   diag.Warning,
	Summary: "a literal that looks like a pattern, a wildcard that looks like a regex, or a regex with Lucene's optional operators",
	Doc: "Elasticsearch treats a value as a wildcard only when it contains `*`, and as a regex only when written `/…/`. " +
		"So `adm?n` is the literal string `adm?n`, `^admin.*$` is a literal too, `admin[0-9]*` is a wildcard whose `[0-9]` is " +
		"literal, and in a regex (Lucene syntax, not PCRE) the characters `@ & ~ < > # \"` are operators: `@` means any " +
		"string, so `/.*@example\\.com/` matches any user whose name ends in `example.com`. Escape them (`\\\\@`) or, for a " +
		"literal, drop the pattern characters.",
	Run: runLiteralLooksLikePattern,
}

var (
	// regexish matches literal or wildcard text that reads like a PCRE-style regex.
	regexish = regexp.MustCompile(`\.\*|\.\+|\\[dwsDWS]|\[[^\]]*[a-zA-Z0-9]-[a-zA-Z0-9][^\]]*\]|\][*+?{]|\([^()]*\|[^()]*\)|^\^.*\$$|[)\]][+?]`)
	// questionMark is a `?` that is not escaped.
	questionMark = regexp.MustCompile(`(^|[^\\])\?`)
)

// operatorAdvice explains each optional Lucene operator.
var operatorAdvice = map[automaton.OperatorKind]string{
	automaton.OpAnyString:    "`@` means any string in Lucene regex (escape it as \\@ for an at-sign, written \"\\\\@\" in a JSON string)",
	automaton.OpEmpty:        "`#` is the empty language in Lucene regex (escape it as \\#)",
	automaton.OpIntersection: "`&` is intersection in Lucene regex (escape it as \\&)",
	automaton.OpComplement:   "`~` is complement in Lucene regex (escape it as \\~)",
	automaton.OpInterval:     "`<n-m>` is a numeric interval in Lucene regex (escape them as \\< and \\>)",
	automaton.OpQuoted:       "`\"...\"` quotes a literal string in Lucene regex (escape it as \\\")",
}

func runLiteralLooksLikePattern(p *Pass) {
	opt := automaton.Options{Dialect: automaton.DialectForVersion(p.Settings.Version.Major, p.Settings.Version.Minor)}
	p.fieldRules(func(m *mapping.Mapping, e *rules.Expr) {
		for _, v := range e.Values {
			if v.Kind != rules.StringValue {
				continue
			}
			switch v.Pattern {
			case rules.Literal:
				if looksLikeLiteralPattern(v.Str) {
					p.Report(at(m, v.Span(), "%s is compared literally (a value is a wildcard only if it contains `*`, a regex only if written /.../), but %q looks like a pattern; write a wildcard with `*`, a /regex/, or escape nothing if the text is meant literally",
						e.Field, v.Str))
				}
			case rules.Wildcard:
				if loc := regexish.FindStringIndex(v.Str); loc != nil {
					p.Report(at(m, rules.SubSpan(v.Src, loc[0], loc[1]), "%q is a wildcard (only `*`, `?` and `\\` are special), but %q reads like regex syntax and is matched literally; to use a regex write it between slashes: \"/.../\"",
						v.Str, v.Str[loc[0]:loc[1]]))
				}
			case rules.Regex:
				re, err := automaton.ParseRegexp(v.Str[1:len(v.Str)-1], opt)
				if err != nil {
					continue
				}
				for _, op := range re.Operators() {
					if op.Kind == automaton.OpNamed {
						continue // an error, reported by invalid-pattern
					}
					p.Report(at(m, rules.SubSpan(v.Src, op.Offset+1, op.End+1), "regex %s uses the optional operator %q: %s",
						v.Str, v.Str[op.Offset+1:op.End+1], operatorAdvice[op.Kind]))
				}
			}
		}
	})
}

// looksLikeLiteralPattern reports whether a literal reads like a wildcard
// or regex that was not recognized as one.
func looksLikeLiteralPattern(s string) bool {
	return questionMark.MatchString(s) || regexish.MatchString(s)
}
