package config

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/repofs"
)

// pathRef is a file path written in the config (elasticsearch_yml, a
// realm's role_mapping_file), kept so that Load can confine it to the
// repository and name it as written.
type pathRef struct {
	key  string // "elasticsearch_yml", "realms[0].role_mapping_file"
	raw  string // as written
	abs  string // resolved against the config directory
	span source.Span
}

// repoFS opens the repository root that confines the paths of the config:
// Root when Load set it, else the root found from the config file (or the
// working directory, for Default).
func (c *Config) repoFS() (*repofs.FS, error) {
	switch {
	case c.Root != "":
		return repofs.Open(c.Root)
	case c.Path != "":
		return repofs.OpenFor(c.Path, c.Dir)
	}
	return repofs.OpenFor(c.Dir, "")
}

// ReadFile reads a file the config names (a roles file), of at most max
// bytes, confined to the config's repository (see internal/repofs).
func (c *Config) ReadFile(path string, max int64) ([]byte, error) {
	fsys, err := c.repoFS()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	if err := fsys.Check(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return fsys.ReadFile(path, max)
}

// StatFile returns the FileInfo of a file the config (or its
// elasticsearch.yml) names, confined to the config's repository: a path
// outside it is repofs.ErrOutside, one inside .git repofs.ErrGit.
func (c *Config) StatFile(path string) (fs.FileInfo, error) {
	fsys, err := c.repoFS()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	if err := fsys.Check(path); err != nil {
		return nil, err
	}
	return fsys.Stat(path)
}

// checkPaths refuses config keys that name a file outside the repository
// or inside .git: the config is repository content, and rolemap-lint reads
// nothing outside the repository it checks.
func (c *Config) checkPaths(fsys *repofs.FS) error {
	var errs ErrorList
	for _, r := range c.pathRefs {
		err := fsys.Check(r.abs)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			continue
		}
		pos := r.span.Range().Start
		errs = append(errs, &Error{File: c.Path, Line: pos.Line, Col: pos.Col, Msg: confineMessage(r.key, r.raw, err)})
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// confineMessage says why a path named by the config (under key, when
// not empty) is refused.
func confineMessage(key, raw string, err error) string {
	prefix := ""
	if key != "" {
		prefix = key + ": "
	}
	if errors.Is(err, repofs.ErrGit) {
		return fmt.Sprintf("%s%q names a path inside .git, which rolemap-lint never reads", prefix, raw)
	}
	if errors.Is(err, repofs.ErrOutside) {
		return fmt.Sprintf("%s%q %s", prefix, raw, repofs.Describe(err))
	}
	return fmt.Sprintf("%s%q: %s", prefix, raw, repofs.Reason(err))
}

// ConfigDir returns the directory of the config file, for
// repofs.FindRoot: "" for the Default config (no file).
func (c *Config) ConfigDir() string {
	if c.Path == "" {
		return ""
	}
	return c.Dir
}
