package mapping

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
	"github.com/rolemap-lint/rolemap-lint/schema"
)

// Check ids owned by the mapping parser.
const (
	CheckRolesOrTemplates  = diag.RolesOrTemplates
	CheckReservedMetadata  = diag.ReservedMetadataKey
	CheckReservedName      = diag.ReservedName
	CheckToleratedForm     = "tolerated-form"
	CheckInvalidTemplate   = diag.InvalidTemplate
	readOnlyMetadataFlag   = "_read_only"
	reservedMetadataPrefix = "_"
	// ReservedNameSuffix is the name suffix Elasticsearch reserves for
	// operator mappings shown through the API.
	ReservedNameSuffix = "-read-only-operator-mapping"
)

// Options configure parsing.
type Options struct {
	// Version is the modelled Elasticsearch version.
	Version esversion.Version
	// Rules configures the rule parser (pattern cache, regex dialect).
	Rules rules.Options
	// ParseOnly stops after what ExpressionRoleMapping.parse checks, without
	// the request validation of a PUT or of operator settings. It exists to
	// reproduce Elasticsearch's layers separately in tests.
	ParseOnly bool
}

// Parse reads one mapping body. It never fails: problems are recorded in
// the returned mapping's Problems.
func Parse(name string, nameSpan source.Span, origin Origin, body *source.Value, ptr source.Pointer, opt Options) *Mapping {
	m := &Mapping{Name: name, NameSpan: nameSpan, Origin: origin, Body: body, Pointer: ptr}
	p := &bodyParser{m: m, opt: opt}
	if body.Kind != source.Object {
		p.report(diag.Diagnostic{Check: "schema", Span: body.Span, Pointer: ptr.String(),
			Message: fmt.Sprintf("a role mapping must be an object, found %s", kindPhrase(body))})
		return m
	}
	for _, d := range schema.ValidateNamed(name, body) {
		d.Pointer = ptr.String() + d.Pointer
		p.report(d)
	}
	p.fields()
	p.build()
	if opt.ParseOnly {
		return m
	}
	if origin == API {
		p.validateRequest(true, true)
		return m
	}
	if !opt.Version.HasFileSettingsRoleMappings() {
		p.reportf("schema", nameSpanOr(m), ptr,
			"operator file settings hold role mappings only from Elasticsearch %s (elastic/elasticsearch#89667); Elasticsearch %s never applies role mapping [%s]: define it through the role mapping API, or set es_version to the version you run",
			esversion.FileSettingsRoleMappingsSince, opt.Version, name)
	}
	// ReservedRoleMappingAction validates with validate(false): `_` metadata
	// keys are allowed. Templates were compiled while the mappings were
	// stored through NativeRoleMappingStore.putRoleMapping (8.5 to 8.14).
	// Before they existed nothing validates them: the finding above says so.
	p.validateRequest(false, opt.Version.OperatorValidatesTemplates())
	return m
}

// nameSpanOr is where a finding about the whole mapping points: its name,
// or the opening of its body when the name has no position.
func nameSpanOr(m *Mapping) source.Span {
	if m.NameSpan.File != nil {
		return m.NameSpan
	}
	return openingSpan(m.Body)
}

type bodyParser struct {
	m       *Mapping
	opt     Options
	seen    map[string]bool
	enabled bool // `enabled` present with a usable value
	// templateDiags counts the parse problems of each template.
	templateDiags []int
}

func (p *bodyParser) report(d diag.Diagnostic) {
	d.Mapping = p.m.Name
	p.m.Problems = append(p.m.Problems, d)
}

func (p *bodyParser) reportf(check string, span source.Span, ptr source.Pointer, format string, args ...any) {
	d := diag.At(check, span, format, args...)
	d.Pointer = ptr.String()
	p.report(d)
}

// fields reads each known top-level field, first occurrence only (a
// duplicate key is a syntax problem reported by the loader).
func (p *bodyParser) fields() {
	p.seen = map[string]bool{}
	for _, mem := range p.m.Body.Members {
		if p.seen[mem.Key] {
			continue
		}
		p.seen[mem.Key] = true
		fptr := p.m.Pointer.Append(mem.Key)
		v := mem.Value
		switch mem.Key {
		case "enabled":
			p.enabledField(v, fptr)
		case "roles":
			p.rolesField(v, fptr)
		case "role_templates":
			p.templatesField(v, fptr)
		case "rules":
			if v.Kind == source.Object {
				e, diags := rules.Parse(v, p.m.Name, fptr, p.opt.Rules)
				for _, d := range diags {
					p.report(d)
				}
				p.m.Rules = e
			}
		case "metadata":
			if v.Kind == source.Object {
				p.m.Metadata = v
			}
		}
		// Unknown fields and wrong types are the schema stage's.
	}
}

