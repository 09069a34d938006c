package loader

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// knownTags are the standard YAML tags the loader understands.
var knownTags = map[string]bool{
	"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true,
	"!!map": true, "!!seq": true, "!!binary": true, "!!timestamp": true, "!!merge": true,
}

// isPlain reports whether a scalar is written without quotes or block
// indicators.
func isPlain(n *yaml.Node) bool {
	return n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

// isTagged reports whether the node carries an explicit tag.
func isTagged(n *yaml.Node) bool { return n.Style&yaml.TaggedStyle != 0 }

// resolveScalar turns a scalar node into a value of the JSON kind its tag
// names. sp is the scalar's span; tagEnd is where its properties end.
// warn asks for ambiguous-yaml warnings about plain values and tags; keys,
// which are read as text, are resolved silently when an alias needs them.
func (b *yamlBuilder) resolveScalar(n *yaml.Node, sp source.Span, tagEnd int, warn bool) *source.Value {
	if !warn {
		saved := b.diags
		defer func() { b.diags = saved }()
	}
	v := b.newValue(source.String, sp)
	v.Str = n.Value
	tag := n.ShortTag()
	explicit := isTagged(n)
	switch tag {
	case "!!str", "!!merge":
	case "!!timestamp":
		v.Note = "YAML timestamp, kept as written"
	case "!!binary":
		v.Note = "YAML !!binary, kept as base64 text"
	case "!!null":
		v.Kind = source.Null
		v.Str = ""
	case "!!bool":
		switch n.Value {
		case "true", "True", "TRUE":
			v.Kind, v.Str, v.Bool = source.Bool, "", true
		case "false", "False", "FALSE":
			v.Kind, v.Str, v.Bool = source.Bool, "", false
		default:
			b.diags = append(b.diags, syntaxAt(b.f, sp.Start, sp.End,
				"%q is not a YAML 1.2 boolean (true or false), so it cannot be tagged !!bool; it is read as a string", n.Value))
		}
	case "!!int", "!!float":
		num, special, ok := jsonNumber(n.Value, tag == "!!int")
		switch {
		case special != "":
			v.Note = "YAML float " + special + ", kept as text: JSON has no such number"
			b.diags = append(b.diags, ambiguousAt(sp,
				"%s is a YAML floating-point %s, which JSON cannot represent; it is kept as the string %q (quote it if you mean the string)",
				n.Value, special, n.Value))
		case ok:
			v.Kind, v.Str = source.Number, num
			if num != n.Value {
				v.Note = "YAML number " + n.Value
			}
		default:
			b.diags = append(b.diags, syntaxAt(b.f, sp.Start, sp.End,
				"%q is not a YAML %s, so it cannot be tagged %s; it is read as a string", n.Value, strings.TrimPrefix(tag, "!!"), tag))
		}
	case "!!map", "!!seq":
		b.diags = append(b.diags, syntaxAt(b.f, sp.Start, tagEnd,
			"tag %s cannot be given to a scalar; the value is read as a string", tag))
	default:
		b.unknownTag(tag, sp.Start, tagEnd, "a string")
	}
	if !explicit && isPlain(n) {
		if msg := yaml11Difference(n.Value); msg != "" {
			b.diags = append(b.diags, withPointer(ambiguousAt(sp, "%s", msg), b.pointer()))
		}
		if bv, ok := elasticsearchBool(n.Value); ok && v.Kind == source.String {
			v.Alt = &source.Value{Kind: source.Bool, Bool: bv, Span: sp}
		}
	}
	return v
}

// unknownTag reports an explicit tag the loader does not understand.
func (b *yamlBuilder) unknownTag(tag string, start, end int, readAs string) {
	if end <= start {
		end = start + 1
	}
	b.diags = append(b.diags, syntaxAt(b.f, start, end,
		"unknown YAML tag %s (JSON knows only strings, numbers, booleans, null, objects and arrays); the value is read as %s", tag, readAs))
}

var (
	sexagesimalInt   = regexp.MustCompile(`^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$`)
	sexagesimalFloat = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$`)
	leadingZeroInt   = regexp.MustCompile(`^[-+]?0[0-9_]+$`)
	yamlFloat        = regexp.MustCompile(`^(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
)

// elasticsearchBool reports whether Elasticsearch's YAML reader reads a
// plain scalar as a boolean: SnakeYAML's YAML 1.1 resolver takes exactly
// these spellings (not y/n, not mixed case), and Jackson's YAMLParser turns
// the BOOL tag into a boolean token.
func elasticsearchBool(text string) (value, ok bool) {
	switch text {
	case "yes", "Yes", "YES", "on", "On", "ON":
		return true, true
	case "no", "No", "NO", "off", "Off", "OFF":
		return false, true
	}
	return false, false
}

// yaml11Difference explains how YAML 1.1 parsers read a plain scalar
// differently from YAML 1.2, or returns "".
func yaml11Difference(text string) string {
	if bv, ok := elasticsearchBool(text); ok {
		return fmt.Sprintf("unquoted %s is the string %q in YAML 1.2 (how this tool reads it, and converters such as yq, js-yaml or go-yaml v3) but the boolean %t in YAML 1.1, including Elasticsearch's own YAML reader (Jackson over SnakeYAML); write %t, or quote it (%q) if you mean the string",
			text, text, bv, bv, text)
	}
	switch text {
	case "y", "Y", "n", "N":
		b := "false"
		if text == "y" || text == "Y" {
			b = "true"
		}
		return fmt.Sprintf("unquoted %s is the string %q in YAML 1.2 (how this tool reads it) and for Elasticsearch's own YAML reader (SnakeYAML's YAML 1.1 resolver does not take this spelling), but the boolean %s for some YAML 1.1 tools (go-yaml v2, used by Kubernetes' sigs.k8s.io/yaml); quote it (%q) if you mean the string, or write %s",
			text, text, b, text, b)
	}
	if sexagesimalInt.MatchString(text) || sexagesimalFloat.MatchString(text) {
		return fmt.Sprintf("unquoted %s is the string %q in YAML 1.2 (how this tool and Elasticsearch read it) but the base-60 number %s in YAML 1.1 parsers such as PyYAML; quote it (%q)",
			text, text, sexagesimalValue(text), text)
	}
	if leadingZeroInt.MatchString(text) {
		digits := strings.TrimLeft(text, "+-")
		digits = strings.ReplaceAll(digits, "_", "")
		dec, _ := new(big.Int).SetString(digits, 10)
		sign := ""
		if strings.HasPrefix(text, "-") {
			sign = "-"
		}
		if strings.ContainsAny(digits, "89") {
			return fmt.Sprintf("unquoted %s is the decimal number %s%s in YAML 1.2 (how this tool reads it) but not a valid number in YAML 1.1 parsers, including Elasticsearch's (Jackson), which expect octal after a leading 0; write %s%s, or quote it (%q) if you mean the string",
				text, sign, dec, sign, dec, text)
		}
		oct, _ := new(big.Int).SetString(digits, 8)
		if oct.Cmp(dec) == 0 {
			return ""
		}
		return fmt.Sprintf("unquoted %s is the decimal number %s%s in YAML 1.2 (how this tool reads it) but the octal number %s%s in YAML 1.1 parsers, including Elasticsearch's (Jackson); write %s%s or %s0o%s, or quote it (%q) if you mean the string",
			text, sign, dec, sign, oct, sign, dec, sign, strings.TrimLeft(digits, "0"), text)
	}
	return ""
}

// sexagesimalValue computes what YAML 1.1 reads a base-60 literal as.
func sexagesimalValue(text string) string {
	neg := strings.HasPrefix(text, "-")
	s := strings.ReplaceAll(strings.TrimLeft(text, "+-"), "_", "")
	frac := ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s, frac = s[:i], s[i+1:]
	}
	total := new(big.Int)
	sixty := big.NewInt(60)
	for _, part := range strings.Split(s, ":") {
		d, _ := new(big.Int).SetString(part, 10)
		if d == nil {
			d = new(big.Int)
		}
		total.Mul(total, sixty).Add(total, d)
	}
	out := total.String()
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// maxRadixDigits bounds hexadecimal, octal and binary literals, whose
// conversion to decimal is not linear.
const maxRadixDigits = 4096

// jsonNumber normalizes a YAML integer or float literal to JSON number
// syntax. special is "infinity" or "NaN" for .inf and .nan; ok is false when
// the text is not a number (or, with intOnly, not an integer).
func jsonNumber(text string, intOnly bool) (num, special string, ok bool) {
	s := strings.ReplaceAll(text, "_", "")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	switch strings.ToLower(s) {
	case ".inf":
		if !intOnly {
			return "", "infinity", false
		}
		return "", "", false
	case ".nan":
		if !intOnly && !strings.HasPrefix(text, "+") && !strings.HasPrefix(text, "-") {
			return "", "NaN", false
		}
		return "", "", false
	}
	sign := ""
	if neg {
		sign = "-"
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			if len(s) > maxRadixDigits {
				return "", "", false
			}
			n, good := new(big.Int).SetString(s[2:], base)
			if !good {
				return "", "", false
			}
			if n.Sign() == 0 {
				sign = ""
			}
			return sign + n.String(), "", true
		}
	}
	if s != "" && strings.Trim(s, "0123456789") == "" {
		return sign + trimLeadingZeros(s), "", true
	}
	m := yamlFloat.FindStringSubmatch(s)
	if m == nil || intOnly {
		return "", "", false
	}
	mant, exp := m[1], m[3]
	intPart, frac, _ := strings.Cut(mant, ".")
	out := sign + trimLeadingZeros(intPart)
	if frac != "" {
		out += "." + frac
	}
	return out + exp, "", true
}

// trimLeadingZeros drops leading zeros but keeps one digit.
func trimLeadingZeros(s string) string {
	s = strings.TrimLeft(s, "0")
	if s == "" {
		return "0"
	}
	return s
}
