package template

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

// Check is the id of the check that owns every problem inside a role
// template.
const Check = diag.InvalidTemplate

// templateParser is the name Elasticsearch's TemplateRoleName parser uses
// in its messages.
const templateParser = "role-mapping-template"

var templateFields = []string{"template", "format"}

// parser collects diagnostics and remembers the first error of each stage.
type parser struct {
	t     *Template
	diags []diag.Diagnostic
	at    source.Pointer // the role template's own pointer
	hasAt bool
	// srcLoc is where the script's source (or id) is.
	srcLoc loc
}

// loc is a place in the role template: its span and its JSON pointer
// relative to the role template.
type loc struct {
	span source.Span
	ptr  []string
}

func at(span source.Span, rel ...string) loc { return loc{span: span, ptr: rel} }

// scriptLoc is a place inside the "template" value. A template given as a
// string has no inner positions: everything points at the string.
func (p *parser) scriptLoc(span source.Span, rel ...string) loc {
	if p.t.stringForm {
		return loc{span: p.t.tmplSpan, ptr: []string{"template"}}
	}
	return loc{span: span, ptr: append([]string{"template"}, rel...)}
}

func (p *parser) pointer(l loc) string {
	if !p.hasAt {
		return ""
	}
	return p.at.Append(l.ptr...).String()
}

func (p *parser) report(e *Error, level diag.Level) {
	msg := e.Message
	if e.Advice != "" {
		msg += " — " + e.Advice
	}
	p.diags = append(p.diags, diag.Diagnostic{Check: Check, Level: level, Message: msg, Span: e.Span, Pointer: e.Pointer})
}

// fail records an error of the given stage: it becomes a diagnostic, and
// the template keeps the first one per stage.
func (p *parser) fail(stage Stage, l loc, message, advice string) *Error {
	e := &Error{Stage: stage, Message: message, Advice: advice, Span: l.span, Pointer: p.pointer(l)}
	p.report(e, diag.Default)
	switch stage {
	case StageParse:
		if p.t.parseErr == nil {
			p.t.parseErr = e
		}
	case StageScript:
		if p.t.scriptErr == nil {
			p.t.scriptErr = e
		}
	case StageCompile:
		if p.t.compileErr == nil {
			p.t.compileErr = e
		}
	}
	return e
}

func (p *parser) warn(l loc, message, advice string) {
	p.report(&Error{Message: message, Advice: advice, Span: l.span, Pointer: p.pointer(l)}, diag.Warning)
}

// Parse reads one element of a role mapping's role_templates array (the
// caller unwraps the array, or passes the single object Elasticsearch also
// accepts in its place). It returns the template and one "invalid-template"
// diagnostic per problem, each at the offending key or value. The template
// is never nil; when Elasticsearch would reject it, ParseErr or
// ValidateAtPut say how.
func Parse(v *source.Value) (*Template, []diag.Diagnostic) {
	return parse(v, nil, false)
}

// ParseAt is Parse for a role template found at JSON pointer ptr in its
// document; every diagnostic gets the pointer of the value it is about.
func ParseAt(v *source.Value, ptr source.Pointer) (*Template, []diag.Diagnostic) {
	return parse(v, ptr, true)
}

func parse(v *source.Value, ptr source.Pointer, hasAt bool) (*Template, []diag.Diagnostic) {
	t := &Template{}
	p := &parser{t: t, at: ptr, hasAt: hasAt}
	if v == nil {
		p.fail(StageParse, at(source.Span{}), "["+templateParser+"] Expected START_OBJECT but was: null",
			"a role template must be an object with a \"template\" (and optionally a \"format\")")
		return t, p.diags
	}
	t.span = v.Span
	if v.Kind != source.Object {
		p.fail(StageParse, at(v.Span), "["+templateParser+"] Expected START_OBJECT but was: "+v.Kind.Token(),
			"each role template must be an object such as {\"template\": {\"source\": \"{{username}}\"}, \"format\": \"string\"}")
		return t, p.diags
	}
	var tmpl *source.Value
	hasTemplate := false
	seen := map[string]bool{}
	for _, m := range v.Members {
		if seen[m.Key] {
			continue // duplicate keys are a syntax error reported by the loader
		}
		seen[m.Key] = true
		switch m.Key {
		case "template":
			hasTemplate = true
			switch m.Value.Kind {
			case source.Object, source.String:
				tmpl = m.Value
			default:
				p.fail(StageParse, at(m.Value.Span, "template"), doesntSupport(templateParser, "template", m.Value.Kind),
					"\"template\" must be a script object such as {\"source\": \"_user_{{username}}\"} (or a string holding that object as JSON)")
			}
		case "format":
			p.parseFormat(m.Value)
		default:
			p.fail(StageParse, at(m.KeySpan, m.Key), unknownField(templateParser, m.Key, templateFields),
				unknownTemplateFieldAdvice(m.Key))
		}
	}
	if !hasTemplate {
		p.fail(StageParse, at(v.Span), "Required [template]",
			"add a \"template\" holding the script, for example \"template\": {\"source\": \"{{#tojson}}groups{{/tojson}}\"}")
	}
	if tmpl != nil {
		t.tmplSpan = tmpl.Span
		p.parseTemplate(tmpl)
	}
	return t, p.diags
}

func (p *parser) parseFormat(v *source.Value) {
	if v.Kind != source.String {
		p.fail(StageParse, at(v.Span, "format"), doesntSupport(templateParser, "format", v.Kind),
			"\"format\" must be the string \"string\" or \"json\"")
		return
	}
	switch strings.ToUpper(v.Str) {
	case "JSON":
		p.t.format = FormatJSON
	case "STRING":
		p.t.format = FormatString
	default:
		p.fail(StageParse, at(v.Span, "format"), "Invalid format ["+v.Str+"] expected one of [json,string]",
			"use \"string\" (the output is one role name) or \"json\" (the output is a JSON string or array of strings)")
	}
}

func unknownTemplateFieldAdvice(key string) string {
	switch key {
	case "source", "id", "params", "lang", "options", "inline", "stored":
		return "\"" + key + "\" belongs inside \"template\", for example {\"template\": {\"" + key + "\": ...}}"
	}
	return "a role template accepts only \"template\" and \"format\""
}

// doesntSupport is ObjectParser's message for a value of the wrong JSON type.
func doesntSupport(parserName, field string, k source.Kind) string {
	return "[" + parserName + "] " + field + " doesn't support values of type: " + k.Token()
}

// unknownField is ObjectParser's message for an unknown field, with
// Elasticsearch's "did you mean" suggestion.
func unknownField(parserName, field string, candidates []string) string {
	return "[" + parserName + "] unknown field [" + field + "]" + suggest.ESDidYouMean(field, candidates)
}
