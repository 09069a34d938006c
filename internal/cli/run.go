package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/engine"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/resolve"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/pathx"
	"github.com/rolemap-lint/rolemap-lint/lint"
)

// run holds what one checking command needs: flags, the loaded units and
// their check settings.
type run struct {
	env   Env
	flags *commonFlags
	paths []string
	dir   string
	// all is everything loaded; proj is its first unit (explain checks
	// exactly one).
	all  *engine.Run
	proj *engine.Project
	// userFile is explain's --user FILE, an input like the others.
	userFile string
	// failing says the exit code will not be zero (set before writing).
	failing bool
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

// open loads the configs, catalogs, workspaces and fixtures of every unit.
// It returns workspace.ErrNoFiles (with an empty run) when there is nothing
// to check; other problems are usage errors.
func (r *run) open() error {
	all, err := engine.OpenRun(engine.Options{Dir: r.dir, Paths: r.paths, ConfigFile: r.flags.config,
		KnownChecks: lint.KnownChecks(), Stdin: r.env.Stdin, StdinName: r.flags.stdinFilename})
	switch {
	case errors.Is(err, workspace.ErrNoFiles):
	case err != nil:
		msg := strings.TrimPrefix(err.Error(), engine.ErrUsage.Error()+": ")
		if strings.HasPrefix(msg, "invalid config:\n") {
			// One problem per line, each quoting the values it names.
			return usageLines(msg)
		}
		return usagef("%s", msg)
	}
	r.all = all
	if len(all.Units) > 0 {
		r.proj = all.Units[0]
	}
	return err
}

// resolver prepares role resolution for the first unit.
func (r *run) resolver() *resolve.Resolver { return r.proj.Resolver() }

// rel renders p relative to the working directory with / separators when
// it lies below it, as reports name files.
func (r *run) rel(p string) string { return pathx.Rel(r.dir, p) }

// abs resolves p against the run's working directory.
func (r *run) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.dir, p)
}
