package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// GitHubOptions control the github format.
type GitHubOptions struct {
	// StepSummary is the path in $GITHUB_STEP_SUMMARY; when set, a
	// Markdown summary of the run is appended to that file.
	StepSummary string
}

// annotation is one workflow command.
type annotation struct {
	command string // error, warning or notice
	file    string
	line    int
	col     int
	endLine int
	endCol  int
	title   string
	message string
}

// GitHub writes one workflow command per finding and per failed fixture
// test — `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<check>::message`,
// `::warning` for warnings, `::notice` for infos — errors first, then
// warnings, then notices, each group in the result's order. Values are
// escaped as GitHub's actions/toolkit escapes them. When opt.StepSummary is
// set, a Markdown summary is appended to that file as well.
func GitHub(w io.Writer, r *Result, opt GitHubOptions) error {
	anns := annotations(r)
	bw := bufio.NewWriter(w)
	for _, a := range anns {
		bw.WriteString(a.String())
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if opt.StepSummary != "" {
		if err := appendStepSummary(opt.StepSummary, r, anns); err != nil {
			return fmt.Errorf("writing the step summary: %w", err)
		}
	}
	return nil
}

// annotations lists the run's annotations in output order.
func annotations(r *Result) []annotation {
	var errs, warns, notes []annotation
	for _, d := range r.Findings {
		a := findingAnnotation(d)
		switch a.command {
		case "error":
			errs = append(errs, a)
		case "warning":
			warns = append(warns, a)
		default:
			notes = append(notes, a)
		}
	}
	for _, t := range r.Tests {
		if !t.Passed {
			errs = append(errs, annotation{command: "error", file: t.File, line: t.Line,
				title: FixtureTestCheck, message: strings.Join(testFailureDetail(t), "\n")})
		}
	}
	return append(append(errs, warns...), notes...)
}

func findingAnnotation(d diag.Diagnostic) annotation {
	a := annotation{command: githubCommand(d.Level), file: spanFile(d), title: d.Check, message: d.Message}
	if d.Cluster != "" {
		a.message = "cluster " + d.Cluster + ": " + a.message
	}
	if rel := relatedLines(d); len(rel) > 0 {
		a.message += "\n" + strings.Join(rel, "\n")
	}
	if a.file == "" {
		return a
	}
	rg := d.Span.Range()
	a.line, a.endLine = rg.Start.Line, rg.End.Line
	// Columns are only allowed when the annotation starts and ends on one
	// line (actions/toolkit AnnotationProperties: startColumn and endColumn
	// "cannot be sent when startLine and endLine are different values").
	if rg.End.Line == rg.Start.Line {
		a.col = rg.Start.Col
		if rg.End.Col > rg.Start.Col {
			a.endCol = rg.End.Col
		}
	}
	if a.endLine < a.line {
		a.endLine = 0
	}
	return a
}

// githubCommand is the workflow command for a level; unresolved levels are
// warnings, as in SARIF.
func githubCommand(l diag.Level) string {
	switch shownLevel(l) {
	case diag.Error:
		return "error"
	case diag.Info, diag.Off:
		return "notice"
	}
	return "warning"
}

// String renders the workflow command. Properties with empty or zero
// values are left out, as the toolkit does. Text from the repository is
// escaped (esc) before the toolkit's own escaping, so that no ESC
// sequence or other control character reaches the log.
func (a annotation) String() string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(a.command)
	sep := " "
	prop := func(key, val string) {
		if val == "" || val == "0" {
			return
		}
		b.WriteString(sep)
		b.WriteString(key)
		b.WriteByte('=')
		b.WriteString(escapeProperty(val))
		sep = ","
	}
	prop("file", esc(a.file))
	prop("line", strconv.Itoa(a.line))
	prop("col", strconv.Itoa(a.col))
	prop("endLine", strconv.Itoa(a.endLine))
	prop("endColumn", strconv.Itoa(a.endCol))
	prop("title", esc(a.title))
	b.WriteString("::")
	// The message keeps its line breaks (escapeData writes them as %0A,
	// which the runner turns back into line breaks inside the annotation);
	// everything else that could steer the log is escaped visibly.
	b.WriteString(escapeData(escLines(a.message)))
	return b.String()
}

// escapeData escapes a workflow command's message as actions/toolkit's
// escapeData does (packages/core/src/command.ts): % first, then CR and LF.
func escapeData(s string) string {
	return dataEscaper.Replace(s)
}

// escapeProperty escapes a workflow command property value as
// actions/toolkit's escapeProperty does: escapeData plus ":" and ",".
func escapeProperty(s string) string {
	return propertyEscaper.Replace(s)
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
