package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/rolemap-lint/rolemap-lint/internal/pathx"
	"github.com/rolemap-lint/rolemap-lint/internal/repofs"
)

// candidate is one file found by discovery.
type candidate struct {
	fsys     *repofs.FS // the repository root the file is read through
	path     string     // as opened
	rel      string     // as reported: relative to the working directory, with /
	explicit bool       // named on the command line
	excluded bool       // excluded by the config: listed by -v, never read
}

// isCandidateName reports whether a file name has a JSON/YAML extension.
func isCandidateName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".yaml", ".yml":
		return true
	}
	return false
}

// IsFixtureName reports whether a file name is a fixture file (docs/usage.md, "Fixtures").
func IsFixtureName(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	for _, suf := range []string{"_test.yaml", "_test.yml", "_test.json"} {
		if strings.HasSuffix(base, suf) {
			return true
		}
	}
	return false
}

// relPath renders p relative to the working directory with / separators
// (cleaned when it lies outside it).
func relPath(wd, p string) string { return pathx.Rel(wd, filepath.Clean(p)) }

// discover walks the paths and returns candidate files in sorted order.
// Config exclusions apply to what the walk finds and to files named on the
// command line, but not to a directory named explicitly (it is checked
// whole); excluded entries are returned marked, for -v.
// Every read is confined to the repository root of the PATH (see
// repofs.FindRoot): a symlink found by the walk that leads outside it, or
// into .git, is skipped with a note, and a PATH that does is an error.
// Hidden directories are skipped (unless named explicitly, .git never),
// symlinked directories inside the root are followed once (loops are
// broken), non-regular files are skipped with a note.
func discover(wd string, paths []string, excluded func(rel string) bool, configDir func(string) string, roots *repofs.Set) (cands []candidate, notes []string, err error) {
	seenDirs := map[string]bool{}
	seenFiles := map[string]bool{}
	add := func(fsys *repofs.FS, path string, explicit bool) {
		rel := relPath(wd, path)
		if seenFiles[rel] {
			return
		}
		seenFiles[rel] = true
		cands = append(cands, candidate{fsys: fsys, path: path, rel: rel, explicit: explicit})
	}
	skip := func(rel string, err error) {
		notes = append(notes, fmt.Sprintf("%s: skipped: %s", rel, skipReason(err)))
	}
	var walk func(fsys *repofs.FS, dir string, excluded func(string) bool) error
	walk = func(fsys *repofs.FS, dir string, excluded func(string) bool) error {
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
		entries, err := fsys.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("reading directory %s: %s", relPath(wd, dir), repofs.Reason(err))
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			rel := relPath(wd, p)
			if strings.EqualFold(e.Name(), repofs.GitDir) {
				continue
			}
			if excluded(rel) {
				switch {
				case e.IsDir():
					cands = append(cands, candidate{path: p, rel: rel + "/", excluded: true})
				case isCandidateName(e.Name()):
					cands = append(cands, candidate{path: p, rel: rel, excluded: true})
				}
				continue
			}
			typ := e.Type()
			if typ&fs.ModeSymlink != 0 {
				if err := fsys.Check(p); err != nil {
					skip(rel, err)
					continue
				}
				info, err := fsys.Stat(p)
				if err != nil {
					skip(rel, err)
					continue
				}
				typ = info.Mode().Type()
			}
			switch {
			case typ.IsDir():
				if strings.HasPrefix(e.Name(), ".") {
					continue
				}
				if err := walk(fsys, p, excluded); err != nil {
					return err
				}
			case !isCandidateName(e.Name()):
			case !typ.IsRegular():
				notes = append(notes, fmt.Sprintf("%s: skipped: not a regular file", rel))
			default:
				add(fsys, p, false)
			}
		}
		return nil
	}
	for _, p := range paths {
		fsys, err := roots.For(p, configDir(p))
		if err != nil {
			return nil, nil, err
		}
		if err := fsys.Check(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil, fmt.Errorf("%s: no such file or directory", relPath(wd, p))
			}
			return nil, nil, fmt.Errorf("%s: %s", relPath(wd, p), repofs.Describe(err))
		}
		info, err := fsys.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %s", relPath(wd, p), repofs.Reason(err))
		}
		if info.IsDir() {
			// A directory named explicitly is checked even when the config
			// excludes it: the user asked for it.
			filter := excluded
			if excluded(relPath(wd, p)) {
				filter = func(string) bool { return false }
			}
			if err := walk(fsys, p, filter); err != nil {
				return nil, nil, err
			}
			continue
		}
		if !info.Mode().IsRegular() {
			notes = append(notes, fmt.Sprintf("%s: skipped: not a regular file", relPath(wd, p)))
			continue
		}
		if rel := relPath(wd, p); excluded(rel) {
			// exclude applies to files named explicitly too, so that a
			// hook passing the changed files honours it.
			cands = append(cands, candidate{fsys: fsys, path: p, rel: rel, explicit: true, excluded: true})
			continue
		}
		add(fsys, p, true)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].rel < cands[j].rel })
	return cands, notes, nil
}

// skipReason says in words why a file found by the walk is not read.
func skipReason(err error) string {
	switch {
	case errors.Is(err, repofs.ErrOutside):
		return "a symlink that leads outside the repository"
	case errors.Is(err, repofs.ErrGit):
		return "a symlink into .git, which rolemap-lint never reads"
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ELOOP):
		return "broken or looping symlink"
	}
	return repofs.Reason(err)
}
