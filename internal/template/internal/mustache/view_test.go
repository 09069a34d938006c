package mustache

import (
	"testing"
	"unicode/utf16"
)

func TestView(t *testing.T) {
	src := "é{{username}}\n{{#groups}}<{{{.}}}>{{/groups}}{{=<% %>=}}<%^dn%>-<%/dn%><%#toJson%>groups<%/toJson%>😀<%#join delimiter=';'%>groups<%/join delimiter=';'%>"
	tmpl, err := Compile(src)
	if err != nil {
		t.Fatal(err)
	}
	units := utf16.Encode([]rune(src))
	text := func(c Code) string {
		s, e := c.Offsets()
		return string(utf16.Decode(units[s:e]))
	}
	type row struct {
		kind  CodeKind
		name  string
		text  string
		line  int
		delim string
	}
	var got []row
	var walk func(cs []Code)
	walk = func(cs []Code) {
		for _, c := range cs {
			if c.Kind() == CodeText {
				continue
			}
			sm, _ := c.Delims()
			got = append(got, row{c.Kind(), c.Name(), text(c), c.Line(), sm})
			walk(c.Children())
		}
	}
	walk(tmpl.Codes())
	want := []row{
		{CodeValue, "username", "{{username}}", 1, "{{"},
		{CodeSection, "groups", "{{#groups}}<{{{.}}}>{{/groups}}", 2, "{{"},
		{CodeValue, ".", "{{{.}}}", 2, "{{"},
		{CodeInverted, "dn", "<%^dn%>-<%/dn%>", 2, "<%"},
		{CodeToJSON, "groups", "<%#toJson%>groups<%/toJson%>", 2, "<%"},
		{CodeJoin, "groups", "<%#join delimiter=';'%>groups<%/join delimiter=';'%>", 2, "<%"},
	}
	if len(got) != len(want) {
		t.Fatalf("codes %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("code %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	codes := tmpl.Codes()
	if codes[0].Kind() != CodeText || codes[0].Appended() != "é" {
		t.Errorf("first code %v %q", codes[0].Kind(), codes[0].Appended())
	}
	if !codes[1].Escaped() || codes[1].Appended() != "\n" {
		t.Errorf("value code: escaped %v appended %q", codes[1].Escaped(), codes[1].Appended())
	}
	for _, c := range codes {
		if c.Kind() != CodeJoin {
			continue
		}
		if c.Delimiter() != ";" {
			t.Errorf("join delimiter %q", c.Delimiter())
		}
		frag, err := c.Fragment()
		if err != nil {
			t.Fatal(err)
		}
		if out, _ := frag.Execute(nil, Options{}); out != "groups" {
			t.Errorf("join fragment renders %q", out)
		}
	}
	if EncodeJSON.Encode(`a"`) != `a\"` || EncodeURL.Encode("a b") != "a+b" || EncodePlain.Encode(`"`) != `"` {
		t.Error("Encode")
	}
	if !Falsey("") || Falsey("x") {
		t.Error("Falsey")
	}
	if _, found, err := Member(list("a"), "size"); !found || err != nil {
		t.Error("Member size")
	}
}
