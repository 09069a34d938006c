package report

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// TestWrite: Write renders each format exactly as its own function does,
// with the options that format uses.
func TestWrite(t *testing.T) {
	res := sampleResult(t)
	summary := filepath.Join(t.TempDir(), "summary.md")
	opt := Options{Quiet: true, Rules: sampleRules(), SARIF: SARIFOptions{ToolVersion: "9.9.9"},
		GitHub: GitHubOptions{StepSummary: summary}}
	direct := map[string]func(*bytes.Buffer) error{
		"text":   func(b *bytes.Buffer) error { return Text(b, res, opt) },
		"json":   func(b *bytes.Buffer) error { return JSON(b, res) },
		"sarif":  func(b *bytes.Buffer) error { return SARIF(b, res, opt.Rules, opt.SARIF) },
		"github": func(b *bytes.Buffer) error { return GitHub(b, res, GitHubOptions{}) },
		"junit":  func(b *bytes.Buffer) error { return JUnit(b, res) },
	}
	if got := strings.Join(Formats(), ","); got != "text,json,sarif,github,junit" {
		t.Errorf("Formats() = %s", got)
	}
	for _, format := range Formats() {
		var got, want bytes.Buffer
		if err := Write(format, &got, res, opt); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if err := direct[format](&want); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("Write(%q) differs from the format's function", format)
		}
	}
	if !strings.Contains(writtenSARIF(t, res, opt), `"version": "9.9.9"`) {
		t.Error("Write did not pass the SARIF options")
	}
	if err := Write("xml", &bytes.Buffer{}, res, opt); err == nil || !strings.Contains(err.Error(), `unknown report format "xml" (want text, json, sarif, github, junit)`) {
		t.Errorf("unknown format error = %v", err)
	}
}

func writtenSARIF(t *testing.T, r *Result, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write("sarif", &b, r, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

var errWrite = errors.New("disk full")

// TestWriteErrors: a failing writer's error comes back wrapped with the
// format's name.
func TestWriteErrors(t *testing.T) {
	for _, format := range Formats() {
		err := Write(format, failingWriter{}, sampleResult(t), Options{})
		if err == nil || !strings.Contains(err.Error(), "writing the "+format+" report: disk full") {
			t.Errorf("%s: error %v", format, err)
		}
	}
}

// TestDefaultLevel: a finding whose level was never resolved shows as a
// warning in the github and junit formats and takes its rule's default
// level in sarif.
func TestDefaultLevel(t *testing.T) {
	f := source.NewFile("m.json", []byte("{}"))
	res := &Result{Findings: []diag.Diagnostic{{Check: "disabled-mapping", Message: "m",
		Span: source.Span{File: f, Start: 0, End: 2}}}}
	var gh, ju, sa bytes.Buffer
	if err := GitHub(&gh, res, GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(gh.String(), "::warning ") {
		t.Errorf("github: %s", gh.String())
	}
	if err := JUnit(&ju, res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ju.String(), `type="warning">m.json:1:1: warning: m [disabled-mapping]`) {
		t.Errorf("junit: %s", ju.String())
	}
	if err := SARIF(&sa, res, sampleRules(), SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := decodeSARIF(t, sa.Bytes()).Runs[0].Results[0].Level; got != "note" {
		t.Errorf("sarif result level %q, want the info rule's note", got)
	}
}
