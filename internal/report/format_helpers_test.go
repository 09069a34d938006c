package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// spanOf is the span of the first occurrence of sub in f (the test fails
// when sub is absent).
func spanOf(t testing.TB, f *source.File, sub string) source.Span {
	t.Helper()
	i := bytes.Index(f.Content, []byte(sub))
	if i < 0 {
		t.Fatalf("%q not in %s", sub, f.Name)
	}
	return source.Span{File: f, Start: i, End: i + len(sub)}
}

// sampleRules describes the checks the sample result uses, as a caller
// would from lint.All().
func sampleRules() []RuleInfo {
	return []RuleInfo{
		{ID: "invalid-pattern", Level: diag.Error, Summary: "bad wildcard/regex values",
			Doc: "A value starting with `/` must end with `/`.\n\nSecond paragraph with `code`."},
		{ID: "privileged-broad-grant", Level: diag.Error, Security: true, Summary: "privileged role granted broadly",
			Doc: "`superuser` granted to users of every realm."},
		{ID: "schema", Level: diag.Error, Summary: "unknown top-level field"},
		{ID: "disabled-mapping", Level: diag.Info, Summary: "enabled: false", Doc: "The mapping is disabled."},
		{ID: "duplicate-name", Level: diag.Error, Summary: "two mappings share a name", Doc: "Only one survives."},
	}
}

// sampleResult covers the escaping edge cases of every format: messages
// with %, CR/LF, <, & and non-ASCII text; a file name with ":" and ",";
// a span over several lines; related locations; an info finding; a check
// no rule describes; passing and failing fixture tests.
func sampleResult(t testing.TB) *Result {
	t.Helper()
	a := source.NewFile("mappings/a.json", []byte("{\n  \"enabled\": true,\n  \"roles\": [\"superuser\"],\n  \"rules\": {\"field\": {\"username\": \"/admin*\"}},\n  \"metadata\": {\"é\": \"x\"}\n}\n"))
	odd := source.NewFile("mappings/odd:name,1 é.yaml", []byte("roles: [x]\nrules:\n  any:\n    - field: {groups: \"<&>\"}\n"))
	dup := source.NewFile("mappings/dup.yaml", []byte("m1:\n  enabled: true\nm1:\n  enabled: false\n"))
	res := &Result{
		Findings: []diag.Diagnostic{
			{Check: "invalid-pattern", Level: diag.Error, Message: "invalid pattern [/admin*]. 100% wrong,\nsecond line\r\nthird: done",
				Span: spanOf(t, a, `"/admin*"`), Mapping: "a", Pointer: "/rules/field/username"},
			{Check: "privileged-broad-grant", Level: diag.Error, Message: "role [superuser] granted to every realm",
				Span: spanOf(t, a, `"superuser"`), Mapping: "a", Pointer: "/roles/0"},
			{Check: "schema", Level: diag.Warning, Message: "metadata key \"é\" <b>not</b> & more",
				Span: spanOf(t, a, "{\"é\": \"x\"}"), Mapping: "a", Pointer: "/metadata"},
			{Check: "undocumented-check", Level: diag.Warning, Message: "spans lines: any",
				Span: spanOf(t, odd, "any:\n    - field"), Mapping: "odd:name,1 é", Pointer: "/rules/any"},
			{Check: "disabled-mapping", Level: diag.Info, Message: "mapping [m1] is disabled",
				Span: spanOf(t, dup, "enabled: false"), Mapping: "m1", Pointer: "/enabled"},
			{Check: "duplicate-name", Level: diag.Error, Message: "duplicate mapping name [m1]",
				Span: spanOf(t, dup, "m1:\n  enabled: false"), Mapping: "m1",
				Related: []diag.Related{{Span: spanOf(t, dup, "m1"), Message: "first defined here"}}},
		},
		Tests: []TestResult{
			{Name: "admins are superusers", File: "tests/access_test.yaml", Line: 3, Passed: true, Roles: []string{"superuser"}},
			{Name: "contractors | never <superuser>", File: "tests/access_test.yaml", Line: 9,
				Roles: []string{"superuser", "viewer"}, Missing: []string{"reader"}, Unexpected: []string{"superuser"},
				Grants: map[string][]string{"superuser": {"mappings/a.json:1 a"}}},
			{Name: "template error", File: "tests/access_test.yaml", Line: 15, Error: "Roles template must generate\na value"},
		},
		Summary: Summary{Files: 3, Mappings: 4, SkippedFiles: 1},
	}
	res.Count()
	return res
}

// emptyResult is a clean run.
func emptyResult() *Result {
	r := &Result{Summary: Summary{Files: 2, Mappings: 5}}
	r.Count()
	return r
}

// checkGolden compares got with testdata/name; ROLEMAP_LINT_UPDATE=1
// rewrites the file instead.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if os.Getenv("ROLEMAP_LINT_UPDATE") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with ROLEMAP_LINT_UPDATE=1 to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; ROLEMAP_LINT_UPDATE=1 rewrites it):\n%s", path, diff)
	}
}
