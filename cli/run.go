package cli

import (
	"os"
	"path/filepath"

	"github.com/rolemap-lint/rolemap-lint/automaton"
	"github.com/rolemap-lint/rolemap-lint/esversion"
	"github.com/rolemap-lint/rolemap-lint/lint"
	"github.com/rolemap-lint/rolemap-lint/workspace"
)

// run holds what one checking command needs: flags, config and settings.
type run struct {
	env      Env
	flags    *commonFlags
	paths    []string
	dir      string
	settings *lint.Settings
	patterns *automaton.Cache
}

func newRun(env Env, cf *commonFlags, paths []string) (*run, error) {
	dir := env.Dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		dir = wd
	}
	r := &run{env: env, flags: cf, paths: paths, dir: dir, patterns: automaton.NewCache()}
	r.settings = &lint.Settings{Version: esversion.Newest}
	return r, nil
}

// abs resolves p against the run's working directory.
func (r *run) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.dir, p)
}

// load reads the workspace.
func (r *run) load() (*workspace.Workspace, error) {
	var paths []string
	for _, p := range r.paths {
		if p == "-" {
			paths = append(paths, p)
			continue
		}
		paths = append(paths, r.abs(p))
	}
	ws, err := workspace.Load(workspace.Options{
		Dir:       r.dir,
		Paths:     paths,
		Stdin:     r.env.Stdin,
		StdinName: r.flags.stdinFilename,
		Version:   r.settings.Version,
		Patterns:  r.patterns,
	})
	if err != nil && err != workspace.ErrNoFiles {
		return nil, usagef("%v", err)
	}
	return ws, err
}
