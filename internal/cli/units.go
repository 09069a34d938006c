package cli

import (
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// ignoreUse is the ignore tracker of one list of ignore entries, shared by
// the units (clusters) whose config holds that list.
type ignoreUse struct {
	tracker  *config.IgnoreTracker
	settings *lint.Settings
}

// checkUnits lints every unit of the run and, unless lintOnly, runs its
// fixtures against its own mappings. Findings and test results name their
// cluster. Ignore entries shared by several clusters are judged once, after
// every cluster ran.
func (r *run) checkUnits(lintOnly, cov bool) *report.Result {
	res := &report.Result{Notes: decisionNotes(r.all), Skipped: r.all.Skipped, TestsRun: !lintOnly}
	uses := map[*config.IgnoreRule]*ignoreUse{}
	var order []*ignoreUse
	var findings []diag.Diagnostic
	for _, u := range r.all.Units {
		s := u.LintSettings()
		cfg := u.Config
		s.IgnoreCovered = func(rule *config.IgnoreRule) bool { return r.all.IgnoreCovered(cfg, rule) }
		if len(cfg.Ignores) > 0 {
			use := uses[cfg.Ignores[0]]
			if use == nil {
				use = &ignoreUse{tracker: lint.NewIgnoreTracker(s), settings: s}
				uses[cfg.Ignores[0]] = use
				order = append(order, use)
			}
			s.Ignores = use.tracker
		}
		for _, d := range lint.Run(u.Workspace, s, lint.All()) {
			d.Cluster = u.Cluster
			findings = append(findings, d)
		}
		res.Summary.Mappings += len(u.Workspace.Mappings)
		if u.Cluster != "" && !contains(res.Summary.Clusters, u.Cluster) {
			res.Summary.Clusters = append(res.Summary.Clusters, u.Cluster)
		}
		if lintOnly {
			continue
		}
		resolver := unitResolver(u)
		for _, tr := range runTestsBothReadings(u, resolver, u.Tests) {
			tr.Cluster = u.Cluster
			res.Tests = append(res.Tests, tr)
		}
		if cov {
			res.Coverage = mergeCoverage(res.Coverage, coverage(resolver, u.Tests, u.Normalizer))
		}
	}
	for _, use := range order {
		findings = append(findings, lint.IgnoreFindings(use.tracker, use.settings)...)
	}
	findings = dedupe(findings)
	lint.SortDiagnostics(findings)
	res.Findings = findings
	res.Summary.Files = r.all.Files
	res.Summary.SkippedFiles = len(r.all.Skipped)
	res.Summary.Configs = r.all.Configs
	return res
}

// fixtureFiles counts the fixture files of the run.
func (r *run) fixtureFiles() int {
	seen := map[string]bool{}
	for _, u := range r.all.Units {
		for _, f := range u.Workspace.Files {
			if f.Kind == workspace.FixtureFile {
				seen[f.Source.Name] = true
			}
		}
	}
	return len(seen)
}

// dedupe keeps one of each finding that several units made about the same
// place (a file two clusters share, the config both read); one made in
// several clusters names none, since it holds in each.
func dedupe(ds []diag.Diagnostic) []diag.Diagnostic {
	type key struct {
		check, file, msg, mapping string
		start, end                int
		level                     diag.Level
	}
	first := map[key]int{}
	out := ds[:0]
	for _, d := range ds {
		k := key{check: d.Check, msg: d.Message, mapping: d.Mapping, start: d.Span.Start, end: d.Span.End, level: d.Level}
		if d.Span.File != nil {
			k.file = d.Span.File.Name
		}
		if i, dup := first[k]; dup {
			if out[i].Cluster != d.Cluster {
				out[i].Cluster = ""
			}
			continue
		}
		first[k] = len(out)
		out = append(out, d)
	}
	return out
}

// mergeCoverage adds one unit's coverage to the run's.
func mergeCoverage(all, unit *report.Coverage) *report.Coverage {
	if all == nil {
		return unit
	}
	all.Files = append(all.Files, unit.Files...)
	sort.SliceStable(all.Files, func(i, j int) bool { return all.Files[i].File < all.Files[j].File })
	all.Covered += unit.Covered
	all.Total += unit.Total
	all.Percent = report.Percentage(all.Covered, all.Total)
	return all
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// noFixtures ends `test` when no fixture file is found (exit 2). The
// findings `test` reports (a fixture-shaped file with the wrong name, a
// mapping Elasticsearch rejects) are still written first, so that the cause
// is never hidden.
func (r *run) noFixtures() error {
	res := r.checkUnits(true, false)
	res.Findings = onlyRejections(res.Findings)
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
