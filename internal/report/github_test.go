package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func githubOf(t *testing.T, r *Result, opt GitHubOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := GitHub(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGitHubGolden(t *testing.T) {
	checkGolden(t, "sample.github.golden", []byte(githubOf(t, sampleResult(t), GitHubOptions{})))
	if out := githubOf(t, emptyResult(), GitHubOptions{}); out != "" {
		t.Errorf("a clean run printed annotations: %q", out)
	}
}

func TestGitHubAnnotations(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(githubOf(t, sampleResult(t), GitHubOptions{}), "\n"), "\n")
	want := []string{
		// errors (findings, then failed tests), warnings, notices
		`::error file=mappings/a.json,line=4,col=35,endLine=4,endColumn=44,title=invalid-pattern::invalid pattern [/admin*]. 100%25 wrong,%0Asecond line\r%0Athird: done`,
		`::error file=mappings/a.json,line=3,col=13,endLine=3,endColumn=24,title=privileged-broad-grant::role [superuser] granted to every realm`,
		`::error file=mappings/dup.yaml,line=3,endLine=4,title=duplicate-name::duplicate mapping name [m1]%0Afirst defined here: mappings/dup.yaml:1:1`,
		`::error file=tests/access_test.yaml,line=9,title=fixture-test::fixture test "contractors | never <superuser>" failed: missing roles [reader]; unexpected roles [superuser]%0Agot roles: [superuser, viewer]%0Asuperuser granted by mappings/a.json:1 a`,
		`::error file=tests/access_test.yaml,line=15,title=fixture-test::fixture test "template error" failed: error: Roles template must generate%0Aa value%0Agot roles: (none)`,
		`::warning file=mappings/a.json,line=5,col=15,endLine=5,endColumn=25,title=schema::metadata key "é" <b>not</b> & more`,
		`::warning file=mappings/odd%3Aname%2C1 é.yaml,line=3,endLine=4,title=undocumented-check::spans lines: any`,
		`::notice file=mappings/dup.yaml,line=4,col=3,endLine=4,endColumn=17,title=disabled-mapping::mapping [m1] is disabled`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), strings.Join(lines, "\n"))
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

func TestGitHubNoFile(t *testing.T) {
	res := &Result{Findings: []diag.Diagnostic{{Check: "config", Level: diag.Warning, Message: "a:b"}}}
	if got, want := githubOf(t, res, GitHubOptions{}), "::warning title=config::a:b\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"%0A literal", "%250A literal", "%250A literal"},
		{"a\nb\r\nc\rd", "a%0Ab%0D%0Ac%0Dd", "a%0Ab%0D%0Ac%0Dd"},
		{"x:y,z", "x:y,z", "x%3Ay%2Cz"},
		{"::error::", "::error::", "%3A%3Aerror%3A%3A"},
		{"é ü 日本", "é ü 日本", "é ü 日本"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

// unescapeCommand reverses the toolkit's escaping, as the runner does.
var unescapeCommand = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

// FuzzGitHubEscape: escaped values carry no line break (no command
// injection), properties no ":" or ",", and the runner's unescaping gives
// the original back.
func FuzzGitHubEscape(f *testing.F) {
	for _, s := range []string{"", "a%0Ab", "x\n::add-mask::y", "k=v,l=w", "%%3A", "\r\n:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, p := escapeData(s), escapeProperty(s)
		if strings.ContainsAny(d, "\r\n") || strings.ContainsAny(p, "\r\n:,") {
			t.Fatalf("unsafe escape of %q: %q / %q", s, d, p)
		}
		if unescapeCommand.Replace(d) != s || unescapeCommand.Replace(p) != s {
			t.Fatalf("round trip of %q: %q / %q", s, d, p)
		}
	})
}

func TestGitHubStepSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, []byte("earlier step output\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	githubOf(t, sampleResult(t), GitHubOptions{StepSummary: path})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := strings.CutPrefix(string(data), "earlier step output\n")
	if !ok {
		t.Fatalf("the summary did not append:\n%s", data)
	}
	checkGolden(t, "sample.summary.md.golden", []byte(got))

	empty := filepath.Join(t.TempDir(), "empty.md")
	githubOf(t, emptyResult(), GitHubOptions{StepSummary: empty})
	data, err = os.ReadFile(empty)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "empty.summary.md.golden", data)

	if err := GitHub(&bytes.Buffer{}, emptyResult(), GitHubOptions{StepSummary: t.TempDir()}); err == nil {
		t.Error("writing the summary to a directory did not fail")
	}
}

// manyFindings is a result with n findings of each level.
func manyFindings(n int, msg string) *Result {
	f := source.NewFile("m.json", []byte("{}"))
	r := &Result{}
	for _, l := range []diag.Level{diag.Error, diag.Warning, diag.Info} {
		for i := 0; i < n; i++ {
			r.Findings = append(r.Findings, diag.Diagnostic{Check: "schema", Level: l,
				Message: fmt.Sprintf("%s %d", msg, i), Span: source.Span{File: f, Start: 0, End: 1}})
		}
	}
	r.Count()
	return r
}

func TestHiddenAnnotationsNote(t *testing.T) {
	for _, tc := range []struct {
		errors, warnings, notices int
		want                      string
	}{
		{10, 10, 10, ""},
		{0, 0, 0, ""},
		{12, 11, 10, "so 2 errors and 1 warning of this run"},
		{11, 0, 15, "so 1 error and 5 notices of this run"},
		{30, 30, 30, "so 20 errors, 20 warnings and 20 notices of this run"},
	} {
		var anns []annotation
		for kind, n := range map[string]int{"error": tc.errors, "warning": tc.warnings, "notice": tc.notices} {
			for i := 0; i < n; i++ {
				anns = append(anns, annotation{command: kind})
			}
		}
		got := hiddenAnnotationsNote(anns)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%d/%d/%d: note %q, want it to contain %q", tc.errors, tc.warnings, tc.notices, got, tc.want)
		}
	}
}

