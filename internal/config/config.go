package config

import (
	"errors"
	"fmt"
	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/repofs"
)

// Config is a loaded .rolemap-lint.yaml (docs/usage.md, "Configuration"), merged with the
// elasticsearch.yml it names.
type Config struct {
	// Path is the config file as named in messages ("" for Default).
	Path string
	// Dir is the absolute directory paths in the config are relative to:
	// the config file's directory (the working directory for Default).
	Dir string
	// File is the config file's text, for spans (nil for Default).
	File *source.File

	// ESVersion is the Elasticsearch version whose behaviour is modelled
	// (es_version; default esversion.Newest). ESVersionSet says whether
	// the config set it.
	ESVersion    esversion.Version
	ESVersionSet bool

	// Exclude are the patterns of paths to skip.
	Exclude []*Glob
	// Mappings are the patterns of files claimed strictly as role mapping
	// sources: everything in them must be one.
	Mappings []*Glob
	// RoleMappingFiles are the patterns of DN role mapping files (files
	// named role_mapping.yml are DN files anyway).
	RoleMappingFiles []*Glob
	// Roles is the catalog of roles that exist.
	Roles Roles
	// Realms are the realms of the config merged with those of
	// elasticsearch.yml (see the package documentation).
	Realms []Realm
	// ElasticsearchYML is the absolute path of the elasticsearch.yml to
	// read ("" for none), and ES what was read from it by Load.
	ElasticsearchYML     string
	ElasticsearchYMLSpan source.Span
	ES                   *ESSettings
	// Scripting is the effective scripting restriction: each of the
	// config's scripting keys wins over the corresponding elasticsearch.yml
	// setting.
	Scripting Scripting
	// PrivilegedRoles extends the built-in list of privileged roles.
	PrivilegedRoles []string
	// AnonymousRoles are the roles every authenticated user also gets
	// (config anonymous_roles, else xpack.security.authc.anonymous.roles).
	AnonymousRoles    []string
	AnonymousRolesSet bool
	// YAMLReader is the YAML reader mapping files meet on their way to
	// Elasticsearch (yaml_reader; default: not known).
	YAMLReader loader.Reader
	// Checks holds the per-check levels set by the config.
	Checks map[string]diag.Level
	// Ignores are the suppression entries, in config order.
	Ignores []*IgnoreRule
	// Problems are things to report about the configuration that do not
	// make it unusable (see Problem).
	Problems []Problem
	// Root is the repository root that confines every file the config
	// names (see internal/repofs.FindRoot); Load sets it. Empty: found
	// from Path (or Dir) when needed.
	Root string

	pathRefs []pathRef // file paths written in the config, for Load to confine
	// Clusters are the clusters the config declares, in config order
	// (none: the whole repository is one cluster).
	Clusters []*Cluster
	// Limits are the sizes of the run's budgets set by the limits section
	// (zero: the default of package budget).
	Limits budget.Limits
}

// Roles is the role catalog part of the config.
type Roles struct {
	// Builtin says whether Elasticsearch's built-in roles exist (default true).
	Builtin bool
	// Names are roles known to exist.
	Names []string
	// Files are patterns of roles.yml files or PUT /_security/role bodies.
	Files []*Glob
}

// LoadOptions tune loading.
type LoadOptions struct {
	// KnownChecks is the set of check ids; a `checks` key or an
	// `ignore[].check` outside it is an error. Nil accepts any id.
	KnownChecks map[string]bool
}

// Config file names searched by Discover, in order.
const (
	FileName    = ".rolemap-lint.yaml"
	AltFileName = ".rolemap-lint.yml"
)

// maxConfigSize bounds the bytes read from a config file.
const maxConfigSize = 1 << 20

// Default returns the configuration used when there is no config file:
// the newest modelled Elasticsearch version, built-in roles, everything at
// its default level, paths relative to the working directory.
func Default() *Config {
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	return newConfig("", dir)
}

func newConfig(path, dir string) *Config {
	return &Config{
		Path:      path,
		Dir:       dir,
		ESVersion: esversion.Newest,
		Roles:     Roles{Builtin: true},
		Checks:    map[string]diag.Level{},
	}
}

