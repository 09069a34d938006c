package engine

import (
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
)

// unit collects the files and tests of one cluster while splitting.
type unit struct {
	cfg     *config.Config
	cluster string
	files   []*workspace.File
	tests   []*fixtures.Test
	diags   []diag.Diagnostic
}

// holdsSomething reports whether the unit has a file, a test or a finding.
func (u *unit) holdsSomething() bool {
	return len(u.files) > 0 || len(u.tests) > 0 || len(u.diags) > 0
}

// splitUnits builds one unit per cluster of the config (plus one for the
// files in no cluster), or a single unit when the config has no clusters.
func splitUnits(opt Options, cfg *config.Config, ws *workspace.Workspace, norm *dn.Normalizer, patterns *automaton.Cache, bud *budget.Run) ([]*Project, error) {
	var units []*unit
	byName := map[string]*unit{}
	for _, cl := range cfg.Clusters {
		u := &unit{cfg: cl.Config, cluster: cl.Name}
		units = append(units, u)
		byName[cl.Name] = u
	}
	rest := &unit{cfg: cfg}
	units = append(units, rest)
	membersOf := func(f *workspace.File) []*unit {
		var out []*unit
		for _, cl := range cfg.Members(cfg.Rel(config.AbsFrom(opt.Dir, f.Source.Name))) {
			out = append(out, byName[cl.Name])
		}
		if len(out) == 0 {
			out = []*unit{rest}
		}
		return out
	}
	for _, f := range ws.Files {
		members := membersOf(f)
		if f.Kind != workspace.FixtureFile {
			for _, u := range members {
				u.files = append(u.files, f)
			}
			continue
		}
		tests, diags := fixtures.Parse(f.Source, f.Docs)
		home := members
		if named := namedHome(tests, byName); named != nil {
			// Every test names its cluster: the file (and its findings)
			// goes there, not to the clusters of its folder.
			home = []*unit{named}
		}
		for _, u := range home {
			u.files = append(u.files, f)
		}
		home[0].diags = append(home[0].diags, diags...)
		warned := false
		for _, t := range tests {
			if t.Cluster == "" {
				if members[0] == rest && len(cfg.Clusters) > 0 && !warned {
					warned = true
					home[0].diags = append(home[0].diags, noCluster(cfg, t))
				}
				for _, u := range members {
					u.tests = append(u.tests, t)
				}
				continue
			}
			u := byName[t.Cluster]
			if u == nil {
				home[0].diags = append(home[0].diags, unknownCluster(cfg, t))
				bad := *t
				bad.Valid = false
				home[0].tests = append(home[0].tests, &bad)
				continue
			}
			u.tests = append(u.tests, t)
		}
	}
	var out []*Project
	for _, u := range units {
		if len(cfg.Clusters) > 0 && !u.holdsSomething() {
			continue // nothing of this cluster under the PATHs
		}
		p := &Project{Dir: opt.Dir, Config: u.cfg, Cluster: u.cluster, Normalizer: norm,
			Tests: u.tests, FixtureFindings: u.diags, Budget: bud}
		if err := p.loadCatalog(); err != nil {
			return nil, err
		}
		sub := workspace.Subset(u.files)
		sub.Build(workspace.Options{Dir: opt.Dir, Version: u.cfg.ESVersion, Patterns: patterns,
			DNFileOptions: p.dnFileOptions, YAMLReader: u.cfg.YAMLReader})
		dnDiags, dnNotes := p.missingDNFiles()
		sub.Diags = append(sub.Diags, dnDiags...)
		sub.Notes = append(sub.Notes, dnNotes...)
		p.Workspace = sub
		out = append(out, p)
	}
	return out, nil
}

// outsideClusters notes, for -v, the mapping sources in none of the
// config's clusters: they are checked with the top-level settings, as a
// namespace of their own.
func outsideClusters(cfg *config.Config, units []*Project) []string {
	if len(cfg.Clusters) == 0 {
		return nil
	}
	var out []string
	for _, u := range units {
		if u.Cluster != "" {
			continue
		}
		for _, f := range u.Workspace.Files {
			if f.Kind == workspace.MappingSource || f.Kind == workspace.DNMappingFile {
				out = append(out, fmt.Sprintf("%s: in none of the clusters of %s; checked with its top-level settings", f.Source.Name, cfg.File.Name))
			}
		}
	}
	return out
}

// namedHome returns the unit of the cluster the first test names when
// every test of a fixture file names a known cluster, else nil.
func namedHome(tests []*fixtures.Test, byName map[string]*unit) *unit {
	if len(tests) == 0 {
		return nil
	}
	for _, t := range tests {
		if t.Cluster == "" || byName[t.Cluster] == nil {
			return nil
		}
	}
	return byName[tests[0].Cluster]
}

// noCluster warns about a fixture file in none of the config's clusters
// whose tests name none: they run against the mappings outside every
// cluster, which is seldom what was meant.
func noCluster(cfg *config.Config, t *fixtures.Test) diag.Diagnostic {
	d := diag.At(fixtures.Check, t.Span, "this fixture file lies in none of the config's clusters (%s) and its tests name none, so they run against the mappings outside every cluster; add a top-level `cluster: NAME` beside `tests:`, or move the file under a cluster's paths",
		strings.Join(cfg.ClusterNames(), ", "))
	d.Level = diag.Warning
	return d
}

// unknownCluster reports a fixture document naming a cluster the config
// does not declare.
func unknownCluster(cfg *config.Config, t *fixtures.Test) diag.Diagnostic {
	if len(cfg.Clusters) == 0 {
		return diag.At(fixtures.Check, t.ClusterSpan, "cluster %q: the config declares no clusters; remove the key, or declare the clusters under `clusters:` in the config", t.Cluster)
	}
	return diag.At(fixtures.Check, t.ClusterSpan, "cluster %q is not one of the config's clusters (%s); the tests of this document are not run",
		t.Cluster, strings.Join(cfg.ClusterNames(), ", "))
}
