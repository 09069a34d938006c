package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/safetext"
)

// JUnit suite names.
const (
	junitFixtureSuite = "rolemap-lint fixture tests"
	junitLintSuite    = "rolemap-lint findings"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes the result as JUnit XML for GitLab, Jenkins and Azure
// DevOps: a <testsuites> root holding two suites.
//
//   - "rolemap-lint fixture tests": one testcase per fixture test (classname
//     the fixture file, name the test's name); a failed test has a
//     <failure> whose message says what was missing or unexpected and
//     whose text lists the roles the user got and the mappings granting
//     each unexpected role.
//   - "rolemap-lint findings": one testcase per finding (classname the
//     file, name "check-id line:col"). Errors and warnings fail, with one
//     <failure type="error|warning">; infos are passing testcases whose
//     <system-out> carries the finding, so they are visible without
//     failing a pipeline. A run without findings has one passing testcase
//     "no findings" (classname "rolemap-lint"), because Jenkins' junit step
//     fails a build whose reports hold no test at all.
//
// The errors and skipped counts are always 0. Text from the repository is
// escaped visibly (esc: control characters as \xNN, invalid UTF-8 bytes
// as \xNN), so the XML holds no character XML 1.0 forbids and nothing that
// steers a terminal when a CI system prints the report.
func JUnit(w io.Writer, r *Result) error {
	fixtures := junitSuite{Name: junitFixtureSuite, Cases: []junitCase{}}
	for _, t := range r.Tests {
		fixtures.add(junitTestCase(t))
	}
	lint := junitSuite{Name: junitLintSuite}
	for _, d := range r.Findings {
		lint.add(junitFindingCase(d))
	}
	if len(lint.Cases) == 0 {
		lint.add(junitCase{Name: "no findings", Classname: "rolemap-lint",
			SystemOut: fmt.Sprintf("no findings in %s from %s", plural(r.Summary.Mappings, "mapping"), plural(r.Summary.Files, "file"))})
	}
	root := junitSuites{Name: "rolemap-lint", Suites: []junitSuite{fixtures, lint}}
	for _, s := range root.Suites {
		root.Tests += s.Tests
		root.Failures += s.Failures
	}
	// encoding/xml writes the line breaks of a text as &#xA;, so every line
	// of the document starts with markup; the guard keeps it that way for
	// any line that could start with a name from the repository, so that
	// none starts as a CI runner command when the XML is printed to a log.
	g := safetext.NewGuard(w)
	if _, err := io.WriteString(g, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(g)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	if _, err := io.WriteString(g, "\n"); err != nil {
		return err
	}
	return g.Flush()
}

func (s *junitSuite) add(c junitCase) {
	s.Cases = append(s.Cases, c)
	s.Tests++
	if c.Failure != nil {
		s.Failures++
	}
}

func junitTestCase(t TestResult) junitCase {
	c := junitCase{Name: esc(t.Name), Classname: esc(t.File), File: esc(t.File), Line: t.Line}
	if !t.Passed {
		c.Failure = &junitFailure{Message: esc(testFailureReason(t)), Type: FixtureTestCheck,
			Text: escLines(strings.Join(testFailureContext(t), "\n"))}
	}
	return c
}

func junitFindingCase(d diag.Diagnostic) junitCase {
	file := esc(spanFile(d))
	c := junitCase{Name: esc(d.Check), Classname: file, File: file}
	if c.Classname == "" {
		c.Classname = "rolemap-lint"
	}
	if file != "" {
		p := d.Span.Range().Start
		c.Name = fmt.Sprintf("%s %d:%d", esc(d.Check), p.Line, p.Col)
		c.Line = p.Line
	}
	text := escLines(strings.Join(append([]string{findingLine(d)}, relatedLines(d)...), "\n"))
	switch level := shownLevel(d.Level); level {
	case diag.Error, diag.Warning:
		c.Failure = &junitFailure{Message: esc(d.Message), Type: level.String(), Text: text}
	default:
		c.SystemOut = text
	}
	return c
}

// findingLine is the text format's first line of a finding:
// "file:line:col: level: message [check]".
func findingLine(d diag.Diagnostic) string {
	place := findingPlace(d)
	if place == "" {
		place = "<unknown>"
	}
	return fmt.Sprintf("%s: %s: %s [%s]", place, shownLevel(d.Level), esc(d.Message), esc(d.Check))
}