// Load reads the config file at path, validates it and, when it names an
// elasticsearch_yml, reads that file too and merges its realms, scripting
// and anonymous roles. Any problem that makes the config unusable is
// returned as an ErrorList whose lines read "file:line:col: message".
func Load(path string, opt LoadOptions) (*Config, error) {
	name := displayPath(path)
	fsys, err := repofs.OpenFor(path, filepath.Dir(path))
	if err != nil {
		return nil, ErrorList{{File: name, Msg: "cannot read config: " + repofs.Reason(err)}}
	}
	defer fsys.Close()
	if err := fsys.Check(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, ErrorList{{File: name, Msg: "cannot read config: " + confinedReason(err)}}
	}
	data, err := fsys.ReadFile(path, maxConfigSize)
	if err != nil {
		return nil, ErrorList{{File: name, Msg: "cannot read config: " + confinedReason(err)}}
	}
	c, err := Parse(name, data, opt)
	if err != nil {
		return nil, err
	}
	read := map[string]*ESSettings{}
	for _, cc := range c.withClusters() {
		cc.Root = fsys.Dir()
		if err := cc.checkPaths(fsys); err != nil {
			return nil, err
		}
		if err := cc.loadES(name, fsys, read); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// withClusters returns the config and the configs of its clusters.
func (c *Config) withClusters() []*Config {
	out := []*Config{c}
	for _, cl := range c.Clusters {
		out = append(out, cl.Config)
	}
	return out
}

// confinedReason words a refused or failed confined read.
func confinedReason(err error) string {
	if errors.Is(err, repofs.ErrOutside) {
		return "it " + repofs.Describe(err)
	}
	return repofs.Describe(err)
}

// loadES reads the elasticsearch_yml the config names, if any, through the
// repository root and merges it; read caches the files already read by
// path (clusters share them).
func (c *Config) loadES(name string, fsys *repofs.FS, read map[string]*ESSettings) error {
	if c.ElasticsearchYML == "" {
		return nil
	}
	es := read[c.ElasticsearchYML]
	if es == nil {
		esName := displayPath(c.ElasticsearchYML)
		esData, err := fsys.ReadFile(c.ElasticsearchYML, maxESYMLSize)
		if err != nil {
			pos := c.ElasticsearchYMLSpan.Range().Start
			return ErrorList{{File: name, Line: pos.Line, Col: pos.Col,
				Msg: fmt.Sprintf("elasticsearch_yml: cannot read %q: %s", esName, confinedReason(err))}}
		}
		es, err = ParseElasticsearchYML(esName, esData)
		if err != nil {
			return err
		}
		read[c.ElasticsearchYML] = es
	}
	c.applyES(es)
	return nil
}

// Parse validates config bytes; name is the file's path, used in messages
// and to find the directory relative paths start from. Parse reads no
// other file: Load also reads the elasticsearch_yml.
func Parse(name string, data []byte, opt LoadOptions) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(name))
	if err != nil {
		dir = filepath.Dir(name)
	}
	c := newConfig(name, dir)
	c.File = source.NewFile(name, data)
	if len(data) > maxConfigSize {
		return nil, ErrorList{{File: name, Msg: fmt.Sprintf("config file is larger than %d bytes", maxConfigSize)}}
	}
	docs, err := yamlDocs(name, data, 2)
	if err != nil {
		return nil, err
	}
	if len(docs) > 1 {
		n := docs[1]
		if r := docRoot(n); r != nil {
			n = r
		}
		return nil, ErrorList{{File: name, Line: n.Line, Col: n.Column, Msg: "the config file must hold a single YAML document"}}
	}
	if len(docs) == 0 {
		return c, nil
	}
	d := &decoder{c: c, opt: opt}
	d.top(docRoot(docs[0]))
	if err := d.errs.errOrNil(); err != nil {
		return nil, err
	}
	return c, nil
}

// displayPath returns path relative to the working directory when it lies
// below it, and cleaned otherwise.
func displayPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel
		}
	}
	return abs
}

// Level returns the level the config sets for check, or def.
func (c *Config) Level(check string, def diag.Level) diag.Level {
	if l, ok := c.Checks[check]; ok && l != diag.Default {
		return l
	}
	return def
}

// HasRoleCatalog reports whether the config lists roles beyond the
// built-in ones (names or files), which makes unknown roles warnings.
func (c *Config) HasRoleCatalog() bool {
	return len(c.Roles.Names) > 0 || len(c.Roles.Files) > 0
}

