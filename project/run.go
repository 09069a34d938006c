package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/automaton"
	"github.com/rolemap-lint/rolemap-lint/config"
	"github.com/rolemap-lint/rolemap-lint/diag"
	"github.com/rolemap-lint/rolemap-lint/dn"
	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/workspace"
)

// Run is everything one command checks. Each PATH is checked with the
// nearest config file above it (up to the repository root), a directory
// holding a config file of its own is checked with that one, and each
// cluster a config declares is checked on its own: every such part is a
// unit, a Project of its own (its own namespace of mapping names, catalog,
// realms, es_version and fixtures).
type Run struct {
	// Dir is the absolute working directory.
	Dir string
	// Units are the parts checked on their own, by config file path and
	// then in the order of the config's clusters (files in no cluster
	// last).
	Units []*Project
	// Configs are the config files used (as reports name files), sorted.
	Configs []string
	// Files is the number of distinct files read.
	Files int
	// Skipped and Notes are what -v lists.
	Skipped []string
	Notes   []string
	// groups are the configs in use, for IgnoreCovered.
	groups []*group
}

// group is one config file and the paths checked with it.
type group struct {
	key    string // absolute config path ("" = no config file)
	depth  int    // directory depth of the config, for ordering
	paths  []string
	cfg    *config.Config
	loaded bool
	// whole is true when a path walked covers the config's whole directory.
	whole bool
	// checked are the config-relative paths of the files read.
	checked map[string]bool
}

// OpenRun loads every unit the paths hold. workspace.ErrNoFiles is
// returned (wrapped) with an empty run when the paths hold no candidate
// file at all; other errors are usage errors.
func OpenRun(opt Options) (*Run, error) {
	r := &Run{Dir: opt.Dir}
	norm := dn.NewNormalizer(dn.DefaultCacheEntries)
	patterns := &automaton.Cache{}
	groups := map[string]*group{}
	add := func(key, path string) *group {
		g := groups[key]
		if g == nil {
			g = &group{key: key, depth: -1, checked: map[string]bool{}}
			if key != "" {
				g.depth = strings.Count(filepath.Dir(key), string(filepath.Separator))
			}
			groups[key] = g
		}
		for _, p := range g.paths {
			if p == path {
				return g
			}
		}
		g.paths = append(g.paths, path)
		return g
	}
	for _, path := range opt.Paths {
		key, err := r.configFor(opt, path)
		if err != nil {
			return nil, err
		}
		if path != "-" {
			path = r.abs(path)
		}
		add(key, path)
	}
	p0 := &Project{Dir: opt.Dir}
	total := 0
	seen := map[string]bool{}
	for {
		g := nextGroup(groups)
		if g == nil {
			break
		}
		g.loaded = true
		cfg, err := p0.loadConfigFile(opt, g.key)
		if err != nil {
			return nil, err
		}
		g.cfg = cfg
		r.groups = append(r.groups, g)
		r.Notes = append(r.Notes, configNote(p0, cfg, g.paths))
		if cfg.File != nil {
			r.Configs = append(r.Configs, cfg.File.Name)
		}
		nested := opt.ConfigFile == ""
		excluded := cfg.ExcludedFrom(opt.Dir)
		ws, err := workspace.Read(workspace.Options{
			Dir:       opt.Dir,
			Paths:     g.paths,
			Stdin:     opt.Stdin,
			StdinName: opt.StdinName,
			Excluded: func(rel string) bool {
				if excluded(rel) {
					return true
				}
				if !nested {
					return false
				}
				abs := config.AbsFrom(opt.Dir, rel)
				if abs == cfg.Dir {
					return false
				}
				if found := configIn(abs); found != "" {
					add(found, abs)
					r.Notes = append(r.Notes, fmt.Sprintf("%s: checked with its own config %s", rel, p0.Rel(found)))
					return true
				}
				return false
			},
			Role:     unitDispatch(cfg, opt.Dir, roleFor),
			Patterns: patterns,
		})
		if errors.Is(err, workspace.ErrNoFiles) {
			continue
		}
		if err != nil {
			return nil, usage("%v", err)
		}
		r.Notes = append(r.Notes, ws.Notes...)
		g.cover(cfg, opt.Dir, ws)
		for _, f := range ws.Files {
			if !seen[f.Source.Name] {
				seen[f.Source.Name] = true
				total++
			}
		}
		units, err := splitUnits(opt, cfg, ws, norm, patterns)
		if err != nil {
			return nil, err
		}
		r.Units = append(r.Units, units...)
		r.Notes = append(r.Notes, outsideClusters(cfg, units)...)
	}
	sort.Strings(r.Configs)
	r.Files = total
	skipped := map[string]bool{}
	for _, u := range r.Units {
		for _, name := range u.Workspace.Skipped {
			if !skipped[name] {
				skipped[name] = true
				r.Skipped = append(r.Skipped, name)
			}
		}
	}
	sort.Strings(r.Skipped)
	if total == 0 {
		return r, fmt.Errorf("%w", workspace.ErrNoFiles)
	}
	return r, nil
}

