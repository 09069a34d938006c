package repofs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// FS reads files below one repository root. Methods take paths that are
// absolute or relative to the working directory (as the rest of the tool
// holds them) and refuse, with a *PathError, any path that lies outside the
// root, inside .git, or reaches outside through a symlink. An FS is safe
// for concurrent use.
type FS struct {
	dir     string // the root as given, absolute and cleaned
	realDir string // dir with symlinks evaluated
	root    *os.Root

	mu   sync.Mutex
	subs map[string]*os.Root // directories opened below root, for ReadChecked
}

// maxSubRoots bounds the directory handles an FS keeps open for
// ReadChecked; beyond it, reads resolve every path from the root.
const maxSubRoots = 128

// Open opens the repository root dir (typically from FindRoot).
func Open(dir string) (*FS, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("opening the repository root %s: %w", dir, err)
	}
	r, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("opening the repository root: %w", err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("opening the repository root: %w", err)
	}
	return &FS{dir: abs, realDir: real, root: r}, nil
}

// OpenFor opens the repository root of anchor (see FindRoot).
func OpenFor(anchor, configDir string) (*FS, error) {
	dir, err := FindRoot(anchor, configDir)
	if err != nil {
		return nil, err
	}
	return Open(dir)
}

// Dir returns the absolute path of the root.
func (f *FS) Dir() string { return f.dir }

// Close releases the root's directory handles.
func (f *FS) Close() error {
	f.mu.Lock()
	for dir, r := range f.subs {
		r.Close()
		delete(f.subs, dir)
	}
	f.mu.Unlock()
	return f.root.Close()
}

// Rel returns path relative to the root, in the operating system's form,
// after lexical checks only: a path outside the root is ErrOutside, one
// inside .git is ErrGit. It does not look at the filesystem.
func (f *FS) Rel(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", &PathError{Op: "resolve", Path: path, Root: f.dir, Err: err}
	}
	rel, err := filepath.Rel(f.dir, abs)
	if err != nil || isOutside(rel) {
		return "", &PathError{Op: "resolve", Path: path, Root: f.dir, Err: ErrOutside}
	}
	if InGit(rel) {
		return "", &PathError{Op: "resolve", Path: path, Root: f.dir, Err: ErrGit}
	}
	return rel, nil
}

// Check evaluates every symlink on path's way and reports whether the
// result stays inside the root and outside .git (nil), and otherwise why
// not. It reads no file content; the reads themselves are confined anyway
// (os.Root), Check tells the caller why before it tries, and catches a
// symlink into .git, which os.Root would follow.
func (f *FS) Check(path string) error {
	rel, err := f.Rel(path)
	if err != nil {
		return err
	}
	real, err := filepath.EvalSymlinks(filepath.Join(f.dir, rel))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &PathError{Op: "resolve", Path: path, Root: f.dir, Err: err}
	}
	r, err := filepath.Rel(f.realDir, real)
	if err != nil || isOutside(r) {
		return &PathError{Op: "resolve", Path: path, Root: f.dir, Err: ErrOutside}
	}
	if InGit(r) {
		return &PathError{Op: "resolve", Path: path, Root: f.dir, Err: ErrGit}
	}
	return nil
}

// Stat returns the FileInfo of path, following symlinks inside the root.
func (f *FS) Stat(path string) (fs.FileInfo, error) {
	rel, err := f.Rel(path)
	if err != nil {
		return nil, err
	}
	st, err := f.root.Stat(rel)
	if alt, ok := f.absLinkRetry(rel, err); ok {
		st, err = f.root.Stat(alt)
	}
	return st, f.wrap("stat", path, err)
}

// Lstat returns the FileInfo of path without following a final symlink.
func (f *FS) Lstat(path string) (fs.FileInfo, error) {
	rel, err := f.Rel(path)
	if err != nil {
		return nil, err
	}
	st, err := f.root.Lstat(rel)
	return st, f.wrap("lstat", path, err)
}

