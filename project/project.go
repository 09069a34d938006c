// Package project loads everything one run of rolemap-lint looks at: the
// configuration (.rolemap-lint.yaml and the elasticsearch.yml it names),
// the catalog of roles, the workspace of mapping sources and DN files, and
// the fixture tests. The command line and the documentation examples share
// it, so that both see a repository exactly the same way.
package project

import (
	"errors"
	"fmt"
	"github.com/rolemap-lint/rolemap-lint/budget"
	"github.com/rolemap-lint/rolemap-lint/loader"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/automaton"
	"github.com/rolemap-lint/rolemap-lint/catalog"
	"github.com/rolemap-lint/rolemap-lint/config"
	"github.com/rolemap-lint/rolemap-lint/diag"
	"github.com/rolemap-lint/rolemap-lint/dn"
	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/source"
	"github.com/rolemap-lint/rolemap-lint/workspace"
)

// Options say what to load.
type Options struct {
	// Dir is the absolute working directory; reports name files relative
	// to it.
	Dir string
	// Paths are the files and directories to check ("-" = standard input),
	// relative to Dir or absolute.
	Paths []string
	// ConfigFile is --config ("" = discover .rolemap-lint.yaml).
	ConfigFile string
	// NoParentConfig looks for the config in Dir only, not in its parents.
	NoParentConfig bool
	// KnownChecks are the check ids the config's `checks` may name.
	KnownChecks map[string]bool
	// Stdin and StdinName serve the path "-".
	Stdin     io.Reader
	StdinName string
}

// Project is one loaded repository.
type Project struct {
	Dir    string
	Config *config.Config
	// Catalog are the roles that exist; CatalogFindings the problems of
	// the roles files.
	Catalog         *catalog.Catalog
	CatalogFindings []diag.Diagnostic
	// Workspace holds the mapping sources, DN files and fixture files.
	Workspace *workspace.Workspace
	// Tests are the fixture tests; FixtureFindings the problems of the
	// fixture files.
	Tests           []*fixtures.Test
	FixtureFindings []diag.Diagnostic
	// Normalizer normalizes each DN once per run.
	Normalizer *dn.Normalizer
	// Budget holds the run's budgets, sized by the config's limits.
	Budget *budget.Run
}

// ErrUsage marks errors that are the user's to fix (a bad config, a
// missing path): the command line exits 2 for them.
var ErrUsage = errors.New("usage")

func usage(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUsage, fmt.Sprintf(format, args...))
}

// Open loads the configuration, the roles catalog, the workspace and the
// fixtures. workspace.ErrNoFiles is returned (wrapped) with a project whose
// workspace is empty when the paths hold no candidate file.
func Open(opt Options) (*Project, error) {
	p := &Project{Dir: opt.Dir, Normalizer: dn.NewNormalizer(dn.DefaultCacheEntries)}
	cfg, err := p.loadConfig(opt)
	if err != nil {
		return nil, err
	}
	p.Config = cfg
	p.Budget = budget.New(cfg.Limits)
	if err := p.loadCatalog(); err != nil {
		return nil, err
	}
	paths := make([]string, len(opt.Paths))
	for i, path := range opt.Paths {
		paths[i] = path
		if path != "-" {
			paths[i] = p.Abs(path)
		}
	}
	ws, err := workspace.Load(workspace.Options{
		Dir:           p.Dir,
		Paths:         paths,
		Stdin:         opt.Stdin,
		StdinName:     opt.StdinName,
		Excluded:      cfg.ExcludedFrom(p.Dir),
		Role:          p.fileRole,
		DNFileOptions: p.dnFileOptions,
		Version:       cfg.ESVersion,
		Patterns:      &automaton.Cache{Work: p.Budget.States(), Held: p.Budget.Patterns()},
		YAML:          loader.YAMLOptions{MaxNodes: p.Budget.Limits.YAMLNodes, Pool: p.Budget.YAML()},
	})
	if errors.Is(err, workspace.ErrNoFiles) {
		p.Workspace = &workspace.Workspace{}
		return p, err
	}
	if err != nil {
		return nil, usage("%v", err)
	}
	ws.Diags = append(ws.Diags, p.missingDNFiles()...)
	p.Workspace = ws
	for _, f := range ws.Files {
		if f.Kind == workspace.FixtureFile {
			tests, diags := fixtures.Parse(f.Source, f.Docs)
			p.Tests = append(p.Tests, tests...)
			p.FixtureFindings = append(p.FixtureFindings, diags...)
		}
	}
	return p, nil
}

// Abs resolves a path against the working directory.
func (p *Project) Abs(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(p.Dir, path)
}

