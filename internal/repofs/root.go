// Package repofs owns every filesystem read that the content of a linted
// repository can steer: the files found under the PATHs, the config file,
// and every path a config names (roles.files globs, elasticsearch_yml,
// realms' role_mapping_file). The repository is untrusted input, so each
// read is confined to the repository root (see docs/security.md, "Reading
// files"):
//
//   - paths are resolved with symbolic links evaluated by the operating
//     system, through os.Root, so neither ".." nor a symlink (relative or
//     absolute) can lead outside the root;
//   - nothing inside a .git directory is ever read;
//   - only regular files are read (FIFOs and devices are refused without
//     being opened for a blocking read).
package repofs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// GitDir is the name of the directory (or file, in worktrees and
// submodules) that marks a repository root. It is never read.
const GitDir = ".git"

// FindRoot returns the repository root that confines the reads steered by
// anchor, an absolute or working-directory-relative path; configDir is the
// directory of the config file whose settings apply to anchor ("" for
// none):
//
//   - anchor is a config file (its own configDir), or a PATH from the
//     command line (configDir: the config that applies to it, if any);
//   - the search starts at anchor when it is a directory (not a symlink to
//     one), and at its parent directory otherwise (a file, a symlink, a
//     path that does not exist);
//   - the root is the nearest directory at or above that start holding a
//     .git entry (a directory, or the file of a worktree or submodule);
//   - when no such directory exists, the root is configDir when the start
//     lies inside it, and the start itself otherwise: the config file's
//     directory, the PATH directory, or a PATH file's parent.
//
// The returned path is absolute and cleaned; symbolic links in it are kept
// as written (os.OpenRoot follows them: the root's own location is the
// user's choice, what lies below it is not).
func FindRoot(anchor, configDir string) (string, error) {
	abs, err := filepath.Abs(anchor)
	if err != nil {
		return "", fmt.Errorf("finding the repository root of %s: %w", anchor, err)
	}
	start := abs
	if st, err := os.Lstat(abs); err != nil || !st.IsDir() {
		start = filepath.Dir(abs)
	}
	for dir := start; ; {
		if _, err := os.Lstat(filepath.Join(dir, GitDir)); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if configDir != "" {
		cd, err := filepath.Abs(configDir)
		if err != nil {
			return "", fmt.Errorf("finding the repository root of %s: %w", anchor, err)
		}
		if rel, err := filepath.Rel(cd, start); err == nil && !isOutside(rel) {
			return cd, nil
		}
	}
	return start, nil
}

// Errors of confined reads; test them with errors.Is.
var (
	// ErrOutside: the path, or a symlink on its way, leads outside the
	// repository root.
	ErrOutside = errors.New("leaves the repository")
	// ErrGit: the path lies inside a .git directory.
	ErrGit = errors.New("lies inside .git, which rolemap-lint never reads")
	// ErrNotRegular: the path is a FIFO, a device, a socket or a directory
	// where a file was expected.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file is larger than the limit the caller set.
	ErrTooLarge = errors.New("file is too large")
)

// PathError records a refused or failed confined operation.
type PathError struct {
	// Op is the operation ("read", "stat", "readdir").
	Op string
	// Path is the path as the caller gave it.
	Path string
	// Root is the repository root the path was confined to.
	Root string
	// Err is ErrOutside, ErrGit, ErrNotRegular, ErrTooLarge or an error of
	// the operating system (fs.ErrNotExist, fs.ErrPermission, ...).
	Err error
}

// Error implements error.
func (e *PathError) Error() string {
	if errors.Is(e.Err, ErrOutside) {
		return fmt.Sprintf("%s: %v (root %s)", e.Path, e.Err, e.Root)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the cause.
func (e *PathError) Unwrap() error { return e.Err }

// Reason returns the cause of a refused read in words, without the path:
// "leaves the repository", "not a regular file", "no such file or
// directory", ...
func Reason(err error) string {
	var pe *PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var ope *fs.PathError
	if errors.As(err, &ope) {
		err = ope.Err
	}
	return err.Error()
}

// Describe words why a confined operation failed, for a message that
// starts with the path: "leaves the repository (root R); rolemap-lint
// reads nothing outside the repository it checks", "lies inside .git,
// which rolemap-lint never reads", or the operating system's reason.
func Describe(err error) string {
	var pe *PathError
	root := ""
	if errors.As(err, &pe) {
		root = pe.Root
	}
	switch {
	case errors.Is(err, ErrOutside) && root != "":
		return fmt.Sprintf("leaves the repository (root %s); rolemap-lint reads nothing outside the repository it checks", root)
	case errors.Is(err, ErrOutside):
		return "leaves the repository; rolemap-lint reads nothing outside the repository it checks"
	case errors.Is(err, ErrGit):
		return "lies inside .git, which rolemap-lint never reads"
	}
	return Reason(err)
}
