package template

import (
	"errors"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// compile does what Elasticsearch's mustache engine does when the script
// service compiles an inline template: pick the encoder for the
// content_type option, then compile the source.
func (p *parser) compile() {
	t := p.t
	enc, err := compileScript(t.script.idOrCode, t.script.contentType)
	if err != nil {
		err.Span, err.Pointer = t.script.sourceSpan, t.script.sourcePtr
		if err.Stage == StageOffline {
			// Beyond this engine's bounds; Elasticsearch may accept it.
			p.report(err, diag.Warning)
			t.compileErr = err
			return
		}
		p.fail(StageCompile, p.srcLoc, err.Message, err.Advice)
		return
	}
	t.prog, t.enc = enc.prog, enc.enc
}

type compiled struct {
	prog *mustache.Template
	enc  mustache.Encoder
}

// compileScript compiles mustache source with the given content_type
// option ("" for none).
func compileScript(src, contentType string) (compiled, *Error) {
	enc := mustache.EncodeJSON
	if contentType != "" {
		e, ok := mustache.EncoderFor(contentType)
		if !ok {
			return compiled{}, &Error{Stage: StageCompile,
				Message: "No encoder found for media type [" + contentType + "]",
				Advice:  "use content_type \"application/json\" (the default: values are JSON-escaped), \"text/plain\" (no escaping) or \"application/x-www-form-urlencoded\""}
		}
		enc = e
	}
	prog, err := mustache.Compile(src)
	if err != nil {
		return compiled{}, mustacheError(StageCompile, err)
	}
	return compiled{prog: prog, enc: enc}, nil
}

// mustacheError turns an engine error into this package's Error.
func mustacheError(stage Stage, err error) *Error {
	var me *mustache.Error
	if !errors.As(err, &me) {
		return &Error{Stage: stage, Message: err.Error()}
	}
	switch me.Kind {
	case mustache.CompileMustache:
		return &Error{Stage: StageCompile, Message: me.Msg, Advice: syntaxAdvice(me.Msg)}
	case mustache.CompileJava:
		return &Error{Stage: StageCompile, Message: me.Msg,
			Advice: "Elasticsearch fails to compile this template (\"Failed to compile inline script ... using lang [mustache]\"); check the delimiter changes ({{=...=}})"}
	case mustache.OutputLimit:
		return &Error{Stage: StageRuntime, Message: me.Msg,
			Advice: "the template renders more than mustache.max_output_size_bytes characters for this user; the login fails"}
	case mustache.WorkLimit:
		if me.Budget != nil {
			return &Error{Stage: StageOffline, Message: "cannot evaluate the template offline: " + me.Msg, Budget: me.Budget}
		}
		return &Error{Stage: StageOffline, Message: "cannot evaluate the template offline: " + me.Msg,
			Advice: "simplify the template; nested sections over large lists are also slow in Elasticsearch"}
	}
	return &Error{Stage: stage, Message: "Error running mustache template: " + me.Error(),
		Advice: "the template fails while rendering for this user, which fails the user's whole role resolution"}
}

// syntaxAdvice says how to fix a mustache compile error.
func syntaxAdvice(msg string) string {
	switch {
	case strings.HasPrefix(msg, "Template "):
		return "partials ({{> name}}) and template inheritance ({{< name}}) cannot be used in role templates: Elasticsearch finds no such template"
	case strings.HasPrefix(msg, "Failed to close"):
		return "close the section with {{/name}} using exactly the name it was opened with"
	case strings.HasPrefix(msg, "Mismatched start/end tags"):
		return "every {{#name}} or {{^name}} needs a matching {{/name}} with the same name, closed in order"
	case strings.HasPrefix(msg, "Mustache function"):
		return "put exactly one variable name between the function tags and nothing else, for example {{#toJson}}groups{{/toJson}}"
	case strings.HasPrefix(msg, "Empty mustache"):
		return "remove the empty {{}} tag"
	case strings.HasPrefix(msg, "Improperly closed variable"):
		return "close each tag: {{name}}, {{{name}}}"
	case strings.HasPrefix(msg, "Invalid delimiter string"):
		return "a delimiter change looks like {{=<% %>=}}: two delimiters of one or two characters each"
	}
	return "fix the mustache syntax of the template source"
}
