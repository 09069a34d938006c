package mustache

import (
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		"_user_{{username}}", "{{#tojson}}groups{{/tojson}}", "{{#join delimiter='|'}}groups{{/join delimiter='|'}}",
		"{{#url}}{{dn}} {{/url}}", "{{=<% %>=}}<%#groups%><%.%><%/groups%>", "{{#groups}}\n  {{.}}\n{{/groups}}\n",
		"{{^x}}{{{y}}}{{&z}}{{/x}}{{! c}}{{%implicit-iterator}}{{$b}}d{{/b}}", "{{#join}}{{#toJson}}m{{/toJson}}{{/join}}",
		"{{groups.0}}{{groups.size}}{{m.k}}{{.}}", "{{> p}}", "{{==}}", "{{}}", "{{#a}}{{/b}}",
	} {
		f.Add(s)
	}
	root := java.NewHashMap()
	root.Put("username", `u"s`)
	root.Put("dn", "cn=a b,dc=c")
	root.Put("groups", &java.List{Items: []any{"g1", "g2", "g3"}, IsSet: true})
	m := java.NewHashMap()
	m.Put("k", &java.List{Items: []any{java.Int(1), nil, java.Double(2.5)}})
	root.Put("m", m)
	root.Put("realm.name", "r")
	f.Fuzz(func(t *testing.T, src string) {
		tmpl, err := Compile(src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error type %T", err)
			}
			return
		}
		for _, enc := range []Encoder{EncodeJSON, EncodePlain, EncodeURL} {
			out, err := tmpl.Execute(root, Options{Encoder: enc, OutputLimit: 1 << 16})
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("error type %T", err)
				}
				continue
			}
			if javatext.UTF16Len(out) > 1<<16 {
				t.Fatalf("output of %d chars over the limit", javatext.UTF16Len(out))
			}
		}
	})
}
