package lint

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

// Example is a small repository that makes one check fire, and its fix.
// docs/checks.md shows it with the output of `rolemap-lint lint` on it.
type Example struct {
	// Files maps slash-separated paths, relative to the repository root,
	// to their contents: mapping files and, when the check needs them, a
	// .rolemap-lint.yaml, roles files, elasticsearch.yml, role_mapping.yml
	// or fixture files.
	Files map[string]string
	// Args are the PATHs given to `rolemap-lint lint`, run in the
	// repository root (none: the root itself).
	Args []string
	// Fix explains, in Markdown, how to fix the problem.
	Fix string
	// Fixed holds the files the fix changes (or adds), with their fixed
	// contents; the fixed repository is Files with these replaced. The
	// check must not fire on it.
	Fixed map[string]string
	// Renamed maps the old path of each file the fix renames to its new
	// path (applied before Fixed).
	Renamed map[string]string
	// Deleted lists the files the fix deletes (applied after Renamed).
	Deleted []string
}

// FixedFiles returns the fixed repository: Files with Renamed, Deleted
// and Fixed applied.
func (e Example) FixedFiles() map[string]string {
	out := make(map[string]string, len(e.Files)+len(e.Fixed))
	for name, content := range e.Files {
		out[name] = content
	}
	for old, name := range e.Renamed {
		out[name] = out[old]
		delete(out, old)
	}
	for _, name := range e.Deleted {
		delete(out, name)
	}
	for name, content := range e.Fixed {
		out[name] = content
	}
	return out
}

// Examples returns the example of every documented check, keyed by check
// id: a small repository that makes the check fire, and its fix. Each is
// the file testdata/<id>.txtar (format: parseExample).
func Examples() map[string]Example {
	out := map[string]Example{}
	names, err := fs.Glob(exampleFiles, "testdata/*.txtar")
	if err != nil {
		panic(err) // the pattern is valid
	}
	for _, name := range names {
		data, err := exampleFiles.ReadFile(name)
		if err != nil {
			panic(err) // embedded files are readable
		}
		ex, err := parseExample(data)
		if err != nil {
			// The examples are part of the binary: a broken one is a
			// build error, which TestExamplesParse reports first.
			panic(fmt.Sprintf("%s: %v", name, err))
		}
		out[strings.TrimSuffix(path.Base(name), ".txtar")] = ex
	}
	return out
}

//go:embed testdata/*.txtar
var exampleFiles embed.FS

// parseExample reads one example: a txtar archive whose comment holds
// `rename OLD NEW` and `delete PATH` lines (the fix's renames and
// deletions), whose file fix.md holds the fix in Markdown, whose files
// under fixed/ are the files the fix changes, and whose other files are the
// repository that makes the check fire.
func parseExample(data []byte) (Example, error) {
	a := txtar.Parse(data)
	ex := Example{Files: map[string]string{}}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case f[0] == "rename" && len(f) == 3:
			if ex.Renamed == nil {
				ex.Renamed = map[string]string{}
			}
			ex.Renamed[f[1]] = f[2]
		case f[0] == "delete" && len(f) == 2:
			ex.Deleted = append(ex.Deleted, f[1])
		default:
			return Example{}, fmt.Errorf("unknown line %q (want rename OLD NEW or delete PATH)", line)
		}
	}
	for _, f := range a.Files {
		content := string(f.Data)
		switch {
		case f.Name == "fix.md":
			ex.Fix = strings.TrimSuffix(content, "\n")
		case strings.HasPrefix(f.Name, "fixed/"):
			if ex.Fixed == nil {
				ex.Fixed = map[string]string{}
			}
			ex.Fixed[strings.TrimPrefix(f.Name, "fixed/")] = content
		default:
			ex.Files[f.Name] = content
		}
	}
	if ex.Fix == "" {
		return Example{}, fmt.Errorf("no fix.md")
	}
	return ex, nil
}
