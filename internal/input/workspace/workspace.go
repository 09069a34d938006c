// Package workspace loads everything rolemap-lint checks: it discovers the
// files under the given paths, parses them with positions, recognizes what
// each document holds (docs/usage.md, "Which files are role mappings") and builds the role mapping model.
package workspace

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/repofs"
)

// DefaultMaxFileSize is the largest file read when Options.MaxFileSize is
// not set (a run sets it from limits.file_size, whose default is the same);
// a bigger file is not checked, with a budget finding.
const DefaultMaxFileSize = 64 << 20

// FileRole says how a discovered file is to be treated.
type FileRole uint8

// File roles.
const (
	// Auto files are recognized by their shape.
	Auto FileRole = iota
	// Ignored files are never linted as mappings (the config, roles files,
	// elasticsearch.yml).
	Ignored
	// RoleMappingFile marks a DN role mapping file (role_mapping.yml).
	RoleMappingFile
	// ClaimedMapping files are matched by the config's `mappings` globs:
	// everything in them must be a role mapping source.
	ClaimedMapping
	// IgnoredRolesFile files are roles files named by the config.
	IgnoredRolesFile
)

// Options control loading.
type Options struct {
	// Dir is the working directory paths are reported relative to.
	Dir string
	// Paths are the files and directories to load; "-" is standard input.
	Paths []string
	// Stdin is read for the path "-"; StdinName names it in reports.
	Stdin     io.Reader
	StdinName string
	// Excluded reports whether a relative path is excluded by the config.
	Excluded func(rel string) bool
	// Role classifies files the config names; nil treats all as Auto
	// (role_mapping.yml is always a RoleMappingFile, .rolemap-lint.yaml
	// always Ignored).
	Role func(rel string) FileRole
	// Version is the modelled Elasticsearch version.
	Version esversion.Version
	// Patterns caches compiled patterns; nil makes a new cache.
	Patterns *automaton.Cache
	// MaxFileSize limits the bytes read from one file.
	MaxFileSize int64
	// YAMLReader is the YAML reader mapping files meet on their way to
	// Elasticsearch (config yaml_reader); the zero value means not known.
	YAMLReader loader.Reader
	// ConfigDir returns the directory of the config file that applies to
	// a PATH ("" for none, and when nil): where no .git holds the PATH, it
	// is the repository root that confines the reads (repofs.FindRoot).
	ConfigDir func(path string) string
	// YAML bounds the values YAML files produce after alias expansion
	// (per file and for the run; zero: only the per-document bound).
	YAML loader.YAMLOptions
	// Limits bound each array, object and string of a JSON or YAML file
	// (zero: no bound).
	Limits loader.Limits
	// DNFileOptions says how Elasticsearch reads a DN role mapping file
	// (strictness, the realm named in its messages); nil reads every such
	// file leniently.
	DNFileOptions func(rel string) rolemapfile.Options
}

// File is one loaded file.
type File struct {
	Source *source.File
	// Explicit is true for files named on the command line.
	Explicit bool
	// Docs are the parsed documents (one for JSON).
	Docs []*source.Value
	// Shapes are the recognized shape of each document.
	Shapes []Shape
	// Kind is what the file is: a mapping source, a DN role mapping file, or
	// a fixture file.
	Kind FileKind
	// Claim says why the file is (or is not) read as a role mapping source.
	Claim Decision

	parseDiags []diag.Diagnostic
	strict     bool   // claimed by the config: every document must be a mapping source
	tooLarge   bool   // over MaxFileSize: not read
	hintPath   string // the path whose names may say "role mapping" (see repoRoots)
}

// FileKind classifies a loaded file.
type FileKind uint8

// File kinds.
const (
	MappingSource FileKind = iota
	DNMappingFile
	FixtureFile
	UnrecognizedFile
)

// Workspace is everything loaded for one run.
type Workspace struct {
	// Files are the loaded candidate files, in sorted path order.
	Files []*File
	// Mappings are every role mapping found, in source order.
	Mappings []*mapping.Mapping
	// Diags are problems that belong to no single mapping (syntax errors of
	// whole files, duplicate names, unrecognized explicit files).
	Diags []diag.Diagnostic
	// Skipped lists the JSON/YAML files found that are not read as role
	// mappings, fixtures or DN files (relative paths).
	Skipped []string
	// Decisions say, for every JSON/YAML file found, whether it is read and
	// why (listed by -v), in path order.
	Decisions []Decision
	// Notes are remarks for -v: skipped special files, symlink loops.
	Notes []string
	// DNFiles are the DN role mapping files (role_mapping.yml), parsed as
	// Elasticsearch's DnRoleMapper reads them.
	DNFiles []*rolemapfile.File
}

// ErrNoFiles is returned when the paths hold no role mapping source: no
// file is claimed as one (by the config or by its signature) and there is
// no DN role mapping file. Load returns it with the workspace it built, so
// that -v can still say why each file was skipped.
var ErrNoFiles = errors.New("no role mappings found")

// Load discovers, reads and parses everything under the options' paths,
// and builds the mappings. ErrNoFiles comes with the workspace when no file
// is a role mapping source, so that -v can still say why each was skipped.
func Load(opt Options) (*Workspace, error) {
	ws, err := Read(opt)
	if err != nil {
		return ws, err
	}
	ws.Build(opt)
	if !ws.HasMappingSources() {
		return ws, ErrNoFiles
	}
	return ws, nil
}

