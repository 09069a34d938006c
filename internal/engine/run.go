package engine

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
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
	// Skipped and Notes are what -v lists; Decisions say, for every
	// JSON/YAML file found, whether it is a role mapping source and why.
	Skipped   []string
	Notes     []string
	Decisions []workspace.Decision
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
	var nestedErr error
	total := 0
	seen := map[string]bool{}
	var skippedEarly []string
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
		// One budget per config file, shared by its clusters: limits is a
		// top-level key only.
		bud := budget.New(cfg.Limits)
		patterns := &automaton.Cache{Work: bud.States(), Held: bud.Patterns(), MaxLength: int(bud.Limits.PatternLength)}
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
					if _, _, err := config.Discover(abs); err != nil && nestedErr == nil {
						nestedErr = usage("%v", err) // both names in one folder
					}
					add(found, abs)
					r.Notes = append(r.Notes, fmt.Sprintf("%s: checked with its own config %s", rel, p0.Rel(found)))
					return true
				}
				return false
			},
			Role:        unitDispatch(cfg, opt.Dir, roleFor),
			ConfigDir:   func(string) string { return cfg.ConfigDir() },
			Patterns:    patterns,
			YAML:        loader.YAMLOptions{MaxNodes: bud.Limits.YAMLNodes, Pool: bud.YAML()},
			Limits:      loader.LimitsOf(bud.Limits),
			MaxFileSize: bud.Limits.FileSize,
		})
		if nestedErr != nil {
			return nil, nestedErr
		}
		if ws != nil {
			// Files skipped before any mapping is built (excluded, config
			// inputs, other tools' *_test.* files).
			r.Decisions = append(r.Decisions, ws.Decisions...)
			skippedEarly = append(skippedEarly, ws.Skipped...)
		}
		if errors.Is(err, workspace.ErrNoFiles) {
			r.Notes = append(r.Notes, ws.Notes...)
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
		units, err := splitUnits(opt, cfg, ws, norm, patterns, bud)
		if err != nil {
			return nil, err
		}
		r.Units = append(r.Units, units...)
		for _, u := range units {
			r.Notes = append(r.Notes, u.Workspace.Notes...)
		}
		r.Notes = append(r.Notes, outsideClusters(cfg, units)...)
	}
	sort.Strings(r.Configs)
	r.Files = total
	skipped := map[string]bool{}
	addSkipped := func(names []string) {
		for _, name := range names {
			if !skipped[name] {
				skipped[name] = true
				r.Skipped = append(r.Skipped, name)
			}
		}
	}
	addSkipped(skippedEarly)
	sources := false
	for _, u := range r.Units {
		addSkipped(u.Workspace.Skipped)
		r.Decisions = append(r.Decisions, u.Workspace.Decisions...)
		sources = sources || u.Workspace.HasMappingSources()
	}
	sort.Strings(r.Skipped)
	r.Decisions = uniqueDecisions(r.Decisions)
	if total == 0 || !sources {
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

// uniqueDecisions sorts the decisions by file and keeps one per file and
// verdict (a file two clusters share is decided in each).
func uniqueDecisions(ds []workspace.Decision) []workspace.Decision {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].File < ds[j].File })
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && d == ds[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}