// Rel renders a path relative to the working directory with / separators
// when it lies below it, as reports name files.
func (p *Project) Rel(path string) string {
	rel, err := filepath.Rel(p.Dir, p.Abs(path))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// loadConfig reads --config, or the .rolemap-lint.yaml found from the
// working directory up to the repository root, or the defaults.
func (p *Project) loadConfig(opt Options) (*config.Config, error) {
	path := opt.ConfigFile
	switch {
	case path != "":
		path = p.Abs(path)
		if _, err := os.Stat(path); err != nil {
			return nil, usage("--config %s: no such file", opt.ConfigFile)
		}
	case opt.NoParentConfig:
		for _, name := range []string{".rolemap-lint.yaml", ".rolemap-lint.yml"} {
			if _, err := os.Stat(filepath.Join(p.Dir, name)); err == nil {
				path = filepath.Join(p.Dir, name)
				break
			}
		}
	default:
		found, ok, err := config.Discover(p.Dir)
		if err != nil {
			return nil, usage("looking for .rolemap-lint.yaml: %v", err)
		}
		if ok {
			path = found
		}
	}
	if path == "" {
		cfg := config.Default()
		cfg.Dir = p.Dir
		return cfg, nil
	}
	cfg, err := config.Load(path, config.LoadOptions{KnownChecks: opt.KnownChecks})
	if err != nil {
		var el config.ErrorList
		if errors.As(err, &el) {
			return nil, usage("invalid config:\n%v", err)
		}
		return nil, usage("%v", err)
	}
	// Findings about the config files name them like every other file.
	if cfg.File != nil {
		cfg.File.Name = p.Rel(cfg.File.Name)
	}
	if cfg.ES != nil && cfg.ES.Settings != nil && cfg.ES.Settings.File != nil {
		cfg.ES.Settings.File.Name = p.Rel(cfg.ES.Settings.File.Name)
	}
	return cfg, nil
}

// loadCatalog reads the roles files the config names and builds the
// catalog of roles that exist.
func (p *Project) loadCatalog() error {
	cfg := p.Config
	paths, err := cfg.ExpandGlobs(cfg.Roles.Files)
	if err != nil {
		return usage("roles.files: %v", err)
	}
	var files []*catalog.RolesFile
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return usage("roles.files: %v", err)
		}
		rf, diags := catalog.ReadRolesFile(source.NewFile(p.Rel(path), data))
		files = append(files, rf)
		p.CatalogFindings = append(p.CatalogFindings, diags...)
	}
	c := catalog.New(cfg.ESVersion, catalog.Options{Builtin: cfg.Roles.Builtin, Names: cfg.Roles.Names,
		Files: files, PrivilegedExtra: cfg.PrivilegedRoles})
	p.CatalogFindings = append(p.CatalogFindings, c.Findings()...)
	p.Catalog = c
	return nil
}

// fileRole classifies a working-directory-relative path by the config.
func (p *Project) fileRole(rel string) workspace.FileRole {
	cr := p.Config.Rel(filepath.Join(p.Dir, filepath.FromSlash(rel)))
	switch {
	case p.Config.IsConfigInput(cr):
		return workspace.Ignored
	case p.Config.IsRoleMappingFile(cr):
		return workspace.RoleMappingFile
	}
	return workspace.Auto
}

// dnFileOptions says how Elasticsearch reads a role_mapping.yml: strictly
// when a realm using it sets files.role_mapping explicitly, and naming the
// realm in its messages.
func (p *Project) dnFileOptions(rel string) rolemapfile.Options {
	abs := filepath.Join(p.Dir, filepath.FromSlash(rel))
	o := rolemapfile.Options{Path: abs}
	for _, realm := range p.Config.RoleMappingFileRealms(abs) {
		if o.RealmName == "" {
			o.RealmType, o.RealmName = realm.Type, realm.Name
		}
		if realm.RoleMappingFileExplicit && realm.Enabled {
			o.Strict = true
			o.RealmType, o.RealmName = realm.Type, realm.Name
		}
	}
	return o
}

// missingDNFiles reports configured role mapping files that do not exist.
func (p *Project) missingDNFiles() []diag.Diagnostic {
	var out []diag.Diagnostic
	seen := map[string]bool{}
	for _, realm := range p.Config.Realms {
		if !realm.UsesDNFile() || !realm.Enabled || realm.RoleMappingFile == "" || seen[realm.RoleMappingFile] {
			continue
		}
		seen[realm.RoleMappingFile] = true
		if _, err := os.Stat(realm.RoleMappingFile); err == nil {
			continue
		}
		out = append(out, rolemapfile.MissingFileDiagnostic(realm.Span, realm.RoleMappingFile, realm.Name, realm.RoleMappingFileExplicit))
	}
	return out
}
