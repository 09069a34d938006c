package engine

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// LintSettings builds the settings of the checks over the loaded project p: the
// modelled version, check levels, the config and what was read with it, the
// catalog, the fixtures, and a DN oracle sharing the project's normalizer.
func (p *Project) LintSettings() *lint.Settings {
	cfg := p.Config
	s := &lint.Settings{Version: cfg.ESVersion, Levels: cfg.Checks, Config: cfg, Dir: p.Dir,
		DNOracle: &decide.MatchOracle{Normalizer: p.Normalizer, Ops: automaton.Ops{Pool: p.Budget.States()}},
		Catalog:  p.Catalog, CatalogFindings: p.CatalogFindings, FixtureFindings: p.FixtureFindings,
		Budget: p.Budget, Normalizer: p.Normalizer}
	for _, prob := range cfg.Problems {
		s.ConfigProblems = append(s.ConfigProblems, prob.Diagnostic(lint.CheckConfig))
	}
	for _, t := range p.Tests {
		if t.Valid {
			s.FixtureUsers = append(s.FixtureUsers, lint.FixtureUser{User: t.User, ExpectsError: t.Error != nil,
				Test: fmt.Sprintf("the user of test %q (%s:%d)", t.Name, t.File.Name, t.Line)})
		}
	}
	return s
}
