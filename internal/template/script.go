package template

import (
	"strconv"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/jsonx"
)

// scriptParser is the name Elasticsearch's Script parser uses in messages.
const scriptParser = "script"

// contentTypeOption is Script.CONTENT_TYPE_OPTION.
const contentTypeOption = "content_type"

// scriptFields are the names the Script parser declares, deprecated
// aliases ("inline" for "source", "stored" for "id") included.
var scriptFields = []string{"source", "inline", "id", "stored", "lang", "options", "params"}

// parseTemplate reads the "template" value: a script object, or a string
// holding the script as JSON text.
func (p *parser) parseTemplate(v *source.Value) {
	t := p.t
	t.script.span = v.Span
	t.script.sourceSpan = v.Span
	p.srcLoc = at(v.Span, "template")
	t.script.sourcePtr = p.pointer(p.srcLoc)
	if v.Kind == source.String {
		t.stringForm = true
		t.raw = v.Str
		obj := p.readScriptJSON(v)
		if obj != nil {
			p.parseScriptObject(obj)
		}
	} else {
		t.raw = compactJSON(v)
		p.parseScriptObject(v)
	}
	if t.scriptErr == nil && t.script.options != nil && !t.script.stored {
		p.compile()
	}
}

// readScriptJSON parses a string template the way Script.parse reads it
// from XContent: a JSON string is the inline source itself; otherwise the
// first or second token must start an object, which is read; whatever
// follows it is never looked at. It returns the script object, or nil when
// the script is complete (a bare string) or broken.
func (p *parser) readScriptJSON(v *source.Value) *source.Value {
	span := v.Span
	lx := jsonx.NewLexer(v.Str)
	tok, err := lx.Next()
	if err != nil {
		p.jsonError(span, err)
		return nil
	}
	if tok.Kind == jsonx.String {
		// Script.parse: a bare string is an inline script.
		s := &p.t.script
		s.idOrCode = tok.Text
		s.options = java.NewHashMap()
		s.params = java.NewHashMap()
		return nil
	}
	if tok.Kind != jsonx.StartObject {
		tok, err = lx.Next()
		if err != nil {
			p.jsonError(span, err)
			return nil
		}
		if tok.Kind != jsonx.StartObject {
			p.fail(StageScript, p.scriptLoc(span), "["+scriptParser+"] Expected START_OBJECT but was: "+tok.Kind.String(),
				"the string must hold a script object as JSON, for example \"{\\\"source\\\": \\\"_user_{{username}}\\\"}\"; consider writing the object itself instead of a string")
			return nil
		}
	}
	obj, err := jsonx.ReadTree(lx, tok, span)
	if err != nil {
		p.jsonError(span, err)
		return nil
	}
	return obj
}

func (p *parser) jsonError(span source.Span, err error) {
	msg := err.Error()
	if je, ok := err.(*jsonx.Error); ok {
		msg = je.Msg
	}
	p.fail(StageScript, p.scriptLoc(span), msg,
		"a string \"template\" must hold the script object as JSON, for example \"{\\\"source\\\": \\\"_user_{{username}}\\\"}\"; writing the object itself avoids the double quoting")
}

