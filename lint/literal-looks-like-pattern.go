package lint

import (
	"regexp"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

var literalLooksLikePattern = &Analyzer{
	Name:    "literal-looks-like-pattern",
	Level:   diag.Warning,
	Summary: "a literal that looks like a pattern, a wildcard that looks like a regex, or a regex with Lucene's optional operators",
	Doc: "Elasticsearch treats a value as a wildcard only when it contains `*`, and as a regex only when written `/…/`. " +
		"So `adm?n` is the literal string `adm?n`; `[Aa]dmins`, `admin.+`, `^admin`, `user\\d{3}` and `(ops|dev)` are literals too; " +
		"`admin[0-9]*` is a wildcard whose `[0-9]` is literal. Names that merely contain such characters stay quiet: " +
		"`host$` (an Active Directory machine account), `Sales (EU)`, `[EXT] Contractors`, `CORP\\dsmith`, Keycloak paths " +
		"such as `/team/editors` and `+` in DNs. And in a regex (Lucene syntax, not PCRE) the characters `@ & ~ < > # \"` are operators: `@` means any " +
		"string, so `/.*@example\\.com/` matches any user whose name ends in `example.com`. Escape them (`\\\\@`) or, for a " +
		"literal, drop the pattern characters.",
	Run: runLiteralLooksLikePattern,
}

var (
	// regexish matches literal or wildcard text that reads like a PCRE-style
	// regex written without the slashes Elasticsearch needs. Each
	// alternative is one construct (see regexConstructs for the table the
	// tests read); the exemptions that keep ordinary names quiet are in the
	// comments.
	regexish = regexp.MustCompile(strings.Join(regexConstructs(), "|"))
	// questionMark is a `?` that is not escaped.
	questionMark = regexp.MustCompile(`(^|[^\\])\?`)
)

// regexConstructs lists the regex constructs the check recognizes, each as
// an RE2 pattern.
func regexConstructs() []string {
	return []string{
		// `.*`, `.+`, `.?` and `.{n}`: any character, repeated.
		`\.[*+?]`, `\.\{\d`,
		// `\d`, `\w`, `\s` (and upper case) used as a class: followed by a
		// quantifier, another escape, a bracket or the end. `CORP\dsmith`
		// (a NetBIOS domain and user name) stays quiet.
		`\\[dwsDWS](?:[*+?{\\\])]|$)`,
		// `\.`, `\(`… escaping a regex metacharacter.
		`\\[.()\[\]{}|^$+]`,
		// A character class such as `[Aa]dmins` or `admin[0-9]`: brackets
		// holding no space, followed by a word character, a quantifier or the
		// end. `[EXT] Contractors` (a tag in a group name) stays quiet.
		`\[\^?(?:[^\]\s\\]|\\.)+\](?:[\w*+?{(]|$)`,
		// `{n}` and `{n,m}` bounded repeats after a character, class or group.
		`[\w\])]\{\d+(?:,\d*)?\}`,
		// `(a|b)` alternation in a group, and `a|b` between words. `Sales
		// (EU)` (parentheses without `|`) stays quiet.
		`\([^()]*\|[^()]*\)`, `\w\|\w`,
		// `)+`, `)?`, `]+`…: a quantified group or class (`)*` is left out:
		// in a wildcard `(EU)*` is a group name followed by the wildcard).
		`[)\]][+?]`,
		// `^admin`: an anchor at the start. `$` alone at the end is not
		// enough (`host$` is an Active Directory machine account); `^…$`
		// and `)$`, `]$` are.
		`^\^[\w\[(.\\]`, `^\^.*\$$`, `[)\]]\$$`,
	}
}

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
				if !mayHoldPatternSyntax(v.Str) {
					continue
				}
				if loc := regexish.FindStringIndex(v.Str); loc != nil {
					p.Report(at(m, rules.SubSpan(v.Src, loc[0], loc[1]), "%q is a wildcard (only `*`, `?` and `\\` are special), but %q reads like regex syntax and is matched literally; to use a regex write it between slashes: \"/.../\"",
						v.Str, v.Str[loc[0]:loc[1]]))
				}
			case rules.Regex:
				if v.Undecided != nil {
					continue // not compiled within the run's limits: not parsed again here
				}
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
	return mayHoldPatternSyntax(s) && (questionMark.MatchString(s) || regexish.MatchString(s))
}

// mayHoldPatternSyntax is a quick test that every string regexish or
// questionMark matches passes: each construct needs one of these
// characters, or a '.' before a quantifier. Most rule values (DNs, group
// and user names) fail it and skip the regular expressions.
func mayHoldPatternSyntax(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\', '[', ']', '{', '(', ')', '|', '^', '?':
			return true
		case '.':
			if i+1 < len(s) && strings.IndexByte("*+?{", s[i+1]) >= 0 {
				return true
			}
		}
	}
	return false
}
