package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/lint"
	"github.com/rolemap-lint/rolemap-lint/report"
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
// the log.
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
	for _, s := range specs {
		if s.file == "" {
			continue
		}
		abs := r.abs(s.file)
		if seen[abs] {
			return nil, usagef("two reports are written to %s", s.file)
		}
		seen[abs] = true
		if err := r.refuseInput(s.file); err != nil {
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
	for _, s := range specs {
		if err := r.writeOne(s, res); err != nil {
			return err
		}
	}
	return nil
}

func (r *run) writeOne(s outputSpec, res *report.Result) error {
	var w io.Writer = r.env.Stdout
	opt := r.reportOptions()
	if s.file != "" {
		f, err := os.Create(r.abs(s.file))
		if err != nil {
			return usagef("cannot write the %s report: %v", s.format, err)
		}
		defer f.Close()
		w = f
		opt.Color = false
	}
	if err := report.Write(s.format, w, res, opt); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && s.file != "" {
		if err := f.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", s.file, err)
		}
	}
	return nil
}

// reportOptions fills what every format needs.
func (r *run) reportOptions() report.Options {
	opt := report.Options{
		Color:   !r.flags.noColor && r.env.Getenv("NO_COLOR") == "" && isTerminal(r.env.Stdout),
		Quiet:   r.flags.quiet,
		Verbose: r.flags.verbose,
		SARIF:   report.SARIFOptions{ToolVersion: Version, SrcRoot: r.dir},
		GitHub:  report.GitHubOptions{StepSummary: r.env.Getenv("GITHUB_STEP_SUMMARY")},
	}
	for _, a := range lint.All() {
		opt.Rules = append(opt.Rules, report.RuleInfo{ID: a.Name, Summary: a.Summary, Doc: a.Doc, Level: a.Level, Security: a.Security})
	}
	return opt
}

// refuseInput keeps a report from overwriting a file being checked.
func (r *run) refuseInput(file string) error {
	out, err := filepath.Abs(r.abs(file))
	if err != nil {
		return nil
	}
	for _, p := range r.paths {
		if p == "-" {
			continue
		}
		in, err := filepath.Abs(r.abs(p))
		if err != nil {
			continue
		}
		if in == out || strings.HasPrefix(out, in+string(filepath.Separator)) && isCandidate(out) {
			return usagef("the report file %s is one of the files being checked; rolemap-lint never writes to its inputs", file)
		}
	}
	return nil
}

// isCandidate reports whether a path would be read as a mapping source.
func isCandidate(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".json", ".yaml", ".yml":
		_, err := os.Stat(p)
		return err == nil
	}
	return false
}