// configNote says which config applies to which paths, for -v.
func configNote(p *Project, cfg *config.Config, paths []string) string {
	names := make([]string, len(paths))
	for i, path := range paths {
		names[i] = path
		if path != "-" {
			names[i] = p.Rel(path)
		}
	}
	list := strings.Join(names, ", ")
	if cfg.File == nil {
		return fmt.Sprintf("config: none found for %s (no %s up to the repository root); using the defaults", list, config.FileName)
	}
	note := fmt.Sprintf("config: %s for %s", cfg.File.Name, list)
	if len(cfg.Clusters) > 0 {
		note += fmt.Sprintf(" (clusters: %s)", strings.Join(cfg.ClusterNames(), ", "))
	}
	return note
}

// nextGroup returns the unloaded group whose config lies highest in the
// tree, so that an outer config's walk finds the nested ones before they
// are loaded.
func nextGroup(groups map[string]*group) *group {
	var best *group
	for _, g := range groups {
		if g.loaded {
			continue
		}
		if best == nil || g.depth < best.depth || g.depth == best.depth && g.key < best.key {
			best = g
		}
	}
	return best
}

// configFor returns the absolute path of the config that applies to a
// PATH ("" for none): --config, else the nearest config file in the PATH's
// directory or its parents up to the repository root (or, with
// NoParentConfig, up to the working directory).
func (r *Run) configFor(opt Options, path string) (string, error) {
	if opt.ConfigFile != "" {
		abs := r.abs(opt.ConfigFile)
		if _, err := os.Stat(abs); err != nil {
			return "", usage("--config %s: no such file", opt.ConfigFile)
		}
		return abs, nil
	}
	start := opt.Dir
	switch {
	case path == "-" && opt.StdinName != "":
		start = filepath.Dir(r.abs(opt.StdinName))
	case path != "-":
		start = r.abs(path)
		if st, err := os.Stat(start); err != nil || !st.IsDir() {
			start = filepath.Dir(start)
		}
	}
	if opt.NoParentConfig {
		for dir := start; ; dir = filepath.Dir(dir) {
			if found := configIn(dir); found != "" {
				return found, nil
			}
			if dir == opt.Dir || filepath.Dir(dir) == dir {
				return "", nil
			}
		}
	}
	found, ok, err := config.Discover(start)
	if err != nil {
		return "", usage("looking for %s: %v", config.FileName, err)
	}
	if !ok {
		return "", nil
	}
	return found, nil
}

func (r *Run) abs(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(r.Dir, path)
}

// configIn returns the config file in dir ("" when there is none or dir is
// not a directory).
func configIn(dir string) string {
	for _, name := range []string{config.FileName, config.AltFileName} {
		p := filepath.Join(dir, name)
		st, err := os.Stat(p)
		if err == nil && st.Mode().IsRegular() {
			return p
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "" // not a directory, or unreadable
		}
	}
	return ""
}

// roleFor classifies a path (relative to the working directory) by one
// (cluster) config. Config files are never role mapping sources, whether
// they are the active one or not.
func roleFor(cfg *config.Config, dir, rel string) workspace.FileRole {
	base := filepath.Base(rel)
	if base == config.FileName || base == config.AltFileName {
		return workspace.Ignored
	}
	cr := cfg.Rel(config.AbsFrom(dir, rel))
	switch {
	case cfg.IsConfigInput(cr):
		return workspace.Ignored
	case cfg.IsRoleMappingFile(cr):
		return workspace.RoleMappingFile
	}
	return workspace.Auto
}

