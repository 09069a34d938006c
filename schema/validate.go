package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// Validate checks a role mapping body against the schema and reports the
// problems the schema stage owns: an unknown top-level field (run_as
// included), a top-level field of the wrong JSON type (elements of roles
// included), a value of enabled that is not a boolean, and a missing enabled
// or rules. Findings have Check "schema", are sorted by position, and
// there is one per problem. The mapping name is not known here:
// Diagnostic.Mapping is left empty and quoted Elasticsearch messages leave
// the name out; use ValidateNamed when the name is known.
//
// Missing or empty roles/role_templates (check roles-or-templates),
// anything inside rules (rule-syntax) and anything inside an element of
// role_templates, including an element that is not an object
// (invalid-template), are not reported here.
func Validate(body *source.Value) []diag.Diagnostic {
	return ValidateNamed("", body)
}

// ValidateNamed is Validate for the mapping called name: findings carry the
// name in Diagnostic.Mapping and quote Elasticsearch's messages with it.
func ValidateNamed(name string, body *source.Value) []diag.Diagnostic {
	if body == nil {
		return nil
	}
	sch, err := compiledSchema()
	if err != nil {
		// The embedded document is fixed at build time and compiled by
		// the package tests, so this is a build defect, not an input
		// problem.
		panic(fmt.Sprintf("rolemap-lint: embedded role mapping schema is broken: %v", err))
	}
	view := ownedView(body)
	key, keyed := shapeKey(view)
	if keyed {
		if _, clean := cleanShapes.Load(key); clean {
			return nil
		}
	}
	out := findings(sch, name, body, view)
	if keyed && len(out) == 0 && cleanShapeCount.Add(1) <= maxCleanShapes {
		cleanShapes.Store(key, struct{}{})
	}
	return out
}

// cleanShapes remembers the shapes of owned views that gave no finding:
// the findings depend on the keys, the JSON types, the value of enabled and
// the types of the roles' elements, never on the role names, so bodies of
// the same shape (most of a repository) are validated once.
var (
	cleanShapes     sync.Map
	cleanShapeCount atomic.Int64
)

// maxCleanShapes bounds the memory cleanShapes may hold.
const maxCleanShapes = 4096

// shapeKey encodes an owned view with every role name replaced by "", or
// ok=false when it cannot (the view is not an object).
func shapeKey(view any) (key string, ok bool) {
	obj, isObj := view.(map[string]any)
	if !isObj {
		return "", false
	}
	shape := make(map[string]any, len(obj))
	for k, v := range obj {
		shape[k] = v
	}
	switch roles := obj["roles"].(type) {
	case string:
		shape["roles"] = ""
	case []any:
		rs := make([]any, len(roles))
		for i, r := range roles {
			if _, isStr := r.(string); isStr {
				r = ""
			}
			rs[i] = r
		}
		shape["roles"] = rs
	}
	b, err := json.Marshal(shape)
	if err != nil || len(b) > 4096 {
		return "", false
	}
	return string(b), true
}

// number converts a JSON number's text for the validator.
func number(s string) any { return json.Number(s) }

// ownedView is what the keywords the stage owns look at: the body's
// top-level fields, the value of enabled and the elements of roles. The
// other fields (rules, role_templates, metadata, unknown ones) become empty
// values of the same JSON type, so the validator does not walk the rule
// DSL and the templates only to have their errors dropped. The findings
// are the same as for the whole body (FuzzOwnedView checks it).
func ownedView(body *source.Value) any {
	if body.Kind != source.Object {
		return body.Interface(number)
	}
	out := make(map[string]any, len(body.Members))
	for _, m := range body.Members {
		if _, dup := out[m.Key]; dup {
			continue // the first of duplicate keys, as Interface does
		}
		switch {
		case m.Key == "enabled" || m.Key == "roles":
			out[m.Key] = m.Value.Interface(number)
		case m.Value.Kind == source.Array:
			out[m.Key] = []any{}
		case m.Value.Kind == source.Object:
			out[m.Key] = map[string]any{}
		default:
			out[m.Key] = m.Value.Interface(number)
		}
	}
	return out
}

