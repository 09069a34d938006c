package mustache

import (
	"errors"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

// hm builds a HashMap inserting the pairs in order.
func hm(kv ...any) *java.Map {
	m := java.NewHashMap()
	for i := 0; i < len(kv); i += 2 {
		m.Put(kv[i].(string), kv[i+1])
	}
	return m
}

func list(items ...any) *java.List { return &java.List{Items: items} }

func render(t *testing.T, src string, root any, opts Options) (string, error) {
	t.Helper()
	tmpl, err := Compile(src)
	if err != nil {
		return "", err
	}
	return tmpl.Execute(root, opts)
}

func TestRender(t *testing.T) {
	human0 := func() *java.Map { return hm("age", java.Int(42), "name", "John Smith", "height", java.Double(1.84)) }
	human1 := hm("age", java.Int(27), "name", "Dave Smith", "height", java.Double(1.71))
	bulks := hm("bulks", list(
		hm("index", "index-1", "type", "type-1", "id", java.Int(1)),
		hm("index", "index-2", "type", "type-2", "id", java.Int(2)),
	))
	people := hm("people", list(
		hm("name", "John Smith", "emails", list("john@smith.com", "john.smith@email.com", "jsmith@email.com")),
		hm("name", "John Doe", "emails", list("john@doe.com", "john.doe@email.com", "jdoe@email.com")),
	))
	user := hm("username", "bob", "realm.name", "saml1", "metadata.dept", "eng", "metadata.a.b", "ab",
		"groups", &java.List{Items: []any{"g1", "g2"}, IsSet: true})
	tests := []struct {
		name string
		src  string
		root any
		enc  Encoder
		want string
	}{
		// Elasticsearch MustacheTests.
		{"primitive toJson string", "{{#toJson}}ctx{{/toJson}}", hm("ctx", "value"), EncodeJSON, "value"},
		{"primitive toJson empty", "{{#toJson}}ctx{{/toJson}}", hm("ctx", ""), EncodeJSON, ""},
		{"primitive toJson bool", "{{#toJson}}ctx{{/toJson}}", hm("ctx", true), EncodeJSON, "true"},
		{"primitive toJson int", "{{#toJson}}ctx{{/toJson}}", hm("ctx", java.Int(42)), EncodeJSON, "42"},
		{"primitive toJson long", "{{#toJson}}ctx{{/toJson}}", hm("ctx", java.Long(42)), EncodeJSON, "42"},
		{"primitive toJson double", "{{#toJson}}ctx{{/toJson}}", hm("ctx", java.Double(42.5)), EncodeJSON, "42.5"},
		{"primitive toJson null", "{{#toJson}}ctx{{/toJson}}", hm("ctx", nil), EncodeJSON, ""},
		{"toJson dot string", "{{#toJson}}.{{/toJson}}", hm("ctx", "value"), EncodeJSON, `{"ctx":"value"}`},
		{"toJson dot null", "{{#toJson}}.{{/toJson}}", hm("ctx", nil), EncodeJSON, `{"ctx":null}`},
		{"toJson dot double", "{{#toJson}}.{{/toJson}}", hm("ctx", java.Double(42.5)), EncodeJSON, `{"ctx":42.5}`},
		{"map toJson hash order", "{{#toJson}}.{{/toJson}}", hm("ctx", human0()), EncodeJSON, `{"ctx":{"name":"John Smith","age":42,"height":1.84}}`},
		{"map toJson", "{{#toJson}}ctx{{/toJson}}", hm("ctx", human0()), EncodeJSON, `{"name":"John Smith","age":42,"height":1.84}`},
		{"map toJson dotted scalar", "{{#toJson}}ctx.name{{/toJson}}", hm("ctx", human0()), EncodeJSON, "John Smith"},
		{"maps toJson", "{{#toJson}}ctx{{/toJson}}", hm("ctx", hm("first", human0(), "second", human1)), EncodeJSON,
			`{"first":{"name":"John Smith","age":42,"height":1.84},"second":{"name":"Dave Smith","age":27,"height":1.71}}`},
		{"list toJson", "{{#toJson}}ctx{{/toJson}}", hm("ctx", list("one", "two", "three")), EncodeJSON, `["one","two","three"]`},
		{"list toJson index", "{{#toJson}}ctx.1{{/toJson}}", hm("ctx", list("one", "two", "three")), EncodeJSON, "two"},
		{"list toJson size", "{{#toJson}}ctx.size{{/toJson}}", hm("ctx", list("one", "two", "three")), EncodeJSON, "3"},
		{"embedded toJson", "{{#ctx.bulks}}{{#toJson}}.{{/toJson}}{{/ctx.bulks}}", hm("ctx", bulks), EncodeJSON,
			`{"index":"index-1","id":1,"type":"type-1"}{"index":"index-2","id":2,"type":"type-2"}`},
		{"embedded toJson id", "{{#ctx.bulks}}<{{#toJson}}id{{/toJson}}>{{/ctx.bulks}}", hm("ctx", bulks), EncodeJSON, "<1><2>"},
		{"join", "{{#join}}array{{/join}}", hm("array", list("one", "two", "three")), EncodeJSON, "one,two,three"},
		{"join doubles", "{{#join}}array{{/join}}", hm("array", list(java.Double(1.5), java.Double(2.5), java.Double(3.5))), EncodeJSON, "1.5,2.5,3.5"},
		{"join booleans", "{{#join}}array{{/join}}", hm("array", list(true, false, true)), EncodeJSON, "true,false,true"},
		{"embedded join", "{{#join}}ctx.people.0.emails{{/join}}", hm("ctx", people), EncodeJSON, "john@smith.com,john.smith@email.com,jsmith@email.com"},
		{"embedded join scope", "{{#ctx.people}}to: {{#join}}emails{{/join}};{{/ctx.people}}", hm("ctx", people), EncodeJSON,
			"to: john@smith.com,john.smith@email.com,jsmith@email.com;to: john@doe.com,john.doe@email.com,jdoe@email.com;"},
		{"join with toJson", "{{#join}}{{#toJson}}terms{{/toJson}}{{/join}}", hm("terms", list(hm("term", "foo"), hm("term", "bar"))), EncodeJSON,
			`[{"term":"foo"},{"term":"bar"}]`},
		{"join delimiter empty", "{{#join delimiter=''}}params{{/join delimiter=''}}", hm("params", list(java.Int(1), java.Int(2), java.Int(3), java.Int(4))), EncodeJSON, "1234"},
		{"join delimiter and", "{{#join delimiter=' and '}}params{{/join delimiter=' and '}}", hm("params", list(java.Int(1), java.Int(2), java.Int(3), java.Int(4))), EncodeJSON, "1 and 2 and 3 and 4"},
		{"array access", "{{data.0}} {{data.1}}", hm("data", list("foo", "bar")), EncodeJSON, "foo bar"},
		{"array in array", "{{data.0.0}} {{data.0.1}}", hm("data", list(list("foo", "bar"))), EncodeJSON, "foo bar"},
		{"map in array", "{{data.0.key}} {{data.1.key}}", hm("data", list(hm("key", "foo"), hm("key", "bar"))), EncodeJSON, "foo bar"},
		{"size", "{{data.list.size}}", hm("data", hm("list", list("a", "b", "c"))), EncodeJSON, "3"},
		{"escaping json", `{ "field1": "{{value}}"}`, hm("value", `a "value"`), EncodeJSON, `{ "field1": "a \"value\""}`},
		{"escaping plain", `{ "field1": "{{value}}"}`, hm("value", `a "value"`), EncodePlain, `{ "field1": "a "value""}`},
		{"escaping url", `{{value}}`, hm("value", `a b/c`), EncodeURL, `a+b%2Fc`},
		{"json control chars", "{{v}}", hm("v", "a\nb\x01\\"), EncodeJSON, `a\nb\u0001\\`},
		{"triple mustache raw", `{{{v}}}|{{&v}}`, hm("v", `"`), EncodeJSON, `"|"`},

		// Role template behaviour.
		{"flat dotted key", "{{realm.name}}/{{metadata.dept}}/{{metadata.a.b}}", user, EncodeJSON, "saml1/eng/ab"},
		{"no realm section", "[{{#realm}}{{name}}{{/realm}}]", user, EncodeJSON, "[]"},
		{"missing renders empty", "_user_{{nope}}", user, EncodeJSON, "_user_"},
		{"metadata alone empty", "[{{metadata}}]", user, EncodeJSON, "[]"},
		{"set toString", "{{groups}}", user, EncodeJSON, "[g1, g2]"},
		{"set iterate", "{{#groups}}<{{.}}>{{/groups}}", user, EncodeJSON, "<g1><g2>"},
		{"set tojson", "{{#tojson}}groups{{/tojson}}", user, EncodeJSON, `["g1","g2"]`},
		{"set join", "{{#JOIN}}groups{{/JOIN}}", user, EncodeJSON, "g1,g2"},
		{"join scalar emits name", "{{#join}}username{{/join}}", user, EncodeJSON, "username"},
		{"join missing emits name", "{{#join}}nope{{/join}}", user, EncodeJSON, "nope"},
		{"tojson scalar unquoted", "{{#toJson}}username{{/toJson}}", hm("username", `a"b`), EncodeJSON, `a"b`},
		{"tojson missing", "[{{#toJson}}nope{{/toJson}}]", user, EncodeJSON, "[]"},
		{"custom join is case sensitive", "[{{#JOIN delimiter='|'}}groups{{/JOIN delimiter='|'}}]", user, EncodeJSON, "[]"},
		{"url", "{{#url}}{{username}}{{/url}}", hm("username", "a b"), EncodeJSON, "a+b"},
		{"url after json escaping", "{{#URL}}{{username}}{{/URL}}", hm("username", `a"b`), EncodeJSON, "a%5C%22b"},
		{"url text", "x{{#url}}a&b {{/url}}y", user, EncodeJSON, "xa%26b+y"},
		{"url tojson", "{{#url}}{{#toJson}}groups{{/toJson}}{{/url}}", user, EncodeJSON, "%5B%22g1%22%2C%22g2%22%5D"},
		{"root dot", "{{.}}", hm("b", "2", "a", "1"), EncodePlain, "{a=1, b=2}"},
		{"nested list scope is a map view", "{{#ll}}{{.}};{{/ll}}", hm("ll", list(list("a", "b"))), EncodePlain, "{0=a, 1=b};"},
		{"list toString", "{{l}}", hm("l", list("a", nil, java.Double(1), java.Long(5000000000), hm("k", "v"))), EncodePlain, "[a, null, 1.0, 5000000000, {k=v}]"},
		{"whitespace string is truthy", "[{{#s}}x{{/s}}]", hm("s", " "), EncodeJSON, "[x]"},
		{"empty string falsey", "[{{#s}}x{{/s}}{{^s}}y{{/s}}]", hm("s", ""), EncodeJSON, "[y]"},
		{"zero is truthy", "[{{#n}}x{{/n}}{{^n}}y{{/n}}]", hm("n", java.Int(0)), EncodeJSON, "[x]"},
		{"false is falsey", "[{{#b}}x{{/b}}{{^b}}y{{/b}}]", hm("b", false), EncodeJSON, "[y]"},
		{"empty list falsey", "[{{#l}}x{{/l}}{{^l}}y{{/l}}]", hm("l", list()), EncodeJSON, "[y]"},
		{"empty map truthy", "[{{#m}}x{{/m}}{{^m}}y{{/m}}]", hm("m", hm()), EncodeJSON, "[x]"},
		{"null is falsey", "[{{#m}}x{{/m}}{{^m}}y{{/m}}]", hm("m", nil), EncodeJSON, "[y]"},
		{"map scope", "{{#m}}{{k}}-{{username}}{{/m}}", hm("m", hm("k", "v"), "username", "u"), EncodeJSON, "v-u"},
		{"dotted walk stops in inner scope", "{{#inner}}[{{a.b}}]{{/inner}}", hm("a", hm("b", "outer"), "inner", hm("a", hm())), EncodeJSON, "[]"},
		{"dotted walk falls back when first segment missing", "{{#inner}}[{{a.b}}]{{/inner}}", hm("a", hm("b", "outer"), "inner", hm("x", "1")), EncodeJSON, "[outer]"},
		{"null inside walk", "[{{a.b}}]", hm("a", nil), EncodeJSON, "[]"},
		{"index not a number", "[{{groups.x}}]", user, EncodeJSON, "[]"},
		{"index with plus sign", "[{{groups.+1}}]", user, EncodeJSON, "[g2]"},
		{"double", "{{d}} {{e}} {{f}} {{g}}", hm("d", java.Double(100), "e", java.Double(1e21), "f", java.Double(0.0001), "g", java.Double(-2.5e-3)), EncodeJSON, "100.0 1.0E21 1.0E-4 -0.0025"},

		// Parser behaviour.
		{"multi-line function body is not an identifier", "[{{#toJson}}\ngroups\n{{/toJson}}]", user, EncodeJSON, "[]"},
		{"space after section tag", "{{#a}} \nX\n{{/a}}", hm("a", true), EncodeJSON, " X\n"},
		{"text before multi-line section", "A{{#a}}\nX\n{{/a}}\nB", hm("a", true), EncodeJSON, "AX\n\nB"},
		{"crlf after section tag", "{{#a}}\r\nX{{/a}}", hm("a", true), EncodeJSON, "X"},
		{"join of url identity", "{{#join}}{{#url}}a b{{/url}}{{/join}}", user, EncodeJSON, "a b"},
		{"standalone section lines", "{{#a}}\nX\n{{/a}}\nY", hm("a", true), EncodeJSON, "X\nY"},
		{"indented standalone", "A\n  {{#a}}\n  X\n  {{/a}}\nB", hm("a", true), EncodeJSON, "A\n  X\nB"},
		{"inline section keeps text", "a {{#a}}b{{/a}} c\n", hm("a", true), EncodeJSON, "a b c\n"},
		{"crlf kept", "a\r\nb", hm(), EncodeJSON, "a\r\nb"},
		{"lone cr dropped", "a\rb", hm(), EncodeJSON, "ab"},
		{"comment", "a{{! c }}b", hm(), EncodeJSON, "ab"},
		{"pragma", "{{%implicit-iterator}}x{{%other y}}z", hm(), EncodeJSON, "xz"},
		{"block", "{{$a}}def{{/a}}", hm(), EncodeJSON, "def"},
		{"delimiters", "{{=<% %>=}}<% v %>-<%{v}%>-{{v}}", hm("v", `"`), EncodeJSON, `\"-"-{{v}}`},
		{"delimiters are local to a section", "{{#a}}{{=| |=}}|v||/a|{{v}}", hm("a", true, "v", "x"), EncodeJSON, "xx"},
		{"empty delimiters at end", "x{{==}}", hm(), EncodeJSON, "x"},
		{"single stache is text", "a{b}c{", hm(), EncodeJSON, "a{b}c{"},
		{"unclosed ampersand at eof", "{{&v", hm("v", "x"), EncodeJSON, "x"},
		{"trim java whitespace", "{{ v\t}}", hm("v", "x"), EncodeJSON, "x"},
		{"big validate template", "{{username}}/{{dn}}/{{realm}}/{{metadata}}{{#realm}}  {{name}}/{{type}}{{/realm}}" +
			"{{#toJson}}groups{{/toJson}}{{^groups}}{{.}}{{/groups}}{{#metadata}}  {{#first}}    <li><strong>{{name}}</strong></li>  {{/first}}" +
			"  {{#link}}    <li><a href=\\\"{{url}}\\\">{{name}}</a></li>  {{/link}}  {{#toJson}}subgroups{{/toJson}}  {{something-else}}{{/metadata}}",
			hm(), EncodeJSON, "///{}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := render(t, tc.src, tc.root, Options{Encoder: tc.enc})
			if err != nil {
				t.Fatalf("render(%q): %v", tc.src, err)
			}
			if got != tc.want {
				t.Errorf("render(%q)\n got %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		src  string
		kind ErrorKind
		want string
	}{
		{" {{#not-closed}} {{other-variable}} ", CompileMustache, "Failed to close 'not-closed' tag @[query-template:1]"},
		{"a\n{{#x}}\n\nb", CompileMustache, "Failed to close 'x' tag @[query-template:2]"},
		{"{{#toJson}}{{foo}}{{bar}}{{/toJson}}", CompileMustache, "Mustache function [toJson] must contain one and only one identifier"},
		{"{{#toJson}}{{/toJson}}", CompileMustache, "Mustache function [toJson] must contain one and only one identifier"},
		{"{{#join}}{{/join}}", CompileMustache, "Mustache function [join] must contain one and only one identifier"},
		{"{{#join delimiter='x'}}a{{b}}{{/join delimiter='x'}}", CompileMustache, "Mustache function [join] must contain one and only one identifier"},
		{"{{#join delimiter='a'}}{{/join delimiter='b'}}", CompileMustache, "Mismatched start/end tags: join delimiter='a' != join delimiter='b' in query-template:1 @[query-template:1]"},
		{"{{/x}}", CompileMustache, "Mismatched start/end tags: null != x in query-template:1 @[query-template:1]"},
		{"{{}}", CompileMustache, "Empty mustache @[query-template:1]"},
		{"{{x", CompileMustache, "Improperly closed variable @[query-template:1]"},
		{"{{{x}}", CompileMustache, "Improperly closed variable in query-template:1 @[query-template:1]"},
		{"{{=a=}}", CompileMustache, "Invalid delimiter string @[query-template:1]"},
		{"{{=abcd efgh=}}", CompileMustache, "Invalid delimiter string @[query-template:1]"},
		{"{{==}}x", CompileJava, "StringIndexOutOfBoundsException"},
		{"{{=< >=}}<{x}>", CompileJava, "StringIndexOutOfBoundsException"},
		{"{{> /etc/passwd}}", CompileMustache, "Template /etc/passwd not found"},
		{"{{#url}}{{>//etc//passwd/}}{{/url}}", CompileMustache, "Template /etc/passwd not found"},
		{"{{<parent}}{{/parent}}", CompileMustache, "Template parent not found"},
		{strings.Repeat("{{#a}}", MaxDepth+5), WorkLimit, "nested more than"},
	}
	for _, tc := range tests {
		_, err := Compile(tc.src)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Compile(%q) = %v, want an *Error", tc.src, err)
			continue
		}
		if e.Kind != tc.kind || !strings.Contains(e.Error(), tc.want) {
			t.Errorf("Compile(%q) = kind %d %q, want kind %d containing %q", tc.src, e.Kind, e.Error(), tc.kind, tc.want)
		}
	}
}

func TestRuntimeErrors(t *testing.T) {
	groups := hm("groups", list("a", "b"), "l", list("a", nil))
	tests := []struct {
		src  string
		kind ErrorKind
		want string
	}{
		{"{{groups.5}}", Runtime, "Failed to get value for groups.5 @[query-template:1]: java.lang.IndexOutOfBoundsException: 5"},
		{"{{groups.-1}}", Runtime, "position >= 0"},
		{"{{#groups.7}}x{{/groups.7}}", Runtime, "IndexOutOfBoundsException"},
		{"{{#join}}l{{/join}}", Runtime, "NullPointerException"},
	}
	for _, tc := range tests {
		_, err := render(t, tc.src, groups, Options{})
		var e *Error
		if !errors.As(err, &e) || e.Kind != tc.kind || !strings.Contains(e.Error(), tc.want) {
			t.Errorf("render(%q) = %v, want kind %d containing %q", tc.src, err, tc.kind, tc.want)
		}
	}
}

func bigGroups(n int) *java.List {
	l := &java.List{IsSet: true}
	for i := 0; i < n; i++ {
		l.Items = append(l.Items, "cn=group"+strings.Repeat("x", i%7)+",dc=example,dc=com")
	}
	return l
}

func TestLimits(t *testing.T) {
	root := hm("groups", bigGroups(10000))
	// Nested sections over a large list must hit the output cap.
	_, err := render(t, "{{#groups}}{{#groups}}{{.}}{{/groups}}{{/groups}}", root, Options{})
	var e *Error
	if !errors.As(err, &e) || e.Kind != OutputLimit || e.Msg != OutputLimitMessage {
		t.Errorf("nested groups: %v, want output limit", err)
	}
	// Nested sections that print nothing must hit the work bound.
	_, err = render(t, "{{#groups}}{{#groups}}{{#groups}}{{/groups}}{{/groups}}{{/groups}}", root, Options{})
	if !errors.As(err, &e) || e.Kind != WorkLimit {
		t.Errorf("silent nested groups: %v, want work limit", err)
	}
	// toJson discards its captured body, so only the global bound applies.
	_, err = render(t, "{{#toJson}}{{#groups}}{{#groups}}{{.}}{{/groups}}{{/groups}}{{/toJson}}", root, Options{})
	if !errors.As(err, &e) || e.Kind != WorkLimit {
		t.Errorf("captured nested groups: %v, want work limit", err)
	}
	// A custom output limit counts Java chars.
	_, err = render(t, "{{v}}", hm("v", "é😀"), Options{OutputLimit: 2})
	if !errors.As(err, &e) || e.Kind != OutputLimit {
		t.Errorf("limit 2 for 3 chars: %v, want output limit", err)
	}
	if out, err := render(t, "{{v}}", hm("v", "é😀"), Options{OutputLimit: 3}); err != nil || out != "é😀" {
		t.Errorf("limit 3 for 3 chars: %q, %v", out, err)
	}
}

func TestEncoderFor(t *testing.T) {
	for _, mt := range []string{"application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8", "text/plain", "application/x-www-form-urlencoded"} {
		if _, ok := EncoderFor(mt); !ok {
			t.Errorf("EncoderFor(%q) not found", mt)
		}
	}
	for _, mt := range []string{"", "Application/JSON", "text/html", "application/json; charset=utf-8"} {
		if _, ok := EncoderFor(mt); ok {
			t.Errorf("EncoderFor(%q) found, want none", mt)
		}
	}
}
