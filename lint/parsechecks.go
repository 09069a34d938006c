package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// forward builds the Run function of a check whose problems are found while
// loading and parsing: it reports the workspace's and mappings' problems
// owned by the check. Each problem has exactly one owner, so nothing is
// reported twice.
func forward(name string) func(*Pass) {
	return func(p *Pass) {
		for _, d := range p.Workspace.Diags {
			if d.Check == name {
				p.Report(d)
			}
		}
		for _, m := range p.Workspace.Mappings {
			for _, d := range m.Problems {
				if d.Check == name {
					p.Report(d)
				}
			}
		}
	}
}

// parseAnalyzer declares a check fed by the loaders and the model.
func parseAnalyzer(name string, level diag.Level, summary, doc string) *Analyzer {
	return &Analyzer{Name: name, Level: level, Summary: summary, Doc: doc, Run: forward(name)}
}

// reportAll reports findings made before the checks ran (about the config,
// the roles files or the fixture files), as the running check's.
func (p *Pass) reportAll(ds []diag.Diagnostic) {
	for _, d := range ds {
		p.Report(d)
	}
}