func (p *bodyParser) enabledField(v *source.Value, ptr source.Pointer) {
	switch v.Kind {
	case source.Bool:
		p.m.Enabled, p.enabled = v.Bool, true
	case source.String:
		switch {
		case v.Str == "true" || v.Str == "false":
			p.m.Enabled, p.enabled = v.Str == "true", true
			p.reportf(CheckToleratedForm, v.Span, ptr,
				"enabled is the string %q; Elasticsearch accepts it, but the canonical form is the boolean %s", v.Str, v.Str)
		case blankBoolean(v.Str):
			// Booleans.parseBoolean returns its default (false) for text
			// without content: the mapping is quietly disabled.
			p.m.Enabled, p.enabled = false, true
			p.reportf(CheckToleratedForm, v.Span, ptr,
				"enabled is an empty or blank string; Elasticsearch quietly reads it as false, so this mapping is disabled; write false (or true if it should apply)")
		}
	}
}

func (p *bodyParser) rolesField(v *source.Value, ptr source.Pointer) {
	switch v.Kind {
	case source.String:
		p.m.Roles = []Role{{Name: v.Str, Span: v.Span}}
		p.reportf(CheckToleratedForm, v.Span, ptr,
			"roles is a bare string; Elasticsearch reads it as the one-element list [%s], but the canonical form is an array: [%s]", quoteJSON(v.Str), quoteJSON(v.Str))
	case source.Array:
		p.m.Roles = []Role{}
		for i, it := range v.Items {
			text, ok := it.Text()
			if !ok {
				continue // reported by the schema stage
			}
			if it.Kind != source.String {
				p.reportf(CheckToleratedForm, it.Span, ptr.Append(fmt.Sprint(i)),
					"role name %s is a %s; Elasticsearch reads it as the string %s; write it as a string", it.Str, it.Kind, quoteJSON(text))
			}
			p.m.Roles = append(p.m.Roles, Role{Name: text, Span: it.Span})
		}
	}
}

func (p *bodyParser) templatesField(v *source.Value, ptr source.Pointer) {
	var elems []*source.Value
	var ptrs []source.Pointer
	switch v.Kind {
	case source.Object:
		elems, ptrs = []*source.Value{v}, []source.Pointer{ptr}
		p.reportf(CheckToleratedForm, v.Span, ptr,
			"role_templates is a single object; Elasticsearch reads it as a one-element list, but the canonical form is an array: [{...}]")
	case source.Array:
		for i, it := range v.Items {
			elems = append(elems, it)
			ptrs = append(ptrs, ptr.Append(fmt.Sprint(i)))
		}
	default:
		return // reported by the schema stage
	}
	p.m.Templates = []*template.Template{}
	for i, el := range elems {
		t, diags := template.ParseAt(el, ptrs[i])
		unchecked := p.m.Origin == Operator && p.opt.Version.HasFileSettingsRoleMappings() &&
			!p.opt.Version.OperatorValidatesTemplates() && t.ParseErr() == nil
		for _, d := range diags {
			if unchecked && d.Level == diag.Default {
				// ReservedRoleMappingAction stores operator mappings in the
				// cluster state without TemplateRoleName.validate: only the
				// template's shape is parsed when the file is applied.
				d.Level = diag.Warning
				d.Message += fmt.Sprintf("; Elasticsearch %s does not compile the role templates of operator file settings "+
					"(since %s), so it accepts this mapping, and the template fails only when it is evaluated for a user the rules match",
					p.opt.Version, esversion.OperatorTemplatesUnvalidatedSince)
			}
			p.report(d)
		}
		if t.StringForm() && len(diags) == 0 {
			tv := el.Get("template")
			p.reportf(CheckToleratedForm, tv.Span, ptrs[i].Append("template"),
				"template is a JSON string; Elasticsearch parses it, but the canonical form is the script object itself: \"template\": {\"source\": ...}")
		}
		p.m.Templates = append(p.m.Templates, t)
		p.templateDiags = append(p.templateDiags, len(diags))
	}
}

// build reproduces ExpressionRoleMapping.Builder.build's first check; the
// missing `rules`/`enabled` checks are the schema stage's.
func (p *bodyParser) build() {
	if p.seen["roles"] || p.seen["role_templates"] {
		return
	}
	p.reportf(CheckRolesOrTemplates, openingSpan(p.m.Body), p.m.Pointer,
		"failed to parse role-mapping [%s]. missing field [roles]: a mapping must grant roles with \"roles\": [...] or \"role_templates\": [...]", p.m.Name)
}