// parseScriptObject is Script's ObjectParser followed by Builder.build.
func (p *parser) parseScriptObject(obj *source.Value) {
	s := &p.t.script
	s.options = java.NewHashMap()
	s.params = java.NewHashMap()
	typeSet := false
	typeBroken := false // source/id had a wrong value: build checks would only cascade
	optionsBroken := false
	unknown := false
	var langSpan, optionsSpan source.Span
	hasOptions := false
	seen := map[string]bool{}
	for _, m := range obj.Members {
		if seen[m.Key] {
			continue
		}
		seen[m.Key] = true
		val := m.Value
		switch m.Key {
		case "source", "inline":
			if m.Key == "inline" {
				p.warn(p.scriptLoc(m.KeySpan, m.Key), "Deprecated field [inline] used, expected [source] instead", "rename \"inline\" to \"source\"")
			}
			if val.Kind != source.Object && val.Kind != source.String {
				p.fail(StageScript, p.scriptLoc(val.Span, m.Key), doesntSupport(scriptParser, m.Key, val.Kind),
					"\"source\" must be the mustache template as a string, for example \"_user_{{username}}\"")
				typeBroken = true
				continue
			}
			if typeSet {
				p.failBothSourceAndID(m)
				typeBroken = true
				continue
			}
			typeSet = true
			s.stored = false
			s.sourceSpan = val.Span
			p.srcLoc = p.scriptLoc(val.Span, m.Key)
			s.sourcePtr = p.pointer(p.srcLoc)
			if val.Kind == source.Object {
				s.idOrCode = compactJSON(val)
				s.options.Put(contentTypeOption, "application/json")
			} else {
				s.idOrCode = val.Str
			}
		case "id", "stored":
			if m.Key == "stored" {
				p.warn(p.scriptLoc(m.KeySpan, m.Key), "Deprecated field [stored] used, expected [id] instead", "rename \"stored\" to \"id\"")
			}
			if val.Kind != source.String {
				p.fail(StageScript, p.scriptLoc(val.Span, m.Key), doesntSupport(scriptParser, m.Key, val.Kind),
					"\"id\" must be the name of a stored script, as a string")
				typeBroken = true
				continue
			}
			if typeSet {
				p.failBothSourceAndID(m)
				typeBroken = true
				continue
			}
			typeSet = true
			s.stored = true
			s.idOrCode = val.Str
			s.sourceSpan = val.Span
			p.srcLoc = p.scriptLoc(val.Span, m.Key)
			s.sourcePtr = p.pointer(p.srcLoc)
		case "lang":
			if val.Kind != source.String {
				p.fail(StageScript, p.scriptLoc(val.Span, "lang"), doesntSupport(scriptParser, "lang", val.Kind),
					"\"lang\" must be a string; for role templates leave it out (inline templates always run as mustache)")
				continue
			}
			s.lang, s.langSet = val.Str, true
			langSpan = m.KeySpan
		case "options":
			hasOptions = true
			optionsSpan = val.Span
			if val.Kind != source.Object {
				p.fail(StageScript, p.scriptLoc(val.Span, "options"), doesntSupport(scriptParser, "options", val.Kind),
					"\"options\" must be an object of strings; the only option is \"content_type\"")
				optionsBroken = true
				continue
			}
			user := java.NewHashMap()
			ok := true
			for _, om := range val.Members {
				text, isText := om.Value.Text()
				if !isText {
					p.fail(StageScript, p.scriptLoc(om.Value.Span, "options", om.Key), "Can't get text on a "+om.Value.Kind.Token(),
						"compiler options must be strings, for example \"content_type\": \"text/plain\"")
					ok = false
					break
				}
				user.Put(om.Key, text)
			}
			if !ok {
				optionsBroken = true
				continue
			}
			s.options.PutAll(user)
		case "params":
			if val.Kind != source.Object {
				p.fail(StageScript, p.scriptLoc(val.Span, "params"), doesntSupport(scriptParser, "params", val.Kind),
					"\"params\" must be an object of template variables")
				continue
			}
			s.params = toJava(val, 0).(*java.Map)
		default:
			unknown = true
			p.fail(StageScript, p.scriptLoc(m.KeySpan, m.Key), unknownField(scriptParser, m.Key, scriptFields),
				"a script accepts \"source\" (or \"id\"), \"params\", \"options\" and \"lang\"")
		}
	}
	if typeBroken {
		return
	}
	// Builder.build.
	if !typeSet {
		if unknown {
			// Most likely a misspelt "source"; the unknown field says it.
			return
		}
		p.fail(StageScript, p.scriptLoc(obj.Span), "must specify either [source] for an inline script or [id] for a stored script",
			"add \"source\" with the mustache template, for example {\"source\": \"_user_{{username}}\"}")
		return
	}
	if !s.stored {
		if !optionsBroken {
			ct, hasCT := s.options.Get(contentTypeOption)
			if n := s.options.Len(); n > 1 || (n == 1 && (!hasCT || ct == nil)) {
				rest := java.NewHashMap()
				rest.PutAll(s.options)
				rest.Remove(contentTypeOption)
				l := p.scriptLoc(optionsSpan, "options")
				if !hasOptions {
					l = p.scriptLoc(obj.Span)
				}
				p.fail(StageScript, l, "illegal compiler options ["+java.Stringify(rest)+"] specified",
					"the only compiler option is \"content_type\"; remove the others")
				return
			}
			if hasCT {
				s.contentType, _ = ct.(string)
			}
		}
		return
	}
	if s.langSet {
		p.fail(StageScript, p.scriptLoc(langSpan, "lang"), "illegally specified <lang> for a stored script",
			"remove \"lang\": a stored script's language is set when it is stored")
	}
	if hasOptions && !optionsBroken && s.options.Len() > 0 {
		p.fail(StageScript, p.scriptLoc(optionsSpan, "options"), "field [options] cannot be specified using a stored script",
			"remove \"options\": a stored script's options are set when it is stored")
	}
}

// toJava converts a value the way XContent's map() builds it: objects are
// HashMaps filled in source order, numbers Integer/Long/BigInteger/Double.
func toJava(v *source.Value, depth int) any {
	if v == nil || depth > jsonx.MaxDepth {
		return nil
	}
	switch v.Kind {
	case source.String:
		return v.Str
	case source.Number:
		return java.NumberFromLiteral(v.Str)
	case source.Bool:
		return v.Bool
	case source.Array:
		l := &java.List{Items: make([]any, len(v.Items))}
		for i, it := range v.Items {
			l.Items[i] = toJava(it, depth+1)
		}
		return l
	case source.Object:
		m := java.NewHashMap()
		for _, mem := range v.Members {
			if _, dup := m.Get(mem.Key); dup {
				continue
			}
			m.Put(mem.Key, toJava(mem.Value, depth+1))
		}
		return m
	}
	return nil
}

// compactJSON writes v as Jackson's copyCurrentStructure does: compact,
// members in source order, integers canonical, fractions as Java doubles.
func compactJSON(v *source.Value) string {
	var b []byte
	b = appendCompact(b, v, 0)
	return string(b)
}

func appendCompact(b []byte, v *source.Value, depth int) []byte {
	if v == nil || depth > jsonx.MaxDepth {
		return append(b, "null"...)
	}
	switch v.Kind {
	case source.Object:
		b = append(b, '{')
		for i, m := range v.Members {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, java.ToJSON(m.Key)...)
			b = append(b, ':')
			b = appendCompact(b, m.Value, depth+1)
		}
		return append(b, '}')
	case source.Array:
		b = append(b, '[')
		for i, it := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendCompact(b, it, depth+1)
		}
		return append(b, ']')
	case source.String:
		return append(b, java.ToJSON(v.Str)...)
	case source.Number:
		return append(b, java.ToJSON(java.NumberFromLiteral(v.Str))...)
	case source.Bool:
		return strconv.AppendBool(b, v.Bool)
	}
	return append(b, "null"...)
}

// failBothSourceAndID reports a script with both an inline source and a
// stored id (Script's parser rejects the second one it meets).
func (p *parser) failBothSourceAndID(m *source.Member) {
	p.fail(StageScript, p.scriptLoc(m.KeySpan, m.Key), "must only use one of [source, id] when specifying a script",
		"keep either \"source\" (an inline template) or \"id\" (a stored script), not both")
}
