package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Report files are written so that a repository under check cannot steer
// the write (see docs/security.md, "Output and report files"):
//
//   - never through a symbolic link: the target and every folder between
//     the working directory and the target must not be links (checked with
//     Lstat, not followed);
//   - never onto a file the run read (mapping sources, fixtures, skipped
//     files, the config, elasticsearch.yml, roles and DN files, --user),
//     compared as files (os.SameFile), not as path text;
//   - into a temporary file in the target's folder that is renamed over
//     the target once complete, so a failed run leaves the old report and
//     no half-written one, and a link planted at the target is replaced,
//     not followed.

// checkReportTarget refuses a report path that is a link, lies below a
// link, is not a regular file, or is one of the run's inputs.
func (r *run) checkReportTarget(file string, inputs []string) error {
	abs := filepath.Clean(r.abs(file))
	if err := r.refuseLinkedFolders(file, abs); err != nil {
		return err
	}
	info, err := os.Lstat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // a new file cannot be an input
	}
	if err != nil {
		return usagef("cannot write the report %s: %v", file, err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return usagef("the report file %s is a symbolic link; rolemap-lint never writes through one (remove it or choose another path; without --output the report goes to standard output)", file)
	}
	if isStream(info) {
		return nil // /dev/null, a named pipe: no file of the repository
	}
	if !info.Mode().IsRegular() {
		return usagef("the report file %s is not a regular file", file)
	}
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err == nil && os.SameFile(info, st) {
			return usagef("the report file %s is one of the files this run reads (%s); rolemap-lint never writes to its inputs", file, r.rel(in))
		}
	}
	return nil
}

// refuseLinkedFolders refuses a target below a symbolic link between the
// working directory and the target. Folders above the working directory
// (and targets outside it, such as $RUNNER_TEMP) are the caller's, not the
// repository's, and are not checked.
func (r *run) refuseLinkedFolders(file, abs string) error {
	rel, err := filepath.Rel(filepath.Clean(r.dir), filepath.Dir(abs))
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	dir := filepath.Clean(r.dir)
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		dir = filepath.Join(dir, part)
		info, err := os.Lstat(dir)
		if err != nil {
			return nil // a missing folder: creating the file fails with its own error
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return usagef("the report file %s is inside %s, a symbolic link; rolemap-lint never writes through one", file, r.rel(dir))
		}
	}
	return nil
}

// isStream reports a character device or named pipe (/dev/null, a FIFO a
// caller reads from). git cannot commit either, so a repository cannot
// plant one; a report is written into it directly.
func isStream(info fs.FileInfo) bool {
	return info.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0
}

// writeFileAtomic writes a report with write into a temporary file in the
// target's folder and renames it over the target. The file gets the
// permissions of the file it replaces, or 0644. A target that is a
// character device or named pipe (and not a link) is written directly.
func writeFileAtomic(abs string, write func(io.Writer) error) (err error) {
	if info, err := os.Lstat(abs); err == nil && isStream(info) {
		f, err := os.OpenFile(abs, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	dir, base := filepath.Split(abs)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Lstat(abs); err == nil && info.Mode().IsRegular() {
		mode = info.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), abs); err != nil {
		return fmt.Errorf("replacing %s: %w", abs, err)
	}
	return nil
}
