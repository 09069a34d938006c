package engine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
)

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
// (cluster) config. (Config files, active or not, are never role mapping
// sources: the workspace decides that by name before asking.)
func roleFor(cfg *config.Config, dir, rel string) workspace.FileRole {
	cr := cfg.Rel(config.AbsFrom(dir, rel))
	switch {
	case cfg.IsRolesFile(cr):
		return workspace.IgnoredRolesFile
	case cfg.IsConfigInput(cr):
		return workspace.Ignored
	case cfg.IsRoleMappingFile(cr):
		return workspace.RoleMappingFile
	case cfg.IsMappingsClaim(cr):
		return workspace.ClaimedMapping
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
