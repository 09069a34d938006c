package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// Check ids of the problems the rule parser reports.
const (
	CheckRuleSyntax     = diag.RuleSyntax
	CheckInvalidPattern = diag.InvalidPattern
	// CheckBudget reports what could not be decided within the run's
	// budget (package budget); it never makes the tree invalid.
	CheckBudget = diag.Budget
)

// esPrefix starts every message of Elasticsearch's ExpressionParser.
const esPrefix = "failed to parse rules expression. "

// Options configure the parser.
type Options struct {
	// Patterns compiles wildcard and regex values; nil uses a private cache.
	Patterns *automaton.Cache
	// Regexp selects the Lucene dialect of the modelled Elasticsearch version.
	Regexp automaton.Options
}

// Parse reads a `rules` object as Elasticsearch's ExpressionParser does.
// objectName is the name Elasticsearch uses for the top-level object in its
// messages: the mapping name. Unlike Elasticsearch, which stops at the first
// error, Parse reports every problem it can find; the returned tree is nil
// when any rule-syntax or invalid-pattern problem was found.
func Parse(v *source.Value, objectName string, ptr source.Pointer, opt Options) (*Expr, []diag.Diagnostic) {
	if opt.Patterns == nil {
		opt.Patterns = &automaton.Cache{}
	}
	p := &parser{opt: opt}
	e := p.rulesObject(v, objectName, false, ptr)
	for _, d := range p.diags {
		if d.Check != CheckBudget {
			return nil, p.diags
		}
	}
	return e, p.diags
}

type parser struct {
	opt   Options
	diags []diag.Diagnostic
}

func (p *parser) errorf(check string, span source.Span, ptr source.Pointer, format string, args ...any) {
	d := diag.At(check, span, format, args...)
	d.Pointer = ptr.String()
	p.diags = append(p.diags, d)
}

// syntaxf reports a rule-syntax problem with Elasticsearch's message and a hint.
func (p *parser) syntaxf(span source.Span, ptr source.Pointer, hint, format string, args ...any) {
	msg := esPrefix + fmt.Sprintf(format, args...)
	if hint != "" {
		msg += "; " + hint
	}
	p.errorf(CheckRuleSyntax, span, ptr, "%s", msg)
}

// rulesObject parses one rule object: exactly one of any/all/field/except.
func (p *parser) rulesObject(v *source.Value, objectName string, allowExcept bool, ptr source.Pointer) *Expr {
	if v.Kind != source.Object {
		p.syntaxf(v.Span, ptr, "each rule is an object such as {\"field\": {\"username\": \"bob\"}}",
			"expected [%s] to be an object but found [%s] instead", objectName, v.Kind.Token())
		return nil
	}
	// Duplicate keys are the loader's syntax finding (Elasticsearch's JSON
	// parser rejects them before the rule parser runs); see the first only.
	members := v.Distinct()
	if len(members) == 0 {
		p.syntaxf(v.Span, ptr, "a rule needs one of \"any\", \"all\", \"field\" or \"except\"",
			"object [%s] does not contain any fields", objectName)
		return nil
	}
	first := members[0]
	e := p.expression(first, objectName, allowExcept, ptr.Append(first.Key))
	if e != nil {
		e.Span = v.Span
		e.Pointer = ptr.String()
	}
	for _, extra := range members[1:] {
		p.syntaxf(extra.KeySpan, ptr.Append(extra.Key),
			"a rule object holds exactly one rule; wrap several in {\"all\": [...]} or {\"any\": [...]}",
			"object [%s] contains multiple fields", objectName)
	}
	return e
}

func (p *parser) expression(m *source.Member, objectName string, allowExcept bool, ptr source.Pointer) *Expr {
	switch m.Key {
	case "any":
		return p.array(Any, m, false, ptr)
	case "all":
		return p.array(All, m, true, ptr)
	case "field":
		return p.field(m, ptr)
	case "except":
		if !allowExcept {
			p.syntaxf(m.KeySpan, ptr, "\"except\" may only be a direct element of an \"all\" array",
				"field [except] is not allowed within [%s]", objectName)
			return nil
		}
		if m.Value.Kind != source.Object {
			p.syntaxf(m.Value.Span, ptr, "", "expected an object but found [%s] instead", m.Value.Kind.Token())
			return nil
		}
		child := p.rulesObject(m.Value, "except", false, ptr)
		if child == nil {
			return nil
		}
		return &Expr{Op: Except, Children: []*Expr{child}, KeySpan: m.KeySpan}
	}
	p.syntaxf(m.KeySpan, ptr, suggestKey(m.Key),
		"field [%s] is not recognised in object [%s]", m.Key, objectName)
	return nil
}

