package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/report"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// outputSpec is one requested report: a format, and the file it goes to
// ("" = standard output, or --output).
type outputSpec struct {
	format string
	file   string
}

// formatList collects repeated --format FORMAT[=FILE] flags.
type formatList []outputSpec

func (l *formatList) String() string {
	parts := make([]string, len(*l))
	for i, s := range *l {
		parts[i] = s.format
		if s.file != "" {
			parts[i] += "=" + s.file
		}
	}
	return strings.Join(parts, ",")
}

func (l *formatList) Set(v string) error {
	format, file, _ := strings.Cut(v, "=")
	if !slices.Contains(report.Formats(), format) {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(report.Formats(), ", "))
	}
	if strings.Contains(v, "=") && file == "" {
		return fmt.Errorf("--format %s= needs a file name", format)
	}
	*l = append(*l, outputSpec{format: format, file: file})
	return nil
}

// outputs resolves the requested reports: at most one without a file (it
// goes to --output or standard output); when every format names a file,
// the text report still goes to standard output for the humans reading
// the log. Every report file is checked with checkReportTarget.
func (r *run) outputs() ([]outputSpec, error) {
	specs := append([]outputSpec(nil), r.flags.formats...)
	var toStdout []outputSpec
	for _, s := range specs {
		if s.file == "" {
			toStdout = append(toStdout, s)
		}
	}
	switch {
	case len(toStdout) > 1:
		return nil, usagef("several --format flags without a file (%s): give all but one a file with --format FORMAT=FILE", (*formatList)(&toStdout).String())
	case len(toStdout) == 0:
		specs = append([]outputSpec{{format: "text"}}, specs...)
	}
	for i, s := range specs {
		if s.file == "" && r.flags.output != "" {
			specs[i].file = r.flags.output
		}
	}
	seen := map[string]bool{}
	inputs := r.inputFiles()
	for _, s := range specs {
		if s.file == "" {
			continue
		}
		abs := filepath.Clean(r.abs(s.file))
		if seen[abs] {
			return nil, usagef("two reports are written to %s", s.file)
		}
		seen[abs] = true
		if err := r.checkReportTarget(s.file, inputs); err != nil {
			return nil, err
		}
	}
	return specs, nil
}

// write renders the result in every requested format.
func (r *run) write(res *report.Result) error {
	specs, err := r.outputs()
	if err != nil {
		return err
	}
	opt, err := r.reportOptions()
	if err != nil {
		return err
	}
	for _, s := range specs {
		if err := r.writeOne(s, res, opt); err != nil {
			return err
		}
	}
	return nil
}

// writeOne writes one report to standard output or, through a temporary
// file renamed into place, to its file.
func (r *run) writeOne(s outputSpec, res *report.Result, opt report.Options) error {
	if s.file == "" {
		return report.Write(s.format, r.env.Stdout, res, opt)
	}
	opt.Color = false
	err := writeFileAtomic(filepath.Clean(r.abs(s.file)), func(w io.Writer) error {
		return report.Write(s.format, w, res, opt)
	})
	if err != nil {
		return usagef("cannot write the %s report %s: %v", s.format, s.file, err)
	}
	return nil
}

// reportOptions fills what every format needs.
func (r *run) reportOptions() (report.Options, error) {
	color, err := useColor(r.flags, r.env.Getenv, r.env.Stdout)
	if err != nil {
		return report.Options{}, err
	}
	opt := report.Options{
		Color:   color,
		Quiet:   r.flags.quiet,
		Failing: r.failing,
		Verbose: r.flags.verbose,
		SARIF:   report.SARIFOptions{ToolVersion: toolVersion(), SrcRoot: r.dir},
		GitHub:  report.GitHubOptions{StepSummary: r.env.Getenv("GITHUB_STEP_SUMMARY")},
	}
	for _, a := range lint.All() {
		opt.Rules = append(opt.Rules, report.RuleInfo{ID: a.Name, Summary: a.Summary, Doc: a.Doc, Level: a.Level, Security: a.Security})
	}
	return opt, nil
}