// ReadDir lists the directory path, sorted by name.
func (f *FS) ReadDir(path string) ([]fs.DirEntry, error) {
	rel, err := f.Rel(path)
	if err != nil {
		return nil, err
	}
	d, err := f.root.Open(rel)
	if alt, ok := f.absLinkRetry(rel, err); ok {
		rel = alt
		d, err = f.root.Open(rel)
	}
	if err != nil {
		return nil, f.wrap("readdir", path, err)
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	if err != nil {
		return nil, f.wrap("readdir", path, err)
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// ReadFile reads the regular file path, of at most max bytes (ErrTooLarge
// beyond). A FIFO, device or socket is ErrNotRegular and is never opened
// for a read that could block. When path itself is a symlink, where it
// leads is checked as Check does; a symlinked directory on the way is the
// caller's to Check (walks check each link they follow).
func (f *FS) ReadFile(path string, max int64) ([]byte, error) {
	rel, err := f.Rel(path)
	if err != nil {
		return nil, err
	}
	st, err := f.root.Lstat(rel)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		// A link: where it leads must stay inside the root, and out of
		// .git (which os.Root alone would allow).
		if err := f.Check(path); err != nil {
			return nil, err
		}
		st, err = f.root.Stat(rel)
		if alt, ok := f.absLinkRetry(rel, err); ok {
			rel = alt
			st, err = f.root.Stat(rel)
		}
	}
	if alt, ok := f.absLinkRetry(rel, err); ok {
		rel = alt
		st, err = f.root.Stat(rel)
	}
	if err != nil {
		return nil, f.wrap("read", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, f.wrap("read", path, ErrNotRegular)
	}
	if st.Size() > max {
		return nil, f.wrap("read", path, ErrTooLarge)
	}
	return f.read(path, rel, max)
}

// ReadChecked is ReadFile for a path the caller has vetted: found by a
// walk as a regular file (not a symlink) in a directory reached through
// checked links, or a path that passed Check. It skips the look at the
// path before opening it (the read is still confined by os.Root, and
// non-regular files are still refused without blocking), which saves a
// third of the system calls of a walk over many files.
func (f *FS) ReadChecked(path string, max int64) ([]byte, error) {
	rel, err := f.Rel(path)
	if err != nil {
		return nil, err
	}
	var data []byte
	if sub := f.subRoot(filepath.Dir(rel)); sub != nil {
		// The file's own name, opened in its directory's handle: one
		// lookup instead of one per directory on the way. A link that
		// leaves that directory is refused there and retried below.
		data, err = read(sub, path, filepath.Base(rel), max)
		if err == nil || !isEscape(err) {
			return data, f.wrapErr("read", path, err)
		}
	}
	data, err = f.read(path, rel, max)
	if errors.Is(err, ErrOutside) {
		if alt, ok := f.resolveInside(rel); ok {
			return f.read(path, alt, max)
		}
	}
	return data, err
}

// subRoot returns an open handle of the directory rel (below the root),
// opening it on first use while fewer than maxSubRoots are open; nil
// otherwise.
func (f *FS) subRoot(rel string) *os.Root {
	if rel == "." {
		return f.root
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if r, ok := f.subs[rel]; ok {
		return r
	}
	if len(f.subs) >= maxSubRoots {
		return nil
	}
	r, err := f.root.OpenRoot(rel)
	if err != nil {
		return nil
	}
	if f.subs == nil {
		f.subs = map[string]*os.Root{}
	}
	f.subs[rel] = r
	return r
}

// read reads rel through the root (see read).
func (f *FS) read(path, rel string, max int64) ([]byte, error) {
	data, err := read(f.root, path, rel, max)
	return data, f.wrapErr("read", path, err)
}

// wrapErr is wrap for errors that may already be ErrNotRegular or
// ErrTooLarge.
func (f *FS) wrapErr(op, path string, err error) error {
	if err == nil {
		return nil
	}
	return f.wrap(op, path, err)
}

// read opens name in r without waiting on a FIFO (O_NONBLOCK: the open
// returns at once whatever the file is, and the Stat of the open file
// refuses all but regular files) and reads at most max bytes.
func read(r *os.Root, path, name string, max int64) ([]byte, error) {
	fh, err := r.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if st.Size() > max {
		return nil, ErrTooLarge
	}
	data := make([]byte, 0, st.Size()+1)
	data, err = readAllLimit(fh, data, max+1)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, ErrTooLarge
	}
	return data, nil
}

// readAllLimit appends at most limit bytes of r to buf.
func readAllLimit(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// absLinkRetry handles what os.Root refuses although it stays inside the
// root: a path through an absolute symlink whose target lies below the
// root (os.Root never follows absolute links). When err is such a refusal,
// it returns the path with its symlinks evaluated, relative to the root,
// for the caller to retry through os.Root, which still confines that
// second attempt. Links into .git are not retried.
func (f *FS) absLinkRetry(rel string, err error) (string, bool) {
	if err == nil || !isEscape(err) {
		return "", false
	}
	return f.resolveInside(rel)
}

// resolveInside evaluates the symlinks of rel and returns the result
// relative to the root when it lies inside the root and outside .git.
func (f *FS) resolveInside(rel string) (string, bool) {
	real, err := filepath.EvalSymlinks(filepath.Join(f.dir, rel))
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(f.realDir, real)
	if err != nil || isOutside(r) || InGit(r) {
		return "", false
	}
	return r, true
}

// isEscape reports whether err is os.Root's refusal of a path leading out
// (through "..", a relative symlink, or any absolute symlink); os.Root
// reports it with an unexported error of this text.
func isEscape(err error) bool {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err != nil && err.Error() == "path escapes from parent"
}

// wrap turns an error of os.Root into a *PathError, naming an escape from
// the root ErrOutside.
func (f *FS) wrap(op, path string, err error) error {
	if err == nil {
		return nil
	}
	cause := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err
	}
	if isEscape(err) {
		cause = ErrOutside
	}
	return &PathError{Op: op, Path: path, Root: f.dir, Err: cause}
}

// isOutside reports whether a filepath.Rel result leaves its base.
func isOutside(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel)
}

// InGit reports whether a relative path (either separator) has a segment
// named .git (in any letter case: case-insensitive filesystems would open
// .GIT/config as .git/config).
func InGit(rel string) bool {
	for seg := range strings.FieldsFuncSeq(filepath.ToSlash(rel), func(r rune) bool { return r == '/' }) {
		if strings.EqualFold(seg, GitDir) {
			return true
		}
	}
	return false
}
