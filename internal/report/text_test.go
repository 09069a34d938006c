package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func finding(f *source.File, start, end int, level diag.Level, check, msg string) diag.Diagnostic {
	return diag.Diagnostic{Check: check, Level: level, Message: msg, Span: source.Span{File: f, Start: start, End: end}, Mapping: "m", Pointer: "/rules"}
}

func TestText(t *testing.T) {
	f := source.NewFile("dir/a.json", []byte("{\n\t\"rules\": {\"any\": 1},\n  \"x\": [\n    1]\n}"))
	res := &Result{Findings: []diag.Diagnostic{
		finding(f, 18, 19, diag.Error, "rule-syntax", "field [any] requires an array"),
		finding(f, 26, 38, diag.Warning, "schema", "spans lines"),
		finding(f, 0, 0, diag.Info, "x", "empty span"),
	}, Summary: Summary{Files: 1, Mappings: 1}}
	res.Count()
	var b bytes.Buffer
	if err := Text(&b, res, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "dir/a.json:2:17: error: field [any] requires an array [rule-syntax]\n" +
		" 2 | \t\"rules\": {\"any\": 1},\n" +
		"   | \t               ^\n" +
		"dir/a.json:3:3: warning: spans lines [schema]\n" +
		" 3 |   \"x\": [\n" +
		"   |   ^~~~~~\n" +
		"dir/a.json:1:1: info: empty span [x]\n" +
		" 1 | {\n" +
		"   | ^\n" +
		"1 error, 1 warning, 1 info in 1 mapping from 1 file\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := Text(&b, res, Options{Color: true, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[31merror\x1b[0m") || strings.Contains(b.String(), "mapping from") {
		t.Errorf("colour/quiet output wrong:\n%q", b.String())
	}
}

func TestTextTests(t *testing.T) {
	res := &Result{Tests: []TestResult{
		{Name: "ok", File: "t_test.yaml", Line: 2, Passed: true},
		{Name: "bad", File: "t_test.yaml", Line: 7, Roles: []string{"a", "superuser"}, Missing: []string{"b"},
			Unexpected: []string{"superuser"}, Grants: map[string][]string{"superuser": {"m.json:3 admins"}}},
	}, Summary: Summary{Files: 2, Mappings: 3, SkippedFiles: 1}}
	res.Count()
	var b bytes.Buffer
	if err := Text(&b, res, Options{Verbose: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"PASS ok (t_test.yaml:2)", "FAIL bad (t_test.yaml:7)", "missing:    [b]",
		"unexpected: superuser", "granted by m.json:3 admins", "tests: 1 passed, 1 failed", "skipped 1 file"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in:\n%s", want, b.String())
		}
	}
}

func TestJSON(t *testing.T) {
	f := source.NewFile("a.json", []byte("{\"é\": 1}"))
	res := &Result{Findings: []diag.Diagnostic{finding(f, 1, 5, diag.Error, "schema", "<bad> & \"x\"")}}
	res.Count()
	var b bytes.Buffer
	if err := JSON(&b, res); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []map[string]any `json:"findings"`
		Tests    []any            `json:"tests"`
		Summary  map[string]int   `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	fd := got.Findings[0]
	if fd["line"] != 1.0 || fd["column"] != 2.0 || fd["end_column"] != 5.0 || fd["file"] != "a.json" || fd["pointer"] != "/rules" || fd["level"] != "error" {
		t.Errorf("finding = %v", fd)
	}
	if got.Tests == nil || got.Summary["errors"] != 1 {
		t.Errorf("tests must be [] and errors counted: %s", b.String())
	}
	if !strings.Contains(b.String(), `<bad> & \"x\"`) {
		t.Errorf("no HTML escaping expected: %s", b.String())
	}
}
