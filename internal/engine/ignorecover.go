package engine

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
)

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
