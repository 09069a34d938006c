package template

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

type wantDiag struct {
	msg   string // the Elasticsearch message the diagnostic starts with
	span  string // the source text it points at
	level diag.Level
}

func checkDiags(t *testing.T, input string, got []diag.Diagnostic, want []wantDiag) {
	t.Helper()
	if len(got) != len(want) {
		for _, d := range got {
			t.Logf("  got %q at %q", d.Message, spanText(d.Span))
		}
		t.Fatalf("%s: %d diagnostics, want %d", input, len(got), len(want))
	}
	for i, w := range want {
		d := got[i]
		if d.Check != Check {
			t.Errorf("%s: diagnostic %d check %q", input, i, d.Check)
		}
		if !strings.HasPrefix(d.Message, w.msg) {
			t.Errorf("%s: diagnostic %d message\n got %q\nwant prefix %q", input, i, d.Message, w.msg)
		}
		if !strings.Contains(d.Message, " — ") {
			t.Errorf("%s: diagnostic %d has no advice: %q", input, i, d.Message)
		}
		if got := spanText(d.Span); got != w.span {
			t.Errorf("%s: diagnostic %d span %q, want %q", input, i, got, w.span)
		}
		if d.Level != w.level {
			t.Errorf("%s: diagnostic %d level %v, want %v", input, i, d.Level, w.level)
		}
	}
}