// Rel converts a path (absolute, or relative to the working directory)
// into the slash-separated form relative to the config directory that
// Excluded, the globs and the ignore entries expect.
func (c *Config) Rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(path))
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// Excluded reports whether a path (slash-separated, relative to the config
// directory) is excluded: some exclude pattern matches it or one of its
// parent directories, so "vendor" and "vendor/**" both exclude
// vendor/a/b.json.
func (c *Config) Excluded(relPath string) bool {
	segs := splitPath(relPath)
	for n := len(segs); n > 0; n-- {
		p := strings.Join(segs[:n], "/")
		for _, g := range c.Exclude {
			if g.Match(p) {
				return true
			}
		}
	}
	return false
}

// ExcludedFrom adapts Excluded to paths relative to another directory (the
// working directory a file walker reports paths against).
func (c *Config) ExcludedFrom(baseDir string) func(rel string) bool {
	return func(rel string) bool {
		return c.Excluded(c.Rel(AbsFrom(baseDir, rel)))
	}
}

// IsRoleMappingFile reports whether a path (relative to the config
// directory) is a DN role mapping file: named role_mapping.yml, matched by
// role_mapping_files, or the file of a configured realm.
func (c *Config) IsRoleMappingFile(relPath string) bool {
	if matchAny(c.RoleMappingFiles, relPath) {
		return true
	}
	abs := filepath.Join(c.Dir, filepath.FromSlash(relPath))
	for _, r := range c.Realms {
		if r.RoleMappingFile != "" && sameFile(r.RoleMappingFile, abs) {
			return true
		}
	}
	return filepath.Base(relPath) == DefaultRoleMappingFile
}

// IsMappingsClaim reports whether a path (relative to the config
// directory) is matched by the `mappings` globs.
func (c *Config) IsMappingsClaim(relPath string) bool { return matchAny(c.Mappings, relPath) }

// IsRolesFile reports whether a path (relative to the config directory) is
// matched by roles.files.
func (c *Config) IsRolesFile(relPath string) bool { return matchAny(c.Roles.Files, relPath) }

// IsConfigInput reports whether a path (relative to the config directory)
// is one of the configuration inputs never linted as role mappings: the
// config file itself, the elasticsearch.yml and roles files.
func (c *Config) IsConfigInput(relPath string) bool {
	abs := filepath.Join(c.Dir, filepath.FromSlash(relPath))
	if c.Path != "" {
		if cp, err := filepath.Abs(c.Path); err == nil && sameFile(cp, abs) {
			return true
		}
	}
	if c.ElasticsearchYML != "" && sameFile(c.ElasticsearchYML, abs) {
		return true
	}
	return c.IsRolesFile(relPath)
}

func matchAny(globs []*Glob, relPath string) bool {
	for _, g := range globs {
		if g.Match(relPath) {
			return true
		}
	}
	return false
}

// maxExpandEntries bounds the directory entries ExpandGlobs visits.
const maxExpandEntries = 1 << 20

// ExpandGlobs returns the regular files (absolute paths, sorted, without
// duplicates) that match any of the patterns. Patterns are matched against
// paths inside the repository root, never expanded by the operating
// system: only the directories below each pattern's literal prefix are
// walked, .git is never entered, symbolic links to directories are not
// followed and links to files only when they stay inside the repository.
// A literal prefix that leaves the repository (through ".." or a symlink)
// or names a path inside .git is an error.
func (c *Config) ExpandGlobs(globs []*Glob) ([]string, error) {
	if len(globs) == 0 {
		return nil, nil
	}
	fsys, err := c.repoFS()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	x := &expander{c: c, fsys: fsys, seen: map[string]bool{}}
	for _, g := range globs {
		for _, alt := range g.alts {
			base := filepath.Join(append([]string{c.Dir}, staticPrefix(alt)...)...)
			if err := fsys.Check(base); err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					continue
				}
				return nil, errors.New(confineMessage("", g.Pattern, err))
			}
			if err := x.walk(g, base); err != nil {
				return nil, fmt.Errorf("expanding %q: %w", g.Pattern, err)
			}
		}
	}
	sort.Strings(x.out)
	return x.out, nil
}

// expander walks the directories below the literal prefixes of globs.
type expander struct {
	c       *Config
	fsys    *repofs.FS
	seen    map[string]bool
	out     []string
	visited int
}

