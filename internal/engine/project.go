// Package engine is the one place a run of rolemap-lint is assembled. It
// loads everything a run looks at: the configurations (.rolemap-lint.yaml
// per PATH, the elasticsearch.yml they name), the catalogs of roles, the
// workspaces of mapping sources and DN files, and the fixture tests.
// OpenRun splits a run into units — one per config file in use and per
// cluster it declares — each checked on its own; Open loads a run of one
// unit. Run.Lint, Run.Test and Run.Check produce the report of `lint`,
// `test` and `check`; Project.Explain answers `explain`. The command line
// and the documentation examples (RunExample, Markdown) call it, so that
// both see a repository exactly the same way.
package engine

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/internal/pathx"
	"github.com/rolemap-lint/rolemap-lint/internal/repofs"
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
	// NoParentConfig looks for config files no higher than Dir.
	NoParentConfig bool
	// KnownChecks are the check ids the config's `checks` may name.
	KnownChecks map[string]bool
	// Stdin and StdinName serve the path "-".
	Stdin     io.Reader
	StdinName string
}

// Project is one loaded repository.
type Project struct {
	Dir string
	// Config is the effective configuration: the cluster's, when the
	// config declares clusters.
	Config *config.Config
	// Cluster names the cluster this project checks ("" when the config
	// declares none, or for the files in no cluster).
	Cluster string
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
	// Budget holds the run's budgets, sized by the limits of the config
	// file (shared by its clusters).
	Budget *budget.Run
}

// ErrUsage marks errors that are the user's to fix (a bad config, a
// missing path): the command line exits 2 for them.
var ErrUsage = errors.New("usage")

func usage(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUsage, fmt.Sprintf(format, args...))
}

// Open loads a run that must hold exactly one unit (one config, no
// clusters, or PATHs inside one cluster) and returns it. workspace.ErrNoFiles
// is returned (wrapped) with a project whose workspace is empty when the
// paths hold no candidate file. Callers that check whole repositories use
// OpenRun.
func Open(opt Options) (*Project, error) {
	r, err := OpenRun(opt)
	if r == nil {
		return nil, err
	}
	switch len(r.Units) {
	case 0:
		p := &Project{Dir: opt.Dir, Normalizer: dn.NewNormalizer(dn.DefaultCacheEntries),
			Workspace: &workspace.Workspace{Skipped: r.Skipped, Notes: r.Notes, Decisions: r.Decisions}}
		p.Config = config.Default()
		p.Config.Dir = opt.Dir
		if len(r.groups) > 0 {
			p.Config = r.groups[0].cfg
		}
		if cerr := p.loadCatalog(); cerr != nil {
			return nil, cerr
		}
		return p, err
	case 1:
		p := r.Units[0]
		p.Workspace.Notes = r.Notes // the run gathered the unit's notes too
		p.Workspace.Decisions = r.Decisions
		return p, err
	}
	return nil, usage("the paths hold %d clusters or config files; check them with OpenRun", len(r.Units))
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
func (p *Project) Rel(path string) string { return pathx.Rel(p.Dir, path) }

// loadConfigFile reads the config file at path (absolute), or returns the
// defaults when path is "".
func (p *Project) loadConfigFile(opt Options, path string) (*config.Config, error) {
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
	for _, c := range append([]*config.Config{cfg}, clusterConfigs(cfg)...) {
		if c.File != nil && c.File.Name != p.Rel(path) {
			c.File.Name = p.Rel(c.File.Name)
		}
		if c.ES != nil && c.ES.Settings != nil && c.ES.Settings.File != nil {
			c.ES.Settings.File.Name = p.Rel(c.ES.Settings.File.Name)
		}
	}
	return cfg, nil
}

func clusterConfigs(cfg *config.Config) []*config.Config {
	out := make([]*config.Config, len(cfg.Clusters))
	for i, cl := range cfg.Clusters {
		out[i] = cl.Config
	}
	return out
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
		data, err := cfg.ReadFile(path, workspace.DefaultMaxFileSize)
		if err != nil {
			return usage("roles.files: %s: %s", p.Rel(path), repofs.Reason(err))
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

// dnFileOptions says how Elasticsearch reads a role_mapping.yml: strictly
// when a realm using it sets files.role_mapping explicitly, and naming the
// realm in its messages.
func (p *Project) dnFileOptions(rel string) rolemapfile.Options {
	abs := config.AbsFrom(p.Dir, rel)
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
// A file outside the repository (elasticsearch.yml may name one, as
// production configs do) is not looked at: a note says so.
func (p *Project) missingDNFiles() (out []diag.Diagnostic, notes []string) {
	seen := map[string]bool{}
	for _, realm := range p.Config.Realms {
		if !realm.UsesDNFile() || !realm.Enabled || realm.RoleMappingFile == "" || seen[realm.RoleMappingFile] {
			continue
		}
		seen[realm.RoleMappingFile] = true
		_, err := p.Config.StatFile(realm.RoleMappingFile)
		switch {
		case err == nil:
			continue
		case errors.Is(err, repofs.ErrOutside), errors.Is(err, repofs.ErrGit):
			where := "outside the repository"
			if errors.Is(err, repofs.ErrGit) {
				where = "inside .git"
			}
			notes = append(notes, fmt.Sprintf("realm %s: files.role_mapping %q lies %s; not checked",
				realm.Name, p.Rel(realm.RoleMappingFile), where))
			continue
		}
		out = append(out, rolemapfile.MissingFileDiagnostic(realm.Span, realm.RoleMappingFile, realm.Name, realm.RoleMappingFileExplicit))
	}
	return out, notes
}
