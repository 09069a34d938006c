package workspace

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// candidate is one file found by discovery.
type candidate struct {
	path     string // as opened
	rel      string // as reported: relative to the working directory, with /
	explicit bool   // named on the command line
}

// isCandidateName reports whether a file name has a JSON/YAML extension.
func isCandidateName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".yaml", ".yml":
		return true
	}
	return false
}

// IsFixtureName reports whether a file name is a fixture file (SPEC §1.2).
func IsFixtureName(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	for _, suf := range []string{"_test.yaml", "_test.yml", "_test.json"} {
		if strings.HasSuffix(base, suf) {
			return true
		}
	}
	return false
}

// relPath renders p relative to the working directory with / separators.
func relPath(wd, p string) string {
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, p)
	}
	if r, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && r != ".." {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// discover walks the paths and returns candidate files in sorted order.
// Config exclusions apply to what the walk finds and to files named on the
// command line (pre-commit names each changed file), but not to a directory
// named on the command line (an excluded directory named explicitly is
// checked whole: the user asked for it).
// Hidden directories are skipped (unless named explicitly), symlinked
// directories are followed once (loops are broken), non-regular files are
// skipped with a note.
func discover(wd string, paths []string, excluded func(rel string) bool) (cands []candidate, notes []string, err error) {
	seenDirs := map[string]bool{}
	seenFiles := map[string]bool{}
	add := func(path string, explicit bool) {
		rel := relPath(wd, path)
		if seenFiles[rel] {
			return
		}
		seenFiles[rel] = true
		cands = append(cands, candidate{path: path, rel: rel, explicit: explicit})
	}
	var walk func(dir string, excluded func(string) bool) error
	walk = func(dir string, excluded func(string) bool) error {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: skipped: %v", relPath(wd, dir), err))
			return nil
		}
		if seenDirs[real] {
			notes = append(notes, fmt.Sprintf("%s: skipped: directory already visited (symlink loop)", relPath(wd, dir)))
			return nil
		}
		seenDirs[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("reading directory %s: %w", relPath(wd, dir), err)
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			rel := relPath(wd, p)
			if excluded(rel) {
				continue
			}
			info, err := os.Stat(p) // follows symlinks
			if err != nil {
				if e.Type()&fs.ModeSymlink != 0 {
					notes = append(notes, fmt.Sprintf("%s: skipped: broken or looping symlink", rel))
				}
				continue
			}
			switch {
			case info.IsDir():
				if strings.HasPrefix(e.Name(), ".") {
					continue
				}
				if err := walk(p, excluded); err != nil {
					return err
				}
			case !isCandidateName(e.Name()):
			case !info.Mode().IsRegular():
				notes = append(notes, fmt.Sprintf("%s: skipped: not a regular file", rel))
			default:
				add(p, false)
			}
		}
		return nil
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: no such file or directory", relPath(wd, p))
		}
		if info.IsDir() {
			// A directory named explicitly is checked even when the config
			// excludes it: the user asked for it.
			filter := excluded
			if excluded(relPath(wd, p)) {
				filter = func(string) bool { return false }
			}
			if err := walk(p, filter); err != nil {
				return nil, nil, err
			}
			continue
		}
		if !info.Mode().IsRegular() {
			notes = append(notes, fmt.Sprintf("%s: skipped: not a regular file", relPath(wd, p)))
			continue
		}
		if excluded(relPath(wd, p)) {
			// pre-commit and editors name changed files one by one: the
			// config's exclude holds for them as for the walk.
			notes = append(notes, fmt.Sprintf("%s: skipped: excluded by the config", relPath(wd, p)))
			continue
		}
		add(p, true)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].rel < cands[j].rel })
	return cands, notes, nil
}
