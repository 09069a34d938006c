package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Discover looks for the config file (.rolemap-lint.yaml, or
// .rolemap-lint.yml) in dir and then in its parents, stopping after the
// repository root (a directory holding a .git file or directory) or the
// filesystem root. It returns the absolute path of the file found. Both
// names in one directory is an error, as is a config name that is not a
// regular file; a directory that cannot be read ends the search.
func Discover(dir string) (path string, found bool, err error) {
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", false, fmt.Errorf("finding the config: %w", err)
	}
	for {
		var hits []string
		for _, name := range []string{FileName, AltFileName} {
			p := filepath.Join(dir, name)
			st, err := os.Stat(p)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				continue
			case errors.Is(err, fs.ErrPermission) && len(hits) == 0:
				// An unreadable ancestor ends the search, as the
				// filesystem root does.
				return "", false, nil
			case err != nil:
				return "", false, fmt.Errorf("finding the config: %w", err)
			case !st.Mode().IsRegular():
				return "", false, fmt.Errorf("finding the config: %s is not a regular file", p)
			}
			hits = append(hits, p)
		}
		switch len(hits) {
		case 1:
			return hits[0], true, nil
		case 2:
			return "", false, fmt.Errorf("finding the config: both %s and %s exist in %s; keep one", FileName, AltFileName, dir)
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", false, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", false, fmt.Errorf("finding the config: %w", err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false, nil
		}
		dir = parent
	}
}
