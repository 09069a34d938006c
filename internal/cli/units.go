package cli

import (
	"github.com/rolemap-lint/rolemap-lint/internal/engine"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
)

// noFixtures ends `test` when no fixture file is found (exit 2). The
// findings `test` reports (a fixture-shaped file with the wrong name, a
// mapping Elasticsearch rejects) are still written first, so that the cause
// is never hidden.
func (r *run) noFixtures() error {
	res := r.all.Lint()
	res.Findings = engine.OnlyRejections(res.Findings)
	if len(res.Findings) > 0 {
		res.Count()
		r.failing = true
		if err := r.write(res); err != nil {
			return err
		}
	}
	return usagef("no fixture files (*_test.yaml, *_test.yml, *_test.json) found under %v: `test` has nothing to run (use --allow-empty to accept this)", r.paths)
}

// explainAll explains the user in every unit of the run: each config
// file, and each cluster of one, is its own Elasticsearch cluster, so the
// user's roles are answered per unit, each answer naming its unit when
// there are several or it is a cluster.
func (r *run) explainAll(u *user.User) ([]*report.Explanation, error) {
	if len(r.all.Units) == 0 {
		return nil, usagef("nothing to explain: no role mapping source under %v", r.paths)
	}
	var out []*report.Explanation
	for _, p := range r.all.Units {
		ex := p.Explain(u)
		if len(r.all.Units) > 1 || p.Cluster != "" {
			ex.Cluster = p.Cluster
			ex.Config = "no config file"
			if p.Config.File != nil {
				ex.Config = p.Config.File.Name
			}
			if p.Cluster == "" && len(p.Config.Clusters) > 0 {
				ex.Config += ", files in none of its clusters"
			}
		}
		out = append(out, ex)
	}
	return out, nil
}
