// Package report renders a run's result: findings, fixture test results and
// a summary, in the formats of docs/usage.md, "Output formats".
package report

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// TestResult is the outcome of one fixture test.
type TestResult struct {
	Name       string   `json:"name"`
	File       string   `json:"file"`
	Line       int      `json:"line"`
	Passed     bool     `json:"passed"`
	Roles      []string `json:"roles"`
	Missing    []string `json:"missing"`
	Unexpected []string `json:"unexpected"`
	Error      string   `json:"error"`
	// Cluster names the cluster the test ran against, when the config
	// declares clusters.
	Cluster string `json:"cluster,omitempty"`
	// Grants explains, for each unexpected role, which mappings granted it
	// ("file:line mapping-name"); text output shows it.
	Grants map[string][]string `json:"-"`
}

// Summary counts what a run saw.
type Summary struct {
	Files        int `json:"files"`
	Mappings     int `json:"mappings"`
	SkippedFiles int `json:"skipped_files"`
	Errors       int `json:"errors"`
	Warnings     int `json:"warnings"`
	Infos        int `json:"infos"`
	Tests        int `json:"tests"`
	Passed       int `json:"passed"`
	Failed       int `json:"failed"`
	// Configs are the config files used (several in a monorepo of teams);
	// absent when no config file applies.
	Configs []string `json:"configs,omitempty"`
	// Clusters are the clusters checked, when a config declares them.
	Clusters []string `json:"clusters,omitempty"`
}

// Result is everything a run reports.
type Result struct {
	Findings []diag.Diagnostic
	Tests    []TestResult
	Summary  Summary
	// Skipped lists skipped files (counted in the summary).
	Skipped []string
	// Notes are verbose remarks (shown with -v): which files are read and
	// why, skipped special files.
	Notes []string
	// Coverage is set when --coverage asked for it.
	Coverage *Coverage
	// TestsRun says the fixtures were run (check, test), so that a run
	// without any says "0 tests".
	TestsRun bool
}

// Count fills the finding and test counters of the summary.
func (r *Result) Count() {
	r.Summary.Errors, r.Summary.Warnings, r.Summary.Infos = 0, 0, 0
	for _, f := range r.Findings {
		switch f.Level {
		case diag.Error:
			r.Summary.Errors++
		case diag.Warning:
			r.Summary.Warnings++
		case diag.Info:
			r.Summary.Infos++
		}
	}
	r.Summary.Tests, r.Summary.Passed, r.Summary.Failed = len(r.Tests), 0, 0
	for _, t := range r.Tests {
		if t.Passed {
			r.Summary.Passed++
		} else {
			r.Summary.Failed++
		}
	}
}

// Options control rendering.
type Options struct {
	// Color enables ANSI colours (text only).
	Color bool
	// Quiet prints only the findings and failed tests, plus the summary
	// when Failing (text only).
	Quiet bool
	// Failing says the run's exit code is not zero, so that a quiet text
	// report still says why.
	Failing bool
	// Verbose adds skipped files and notes (text only).
	Verbose bool
	// Rules describes the checks (sarif only; the caller fills it from
	// lint.All()).
	Rules []RuleInfo
	// SARIF holds the sarif format's options.
	SARIF SARIFOptions
	// GitHub holds the github format's options.
	GitHub GitHubOptions
}
