package engine

import (
	"github.com/rolemap-lint/rolemap-lint/internal/eval/resolve"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// Resolver prepares role resolution for the unit p.
func (p *Project) Resolver() *resolve.Resolver {
	return resolve.New(p.Workspace, p.ResolverOptions())
}

// ResolverOptions are the resolution settings of the unit p; template
// renderings draw on the run's template budget.
func (p *Project) ResolverOptions() resolve.Options {
	scripting := lint.ScriptSettings(p.Config.Scripting)
	scripting.Steps = p.Budget.Templates()
	return resolve.Options{Config: p.Config, Scripting: scripting, Normalizer: p.Normalizer}
}