// TestStepSummaryBudget: rows beyond GitHub's size limit are counted, not
// written, and the summary stays within the budget.
func TestStepSummaryBudget(t *testing.T) {
	r := manyFindings(200, strings.Repeat("long message ", 20))
	anns := annotations(r)
	full := stepSummary(r, anns, stepSummaryLimit)
	if strings.Contains(full, "did not fit") || strings.Count(full, "\n| m.json\\:1\\:1 |") != 600 {
		t.Fatalf("unbudgeted summary lost rows")
	}
	const budget = 40000
	small := stepSummary(r, anns, budget)
	if len(small) > budget {
		t.Errorf("summary of %d bytes exceeds its budget %d", len(small), budget)
	}
	rows := strings.Count(small, "\n| m.json\\:1\\:1 |")
	if want := fmt.Sprintf("%d more rows did not fit", 600-rows); rows == 0 || rows == 600 || !strings.Contains(small, want) {
		t.Errorf("%d rows written; missing %q", rows, want)
	}
	if !strings.Contains(small, "190 errors, 190 warnings and 190 notices") {
		t.Errorf("hidden annotations note missing:\n%s", small[len(small)-400:])
	}
}

func TestMarkdownCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a|b", `a\|b`},
		{"<script>&amp;", `\<script\>\&amp;`},
		{"*bold* _it_ `code` [l](u) ~s~", "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u) \\~s\\~"},
		{"line1\nline2\r\nline3", "line1<br>line2<br>line3"},
		{"tab\there\x00nul\x1b[2J", `tab here\\x00nul\\x1b\[2J`},
		{"see https://evil.example/x and www.evil.example, WWW.x.y", `see https\://evil.example/x and www\.evil.example, WWW\.x.y`},
		{"mail a@b.example", `mail a\@b.example`},
		{"rlo\u202e", `rlo\\u202e`},
		{`back\slash`, `back\\slash`},
		{"", " "},
		{"é :smile: @team #1", `é \:smile\: \@team \#1`},
	} {
		if got := markdownCell(tc.in); got != tc.want {
			t.Errorf("markdownCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzMarkdownCell: a cell never contains a line break or an unescaped "|".
func FuzzMarkdownCell(f *testing.F) {
	for _, s := range []string{"a|b", "\\|", "x\r\ny", "\\\\|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := markdownCell(s)
		if strings.ContainsAny(c, "\r\n") {
			t.Fatalf("line break in cell %q", c)
		}
		backslashes := 0
		for i := 0; i < len(c); i++ {
			switch c[i] {
			case '\\':
				backslashes++
				continue
			case '|':
				if backslashes%2 == 0 {
					t.Fatalf("unescaped | in %q", c)
				}
			}
			backslashes = 0
		}
	})
}

// TestGitHubAnnotationNeutral: control characters and bidi controls from
// the repository reach the log escaped visibly, in the message and in the
// properties; the message's own line breaks stay %0A.
func TestGitHubAnnotationNeutral(t *testing.T) {
	a := annotation{command: "error", file: "x\x1b]0;t\x07.json", line: 1, title: "c\u202e",
		message: "\x1b[31mred\x1b[0m\u009b2J\nnext"}
	got := a.String()
	want := `::error file=x\x1b]0;t\x07.json,line=1,title=c\u202e::\x1b[31mred\x1b[0m\u009b2J%0Anext`
	if got != want {
		t.Errorf("annotation:\n got %s\nwant %s", got, want)
	}
}