// findings validates instance (the body or its owned view) and returns the
// findings the stage owns, about body.
func findings(sch *jsonschema.Schema, name string, body *source.Value, instance any) []diag.Diagnostic {
	err := sch.Validate(instance)
	if err == nil {
		return nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		panic(fmt.Sprintf("rolemap-lint: unexpected schema validation failure: %v", err))
	}
	r := reporter{name: name, body: body, seen: map[string]bool{}}
	r.walk(verr)
	sort.SliceStable(r.out, func(i, j int) bool {
		a, b := r.out[i], r.out[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.Message < b.Message
	})
	return r.out
}

// reporter turns the validator's error tree into the findings the schema
// stage owns.
type reporter struct {
	name string
	body *source.Value
	seen map[string]bool
	out  []diag.Diagnostic
}

// walk visits every error of the tree. Ownership is decided by the schema
// keyword that failed (its location in our document), never by the
// validator's English text and never by the instance location alone: an
// error raised by a keyword under $defs (the rule DSL, role templates) or by
// the roles/role_templates "exactly one" combinator is someone else's.
func (r *reporter) walk(e *jsonschema.ValidationError) {
	r.report(e)
	for _, c := range e.Causes {
		r.walk(c)
	}
}

// topLevelTypeFields are the top-level fields whose JSON type is checked by
// a "type" keyword at /properties/<field>/type.
var topLevelTypeFields = map[string]bool{
	"enabled": true, "roles": true, "role_templates": true, "rules": true,
	"metadata": true, "doc_type": true, "type": true,
}

// report handles one error if the schema stage owns it.
func (r *reporter) report(e *jsonschema.ValidationError) {
	loc := keywordLocation(e)
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		switch {
		case loc == "/type" && len(e.InstanceLocation) == 0:
			r.rootType()
		case loc == "/properties/roles/items/type" && len(e.InstanceLocation) == 2:
			r.roleElementType(e.InstanceLocation)
		case strings.HasPrefix(loc, "/properties/") && strings.HasSuffix(loc, "/type"):
			field := strings.TrimSuffix(strings.TrimPrefix(loc, "/properties/"), "/type")
			if topLevelTypeFields[field] && len(e.InstanceLocation) == 1 && e.InstanceLocation[0] == field {
				r.fieldType(field)
			}
		}
	case *kind.Pattern:
		if loc == "/properties/enabled/pattern" && len(e.InstanceLocation) == 1 {
			r.enabledValue()
		}
	case *kind.AdditionalProperties:
		if loc == "/additionalProperties" && len(e.InstanceLocation) == 0 {
			for _, p := range k.Properties {
				r.unknownField(p)
			}
		}
	case *kind.Not:
		if loc == "/properties/run_as/not" && len(e.InstanceLocation) == 1 {
			r.unknownField("run_as")
		}
	case *kind.Required:
		if loc == "/required" && len(e.InstanceLocation) == 0 {
			for _, p := range k.Missing {
				r.missingField(p)
			}
		}
	}
}

// keywordLocation is the JSON pointer, inside our schema document, of the
// keyword that failed: the fragment of the schema's location plus the
// keyword path. Errors of a $ref keyword get their own "/$ref" location.
func keywordLocation(e *jsonschema.ValidationError) string {
	frag := ""
	if i := strings.IndexByte(e.SchemaURL, '#'); i >= 0 {
		frag = e.SchemaURL[i+1:]
		if f, err := url.PathUnescape(frag); err == nil {
			frag = f
		}
	}
	if ref, ok := e.ErrorKind.(*kind.Reference); ok {
		return frag + "/" + ref.Keyword
	}
	path := e.ErrorKind.KeywordPath()
	if _, ok := e.ErrorKind.(*kind.Not); ok && len(path) == 0 {
		// jsonschema v6.0.3 gives "not" an empty keyword path.
		path = []string{"not"}
	}
	var b strings.Builder
	b.WriteString(frag)
	for _, tok := range path {
		b.WriteByte('/')
		b.WriteString(tok)
	}
	return b.String()
}

// add records a finding unless the same problem was already reported.
func (r *reporter) add(key string, span source.Span, ptr source.Pointer, msg string) {
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.out = append(r.out, diag.Diagnostic{
		Check:   Check,
		Message: msg,
		Span:    span,
		Mapping: r.name,
		Pointer: ptr.String(),
	})
}

func (r *reporter) rootType() {
	r.add("type:", r.body.Span, nil, rootTypeMessage(r.body))
}

func (r *reporter) fieldType(field string) {
	v := r.body.Get(field)
	if v == nil {
		return
	}
	r.add("type:"+field, v.Span, source.Pointer{field}, fieldTypeMessage(field, v))
}

func (r *reporter) roleElementType(inst []string) {
	v := r.body.Lookup(inst)
	if v == nil {
		return
	}
	r.add("type:"+source.Pointer(inst).String(), v.Span, source.Pointer(inst), roleElementMessage(inst[1], v))
}

func (r *reporter) enabledValue() {
	v := r.body.Get("enabled")
	if v == nil || v.Kind != source.String {
		return
	}
	r.add("value:enabled", v.Span, source.Pointer{"enabled"}, enabledValueMessage(v.Str))
}

func (r *reporter) unknownField(key string) {
	m := r.body.Member(key)
	if m == nil {
		return
	}
	span := m.KeySpan
	if !span.IsValid() {
		span = m.Value.Span
	}
	r.add("unknown:"+key, span, source.Pointer{key}, unknownFieldMessage(key))
}

func (r *reporter) missingField(field string) {
	r.add("missing:"+field, openingSpan(r.body), source.Pointer{field}, missingFieldMessage(r.name, field))
}

// openingSpan is where a finding about the object as a whole points: its
// opening brace, or its first key when it has no brace (a YAML block
// mapping), or its start.
func openingSpan(v *source.Value) source.Span {
	s := v.Span
	if f := s.File; f != nil && s.Start >= 0 && s.Start < len(f.Content) && f.Content[s.Start] == '{' {
		return source.Span{File: f, Start: s.Start, End: s.Start + 1}
	}
	if len(v.Members) > 0 && v.Members[0].KeySpan.IsValid() {
		return v.Members[0].KeySpan
	}
	if s.End > s.Start {
		s.End = s.Start + 1
	}
	return s
}
