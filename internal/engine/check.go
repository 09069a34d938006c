package engine

import (
	"slices"
	"sort"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// Lint lints every unit of the run: the result of `rolemap-lint lint`,
// before the report counts it.
func (r *Run) Lint() *report.Result { return r.check(true, false) }

// Check lints every unit and runs its fixtures against its own mappings
// (with coverage when cov is set): the result of `rolemap-lint check`.
func (r *Run) Check(cov bool) *report.Result { return r.check(false, cov) }

// Test is Check keeping only the findings `test` reports: what makes
// Elasticsearch reject a mapping, and broken fixtures.
func (r *Run) Test(cov bool) *report.Result {
	res := r.check(false, cov)
	res.Findings = OnlyRejections(res.Findings)
	return res
}

// OnlyRejections keeps the findings of `test`: what makes Elasticsearch
// reject a mapping (so it grants nothing), and broken fixtures.
func OnlyRejections(ds []diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if diag.Rejects(d.Check) || d.Check == fixtures.Check || d.Check == workspace.CheckFixtureName {
			out = append(out, d)
		}
	}
	return out
}

// decisionNotes are the -v lines: every JSON/YAML file found with whether
// it is read and why, then the workspace's other notes.
func (r *Run) decisionNotes() []string {
	out := make([]string, 0, len(r.Decisions)+len(r.Notes))
	for _, d := range r.Decisions {
		out = append(out, d.String())
	}
	return append(out, r.Notes...)
}

// ignoreUse is the ignore tracker of one list of ignore entries, shared by
// the units (clusters) whose config holds that list.
type ignoreUse struct {
	tracker  *config.IgnoreTracker
	settings *lint.Settings
}

// check lints every unit of the run and, unless lintOnly, runs its
// fixtures against its own mappings. Findings and test results name their
// cluster. Ignore entries shared by several clusters are judged once, after
// every cluster ran.
func (r *Run) check(lintOnly, cov bool) *report.Result {
	res := &report.Result{Notes: r.decisionNotes(), Skipped: r.Skipped, TestsRun: !lintOnly}
	uses := map[*config.IgnoreRule]*ignoreUse{}
	var order []*ignoreUse
	var findings []diag.Diagnostic
	for _, u := range r.Units {
		s := u.LintSettings()
		cfg := u.Config
		s.IgnoreCovered = func(rule *config.IgnoreRule) bool { return r.IgnoreCovered(cfg, rule) }
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
		if u.Cluster != "" && !slices.Contains(res.Summary.Clusters, u.Cluster) {
			res.Summary.Clusters = append(res.Summary.Clusters, u.Cluster)
		}
		if lintOnly {
			continue
		}
		resolver := u.Resolver()
		for _, o := range runTestsBothReadings(u, resolver, u.Tests) {
			tr := report.FixtureOutcome(o)
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
	res.Summary.Files = r.Files
	res.Summary.SkippedFiles = len(r.Skipped)
	res.Summary.Configs = r.Configs
	return res
}

// FixtureFiles counts the fixture files of the run.
func (r *Run) FixtureFiles() int {
	seen := map[string]bool{}
	for _, u := range r.Units {
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