func suggestKey(k string) string {
	switch strings.ToLower(k) {
	case "any", "or", "anyof", "any_of", "one_of", "oneof":
		return "did you mean \"any\"?"
	case "all", "and", "allof", "all_of":
		return "did you mean \"all\"?"
	case "not", "none", "exclude", "except", "excepts":
		return "negation is written {\"except\": {...}} inside an \"all\" array"
	case "fields", "match", "term", "field":
		return "did you mean \"field\"?"
	case "username", "dn", "groups", "realm.name", "realm", "metadata":
		return fmt.Sprintf("field rules are written {\"field\": {%q: ...}}", k)
	}
	return "the rule keys are \"any\", \"all\", \"field\" and \"except\""
}

func (p *parser) array(op Op, m *source.Member, allowExcept bool, ptr source.Pointer) *Expr {
	if m.Value.Kind != source.Array {
		p.syntaxf(m.Value.Span, ptr, "write a list of rules, e.g. [{\"field\": {...}}]",
			"field [%s] requires an array", op)
		return nil
	}
	e := &Expr{Op: op, KeySpan: m.KeySpan}
	ok := true
	for i, it := range m.Value.Items {
		c := p.rulesObject(it, op.String(), allowExcept, ptr.Append(fmt.Sprint(i)))
		if c == nil {
			ok = false
			continue
		}
		e.Children = append(e.Children, c)
	}
	if !ok {
		return nil
	}
	return e
}

func (p *parser) field(m *source.Member, ptr source.Pointer) *Expr {
	v := m.Value
	if v.Kind != source.Object {
		p.syntaxf(v.Span, ptr, "write {\"field\": {\"<name>\": <value or list of values>}}",
			"expected an object but found [%s] instead", v.Kind.Token())
		return nil
	}
	members := v.Distinct()
	if len(members) == 0 {
		p.syntaxf(v.Span, ptr, "name one user field, e.g. {\"username\": \"bob\"}",
			"object [field] does not contain any fields")
		return nil
	}
	fm := members[0]
	fptr := ptr.Append(fm.Key)
	e := &Expr{Op: Field, Field: fm.Key, FieldSpan: fm.KeySpan, KeySpan: m.KeySpan}
	ok := true
	if fm.Value.Kind == source.Array {
		for i, it := range fm.Value.Items {
			fv := p.fieldValue(it, fptr.Append(fmt.Sprint(i)), true)
			if fv == nil {
				ok = false
				continue
			}
			e.Values = append(e.Values, fv)
		}
	} else if fv := p.fieldValue(fm.Value, fptr, true); fv != nil {
		e.Values = append(e.Values, fv)
	} else {
		ok = false
	}
	for _, extra := range members[1:] {
		p.syntaxf(extra.KeySpan, ptr.Append(extra.Key),
			"one field per rule: combine several in {\"all\": [...]} or {\"any\": [...]}",
			"object [field] contains multiple fields")
	}
	if fm.Key == "" {
		p.errorf(CheckRuleSyntax, fm.KeySpan, fptr, "null or empty field name (): a field rule must name a user field such as \"username\"")
		ok = false
	}
	if ok && fm.Value.Kind == source.Array && len(fm.Value.Items) == 0 {
		p.errorf(CheckRuleSyntax, fm.Value.Span, fptr, "null or empty values ([]): Elasticsearch rejects a field rule without values; give at least one value")
		ok = false
	}
	if !ok {
		return nil
	}
	return e
}