func TestParseDiagnostics(t *testing.T) {
	tests := []struct {
		input string
		want  []wantDiag
		// stage of ValidateAtPut's error, 0 for none
		stage Stage
	}{
		{`{"template": {"source": "_user_{{username}}"}}`, nil, 0},
		{`{"template": {"source": "x"}, "format": "JSON"}`, nil, 0},
		{`{"template": "{\"source\":\"{{#tojson}}groups{{/tojson}}\"}", "format": "json"}`, nil, 0},
		{`{"format": "json"}`, []wantDiag{{"Required [template]", `{"format": "json"}`, 0}}, StageParse},
		{`{"template": {"source": "x"}, "sorce": 1}`, []wantDiag{{"[role-mapping-template] unknown field [sorce]", `"sorce"`, 0}}, StageParse},
		{`{"template": {"source": "x"}, "formt": "json"}`, []wantDiag{{"[role-mapping-template] unknown field [formt] did you mean [format]?", `"formt"`, 0}}, StageParse},
		{`{"source": "x"}`, []wantDiag{
			{"[role-mapping-template] unknown field [source]", `"source"`, 0},
			{"Required [template]", `{"source": "x"}`, 0}}, StageParse},
		{`{"template": {"source": "x"}, "format": 1}`, []wantDiag{{"[role-mapping-template] format doesn't support values of type: VALUE_NUMBER", `1`, 0}}, StageParse},
		{`{"template": {"source": "x"}, "format": null}`, []wantDiag{{"[role-mapping-template] format doesn't support values of type: VALUE_NULL", `null`, 0}}, StageParse},
		{`{"template": {"source": "x"}, "format": "yaml"}`, []wantDiag{{"Invalid format [yaml] expected one of [json,string]", `"yaml"`, 0}}, StageParse},
		{`{"template": ["x"]}`, []wantDiag{{"[role-mapping-template] template doesn't support values of type: START_ARRAY", `["x"]`, 0}}, StageParse},
		{`{"template": 5}`, []wantDiag{{"[role-mapping-template] template doesn't support values of type: VALUE_NUMBER", `5`, 0}}, StageParse},
		{`"x"`, []wantDiag{{"[role-mapping-template] Expected START_OBJECT but was: VALUE_STRING", `"x"`, 0}}, StageParse},

		// The script object.
		{`{"template": {"foo": "heroes"}}`, []wantDiag{{"[script] unknown field [foo]", `"foo"`, 0}}, StageScript},
		{`{"template": {"source": "x", "parms": {}}}`, []wantDiag{{"[script] unknown field [parms] did you mean [params]?", `"parms"`, 0}}, StageScript},
		{`{"template": {}}`, []wantDiag{{"must specify either [source] for an inline script or [id] for a stored script", `{}`, 0}}, StageScript},
		{`{"template": {"source": "x", "id": "y"}}`, []wantDiag{{"must only use one of [source, id] when specifying a script", `"id"`, 0}}, StageScript},
		{`{"template": {"id": "y", "source": "x"}}`, []wantDiag{{"must only use one of [source, id] when specifying a script", `"source"`, 0}}, StageScript},
		{`{"template": {"source": 5}}`, []wantDiag{{"[script] source doesn't support values of type: VALUE_NUMBER", `5`, 0}}, StageScript},
		{`{"template": {"id": true}}`, []wantDiag{{"[script] id doesn't support values of type: VALUE_BOOLEAN", `true`, 0}}, StageScript},
		{`{"template": {"source": "x", "lang": 1}}`, []wantDiag{{"[script] lang doesn't support values of type: VALUE_NUMBER", `1`, 0}}, StageScript},
		{`{"template": {"source": "x", "params": []}}`, []wantDiag{{"[script] params doesn't support values of type: START_ARRAY", `[]`, 0}}, StageScript},
		{`{"template": {"source": "x", "options": "text/plain"}}`, []wantDiag{{"[script] options doesn't support values of type: VALUE_STRING", `"text/plain"`, 0}}, StageScript},
		{`{"template": {"source": "x", "options": {"foo": "bar"}}}`, []wantDiag{{"illegal compiler options [{foo=bar}] specified", `{"foo": "bar"}`, 0}}, StageScript},
		{`{"template": {"source": "x", "options": {"content_type": "text/plain", "b": "2", "a": "1"}}}`, []wantDiag{{"illegal compiler options [{a=1, b=2}] specified", `{"content_type": "text/plain", "b": "2", "a": "1"}`, 0}}, StageScript},
		{`{"template": {"source": "x", "options": {"content_type": {}}}}`, []wantDiag{{"Can't get text on a START_OBJECT", `{}`, 0}}, StageScript},
		{`{"template": {"source": "x", "options": {"content_type": "text/html"}}}`, []wantDiag{{"No encoder found for media type [text/html]", `"x"`, 0}}, StageCompile},
		{`{"template": {"id": "s", "lang": "mustache"}}`, []wantDiag{{"illegally specified <lang> for a stored script", `"lang"`, 0}}, StageScript},
		{`{"template": {"id": "s", "options": {"content_type": "text/plain"}}}`, []wantDiag{{"field [options] cannot be specified using a stored script", `{"content_type": "text/plain"}`, 0}}, StageScript},
		{`{"template": {"id": "s", "options": {}}}`, nil, 0},
		{`{"template": {"inline": "x"}}`, []wantDiag{{"Deprecated field [inline] used, expected [source] instead", `"inline"`, diag.Warning}}, 0},
		{`{"template": {"stored": "x"}}`, []wantDiag{{"Deprecated field [stored] used, expected [id] instead", `"stored"`, diag.Warning}}, 0},
		{`{"template": {"source": "x", "lang": "painless"}}`, nil, 0},
		{`{"template": {"source": {"query": {"term": {"user": "{{username}}"}}}}}`, nil, 0},

		// Mustache compilation.
		{`{"template": {"source": " {{#not-closed}} {{other-variable}} "}}`, []wantDiag{{"Failed to close 'not-closed' tag @[query-template:1]", `" {{#not-closed}} {{other-variable}} "`, 0}}, StageCompile},
		{`{"template": {"source": "{{> /etc/passwd}}"}}`, []wantDiag{{"Template /etc/passwd not found", `"{{> /etc/passwd}}"`, 0}}, StageCompile},
		{`{"template": {"source": "{{#join}}{{/join}}"}}`, []wantDiag{{"Mustache function [join] must contain one and only one identifier", `"{{#join}}{{/join}}"`, 0}}, StageCompile},

		// Templates given as JSON strings: findings point at the string.
		{`{"template": "heroes"}`, []wantDiag{{"Unrecognized token 'heroes': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", `"heroes"`, 0}}, StageScript},
		{`{"template": "{ \"foo\":\"heroes\" }"}`, []wantDiag{{"[script] unknown field [foo]", `"{ \"foo\":\"heroes\" }"`, 0}}, StageScript},
		{`{"template": "{\"source\":\"x\",\"source\":\"y\"}"}`, []wantDiag{{"Duplicate field 'source'", `"{\"source\":\"x\",\"source\":\"y\"}"`, 0}}, StageScript},
		{`{"template": ""}`, []wantDiag{{"[script] Expected START_OBJECT but was: null", `""`, 0}}, StageScript},
		{`{"template": "[1]"}`, []wantDiag{{"[script] Expected START_OBJECT but was: VALUE_NUMBER", `"[1]"`, 0}}, StageScript},
		{`{"template": "{\"source\": \"{{x}\"}"}`, []wantDiag{{"Improperly closed variable @[query-template:1]", `"{\"source\": \"{{x}\"}"`, 0}}, StageCompile},
		// Quirks Elasticsearch accepts.
		{`{"template": "\"_user_{{username}}\""}`, nil, 0},
		{`{"template": "[{\"source\": \"x\"}] trailing"}`, nil, 0},
		{`{"template": "/* c */ {\"source\": \"x\" // c\n}"}`, nil, 0},
	}
	for _, tc := range tests {
		tmpl, diags := Parse(mustLoad(t, tc.input))
		if tmpl == nil {
			t.Fatalf("%s: nil template", tc.input)
		}
		checkDiags(t, tc.input, diags, tc.want)
		err := tmpl.ValidateAtPut()
		switch {
		case tc.stage == 0 && err != nil:
			t.Errorf("%s: ValidateAtPut = %v, want nil", tc.input, err)
		case tc.stage != 0:
			e, ok := err.(*Error)
			if !ok || e.Stage != tc.stage {
				t.Errorf("%s: ValidateAtPut = %v, want a %v error", tc.input, err, tc.stage)
			} else if tc.want != nil && e.Message != strings.SplitN(diags[0].Message, " — ", 2)[0] {
				t.Errorf("%s: ValidateAtPut = %q, want the first diagnostic's message %q", tc.input, e.Message, diags[0].Message)
			}
		}
		if tc.stage == StageParse {
			if tmpl.ParseErr() == nil {
				t.Errorf("%s: ParseErr() = nil", tc.input)
			}
		} else if tmpl.ParseErr() != nil {
			t.Errorf("%s: ParseErr() = %v", tc.input, tmpl.ParseErr())
		}
	}
}