// Read discovers, reads and parses the files under the options' paths
// without building their mappings: Build does that, so that a caller can
// split the files into clusters and build each with its own options.
func Read(opt Options) (*Workspace, error) {
	opt.defaults()
	if opt.Dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("finding the working directory: %w", err)
		}
		opt.Dir = wd
	}
	ws := &Workspace{}
	var paths []string
	useStdin := false
	for _, p := range opt.Paths {
		if p == "-" {
			useStdin = true
			continue
		}
		paths = append(paths, p)
	}
	var roots repofs.Set
	defer roots.Close()
	if opt.ConfigDir == nil {
		opt.ConfigDir = func(string) string { return "" }
	}
	cands, notes, err := discover(opt.Dir, paths, opt.Excluded, opt.ConfigDir, &roots)
	if err != nil {
		return nil, err
	}
	ws.Notes = append(ws.Notes, notes...)
	var files []*File
	hints := repoRoots{}
	for _, c := range cands {
		if c.excluded {
			ws.Decisions = append(ws.Decisions, Decision{File: c.rel, Verdict: Skipped, Reason: "excluded by the config"})
			continue
		}
		role := roleOf(opt, c.rel)
		if reason := ignoredReason(c.rel, role); reason != "" {
			ws.Decisions = append(ws.Decisions, Decision{File: c.rel, Verdict: Skipped, Reason: reason})
			continue
		}
		f := newFile(c.rel, c.explicit, role)
		f.hintPath = hints.relative(c.path, c.rel)
		files = append(files, f)
	}
	if useStdin {
		f, err := readStdin(opt)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return ws, ErrNoFiles
	}
	pathOfRel := make(map[string]candidate, len(cands))
	for _, c := range cands {
		pathOfRel[c.rel] = c
	}
	pathOf := make(map[*File]candidate, len(files))
	for _, f := range files {
		if p, ok := pathOfRel[f.Source.Name]; ok && !(useStdin && f == files[len(files)-1]) {
			pathOf[f] = p
		}
	}
	parseAll(files, pathOf, opt)
	ws.Files = files
	ws.dropForeignFixtures()
	return ws, nil
}

func roleOf(opt Options, rel string) FileRole {
	if IsConfigName(rel) {
		return Ignored // never a mapping, active or not
	}
	if opt.Role != nil {
		if r := opt.Role(rel); r != Auto {
			return r
		}
	}
	if strings.EqualFold(filepath.Base(rel), "role_mapping.yml") {
		return RoleMappingFile
	}
	return Auto
}

func kindFor(rel string, role FileRole) FileKind {
	switch {
	case role == RoleMappingFile:
		return DNMappingFile
	case IsFixtureName(rel):
		return FixtureFile
	}
	return MappingSource
}

func readStdin(opt Options) (*File, error) {
	name := opt.StdinName
	if name == "" {
		name = "<stdin>"
	}
	if opt.Stdin == nil {
		return nil, errors.New("reading standard input: no input")
	}
	data, err := io.ReadAll(io.LimitReader(opt.Stdin, opt.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading standard input: %w", err)
	}
	rel := filepath.ToSlash(name)
	f := newFile(rel, true, roleOf(opt, rel))
	f.Source = source.NewFile(rel, data)
	return f, nil
}

// parseAll reads and parses the files concurrently; results stay in order.
func parseAll(files []*File, pathOf map[*File]candidate, opt Options) {
	work := make(chan *File)
	var wg sync.WaitGroup
	diagsOf := make(map[*File][]diag.Diagnostic, len(files))
	var mu sync.Mutex
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for f := range work {
				d := parseFile(f, pathOf[f], opt)
				mu.Lock()
				diagsOf[f] = d
				mu.Unlock()
			}
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	for _, f := range files {
		f.parseDiags = diagsOf[f]
	}
}

// parseFile reads one file (unless it came from stdin) and parses it.
func parseFile(f *File, c candidate, opt Options) []diag.Diagnostic {
	name := f.Source.Name
	tooLarge := false
	if c.fsys != nil {
		data, err := c.fsys.ReadChecked(c.path, opt.MaxFileSize)
		switch {
		case errors.Is(err, repofs.ErrTooLarge):
			tooLarge = true
		case err != nil:
			f.Source = source.NewFile(name, nil)
			return []diag.Diagnostic{diag.At("syntax", source.Span{File: f.Source}, "cannot read file: %s", repofs.Reason(err))}
		}
		f.Source = source.NewFile(name, data)
	}
	if tooLarge || int64(len(f.Source.Content)) > opt.MaxFileSize {
		f.Source = source.NewFile(name, f.Source.Content[:0])
		f.tooLarge = true
		// Elasticsearch reads bodies up to http.max_content_length (100 MB
		// by default): not an error, a file this tool did not check.
		d := diag.At(loader.CheckBudget, source.Span{File: f.Source},
			"the file is larger than %d bytes and is not checked: %v", opt.MaxFileSize,
			&budget.Error{Setting: budget.SettingFileSize, What: "bytes for one file", Limit: opt.MaxFileSize})
		d.Level = diag.Info
		return []diag.Diagnostic{d}
	}
	if f.Kind == DNMappingFile {
		// Parsed in build by the role mapping file reader, which reports
		// its own syntax problems the way Elasticsearch reads the file.
		return nil
	}
	if strings.EqualFold(filepath.Ext(name), ".json") {
		root, d := loader.ParseJSONWith(f.Source, opt.Limits)
		if root != nil {
			f.Docs = []*source.Value{root}
		}
		return d
	}
	yo := opt.YAML
	yo.Limits = opt.Limits
	docs, d := loader.ParseYAMLWith(f.Source, yo)
	f.Docs = docs
	return d
}

// ruleOptions returns the rule parser options for the modelled version.
func ruleOptions(opt Options) rules.Options {
	return rules.Options{Patterns: opt.Patterns, Regexp: automaton.Options{Dialect: automaton.DialectForVersion(opt.Version.Major, opt.Version.Minor)}}
}
