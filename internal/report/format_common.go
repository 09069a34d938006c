package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// FixtureTestCheck is the check id under which the machine-readable formats
// (sarif, github, junit) report failed fixture tests.
const FixtureTestCheck = "fixture-test"

// shownLevel is the level a report shows for a finding: an unresolved
// (Default) level shows as a warning, SARIF's default level.
func shownLevel(l diag.Level) diag.Level {
	if l == diag.Default {
		return diag.Warning
	}
	return l
}

// spanFile is the path of the file a finding is in, or "" when unknown.
func spanFile(d diag.Diagnostic) string {
	if d.Span.File == nil {
		return ""
	}
	return d.Span.File.Name
}

// findingPlace is "file:line:col" for a finding (just "file" without a
// position, "" without a file).
func findingPlace(d diag.Diagnostic) string {
	name := spanFile(d)
	if name == "" {
		return ""
	}
	p := d.Span.Range().Start
	if !p.IsValid() {
		return name
	}
	return fmt.Sprintf("%s:%d:%d", name, p.Line, p.Col)
}

// relatedLines renders a finding's related places, one "message: file:line:col"
// per entry that has a file.
func relatedLines(d diag.Diagnostic) []string {
	var out []string
	for _, rel := range d.Related {
		if rel.Span.File == nil {
			continue
		}
		p := rel.Span.Range().Start
		out = append(out, fmt.Sprintf("%s: %s:%d:%d", rel.Message, rel.Span.File.Name, p.Line, p.Col))
	}
	return out
}

// testPlace is "file:line" for a fixture test ("file" without a line).
func testPlace(t TestResult) string {
	if t.Line > 0 {
		return fmt.Sprintf("%s:%d", t.File, t.Line)
	}
	return t.File
}

// testFailureReason says in one line what went wrong in a failed fixture
// test: the unexpected error, the missing and the unexpected roles.
func testFailureReason(t TestResult) string {
	var parts []string
	if t.Error != "" {
		parts = append(parts, "error: "+t.Error)
	}
	if len(t.Missing) > 0 {
		parts = append(parts, "missing roles "+list(t.Missing))
	}
	if len(t.Unexpected) > 0 {
		parts = append(parts, "unexpected roles "+list(t.Unexpected))
	}
	if len(parts) == 0 {
		parts = append(parts, "the roles did not match the expectation")
	}
	return strings.Join(parts, "; ")
}

// testFailureSummary says in one line which fixture test failed and why.
func testFailureSummary(t TestResult) string {
	return fmt.Sprintf("fixture test %q failed: %s", t.Name, testFailureReason(t))
}

// testFailureDetail explains a failed fixture test over several lines: the
// summary, the roles the user got, and the mappings granting each
// unexpected role.
func testFailureDetail(t TestResult) []string {
	return append([]string{testFailureSummary(t)}, testFailureContext(t)...)
}

// testFailureContext lists the roles the user got and the mappings that
// granted each unexpected role.
func testFailureContext(t TestResult) []string {
	lines := []string{"got roles: " + list(t.Roles)}
	for _, u := range t.Unexpected {
		grants := append([]string(nil), t.Grants[u]...)
		sort.Strings(grants)
		for _, g := range grants {
			lines = append(lines, fmt.Sprintf("%s granted by %s", u, g))
		}
	}
	return lines
}
