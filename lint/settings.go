package lint

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/engine"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// NewSettings builds the settings of a run over a loaded project: the
// modelled version, check levels, the config and what was read with it, the
// catalog, the fixtures, and a DN oracle sharing the project's normalizer.
func NewSettings(p *engine.Project) *Settings {
	cfg := p.Config
	s := &Settings{Version: cfg.ESVersion, Levels: cfg.Checks, Config: cfg, Dir: p.Dir,
		DNOracle: &decide.MatchOracle{Normalizer: p.Normalizer, Ops: automaton.Ops{Pool: p.Budget.States()}},
		Catalog:  p.Catalog, CatalogFindings: p.CatalogFindings, FixtureFindings: p.FixtureFindings,
		Budget: p.Budget}
	for _, prob := range cfg.Problems {
		s.ConfigProblems = append(s.ConfigProblems, prob.Diagnostic(CheckConfig))
	}
	for _, t := range p.Tests {
		if t.Valid {
			s.FixtureUsers = append(s.FixtureUsers, FixtureUser{User: t.User, ExpectsError: t.Error != nil,
				Test: fmt.Sprintf("the user of test %q (%s:%d)", t.Name, t.File.Name, t.Line)})
		}
	}
	return s
}

// KnownChecks is the set of check ids, for validating the config.
func KnownChecks() map[string]bool {
	known := map[string]bool{}
	for _, a := range All() {
		known[a.Name] = true
	}
	return known
}