// validateRequest reproduces PutRoleMappingRequest.validate(validateMetadata)
// and the name checks of the transport action.
func (p *bodyParser) validateRequest(validateMetadata, validateTemplates bool) {
	m := p.m
	// Emptiness is judged on the lists as written: an element or value of
	// the wrong type is the schema stage's problem, not a missing role.
	rolesEmpty := emptyList(m.Body.Get("roles"))
	templatesEmpty := emptyList(m.Body.Get("role_templates"))
	if p.seen["roles"] || p.seen["role_templates"] {
		switch {
		case rolesEmpty && templatesEmpty:
			span := openingSpan(m.Body)
			if mem := m.Body.Member("roles"); mem != nil {
				span = mem.Value.Span
			} else if mem := m.Body.Member("role_templates"); mem != nil {
				span = mem.Value.Span
			}
			p.reportf(CheckRolesOrTemplates, span, m.Pointer,
				"role-mapping roles or role-templates are missing: Elasticsearch rejects a mapping that grants nothing; list at least one role")
		case !rolesEmpty && !templatesEmpty:
			mem := m.Body.Member("role_templates")
			p.reportf(CheckRolesOrTemplates, mem.KeySpan, m.Pointer.Append("role_templates"),
				"role-mapping cannot have both roles and role-templates: move the fixed roles into their own mapping, or express them as templates")
		}
	}
	if m.Name == "" && m.Origin == API {
		p.reportf("schema", m.NameSpan, m.Pointer, "role-mapping name is missing: the mapping's name (its key or file name) is empty")
	}
	if validateMetadata && m.Metadata != nil {
		p.reservedMetadata()
	}
	if validateTemplates {
		// TemplateRoleName.validate runs at PUT, and ran for operator
		// settings while they were stored through the native store.
		p.validateTemplates()
	}
	if m.Origin == API && p.opt.Version.ReservesNameSuffix() && strings.HasSuffix(m.Name, ReservedNameSuffix) {
		p.reportf(CheckReservedName, m.NameSpan, m.Pointer,
			"Invalid mapping name [%s]. [%s] is not an allowed suffix: Elasticsearch %s reserves it for operator mappings; rename the mapping",
			m.Name, ReservedNameSuffix, p.opt.Version)
	}
}

// validateTemplates reproduces TemplateRoleName.validate at PUT: compile,
// and run mustache once with empty parameters. Scripting settings are the
// scripting-disabled check's; templates with parse problems were reported.
func (p *bodyParser) validateTemplates() {
	for i, t := range p.m.Templates {
		if p.templateDiags[i] > 0 {
			continue
		}
		err := t.ValidateAtPut()
		if err == nil {
			continue
		}
		d := diag.Diagnostic{Check: CheckInvalidTemplate, Span: t.Span(), Message: err.Error()}
		var te *template.Error
		if errors.As(err, &te) {
			if te.Span.IsValid() {
				d.Span = te.Span
			}
			d.Pointer = te.Pointer
			if te.Advice != "" {
				d.Message += "; " + te.Advice
			}
		}
		p.report(d)
	}
}

func (p *bodyParser) reservedMetadata() {
	md := p.m.Metadata
	hasReadOnly := md.Has(readOnlyMetadataFlag) && p.opt.Version.ReadOnlyFlagMessage()
	where := "an API role mapping"
	for _, mem := range md.Members {
		if !strings.HasPrefix(mem.Key, reservedMetadataPrefix) {
			continue
		}
		ptr := p.m.Pointer.Append("metadata", mem.Key)
		if mem.Key == readOnlyMetadataFlag && hasReadOnly {
			p.reportf(CheckReservedMetadata, mem.KeySpan, ptr,
				"metadata contains [_read_only] flag. You cannot create or update role-mappings with a read-only flag: it marks operator mappings copied from GET; remove it")
			continue
		}
		p.reportf(CheckReservedMetadata, mem.KeySpan, ptr,
			"metadata keys may not start with [_]: Elasticsearch rejects %q in %s; rename the key (e.g. %q)",
			mem.Key, where, strings.TrimLeft(mem.Key, "_"))
	}
}

// emptyList reports whether a roles/role_templates value grants nothing:
// absent, or an empty array.
func emptyList(v *source.Value) bool {
	return v == nil || (v.Kind == source.Array && len(v.Items) == 0)
}

// openingSpan is the first character of a value (the `{` of an object).
func openingSpan(v *source.Value) source.Span {
	s := v.Span
	if s.End > s.Start {
		s.End = s.Start + 1
	}
	return s
}

func kindPhrase(v *source.Value) string {
	switch v.Kind {
	case source.Array:
		return "an array"
	case source.Object:
		return "an object"
	case source.Null:
		return "null"
	}
	return "a " + v.Kind.String()
}

func quoteJSON(s string) string {
	return fmt.Sprintf("%q", s)
}

// blankBoolean reports a string Elasticsearch's boolean parser reads as its
// default, false: empty or only Java whitespace (Character.isWhitespace, the
// set the schema's enabled pattern allows).
func blankBoolean(s string) bool {
	return strings.TrimFunc(s, javaWhitespace) == ""
}

// javaWhitespace is Java's Character.isWhitespace.
func javaWhitespace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r >= 0x1c && r <= 0x20, r == 0x1680, r >= 0x2000 && r <= 0x2006,
		r >= 0x2008 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}
