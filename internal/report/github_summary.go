package report

import (
	"fmt"
	"os"
	"strings"
)

// GitHub limits. Annotations: "10 warning annotations, 10 error
// annotations, and 10 notice annotations per step; 50 annotations per job
// (sum of annotations from all the steps)" (actions/toolkit,
// docs/problem-matchers.md, "Limitations"). Step summaries: the runner
// refuses a $GITHUB_STEP_SUMMARY over 1024k ("$GITHUB_STEP_SUMMARY upload
// aborted, supports content up to a size of 1024k", the runner's error, see
// docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary).
const (
	annotationsPerKindPerStep = 10
	annotationsPerJob         = 50
	stepSummaryLimit          = 1024 * 1024
	// summaryFooterReserve keeps room for the closing notes once the
	// tables stop growing.
	summaryFooterReserve = 4096
)

// appendStepSummary appends the run's Markdown summary to path, keeping
// the file under GitHub's size limit: table rows that do not fit are
// counted instead of listed.
func appendStepSummary(path string, r *Result, anns []annotation) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	budget := stepSummaryLimit
	if info, err := f.Stat(); err == nil {
		budget -= int(info.Size())
	}
	_, err = f.WriteString(stepSummary(r, anns, budget))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// stepSummary renders the Markdown summary in at most about budget bytes.
func stepSummary(r *Result, anns []annotation, budget int) string {
	var b strings.Builder
	s := r.Summary
	b.WriteString("### rolemap-lint\n\n")
	if len(r.Findings) == 0 {
		b.WriteString("No problems found")
	} else {
		fmt.Fprintf(&b, "%s, %s, %s", plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info"))
	}
	fmt.Fprintf(&b, " in %s from %s", plural(s.Mappings, "mapping"), plural(s.Files, "file"))
	if s.SkippedFiles > 0 {
		fmt.Fprintf(&b, " (skipped %s without role mappings)", plural(s.SkippedFiles, "file"))
	}
	if s.Tests > 0 {
		fmt.Fprintf(&b, "; fixture tests: %d passed, %d failed", s.Passed, s.Failed)
	}
	b.WriteString(".\n\n")
	limit := budget - summaryFooterReserve
	omitted := 0
	if len(r.Findings) > 0 {
		b.WriteString("| Location | Level | Check | Message |\n| --- | --- | --- | --- |\n")
		for i, d := range r.Findings {
			row := fmt.Sprintf("| %s | %s | %s | %s |\n", markdownCell(findingPlace(d)), shownLevel(d.Level),
				markdownCell(d.Check), markdownCell(strings.Join(append([]string{d.Message}, relatedLines(d)...), "\n")))
			if b.Len()+len(row) > limit {
				omitted += len(r.Findings) - i
				break
			}
			b.WriteString(row)
		}
		b.WriteString("\n")
	}
	if len(r.Tests) > 0 {
		b.WriteString("| Fixture test | Location | Result | Details |\n| --- | --- | --- | --- |\n")
		ordered := make([]TestResult, 0, len(r.Tests))
		for _, pass := range []bool{false, true} { // failures first
			for _, t := range r.Tests {
				if t.Passed == pass {
					ordered = append(ordered, t)
				}
			}
		}
		for i, t := range ordered {
			result, details := "pass", "got roles: "+list(t.Roles)
			if !t.Passed {
				result = "**FAIL**"
				details = strings.Join(append([]string{testFailureReason(t)}, testFailureContext(t)...), "\n")
			}
			row := fmt.Sprintf("| %s | %s | %s | %s |\n", markdownCell(t.Name), markdownCell(testPlace(t)), result, markdownCell(details))
			if b.Len()+len(row) > limit {
				omitted += len(ordered) - i
				break
			}
			b.WriteString(row)
		}
		b.WriteString("\n")
	}
	if c := r.Coverage; c != nil {
		fmt.Fprintf(&b, "Rule coverage: **%.1f%%** of rule outcomes (%d/%d)", c.Percent, c.Covered, c.Total)
		if c.Min > 0 {
			verdict := "met"
			if c.Below {
				verdict = "**not met**"
			}
			fmt.Fprintf(&b, "; minimum %.1f%% %s", c.Min, verdict)
		}
		b.WriteString(".\n\n| File | Coverage | Outcomes never produced |\n| --- | --- | --- |\n")
		for _, f := range c.Files {
			var gaps []string
			for _, m := range f.Mappings {
				for _, g := range m.Gaps {
					gaps = append(gaps, fmt.Sprintf("line %d: mapping [%s] %s never %s", g.Line, m.Name, g.Rule, g.Missing))
				}
			}
			row := fmt.Sprintf("| %s | %.1f%% | %s |\n", markdownCell(f.File), f.Percent, markdownCell(strings.Join(gaps, "\n")))
			if b.Len()+len(row) > limit {
				omitted++
				continue
			}
			b.WriteString(row)
		}
		b.WriteString("\n")
	}
	if omitted > 0 {
		fmt.Fprintf(&b, "%d more rows did not fit GitHub's 1024k step summary limit; the step log lists every finding.\n\n", omitted)
	}
	if note := hiddenAnnotationsNote(anns); note != "" {
		b.WriteString(note)
	}
	return b.String()
}

// hiddenAnnotationsNote says how many annotations GitHub will not show.
func hiddenAnnotationsNote(anns []annotation) string {
	counts := map[string]int{}
	for _, a := range anns {
		counts[a.command]++
	}
	var hidden []string
	total := 0
	for _, kind := range []string{"error", "warning", "notice"} {
		if n := counts[kind] - annotationsPerKindPerStep; n > 0 {
			hidden = append(hidden, plural(n, kind))
			total += n
		}
	}
	if total == 0 {
		return ""
	}
	return fmt.Sprintf("> **Note:** GitHub shows at most %d error, %d warning and %d notice annotations per step "+
		"(and %d per job), so %s of this run appear only in the step log and in this summary.\n",
		annotationsPerKindPerStep, annotationsPerKindPerStep, annotationsPerKindPerStep, annotationsPerJob,
		joinAnd(hidden))
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// markdownCell escapes text for a cell of a GitHub-flavoured Markdown
// table so that it renders literally: control characters are escaped
// visibly (escLines), inline Markdown and HTML characters are
// backslash-escaped, "|" cannot end the cell, line breaks become <br>,
// and bare URLs, "www." names and e-mail addresses are not turned into
// links (every ":", the "." after "www" and "@" are backslash-escaped,
// which renders the same characters but breaks the autolink patterns).
func markdownCell(s string) string {
	var b strings.Builder
	s = escLines(strings.ReplaceAll(s, "\r\n", "\n"))
	for i, r := range s {
		switch {
		case r == '\n':
			b.WriteString("<br>")
		case r < 0x20:
			b.WriteByte(' ') // a tab: escLines keeps nothing else below 0x20
		case strings.ContainsRune("\\`*_[]<>&|~!#@:", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteString("\\.")
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return " "
	}
	return b.String()
}
