package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// ExampleResult is what `rolemap-lint lint` finds in an example.
type ExampleResult struct {
	// Findings are the findings, as lint.Run returns them.
	Findings []diag.Diagnostic
	// Text is the text report, without colour, exactly as the CLI prints
	// it (file names relative to the repository root).
	Text string
}

// RunExample writes files to a temporary directory and lints them as
// `rolemap-lint lint ARGS` run in that directory would: the same config,
// role catalog, workspace, fixture findings and text report. Only the
// directory's own .rolemap-lint.yaml is read (never one of its parents).
func RunExample(files map[string]string, args []string) (*ExampleResult, error) {
	dir, err := os.MkdirTemp("", "rolemap-lint-example-")
	if err != nil {
		return nil, fmt.Errorf("running example: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := writeFiles(dir, files); err != nil {
		return nil, err
	}
	return lintDir(dir, args)
}

// writeFiles writes each file below dir.
func writeFiles(dir string, files map[string]string) error {
	for name, content := range files {
		clean := filepath.Clean(filepath.FromSlash(name))
		if name == "" || filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
			return fmt.Errorf("example file %q: not a relative path inside the repository", name)
		}
		full := filepath.Join(dir, clean)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("example file %s: %w", name, err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			return fmt.Errorf("example file %s: %w", name, err)
		}
	}
	return nil
}

// lintDir runs `rolemap-lint lint ARGS` in the working directory dir: the
// run the command line opens and lints (OpenRun, Run.Lint), with config
// files looked for no higher than dir, and the text report without colour.
func lintDir(dir string, args []string) (*ExampleResult, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	r, err := OpenRun(Options{Dir: dir, Paths: args, NoParentConfig: true, KnownChecks: lint.KnownChecks()})
	if err != nil {
		return nil, fmt.Errorf("loading the example: %w", err)
	}
	res := r.Lint()
	res.Count()
	var b bytes.Buffer
	if err := report.Text(&b, res, report.Options{}); err != nil {
		return nil, fmt.Errorf("rendering the example's report: %w", err)
	}
	return &ExampleResult{Findings: res.Findings, Text: b.String()}, nil
}
