package loader

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// fuzzCheck asserts what must hold for any input: spans inside the file and
// ordered, and no recovered panic from the loader's own code.
func fuzzCheck(t *testing.T, f *source.File, vals []*source.Value, diags []diag.Diagnostic) {
	t.Helper()
	checkSpans(t, f, vals, diags)
	for _, d := range diags {
		if strings.HasPrefix(d.Message, "internal error while reading") {
			t.Fatalf("recovered panic: %s", d.Message)
		}
		if d.Check != CheckSyntax && d.Check != CheckAmbiguousYAML {
			t.Fatalf("unexpected check %q", d.Check)
		}
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`{"enabled": true, "roles": ["a"], "rules": {"field": {"username": "*"}}}`,
		"// c\n{\"a\": /* x */ 1, \"a\": 2}",
		`{"a": [1, -2.5e3, true, false, null, "x\n\u00e9"]}`,
		`{"a" }`, `{"a":1,}`, "{\n\"a\":[1,", `{a:1}`, `{"a":"\q"}`, `{"a":1} x`, `[tru]`, `/* open`,
		"\xef\xbb\xbf{}", "\xff\xfe{\x00}\x00", "[\"caf\xe9\"]", strings.Repeat("[", 1200),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file := source.NewFile("fuzz.json", data)
		v, diags := ParseJSON(file)
		var vals []*source.Value
		if v != nil {
			vals = append(vals, v)
		}
		fuzzCheck(t, file, vals, diags)
	})
}

func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{
		"enabled: true\nroles:\n  - admin\nrules: {field: {username: x}}\n",
		"a: |+\n  keep\n\n\nb: >-\n  folded\n  text\n\n  more\nc: |2\n    indented\n  x\nd: |\ne: 1\n",
		"f: plain\n  multi\n\n  line\ng: x # c\n",
		"- &a x\n- *a\n- 0x1F\n- 0777\n- yes\n- 1:30\n- .inf\n- 1_000\n- !foo bar\n",
		"base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n", "&a [x, *a]", "? [a]\n: 1\n",
		"---\n---\na: 1\n--- |\n  top\n...\n", "a: 'it''s'\nb: \"x\\\"y\"\n", "a: 1\r\nb: 'x\r\n  y'\r\nc: 2\rd: 3\n",
		"\xef\xbb\xbfa: é\n", "a: b: c\n", "x: 1\n\ty: 2\n", "a: *nope\n", billionLaughs(4, 4),
		"k: [a,\n  b, # c\n  ]\nm: {x: 1,\n  y: 2\n  }\n", "a: &x\n  b: 1\nc: *x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file := source.NewFile("fuzz.yaml", data)
		docs, diags := ParseYAML(file)
		fuzzCheck(t, file, docs, diags)
	})
}
