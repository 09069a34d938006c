package report

import (
	"slices"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
)

// FixtureResult turns the result r of fixture test t into the report's
// form. Lists are never nil, so JSON shows [] rather than null.
func FixtureResult(t *fixtures.Test, r fixtures.Result) TestResult {
	tr := TestResult{
		Name:       t.Name,
		Line:       t.Line,
		Passed:     r.Passed,
		Roles:      nonNil(slices.Clone(r.Roles)),
		Missing:    nonNil(slices.Clone(r.Missing)),
		Unexpected: nonNil(slices.Clone(r.Unexpected)),
		Error:      r.Error,
	}
	if t.File != nil {
		tr.File = t.File.Name
	}
	return tr
}

// FixtureOutcome turns the outcome of a fixture test run into the
// report's form, with the grants of its unexpected roles.
func FixtureOutcome(o fixtures.Outcome) TestResult {
	tr := FixtureResult(o.Test, o.Result)
	tr.Grants = o.Grants
	return tr
}