// fieldValue reads one value as ExpressionParser.parseFieldValue does and
// builds its automaton as FieldExpression.FieldValue does.
func (p *parser) fieldValue(v *source.Value, ptr source.Pointer, top bool) *Value {
	switch v.Kind {
	case source.Null:
		return &Value{Kind: NullValue, Src: v}
	case source.Bool:
		return &Value{Kind: BoolValue, Bool: v.Bool, Src: v}
	case source.Number:
		n, ok := v.Int64()
		if !ok {
			p.errorf(CheckRuleSyntax, v.Span, ptr,
				"Numeric value (%s) out of range of long (-9223372036854775808 - 9223372036854775807): Elasticsearch stores rule numbers as longs", v.Str)
			return nil
		}
		return &Value{Kind: LongValue, Long: n, Src: v}
	case source.String:
		return p.stringValue(v, ptr)
	}
	hint := "a field value is a string, number, boolean or null"
	if v.Kind == source.Array && !top {
		hint = "value lists cannot be nested"
	}
	p.syntaxf(v.Span, ptr, hint, "expected a field value but found [%s] instead", v.Kind.Token())
	return nil
}

func (p *parser) stringValue(v *source.Value, ptr source.Pointer) *Value {
	out := &Value{Kind: StringValue, Str: v.Str, Src: v}
	a, pattern, err := p.opt.Patterns.Value(v.Str, p.opt.Regexp)
	if errors.Is(err, budget.ErrExhausted) {
		// Elasticsearch may well accept the pattern; the tool cannot tell
		// within its budget, so the value is kept without an automaton and
		// everything that needs it says it could not decide.
		out.Undecided = fmt.Errorf("pattern %s cannot be evaluated: %w", quote(v.Str), err)
		out.Pattern = Wildcard
		if automaton.IsRegexValue(v.Str) {
			out.Pattern = Regex
		}
		d := diag.At(CheckBudget, v.Span, "invalid-pattern could not decide whether Elasticsearch accepts the pattern %s, and no check or fixture can evaluate it: %v", quote(v.Str), err)
		d.Level = diag.Info
		d.Pointer = ptr.String()
		p.diags = append(p.diags, d)
		return out
	}
	if err != nil {
		p.patternError(v, ptr, err)
		return nil
	}
	if !pattern {
		return out
	}
	out.Automaton = a
	if automaton.IsRegexValue(v.Str) {
		out.Pattern = Regex
	} else {
		out.Pattern = Wildcard
	}
	return out
}

// patternError reports a value Elasticsearch cannot compile, pointing at the
// offending character when the value is written without escapes.
func (p *parser) patternError(v *source.Value, ptr source.Pointer, err error) {
	span := v.Span
	var syn *automaton.SyntaxError
	var too *automaton.TooComplexError
	var inv *automaton.InvalidPatternError
	var msg string
	switch {
	case errors.As(err, &inv):
		msg = inv.Error() + "; close the regex with '/' or, for a wildcard, drop the leading '/'"
	case errors.As(err, &syn):
		span = charSpan(v, syn.Offset)
		msg = fmt.Sprintf("invalid regular expression %s: %s (Lucene RegExp syntax; Elasticsearch rejects the mapping)", quote(v.Str), syn.Msg)
	case errors.As(err, &too):
		msg = fmt.Sprintf("regular expression %s is too complex: %s; Elasticsearch rejects patterns over Lucene's determinization work limit, so simplify it (fewer nested repetitions, or several simpler values)", quote(v.Str), too.Error())
	default:
		msg = fmt.Sprintf("pattern %s cannot be analyzed: %v; simplify it", quote(v.Str), err)
	}
	p.errorf(CheckInvalidPattern, span, ptr, "%s", msg)
}

// charSpan narrows a string value's span to the character at byte offset
// off of its text (the last character when off is at the end).
func charSpan(v *source.Value, off int) source.Span {
	if off >= len(v.Str) {
		return SubSpan(v, max(0, len(v.Str)-1), len(v.Str))
	}
	return SubSpan(v, off, off+1)
}

// SubSpan narrows a string value's span to the bytes [start, end) of its
// text, when the text is written literally (optionally between quotes) so
// that source and string offsets agree; otherwise it returns the whole
// value's span.
func SubSpan(v *source.Value, start, end int) source.Span {
	s := v.Span
	if s.File == nil || start < 0 || end < start || end > len(v.Str) || s.End > len(s.File.Content) {
		return s
	}
	raw := string(s.File.Content[s.Start:s.End])
	base := s.Start
	switch {
	case raw == v.Str:
	case len(raw) == len(v.Str)+2 && raw[1:len(raw)-1] == v.Str:
		base++
	default:
		return s
	}
	return source.Span{File: s.File, Start: base + start, End: base + end}
}
