// Package pathx renders file paths the way the tool's reports and notes
// name them.
package pathx

import (
	"path/filepath"
	"strings"
)

// Rel renders p (absolute, or relative to dir) relative to dir with /
// separators when it lies in dir or below it; otherwise, or when no
// relative path exists (another volume), p itself with / separators,
// not cleaned. dir is the working directory the paths are shown from.
func Rel(dir, p string) string {
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(dir, p)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}