func TestAccessors(t *testing.T) {
	tests := []struct {
		input                    string
		format                   Format
		raw, src, id, contentTyp string
		stored, stringForm       bool
	}{
		{`{"template": { "source" : "_user_{{username}}" }}`, FormatString, `{"source":"_user_{{username}}"}`, "_user_{{username}}", "", "", false, false},
		{`{"template": "{\"source\":\"{{#tojson}}groups{{/tojson}}\"}", "format": "json"}`, FormatJSON,
			`{"source":"{{#tojson}}groups{{/tojson}}"}`, "{{#tojson}}groups{{/tojson}}", "", "", false, true},
		{`{"template": {"id": "my-script", "params": {"a": 1.50}}, "format": "String"}`, FormatString, `{"id":"my-script","params":{"a":1.5}}`, "", "my-script", "", true, false},
		{`{"template": {"source": {"a": [1, 2e2, "\u00e9<"]}}}`, FormatString, `{"source":{"a":[1,200.0,"é<"]}}`, `{"a":[1,200.0,"é<"]}`, "", "application/json", false, false},
		{`{"template": {"options": {"content_type": "text/plain"}, "source": {"a": 1}}}`, FormatString, `{"options":{"content_type":"text/plain"},"source":{"a":1}}`, `{"a":1}`, "", "application/json", false, false},
		{`{"template": {"source": {"a": 1}, "options": {"content_type": "text/plain"}}}`, FormatString, `{"source":{"a":1},"options":{"content_type":"text/plain"}}`, `{"a":1}`, "", "text/plain", false, false},
	}
	for _, tc := range tests {
		tmpl, diags := Parse(mustLoad(t, tc.input))
		if len(diags) != 0 {
			t.Fatalf("%s: unexpected diagnostics %v", tc.input, diags)
		}
		if tmpl.Format() != tc.format || tmpl.Raw() != tc.raw || tmpl.Source() != tc.src || tmpl.ID() != tc.id ||
			tmpl.IsStored() != tc.stored || tmpl.StringForm() != tc.stringForm || tmpl.ContentType() != tc.contentTyp {
			t.Errorf("%s: format %v raw %q source %q id %q stored %v stringForm %v contentType %q", tc.input,
				tmpl.Format(), tmpl.Raw(), tmpl.Source(), tmpl.ID(), tmpl.IsStored(), tmpl.StringForm(), tmpl.ContentType())
		}
		if tc.format.String() != map[Format]string{FormatString: "string", FormatJSON: "json"}[tc.format] {
			t.Errorf("Format.String")
		}
	}
	// Spans.
	tmpl, _ := Parse(mustLoad(t, `{"template": {"source": "{{username}}"}}`))
	if spanText(tmpl.SourceSpan()) != `"{{username}}"` || spanText(tmpl.TemplateSpan()) != `{"source": "{{username}}"}` ||
		spanText(tmpl.Span()) != `{"template": {"source": "{{username}}"}}` {
		t.Errorf("spans: %q %q %q", spanText(tmpl.SourceSpan()), spanText(tmpl.TemplateSpan()), spanText(tmpl.Span()))
	}
	// Nil input.
	if tmpl, diags := Parse(nil); tmpl == nil || len(diags) != 1 || tmpl.ParseErr() == nil {
		t.Errorf("Parse(nil) = %v, %v", tmpl, diags)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		field      string
		candidates []string
		want       string
	}{
		{"foo", nil, ""},
		{"foo", []string{"bar", "baz"}, ""},
		{"foo", []string{"bar", "fop"}, " did you mean [fop]?"},
		{"foo", []string{"bar", "fop", "fou", "baz"}, " did you mean any of [fop, fou]?"},
		{"sorce", scriptFields, " did you mean [source]?"},
		{"", []string{""}, " did you mean []?"},
		// Java counts the emoji as two chars: similarity 0.5, no suggestion.
		{"id\U0001F600", scriptFields, ""},
	}
	for _, tc := range tests {
		if got := suggest.ESDidYouMean(tc.field, tc.candidates); got != tc.want {
			t.Errorf("ESDidYouMean(%q, %v) = %q, want %q", tc.field, tc.candidates, got, tc.want)
		}
	}
}