// walk adds the regular files at or below p that g matches.
func (x *expander) walk(g *Glob, p string) error {
	x.visited++
	if x.visited > maxExpandEntries {
		return fmt.Errorf("more than %d files under %s", maxExpandEntries, x.fsys.Dir())
	}
	st, err := x.fsys.Stat(p)
	if err != nil {
		return nil // vanished, or a symlink that leaves the root: not a match
	}
	if st.IsDir() {
		entries, err := x.fsys.ReadDir(p)
		if err != nil {
			return errors.New(repofs.Reason(err))
		}
		for _, e := range entries {
			child := filepath.Join(p, e.Name())
			switch {
			case strings.EqualFold(e.Name(), repofs.GitDir):
			case e.Type()&fs.ModeSymlink != 0:
				// A link to a file inside the root may match; a link to a
				// directory is not followed.
				if x.fsys.Check(child) != nil {
					continue
				}
				if cst, err := x.fsys.Stat(child); err == nil && cst.Mode().IsRegular() {
					x.add(g, child)
				}
			case e.IsDir():
				if err := x.walk(g, child); err != nil {
					return err
				}
			case e.Type().IsRegular():
				x.visited++
				x.add(g, child)
			}
		}
		return nil
	}
	if st.Mode().IsRegular() {
		x.add(g, p)
	}
	return nil
}

func (x *expander) add(g *Glob, p string) {
	if x.seen[p] || !g.Match(x.c.Rel(p)) {
		return
	}
	x.seen[p] = true
	x.out = append(x.out, p)
}

// applyES merges what elasticsearch.yml says into the config.
func (c *Config) applyES(es *ESSettings) {
	c.ES = es
	c.Problems = append(c.Problems, es.Problems...)
	c.Problems = append(c.Problems, es.VersionProblems(c.ESVersion)...)
	c.Realms = c.mergeRealms(es)
	if !c.Scripting.AllowedTypesSet && es.Script.AllowedTypesSet {
		c.Scripting.AllowedTypes, c.Scripting.AllowedTypesSet, c.Scripting.TypesSpan =
			es.Script.AllowedTypes, true, es.Script.TypesSpan
	}
	if !c.Scripting.AllowedContextsSet && es.Script.AllowedContextsSet {
		c.Scripting.AllowedContexts, c.Scripting.AllowedContextsSet, c.Scripting.ContextsSpan =
			es.Script.AllowedContexts, true, es.Script.ContextsSpan
	}
	if !c.AnonymousRolesSet && es.AnonymousRolesSet {
		c.AnonymousRoles, c.AnonymousRolesSet = es.AnonymousRoles, true
	}
}

// mergeRealms combines the config's realms with those of elasticsearch.yml
// by name: config realms first (in config order), then the others in
// elasticsearch.yml order. For a realm defined in both, every field the
// config entry sets wins.
func (c *Config) mergeRealms(es *ESSettings) []Realm {
	esByName := map[string]Realm{}
	for _, r := range es.Realms {
		if _, dup := esByName[r.Name]; !dup {
			esByName[r.Name] = r
		}
	}
	used := map[string]bool{}
	out := make([]Realm, 0, len(c.Realms)+len(es.Realms))
	for _, cr := range c.Realms {
		er, ok := esByName[cr.Name]
		if !ok {
			if cr.UsesDNFile() && !cr.set.file {
				cr.RoleMappingFile = filepath.Join(es.Dir, DefaultRoleMappingFile)
			}
			out = append(out, cr)
			continue
		}
		used[cr.Name] = true
		m := er
		m.Origin, m.Span, m.set = FromBoth, cr.Span, cr.set
		if cr.Type != er.Type {
			c.Problems = append(c.Problems, Problem{Span: cr.Span, Level: diag.Warning, Message: fmt.Sprintf(
				"realm %q has type %q in the config but %q in %s; the config's type is used", cr.Name, cr.Type, er.Type, es.Path)})
			m.Type = cr.Type
		}
		if cr.set.order {
			m.Order, m.OrderSet = cr.Order, true
		}
		if cr.set.enabled {
			m.Enabled = cr.Enabled
		}
		if cr.set.unmapped {
			m.UnmappedGroupsAsRoles = cr.UnmappedGroupsAsRoles
		}
		switch {
		case !m.UsesDNFile():
			m.RoleMappingFile, m.RoleMappingFileExplicit, m.UnmappedGroupsAsRoles = "", false, false
		case cr.set.file:
			m.RoleMappingFile, m.RoleMappingFileExplicit = cr.RoleMappingFile, true
		case m.RoleMappingFile == "":
			m.RoleMappingFile = filepath.Join(es.Dir, DefaultRoleMappingFile)
		}
		out = append(out, m)
	}
	for _, r := range es.Realms {
		if !used[r.Name] {
			used[r.Name] = true
			out = append(out, r)
		}
	}
	return out
}
