package loader

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string   // dump of the tree ("<nil>" when unusable)
		diags []string // "check range message-substring"
	}{
		{
			name: "scalars and spans",
			in:   `{"a": [1, -2.5e3, true, false, null, "x\n"], "b": {}}`,
			want: `{"a"@1:2-1:5: [1@1:8-1:9, -2.5e3@1:11-1:17, true@1:19-1:23, false@1:25-1:30, null@1:32-1:36, "x\n"@1:38-1:43]@1:7-1:44, "b"@1:46-1:49: {}@1:51-1:53}@1:1-1:54`,
		},
		{
			name: "multi-line positions",
			in:   "{\n  \"enabled\": true,\n  \"roles\": [\"a\",\n    \"b\"]\n}\n",
			want: `{"enabled"@2:3-2:12: true@2:14-2:18, "roles"@3:3-3:10: ["a"@3:13-3:16, "b"@4:5-4:8]@3:12-4:9}@1:1-5:2`,
		},
		{
			name: "number literal kept",
			in:   `[1.50, 1E+2, -0, 12345678901234567890123]`,
			want: `[1.50@1:2-1:6, 1E+2@1:8-1:12, -0@1:14-1:16, 12345678901234567890123@1:18-1:41]@1:1-1:42`,
		},
		{
			name: "top-level scalar",
			in:   ` "x" `,
			want: `"x"@1:2-1:5`,
		},
		{
			name: "escapes and unicode",
			in:   `{"é": "\u00e9\ud83d\ude00"}`,
			want: `{"é"@1:2-1:5: "é😀"@1:7-1:27}@1:1-1:28`,
		},
		{
			name: "line and block comments",
			in:   "// head\n{ /* a\n b */ \"a\": 1, // tail\n \"b\": \"// not a comment /* nor this */\"}\n/* end */",
			want: `{"a"@3:7-3:10: 1@3:12-3:13, "b"@4:2-4:5: "// not a comment /* nor this */"@4:7-4:40}@2:1-4:41`,
		},
		{
			name: "comment markers inside strings",
			in:   `{"a\"//": "/*", "b": "*/"} // end`,
			want: `{"a\"//"@1:2-1:9: "/*"@1:11-1:15, "b"@1:17-1:20: "*/"@1:22-1:26}@1:1-1:27`,
		},
		{
			name:  "line break inside a string",
			in:    "{\"a\n// x\n\": 1}",
			want:  `<nil>`,
			diags: []string{"syntax 1:4-2:1 invalid character '\\n' in string"},
		},
		{
			name:  "unterminated block comment",
			in:    "{\"a\": 1} /* oops",
			want:  `<nil>`,
			diags: []string{"syntax 1:10-1:12 unterminated /* comment"},
		},
		{
			name: "duplicate key keeps both",
			in:   "{\n\"username\": \"a\",\n\"x\": {\"username\": 1},\n\"username\": \"b\"}",
			want: `{"username"@2:1-2:11: "a"@2:13-2:16, "x"@3:1-3:4: {"username"@3:7-3:17: 1@3:19-3:20}@3:6-3:21, "username"@4:1-4:11: "b"@4:13-4:16}@1:1-4:17`,
			diags: []string{
				`syntax 4:1-4:11 Duplicate field 'username' (first at line 2)`,
			},
		},
		{
			name:  "empty file",
			in:    "",
			want:  `<nil>`,
			diags: []string{"syntax 1:1-1:1 empty file"},
		},
		{
			name:  "only whitespace and comments",
			in:    "  // nothing\n /* here */\n",
			want:  `<nil>`,
			diags: []string{"syntax 1:1-1:1 empty file"},
		},
		{
			name:  "missing colon",
			in:    `{"a" }`,
			want:  `<nil>`,
			diags: []string{"syntax 1:6-1:7 invalid character '}' after object key (expecting ':')"},
		},
		{
			name:  "trailing comma in object",
			in:    "{\"a\": 1,\n}",
			want:  `<nil>`,
			diags: []string{"syntax 1:8-1:9 trailing comma before '}'"},
		},
		{
			name:  "trailing comma in array",
			in:    `[1, 2, ]`,
			want:  `<nil>`,
			diags: []string{"syntax 1:6-1:7 trailing comma before ']'"},
		},
		{
			name:  "unexpected end of file",
			in:    "{\n  \"a\": [1,\n  2",
			want:  `<nil>`,
			diags: []string{"syntax 3:4-3:4 unexpected end of file: missing ']' for the '[' at line 2"},
		},
		{
			name:  "end of file after key",
			in:    "{\"a\":",
			want:  `<nil>`,
			diags: []string{`syntax 1:6-1:6 unexpected end of file: missing value for key "a" and '}' for the '{' at line 1`},
		},
		{
			name:  "end of file in string",
			in:    "[\"abc",
			want:  `<nil>`,
			diags: []string{`syntax 1:2-1:6 unexpected end of file inside the string`},
		},
		{
			name:  "unquoted key",
			in:    `{a: 1}`,
			want:  `<nil>`,
			diags: []string{"syntax 1:2-1:3 expected a double-quoted object key, found 'a'"},
		},
		{
			name:  "single-quoted value",
			in:    `{"a": 'x'}`,
			want:  `<nil>`,
			diags: []string{"syntax 1:7-1:8 invalid character '\\'' where a value was expected (JSON strings use double quotes)"},
		},
		{
			name:  "missing value",
			in:    `{"a": }`,
			want:  `<nil>`,
			diags: []string{`syntax 1:7-1:8 missing value for key "a" before '}'`},
		},
		{
			name:  "mismatched bracket",
			in:    "{\"a\": [\n}",
			want:  `<nil>`,
			diags: []string{"syntax 2:1-2:2 unexpected '}': the '[' at line 1 is still open"},
		},
		{
			name:  "missing comma",
			in:    "{\n\"a\": 1\n\"b\": 2}",
			want:  `<nil>`,
			diags: []string{"syntax 3:1-3:2 invalid character '\"' after object value (expecting ',' or '}' to close the '{' at line 1)"},
		},
		{
			name:  "bad escape",
			in:    `{"a": "x\qy"}`,
			want:  `<nil>`,
			diags: []string{"syntax 1:9-1:11 invalid escape sequence `\\q` in string"},
		},
		{
			name:  "control character in string",
			in:    "[\"a\tb\"]",
			want:  `<nil>`,
			diags: []string{"syntax 1:4-1:5 invalid character '\\t' in string"},
		},
		{
			name:  "bad literal",
			in:    `[tru]`,
			want:  `<nil>`,
			diags: []string{"syntax 1:5-1:6 invalid character ']' in literal true"},
		},
		{
			name:  "stray closer",
			in:    `]`,
			want:  `<nil>`,
			diags: []string{"syntax 1:1-1:2 unexpected ']': there is no open '[' to close"},
		},
		{
			name:  "trailing content keeps the tree",
			in:    "{\"a\": 1}\n{\"b\": 2}",
			want:  `{"a"@1:2-1:5: 1@1:7-1:8}@1:1-1:9`,
			diags: []string{"syntax 2:1-2:2 unexpected '{' after the end of the JSON document: a file holds exactly one JSON value. Elasticsearch does not reject it: it reads the first value and silently drops this second value (a second mapping here is lost without a word)"},
		},
		{
			name:  "trailing garbage is dropped by Elasticsearch",
			in:    "{\"a\": 1} garbage",
			want:  `{"a"@1:2-1:5: 1@1:7-1:8}@1:1-1:9`,
			diags: []string{"syntax 1:10-1:11 unexpected 'g' after the end of the JSON document: a file holds exactly one JSON value. Elasticsearch does not reject it: it reads the first value and silently drops everything from here on"},
		},
		{
			name:  "comma without element",
			in:    `{,}`,
			want:  `<nil>`,
			diags: []string{"syntax 1:2-1:3 expected a double-quoted object key, found ','"},
		},
		{
			name:  "comma without element in array",
			in:    `[,]`,
			want:  `<nil>`,
			diags: []string{"syntax 1:2-1:3 invalid character ',' where a value was expected"},
		},
		{
			name:  "leading zero",
			in:    `{"a": -012}`,
			want:  `<nil>`,
			diags: []string{"syntax 1:8-1:9 invalid number: JSON does not allow leading zeros"},
		},
		{
			name: "trailing comment is fine",
			in:   "{\"a\": 1} // done",
			want: `{"a"@1:2-1:5: 1@1:7-1:8}@1:1-1:9`,
		},
		{
			name:  "comment is not allowed inside a token",
			in:    `{"a": tr/**/ue}`,
			want:  `<nil>`,
			diags: []string{"syntax 1:9-1:10 invalid character ' ' in literal true"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := source.NewFile("t.json", []byte(tt.in))
			v, diags := ParseJSON(f)
			if got := dump(v); got != tt.want {
				t.Errorf("tree:\n got  %s\n want %s", got, tt.want)
			}
			wantDiags(t, diags, tt.diags)
			var vals []*source.Value
			if v != nil {
				vals = append(vals, v)
			}
			checkSpans(t, f, vals, diags)
		})
	}
}