func TestParseAtPointers(t *testing.T) {
	base := source.Pointer{"role_templates", "0"}
	tests := []struct {
		input string
		want  []string
	}{
		{`{"sorce": 1, "format": 2}`, []string{"/role_templates/0/sorce", "/role_templates/0/format", "/role_templates/0"}},
		{`{"template": {"foo": 1, "source": "x", "options": {"content_type": null}}}`, []string{"/role_templates/0/template/foo", "/role_templates/0/template/options/content_type"}},
		{`{"template": {"inline": "{{#a}}"}}`, []string{"/role_templates/0/template/inline", "/role_templates/0/template/inline"}},
		{`{"template": "{\"source\": \"{{#a}}\", \"x\": 1}"}`, []string{"/role_templates/0/template"}},
		{`{"template": "\"{{#a}}\""}`, []string{"/role_templates/0/template"}},
		{`{"template": {"id": "x/y", "lang": "m"}}`, []string{"/role_templates/0/template/lang"}},
	}
	for _, tc := range tests {
		tmpl, diags := ParseAt(mustLoad(t, tc.input), base)
		var got []string
		for _, d := range diags {
			got = append(got, d.Pointer)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: pointers %q, want %q", tc.input, got, tc.want)
		}
		if err, ok := tmpl.ValidateAtPut().(*Error); ok && err.Pointer != tc.want[len(tc.want)-1] && err.Pointer != tc.want[0] {
			t.Errorf("%s: error pointer %q", tc.input, err.Pointer)
		}
	}
	// Parse leaves pointers to the caller.
	_, diags := Parse(mustLoad(t, `{"sorce": 1}`))
	if diags[0].Pointer != "" {
		t.Errorf("Parse set pointer %q", diags[0].Pointer)
	}
}
