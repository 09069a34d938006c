package cli

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/engine"
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

// oneUnit refuses a run that holds several clusters or configs: explain
// answers for one cluster, so the PATHs must name one.
func (r *run) oneUnit() error {
	switch len(r.all.Units) {
	case 0:
		return usagef("nothing to explain: no role mapping source under %v", r.paths)
	case 1:
		return nil
	}
	var names []string
	for _, u := range r.all.Units {
		cfgName := "no config file"
		if u.Config.File != nil {
			cfgName = u.Config.File.Name
		}
		name := "config " + cfgName
		switch {
		case u.Cluster != "":
			name = "cluster " + u.Cluster + " of " + cfgName
		case len(u.Config.Clusters) > 0:
			name = "the files in none of the clusters of " + cfgName
		}
		names = append(names, name)
	}
	return usagef("the PATHs hold several clusters or configs (%s); explain answers for one: name the folder of one of them", strings.Join(names, ", "))
}
