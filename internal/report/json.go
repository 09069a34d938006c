package report

import (
	"encoding/json"
	"io"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// jsonFinding is the stable JSON form of a finding (docs/usage.md, "Output formats").
type jsonFinding struct {
	Check     string `json:"check"`
	Level     string `json:"level"`
	Message   string `json:"message"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Mapping   string `json:"mapping,omitempty"`
	Pointer   string `json:"pointer,omitempty"`
	Cluster   string `json:"cluster,omitempty"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Tests    []TestResult  `json:"tests"`
	Summary  Summary       `json:"summary"`
	Coverage *Coverage     `json:"coverage,omitempty"`
}

// Finding converts a diagnostic into its JSON form.
func toJSONFinding(d diag.Diagnostic) jsonFinding {
	r := d.Span.Range()
	f := jsonFinding{Check: d.Check, Level: d.Level.String(), Message: d.Message,
		Line: r.Start.Line, Column: r.Start.Col, EndLine: r.End.Line, EndColumn: r.End.Col,
		Mapping: d.Mapping, Pointer: d.Pointer, Cluster: d.Cluster}
	if d.Span.File != nil {
		f.File = d.Span.File.Name
	}
	return f
}

// JSON writes the result as the stable JSON document of docs/usage.md, "Output formats".
func JSON(w io.Writer, r *Result) error {
	out := jsonReport{Findings: []jsonFinding{}, Tests: []TestResult{}, Summary: r.Summary, Coverage: r.Coverage}
	for _, d := range r.Findings {
		out.Findings = append(out.Findings, toJSONFinding(d))
	}
	for _, t := range r.Tests {
		t.Roles = nonNil(t.Roles)
		t.Missing = nonNil(t.Missing)
		t.Unexpected = nonNil(t.Unexpected)
		out.Tests = append(out.Tests, t)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