// unitDispatch adapts a per-config function of a working-directory
// relative path to the cluster the path belongs to: the settings of its
// first cluster, or the top-level ones.
func unitDispatch[T any](cfg *config.Config, dir string, fn func(cfg *config.Config, dir, rel string) T) func(rel string) T {
	return func(rel string) T {
		c := cfg
		if m := cfg.Members(cfg.Rel(config.AbsFrom(dir, rel))); len(m) > 0 {
			c = m[0].Config
		}
		return fn(c, dir, rel)
	}
}

// cover records which files of the config's directory the run read, so
// that unused-ignore speaks only about entries whose files were all
// checked.
func (g *group) cover(cfg *config.Config, wd string, ws *workspace.Workspace) {
	for _, p := range g.paths {
		if p == "-" {
			continue
		}
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			continue
		}
		if rel, err := filepath.Rel(p, cfg.Dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			g.whole = true
		}
	}
	for _, f := range ws.Files {
		g.checked[cfg.Rel(config.AbsFrom(wd, f.Source.Name))] = true
	}
}

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
func splitUnits(opt Options, cfg *config.Config, ws *workspace.Workspace, norm *dn.Normalizer, patterns *automaton.Cache) ([]*Project, error) {
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
		for _, t := range tests {
			if t.Cluster == "" {
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
			Tests: u.tests, FixtureFindings: u.diags}
		if err := p.loadCatalog(); err != nil {
			return nil, err
		}
		sub := workspace.Subset(u.files)
		sub.Build(workspace.Options{Dir: opt.Dir, Version: u.cfg.ESVersion, Patterns: patterns,
			DNFileOptions: p.dnFileOptions})
		sub.Diags = append(sub.Diags, p.missingDNFiles()...)
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

// unknownCluster reports a fixture document naming a cluster the config
// does not declare.
func unknownCluster(cfg *config.Config, t *fixtures.Test) diag.Diagnostic {
	if len(cfg.Clusters) == 0 {
		return diag.At(fixtures.Check, t.ClusterSpan, "cluster %q: the config declares no clusters; remove the key, or declare the clusters under `clusters:` in the config", t.Cluster)
	}
	return diag.At(fixtures.Check, t.ClusterSpan, "cluster %q is not one of the config's clusters (%s); the tests of this document are not run",
		t.Cluster, strings.Join(cfg.ClusterNames(), ", "))
}

// IgnoreCovered reports whether every file an ignore entry of cfg (a
// config of the run, or one of its clusters) could apply to was checked:
// the run walked the config's whole directory, or the entry's path pattern
// matches only files the run read. Linting a few named files (as
// pre-commit does) must not call entries about the other files unused.
func (r *Run) IgnoreCovered(cfg *config.Config, rule *config.IgnoreRule) bool {
	var g *group
	for _, cand := range r.groups {
		if cand.cfg == cfg || cand.cfg.Dir == cfg.Dir && cand.cfg.Path == cfg.Path {
			g = cand
			break
		}
	}
	if g == nil || g.whole {
		return true
	}
	if rule.Path == nil {
		return false
	}
	files, err := cfg.ExpandGlobs([]*config.Glob{rule.Path})
	if err != nil {
		return false
	}
	for _, f := range files {
		rel := cfg.Rel(f)
		if g.checked[rel] || cfg.Excluded(rel) || !isCandidateName(f) || hiddenBelow(rel) {
			continue
		}
		if c := nearestConfig(filepath.Dir(f), cfg.Dir); c != "" && c != g.key {
			continue // a nested config's file
		}
		return false
	}
	return true
}

func isCandidateName(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".json", ".yaml", ".yml":
		return true
	}
	return false
}

// hiddenBelow reports whether a relative path lies in a hidden directory,
// which a walk skips.
func hiddenBelow(rel string) bool {
	segs := strings.Split(rel, "/")
	for _, s := range segs[:len(segs)-1] {
		if strings.HasPrefix(s, ".") && s != "." && s != ".." {
			return true
		}
	}
	return false
}

// nearestConfig returns the config file nearest to dir, looking no higher
// than stop.
func nearestConfig(dir, stop string) string {
	for {
		if c := configIn(dir); c != "" {
			return c
		}
		if dir == stop || filepath.Dir(dir) == dir {
			return ""
		}
		dir = filepath.Dir(dir)
	}
}
