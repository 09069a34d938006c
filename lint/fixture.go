package lint

import (
	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

var fixtureAnalyzer = &Analyzer{
	Name:    fixtures.Check,
	Level:   diag.Error,
	Summary: "problems in fixture files (*_test.yaml): unknown keys, missing names, tests without expectations",
	Doc: "Fixture files declare test users and the roles they must get (see the README). A fixture with an unknown key, " +
		"no `name`, a duplicate name, no `user.username`, values of the wrong type, no expectation (`roles`, " +
		"`includes`/`excludes` or `error`) or contradictory ones is reported here, and the test is counted as failed.",
	Run: func(p *Pass) { p.reportAll(p.Settings.FixtureFindings) },
}
