package loader

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func TestParseYAML(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []string // dump of each document
		diags []string // "check range message-substring"
	}{
		{
			name: "block mapping and sequence",
			in:   "enabled: true\nroles:\n  - admin\n  - \"user\"\nrules: {field: {username: x}}\n",
			want: []string{`{"enabled"@1:1-1:8: true@1:10-1:14, "roles"@2:1-2:6: ["admin"@3:5-3:10, "user"@4:5-4:11]@3:3-4:11, "rules"@5:1-5:6: {"field"@5:9-5:14: {"username"@5:17-5:25: "x"@5:27-5:28}@5:16-5:29}@5:8-5:30}@1:1-5:30`},
		},
		{
			name: "indentless sequence",
			in:   "a:\n- b\n- c\nd: e\n",
			want: []string{`{"a"@1:1-1:2: ["b"@2:3-2:4, "c"@3:3-3:4]@2:1-3:4, "d"@4:1-4:2: "e"@4:4-4:5}@1:1-4:5`},
		},
		{
			name: "quoted scalars",
			in:   "a: 'it''s'\nb: \"x\\\"y\\n\"\nc: \"multi\n  line\"\n",
			want: []string{`{"a"@1:1-1:2: "it's"@1:4-1:11, "b"@2:1-2:2: "x\"y\n"@2:4-2:12, "c"@3:1-3:2: "multi line"@3:4-4:8}@1:1-4:8`},
		},
		{
			name: "multi-line plain scalar",
			in:   "f: plain\n  multi\n\n  line\ng: x # comment\n",
			want: []string{`{"f"@1:1-1:2: "plain multi\nline"@1:4-4:7, "g"@5:1-5:2: "x"@5:4-5:5}@1:1-5:5`},
		},
		{
			name: "block scalars",
			in:   "a: |+\n  keep\n\n\nb: >-\n  folded\n  text\n\n  more\nc: |2\n    indented\n  x\nd: |\ne: 1\n",
			want: []string{`{"a"@1:1-1:2: "keep\n\n\n"@1:4-2:7, "b"@5:1-5:2: "folded text\nmore"@5:4-9:7, "c"@10:1-10:2: "  indented\nx\n"@10:4-12:4, "d"@13:1-13:2: ""@13:4-13:5, "e"@14:1-14:2: 1@14:4-14:5}@1:1-14:5`},
		},
		{
			name: "block scalars in a sequence",
			in:   "- |\n  x\n- >\n   y\n  \n- z\n",
			want: []string{`["x\n"@1:3-2:4, "y\n"@3:3-4:5, "z"@6:3-6:4]@1:1-6:4`},
		},
		{
			name: "flow collections over lines",
			in:   "k: [a,\n  b, # c\n  ]\nm: {x: 1,\n  y: 2\n  }\n",
			want: []string{`{"k"@1:1-1:2: ["a"@1:5-1:6, "b"@2:3-2:4]@1:4-3:4, "m"@4:1-4:2: {"x"@4:5-4:6: 1@4:8-4:9, "y"@5:3-5:4: 2@5:6-5:7}@4:4-6:4}@1:1-6:4`},
		},
		{
			name: "null values",
			in:   "a:\nb: ~\nc: null\nd: Null\n",
			want: []string{`{"a"@1:1-1:2: null@1:3-1:3, "b"@2:1-2:2: null@2:4-2:5, "c"@3:1-3:2: null@3:4-3:8, "d"@4:1-4:2: null@4:4-4:8}@1:1-4:8`},
		},
		{
			name: "numbers normalized to JSON",
			in:   "[0x1F, 0o17, 1_000, +12, -3, 1.5, .5, 1., 1e3, -0.0, 0b101, 123456789012345678901234567890]",
			want: []string{`[31@1:2-1:6, 15@1:8-1:12, 1000@1:14-1:19, 12@1:21-1:24, -3@1:26-1:28, 1.5@1:30-1:33, 0.5@1:35-1:37, 1@1:39-1:41, 1e3@1:43-1:46, -0.0@1:48-1:52, 5@1:54-1:59, 123456789012345678901234567890@1:61-1:91]@1:1-1:92`},
		},
		{
			name: "booleans and strings",
			in:   "[true, False, TRUE, tRUE, '1', 2024-01-02, !!binary aGk=]",
			want: []string{`[true@1:2-1:6, false@1:8-1:13, true@1:15-1:19, "tRUE"@1:21-1:25, "1"@1:27-1:30, "2024-01-02"@1:32-1:42, "aGk="@1:44-1:57]@1:1-1:58`},
		},
		{
			name: "yes no on off",
			in:   "a: yes\nb: No\nc: ON\nd: off\ne: y\nf: N\ng: 'yes'\nyes: 1\n",
			want: []string{`{"a"@1:1-1:2: "yes"@1:4-1:7, "b"@2:1-2:2: "No"@2:4-2:6, "c"@3:1-3:2: "ON"@3:4-3:6, "d"@4:1-4:2: "off"@4:4-4:7, "e"@5:1-5:2: "y"@5:4-5:5, "f"@6:1-6:2: "N"@6:4-6:5, "g"@7:1-7:2: "yes"@7:4-7:9, "yes"@8:1-8:4: 1@8:6-8:7}@1:1-8:7`},
			diags: []string{
				`ambiguous-yaml 1:4-1:7 unquoted yes is the string "yes" in YAML 1.2 (how this tool reads it, and converters such as yq, js-yaml or go-yaml v3) but the boolean true in YAML 1.1, including Elasticsearch's own YAML reader`,
				`ambiguous-yaml 2:4-2:6 boolean false in YAML 1.1, including Elasticsearch's`,
				`ambiguous-yaml 3:4-3:6 boolean true in YAML 1.1, including Elasticsearch's`,
				`ambiguous-yaml 4:4-4:7 boolean false in YAML 1.1, including Elasticsearch's`,
				// SnakeYAML's resolver (Elasticsearch's) does not take y/n.
				`ambiguous-yaml 5:4-5:5 unquoted y is the string "y" in YAML 1.2 (how this tool reads it) and for Elasticsearch's own YAML reader`,
				`ambiguous-yaml 6:4-6:5 but the boolean false for some YAML 1.1 tools`,
			},
		},
		{
			// No YAML 1.1 resolver (SnakeYAML, PyYAML, go-yaml v2) takes mixed case.
			name:  "mixed case is a string for every reader",
			in:    "a: yEs\n",
			want:  []string{`{"a"@1:1-1:2: "yEs"@1:4-1:7}@1:1-1:7`},
			diags: nil,
		},
		{
			name: "sexagesimal and octal",
			in:   "a: 1:30\nb: 0777\nc: 089\nd: 07\ne: '0777'\nf: 1:30:15.5\n",
			want: []string{`{"a"@1:1-1:2: "1:30"@1:4-1:8, "b"@2:1-2:2: 777@2:4-2:8, "c"@3:1-3:2: 89@3:4-3:7, "d"@4:1-4:2: 7@4:4-4:6, "e"@5:1-5:2: "0777"@5:4-5:10, "f"@6:1-6:2: "1:30:15.5"@6:4-6:13}@1:1-6:13`},
			diags: []string{
				`ambiguous-yaml 1:4-1:8 the base-60 number 90 in YAML 1.1`,
				`ambiguous-yaml 2:4-2:8 unquoted 0777 is the decimal number 777 in YAML 1.2 (how this tool reads it) but the octal number 511 in YAML 1.1`,
				`ambiguous-yaml 3:4-3:7 not a valid number in YAML 1.1`,
				`ambiguous-yaml 6:4-6:13 the base-60 number 5415.5 in YAML 1.1`,
			},
		},
		{
			name: "inf and nan stay strings",
			in:   "[.inf, -.Inf, .nan, '.inf']",
			want: []string{`[".inf"@1:2-1:6, "-.Inf"@1:8-1:13, ".nan"@1:15-1:19, ".inf"@1:21-1:27]@1:1-1:28`},
			diags: []string{
				`ambiguous-yaml 1:2-1:6 .inf is a YAML floating-point infinity, which JSON cannot represent; it is kept as the string ".inf"`,
				`ambiguous-yaml 1:8-1:13 infinity`,
				`ambiguous-yaml 1:15-1:19 NaN`,
			},
		},
		{
			name: "explicit tags",
			in:   "k: !!int 0x10\nj: !!float 1\nm: !!str 1\nn: !custom {a: 1}\no: !!seq {}\np: !!bool yes\nq: !!int 1.5\nr: !x [1]\ns: !!map x\n",
			want: []string{`{"k"@1:1-1:2: 16@1:4-1:14, "j"@2:1-2:2: 1@2:4-2:13, "m"@3:1-3:2: "1"@3:4-3:11, "n"@4:1-4:2: {"a"@4:13-4:14: 1@4:16-4:17}@4:4-4:18, "o"@5:1-5:2: {}@5:4-5:12, "p"@6:1-6:2: "yes"@6:4-6:14, "q"@7:1-7:2: "1.5"@7:4-7:13, "r"@8:1-8:2: [1@8:8-8:9]@8:4-8:10, "s"@9:1-9:2: "x"@9:4-9:11}@1:1-9:11`},
			diags: []string{
				`syntax 4:4-4:11 unknown YAML tag !custom (JSON knows only strings, numbers, booleans, null, objects and arrays); the value is read as an object`,
				`syntax 5:4-5:9 tag !!seq cannot be given to a mapping`,
				`syntax 6:4-6:14 "yes" is not a YAML 1.2 boolean`,
				`syntax 7:4-7:13 "1.5" is not a YAML int, so it cannot be tagged !!int`,
				`syntax 8:4-8:6 unknown YAML tag !x`,
				`syntax 9:4-9:9 tag !!map cannot be given to a scalar`,
			},
		},
		{
			name: "non-string keys become their text",
			in:   "1: a\ntrue: b\nnull: c\n~: d\n0x1F: e\n",
			want: []string{`{"1"@1:1-1:2: "a"@1:4-1:5, "true"@2:1-2:5: "b"@2:7-2:8, "null"@3:1-3:5: "c"@3:7-3:8, "~"@4:1-4:2: "d"@4:4-4:5, "0x1F"@5:1-5:5: "e"@5:7-5:8}@1:1-5:8`},
		},
		{
			name: "collection keys",
			in:   "? [a]\n: 1\n? {b: 1}\n: 2\nc: x\n",
			want: []string{`{"c"@5:1-5:2: "x"@5:4-5:5}@1:1-5:5`},
			diags: []string{
				"syntax 1:3-1:4 a sequence cannot be used as a key",
				"syntax 3:3-3:4 a mapping cannot be used as a key",
			},
		},
		{
			name: "duplicate keys",
			in:   "a: 1\nb:\n  x: 1\n  x: 2\n\"a\": 3\n",
			want: []string{`{"a"@1:1-1:2: 1@1:4-1:5, "b"@2:1-2:2: {"x"@3:3-3:4: 1@3:6-3:7, "x"@4:3-4:4: 2@4:6-4:7}@3:3-4:7, "a"@5:1-5:4: 3@5:6-5:7}@1:1-5:7`},
			diags: []string{
				`syntax 4:3-4:4 Duplicate field 'x' (first at line 3)`,
				`syntax 5:1-5:4 Duplicate field 'a' (first at line 1)`,
			},
		},
		{
			name: "merge key kept as ordinary key",
			in:   "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
			want: []string{`{"base"@1:1-1:5: {"x"@1:11-1:12: 1@1:14-1:15}@1:7-1:16, "m"@2:1-2:2: {"<<"@3:3-3:5: {"x"@1:11-1:12: 1@1:14-1:15}@3:7-3:9, "y"@4:3-4:4: 2@4:6-4:7}@3:3-4:7}@1:1-4:7`},
			diags: []string{
				`ambiguous-yaml 3:3-3:5 merge key "<<" is not applied`,
				`ambiguous-yaml 3:7-3:9 alias *b is expanded by this tool (and by Kubernetes) to a copy of the value anchored at line 1, but Elasticsearch's YAML parser (Jackson) does not expand aliases: it reads *b as the string "b"`,
			},
		},
		{
			name: "alias of a scalar key",
			in:   "- &k name: 1\n- *k : 2\n",
			want: []string{`[{"name"@1:3-1:10: 1@1:12-1:13}@1:3-1:13, {"name"@2:3-2:5: 2@2:8-2:9}@2:3-2:9]@1:1-2:9`},
			diags: []string{
				`ambiguous-yaml 2:3-2:5 alias *k`,
			},
		},
		{
			name: "alias of a key used as a value",
			in:   "&k 12: a\nb: *k\n",
			want: []string{`{"12"@1:1-1:6: "a"@1:8-1:9, "b"@2:1-2:2: 12@2:4-2:6}@1:1-2:6`},
			diags: []string{
				`ambiguous-yaml 2:4-2:6 alias *k`,
			},
		},
		{
			name: "anchored empty value",
			in:   "a: &e\nb: *e\n",
			want: []string{`{"a"@1:1-1:2: null@1:4-1:6, "b"@2:1-2:2: null@2:4-2:6}@1:1-2:6`},
			diags: []string{
				`ambiguous-yaml 2:4-2:6 alias *e`,
			},
		},
		{
			name: "anchor on the line before a block mapping",
			in:   "a: &x\n  b: 1\nc: *x\n",
			want: []string{`{"a"@1:1-1:2: {"b"@2:3-2:4: 1@2:6-2:7}@1:4-2:7, "c"@3:1-3:2: {"b"@2:3-2:4: 1@2:6-2:7}@3:4-3:6}@1:1-3:6`},
			diags: []string{
				`ambiguous-yaml 3:4-3:6 alias *x`,
			},
		},
		{
			name: "multiple documents, empty ones skipped",
			in:   "---\n---\na: 1\n--- # empty\n...\n--- |\n  top\n---\n~\n",
			want: []string{`{"a"@3:1-3:2: 1@3:4-3:5}@3:1-3:5`, `"top\n"@6:5-7:6`, `null@9:1-9:2`},
		},
		{
			name: "empty stream",
			in:   "# only a comment\n",
		},
		{
			name: "byte order mark and non-ASCII",
			in:   "\xef\xbb\xbfa: é\nb: ü x\n",
			want: []string{`{"a"@1:1-1:2: "é"@1:4-1:5, "b"@2:1-2:2: "ü x"@2:4-2:7}@1:1-2:7`}, // a BOM is not a column
		},
		{
			name: "CRLF and lone CR line ends",
			in:   "a: 1\r\nb: 'x\r\n  y'\r\nc: 2\rd: 3\n",
			want: []string{`{"a"@1:1-1:2: 1@1:4-1:5, "b"@2:1-2:2: "x y"@2:4-3:5, "c"@4:1-4:2: 2@4:4-4:5, "d"@4:6-4:7: 3@4:9-4:10}@1:1-4:10`},
		},
		{
			name: "NEL, LS and PS end lines for yaml.v3",
			in:   "a: x\u0085c: 2\nd: é\u2029e: [ü,\u2028 f]\n",
			want: []string{`{"a"@1:1-1:2: "x"@1:4-1:5, "c"@1:6-1:7: 2@1:9-1:10, "d"@2:1-2:2: "é"@2:4-2:5, "e"@2:6-2:7: ["ü"@2:10-2:11, "f"@2:14-2:15]@2:9-2:16}@1:1-2:16`},
		},
		{
			name:  "parse error on a later line",
			in:    "a: 1\nb: 2\nc: 3\nd: @x\n",
			diags: []string{"syntax 4:1-4:6 found character that cannot start any token"},
		},
		{
			name:  "parse error from the parser (line numbers fixed)",
			in:    "a: 1\nb: 2\n- c\n",
			diags: []string{"syntax 3:1-3:4 did not find expected key"},
		},
		{
			name:  "mapping values not allowed on line 1",
			in:    "a: b: c\n",
			diags: []string{"syntax 1:1-1:8 mapping values are not allowed in this context"},
		},
		{
			name:  "tab indentation",
			in:    "x: 1\n\ty: 2\n",
			diags: []string{"syntax 2:1-2:6 found a tab character that violates indentation"},
		},
		{
			name:  "unknown anchor",
			in:    "a: 1\nb: *nope\n",
			diags: []string{"syntax 2:4-2:9 unknown anchor 'nope' referenced: no anchor &nope is defined before this alias"},
		},
		{
			name:  "control character",
			in:    "a: 1\nb: x\x01\n",
			diags: []string{"syntax 2:5-2:6 control characters are not allowed in YAML (found '\\x01')"},
		},
		{
			name:  "error in a later document drops all documents",
			in:    "a: 1\n---\na: 1\na: 2\n---\nb: : x\n",
			diags: []string{`syntax 4:1-4:2 Duplicate field 'a' (first at line 3)`, "syntax 6:1-6:7 mapping values are not allowed in this context"},
		},
		{
			name:  "recursive alias",
			in:    "&a [x, *a]\n",
			want:  []string{`["x"@1:5-1:6, null@1:8-1:10]@1:1-1:11`},
			diags: []string{"ambiguous-yaml 1:8-1:10 alias *a", "syntax 1:8-1:10 alias *a refers to a value that contains it (recursive alias); it is read as null"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := source.NewFile("t.yaml", []byte(tt.in))
			docs, diags := ParseYAML(f)
			var got []string
			for _, d := range docs {
				got = append(got, dump(d))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("documents:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
			wantDiags(t, diags, tt.diags)
			checkSpans(t, f, docs, diags)
		})
	}
}

func TestParseYAMLPointersAndNotes(t *testing.T) {
	in := "rules:\n  field:\n    groups: [yes, 0777]\nroles: &r [a]\nmore: *r\nwhen: 2024-01-02\n"
	f := source.NewFile("t.yaml", []byte(in))
	docs, diags := ParseYAML(f)
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	var ptrs []string
	for _, d := range diags {
		ptrs = append(ptrs, d.Pointer)
	}
	want := "/rules/field/groups/0 /rules/field/groups/1 /more"
	if strings.Join(ptrs, " ") != want {
		t.Errorf("pointers = %v, want %s", ptrs, want)
	}
	root := docs[0]
	if n := root.Get("more").Note; !strings.Contains(n, "alias *r") {
		t.Errorf("alias note = %q", n)
	}
	if n := root.Get("when").Note; !strings.Contains(n, "timestamp") {
		t.Errorf("timestamp note = %q", n)
	}
	// the copy is independent of the original
	root.Get("more").Items[0].Str = "changed"
	if root.Get("roles").Items[0].Str != "a" {
		t.Error("alias copy shares nodes with the anchored value")
	}
}
