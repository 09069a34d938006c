package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/lint"
	"github.com/rolemap-lint/rolemap-lint/project"
	"github.com/rolemap-lint/rolemap-lint/resolve"
	"github.com/rolemap-lint/rolemap-lint/workspace"
)

// run holds what one checking command needs: flags, the loaded project and
// the check settings.
type run struct {
	env      Env
	flags    *commonFlags
	paths    []string
	dir      string
	proj     *project.Project
	settings *lint.Settings
}

// newRun resolves the working directory; open loads the project.
func newRun(env Env, cf *commonFlags, paths []string) (*run, error) {
	dir := env.Dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		dir = wd
	}
	return &run{env: env, flags: cf, paths: paths, dir: dir}, nil
}

// open loads the config, catalog, workspace and fixtures. It returns
// workspace.ErrNoFiles (with an empty workspace) when there is nothing to
// check; other problems are usage errors.
func (r *run) open() error {
	p, err := project.Open(project.Options{Dir: r.dir, Paths: r.paths, ConfigFile: r.flags.config,
		KnownChecks: lint.KnownChecks(), Stdin: r.env.Stdin, StdinName: r.flags.stdinFilename})
	switch {
	case errors.Is(err, workspace.ErrNoFiles):
	case err != nil:
		return usagef("%v", strings.TrimPrefix(err.Error(), project.ErrUsage.Error()+": "))
	}
	r.proj = p
	r.settings = lint.NewSettings(p)
	return err
}

// resolver prepares role resolution for the run.
func (r *run) resolver() *resolve.Resolver {
	scripting := lint.ScriptSettings(r.proj.Config.Scripting)
	scripting.Steps = r.proj.Budget.Templates()
	return resolve.New(r.proj.Workspace, resolve.Options{Config: r.proj.Config,
		Scripting: scripting, Normalizer: r.proj.Normalizer})
}

// rel renders p relative to the working directory with / separators when
// it lies below it, as reports name files.
func (r *run) rel(p string) string {
	rel, err := filepath.Rel(r.dir, r.abs(p))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// abs resolves p against the run's working directory.
func (r *run) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.dir, p)
}
