package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/safetext"
)

// ANSI colour codes used by the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGray   = "\x1b[90m"
)

type textWriter struct {
	w   *bufio.Writer
	opt Options
	// clusters is true when the run checked several clusters: findings
	// and tests then name theirs.
	clusters bool
}

func (t *textWriter) paint(code, s string) string {
	if !t.opt.Color {
		return s
	}
	return code + s + ansiReset
}

// Text writes findings as `path:line:col: level: message [check]` with the
// source line and a caret under the span, then test results and a summary.
//
// With opt.Quiet it writes only what explains a failing run: the findings,
// the failed tests, the coverage when it is below the minimum, and the
// summary line when opt.Failing says the exit code is not zero.
//
// Every string taken from the repository is escaped (see esc), and no
// line can start as a CI runner command (safetext.Guard).
func Text(w io.Writer, r *Result, opt Options) error {
	g := safetext.NewGuard(w)
	t := &textWriter{w: bufio.NewWriter(g), opt: opt, clusters: len(r.Summary.Clusters) > 1}
	for _, d := range r.Findings {
		t.finding(d)
	}
	switch {
	case opt.Quiet:
		t.tests(r.Tests, true)
		if r.Coverage != nil && r.Coverage.Below {
			t.coverage(r.Coverage)
		}
		if opt.Failing {
			t.summary(r)
		}
	default:
		t.tests(r.Tests, false)
		t.coverage(r.Coverage)
		if opt.Verbose {
			for _, n := range r.Notes {
				fmt.Fprintln(t.w, esc(n))
			}
		}
		t.summary(r)
	}
	if err := t.w.Flush(); err != nil {
		return err
	}
	return g.Flush()
}

func levelColor(l diag.Level) string {
	switch l {
	case diag.Error:
		return ansiRed
	case diag.Warning:
		return ansiYellow
	}
	return ansiCyan
}

func (t *textWriter) finding(d diag.Diagnostic) {
	rg := d.Span.Range()
	name := "<unknown>"
	if d.Span.File != nil {
		name = d.Span.File.Name
	}
	loc := name
	if rg.Start.IsValid() {
		loc = fmt.Sprintf("%s:%d:%d", name, rg.Start.Line, rg.Start.Col)
	}
	msg := d.Message
	if t.clusters && d.Cluster != "" {
		msg = "cluster " + d.Cluster + ": " + msg
	}
	fmt.Fprintf(t.w, "%s: %s: %s %s\n", t.paint(ansiBold, esc(loc)), t.paint(levelColor(d.Level), d.Level.String()),
		esc(msg), t.paint(ansiGray, "["+esc(d.Check)+"]"))
	if rg.Start.IsValid() && len(d.Span.File.Content) > 0 {
		t.snippet(d.Span.File, rg, levelColor(d.Level))
	}
	for _, rel := range d.Related {
		if rel.Span.File == nil {
			continue
		}
		p := rel.Span.Range().Start
		fmt.Fprintf(t.w, "    %s %s:%d:%d\n", esc(rel.Message)+":", esc(rel.Span.File.Name), p.Line, p.Col)
	}
}

// snippet prints the first line of the span with a caret line under it.
func (t *textWriter) snippet(f *source.File, rg source.Range, color string) {
	if f.LineLen(rg.Start.Line) > 4*300 {
		return // longer than 300 characters whatever they are: not copied
	}
	line := f.Line(rg.Start.Line)
	if utf8.RuneCountInString(line) > 300 || !printable(line) {
		return // minified, generated or binary: a snippet would not help
	}
	num := fmt.Sprint(rg.Start.Line)
	gutter := strings.Repeat(" ", len(num))
	fmt.Fprintf(t.w, " %s | %s\n", t.paint(ansiGray, num), line)
	var pad strings.Builder
	col := 1
	for _, r := range line {
		if col >= rg.Start.Col {
			break
		}
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
		col++
	}
	width := 1
	lineLen := utf8.RuneCountInString(line)
	if rg.End.Line == rg.Start.Line && rg.End.Col > rg.Start.Col {
		width = rg.End.Col - rg.Start.Col
	} else if rg.End.Line > rg.Start.Line && lineLen >= rg.Start.Col {
		width = lineLen - rg.Start.Col + 1
	}
	caret := "^" + strings.Repeat("~", max(0, width-1))
	fmt.Fprintf(t.w, " %s | %s%s\n", gutter, pad.String(), t.paint(color, caret))
}

// cluster names a test's cluster when the run checked several.
func (t *textWriter) cluster(name string) string {
	if !t.clusters || name == "" {
		return ""
	}
	return ", cluster " + esc(name)
}

// tests prints the test results; failedOnly skips the passing ones.
func (t *textWriter) tests(tests []TestResult, failedOnly bool) {
	for _, tr := range tests {
		if tr.Passed {
			if !failedOnly {
				fmt.Fprintf(t.w, "%s %s (%s:%d%s)\n", t.paint(ansiGreen, "PASS"), esc(tr.Name), esc(tr.File), tr.Line, t.cluster(tr.Cluster))
			}
			continue
		}
		fmt.Fprintf(t.w, "%s %s (%s:%d%s)\n", t.paint(ansiRed, "FAIL"), esc(tr.Name), esc(tr.File), tr.Line, t.cluster(tr.Cluster))
		if tr.Error != "" {
			fmt.Fprintf(t.w, "    error: %s\n", esc(tr.Error))
		}
		fmt.Fprintf(t.w, "    got roles:  %s\n", esc(list(tr.Roles)))
		if len(tr.Missing) > 0 {
			fmt.Fprintf(t.w, "    missing:    %s\n", esc(list(tr.Missing)))
		}
		for _, u := range tr.Unexpected {
			fmt.Fprintf(t.w, "    unexpected: %s\n", esc(u))
			grants := append([]string(nil), tr.Grants[u]...)
			sort.Strings(grants)
			for _, g := range grants {
				fmt.Fprintf(t.w, "        granted by %s\n", esc(g))
			}
		}
	}
}

// list renders names as "[a, b]" ("(none)" when empty). The formats
// that print it for people escape the result.
func list(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return "[" + strings.Join(s, ", ") + "]"
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func (t *textWriter) summary(r *Result) {
	s := r.Summary
	var b strings.Builder
	if s.Errors+s.Warnings+s.Infos == 0 {
		b.WriteString("no problems found")
	} else {
		fmt.Fprintf(&b, "%s, %s, %s", plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info"))
	}
	fmt.Fprintf(&b, " in %s from %s", plural(s.Mappings, "mapping"), plural(s.Files, "file"))
	if s.SkippedFiles > 0 {
		fmt.Fprintf(&b, " (skipped %s without role mappings; -v lists them)", plural(s.SkippedFiles, "file"))
	}
	switch {
	case s.Tests > 0:
		fmt.Fprintf(&b, "; tests: %d passed, %d failed", s.Passed, s.Failed)
	case r.TestsRun:
		b.WriteString("; 0 tests")
	}
	if len(s.Clusters) > 1 {
		fmt.Fprintf(&b, "; clusters: %s", strings.Join(s.Clusters, ", "))
	}
	color := ansiGreen
	if s.Errors > 0 || s.Failed > 0 {
		color = ansiRed
	} else if s.Warnings > 0 {
		color = ansiYellow
	}
	fmt.Fprintln(t.w, t.paint(color, b.String()))
}

// printable reports whether a source line can be shown as it is: valid
// UTF-8 without control characters other than tabs, and nothing that
// reorders or steers the display (see safetext.Safe).
func printable(s string) bool { return safetext.Safe(s) }
