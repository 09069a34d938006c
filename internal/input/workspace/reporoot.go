package workspace

import (
	"os"
	"path/filepath"
)

// repoRoots finds the repository root of files (the nearest folder above
// them holding .git), caching the answer per folder. A path's folder names
// say whether it holds role mappings only below the repository root: a
// checkout named es-role-mappings does not make its Helm values role
// mappings, whatever the working directory.
type repoRoots map[string]string

// relative returns path relative to its repository root with / separators,
// or fallback (the path as reported) when no repository root is found.
func (r repoRoots) relative(path, fallback string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fallback
	}
	root := r.rootOf(filepath.Dir(abs))
	if root == "" {
		return fallback
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return fallback
	}
	return filepath.ToSlash(rel)
}

// rootOf returns the repository root holding dir, or "".
func (r repoRoots) rootOf(dir string) string {
	if root, ok := r[dir]; ok {
		return root
	}
	root := ""
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		root = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		root = r.rootOf(parent)
	}
	r[dir] = root
	return root
}