func TestParseJSONDuplicateDetails(t *testing.T) {
	// many members switch the duplicate index to a map
	var b strings.Builder
	b.WriteString("{\"rules\": {\"field\": {")
	for i := range 40 {
		b.WriteString(`"k` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `": 1, `)
	}
	b.WriteString(`"kba": 2, "kaa": 3}}}`)
	f := source.NewFile("t.json", []byte(b.String()))
	v, diags := ParseJSON(f)
	if v == nil {
		t.Fatal("no tree")
	}
	if len(diags) != 2 {
		t.Fatalf("got %d findings, want 2: %v", len(diags), diags)
	}
	d := diags[1]
	if d.Pointer != "/rules/field/kaa" {
		t.Errorf("pointer = %q, want /rules/field/kaa", d.Pointer)
	}
	if len(d.Related) != 1 || string(f.Content[d.Related[0].Span.Start:d.Related[0].Span.End]) != `"kaa"` {
		t.Errorf("related = %+v, want the first \"kaa\"", d.Related)
	}
	if got := len(v.Get("rules").Get("field").Members); got != 42 {
		t.Errorf("members = %d, want 42 (duplicates kept)", got)
	}
}

func TestParseJSONDoesNotModifyInput(t *testing.T) {
	in := "\xef\xbb\xbf{\"a\": /* c */ 1} // x"
	f := source.NewFile("t.json", []byte(in))
	v, diags := ParseJSON(f)
	if len(diags) != 0 || v == nil {
		t.Fatalf("unexpected findings %v", diags)
	}
	if string(f.Content) != in {
		t.Errorf("content modified: %q", f.Content)
	}
	if got := dump(v); got != `{"a"@1:2-1:5: 1@1:15-1:16}@1:1-1:17` {
		t.Errorf("tree %s", got)
	}
	if v.Span.Start != 3 {
		t.Errorf("root starts at byte %d, want 3 (after the BOM)", v.Span.Start)
	}
}

// TestDuplicateKeysAreCapped checks that an object with very many
// duplicate keys gives maxDupFindings findings and one more, in linear
// time (a quadratic search would take minutes here).
func TestDuplicateKeysAreCapped(t *testing.T) {
	for _, yaml := range []bool{false, true} {
		var b strings.Builder
		name := "m.json"
		if yaml {
			name = "m.yaml"
			for range 50_000 {
				b.WriteString("a: 1\n")
			}
		} else {
			b.WriteString("{")
			for range 50_000 {
				b.WriteString(`"a":1,`)
			}
			b.WriteString(`"b":2}`)
		}
		f := source.NewFile(name, []byte(b.String()))
		var diags []diag.Diagnostic
		if yaml {
			_, diags = ParseYAML(f)
		} else {
			_, diags = ParseJSON(f)
		}
		if len(diags) != maxDupFindings+1 {
			t.Fatalf("yaml %v: %d findings, want %d", yaml, len(diags), maxDupFindings+1)
		}
		if last := diags[maxDupFindings].Message; !strings.Contains(last, "only the first 100 are listed") {
			t.Errorf("yaml %v: last finding %q", yaml, last)
		}
	}
}
