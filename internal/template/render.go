package template

import (
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/jsonx"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// Roles evaluates the template for a user on a node with default script
// settings, as Elasticsearch's TemplateRoleName.getRoleNames does, and
// returns the role names it yields. model is the user model (see
// UserData.Model): "username", "dn" (only when the user has one),
// "groups", "metadata.<key>" for each top-level metadata key, and
// "realm.name". Any error fails the user's whole role resolution in
// Elasticsearch.
func (t *Template) Roles(model map[string]any) ([]string, error) {
	return t.RolesWith(ScriptSettings{}, model)
}

// RolesWith is Roles on a node with the given script settings; stored
// templates are evaluated from s.StoredScripts.
func (t *Template) RolesWith(s ScriptSettings, model map[string]any) ([]string, error) {
	roles, e := t.roles(s, model)
	if e != nil {
		return nil, e
	}
	return roles, nil
}

func (t *Template) roles(s ScriptSettings, model map[string]any) ([]string, *Error) {
	if t.parseErr != nil {
		return nil, t.parseErr
	}
	if t.scriptErr != nil {
		return nil, t.scriptErr
	}
	if e := t.checkScripting(s); e != nil {
		return nil, e
	}
	c, _, e := t.program(s)
	if e != nil {
		return nil, e
	}
	out, e := t.render(c, model, s)
	if e != nil {
		return nil, e
	}
	return t.toRoles(out)
}

// render runs the program with the script's params overlaid by the model
// (MustacheTemplateEvaluator.parseForScript: model entries win).
func (t *Template) render(c compiled, model map[string]any, s ScriptSettings) (string, *Error) {
	root := java.NewHashMap()
	if t.script.params != nil {
		root.PutAll(t.script.params)
	}
	m := modelMap(model)
	for _, k := range m.Keys() {
		v, _ := m.Get(k)
		root.Put(k, v)
	}
	out, err := c.prog.Execute(root, mustache.Options{Encoder: c.enc, OutputLimit: s.OutputLimit, Steps: s.Steps})
	if err != nil {
		e := mustacheError(StageRuntime, err)
		e.Span, e.Pointer = t.script.sourceSpan, t.script.sourcePtr
		return "", e
	}
	return out, nil
}

// modelMap builds the model as Elasticsearch's ExpressionModel holds it,
// defining fields in UserData.asModel's order.
func modelMap(model map[string]any) *java.Map {
	m := java.NewHashMap()
	rank := func(k string) int {
		switch {
		case k == "username":
			return 0
		case k == "dn":
			return 1
		case k == "groups":
			return 2
		case strings.HasPrefix(k, "metadata."):
			return 3
		case k == "realm.name":
			return 4
		}
		return 5
	}
	keys := make([]string, 0, len(model))
	for k := range model {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, rj := rank(keys[i]), rank(keys[j])
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		v := java.FromGo(model[k])
		if k == "groups" {
			if l, ok := v.(*java.List); ok {
				l.IsSet = true
			}
		}
		m.Put(k, v)
	}
	return m
}

// toRoles applies the format (TemplateRoleName.getRoleNames and
// convertJsonToList).
func (t *Template) toRoles(out string) ([]string, *Error) {
	if t.format == FormatString {
		return []string{out}, nil
	}
	fail := func(msg, advice string) ([]string, *Error) {
		return nil, &Error{Stage: StageOutput, Span: t.script.sourceSpan, Pointer: t.script.sourcePtr, Message: msg, Advice: advice}
	}
	lx := jsonx.NewLexer(out)
	tok, err := lx.Next()
	if err != nil {
		return fail(jsonMessage(err), "a json-format template must render a JSON string or array of strings; the rendered text was "+quoteShort(out))
	}
	switch tok.Kind {
	case jsonx.String:
		return []string{tok.Text}, nil
	case jsonx.StartArray:
		v, err := jsonx.ReadJava(lx, tok)
		if err != nil {
			return fail(jsonMessage(err), "a json-format template must render a JSON string or array of strings; the rendered text was "+quoteShort(out))
		}
		items, _ := java.Iterable(v)
		roles := make([]string, 0, len(items))
		for _, it := range items {
			switch x := it.(type) {
			case nil:
			case string:
				roles = append(roles, x)
			default:
				return fail("Roles array may only contain strings but found ["+java.ClassName(x)+"] ["+java.Stringify(x)+"]",
					"render every role as a JSON string, for example [\"{{username}}\"] or {{#tojson}}groups{{/tojson}}")
			}
		}
		return roles, nil
	}
	return fail("Roles template must generate a string or an array of strings, but found ["+tok.Kind.String()+"]",
		"a json-format template must render a JSON string or array of strings; the rendered text was "+quoteShort(out))
}

func jsonMessage(err error) string {
	if je, ok := err.(*jsonx.Error); ok {
		return je.Msg
	}
	return err.Error()
}

func quoteShort(s string) string {
	const max = 80
	if len(s) > max {
		cut := max
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return java.ToJSON(s)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
