package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/analysis"
	"github.com/rolemap-lint/rolemap-lint/automaton"
	"github.com/rolemap-lint/rolemap-lint/catalog"
	"github.com/rolemap-lint/rolemap-lint/config"
	"github.com/rolemap-lint/rolemap-lint/diag"
	"github.com/rolemap-lint/rolemap-lint/dn"
	"github.com/rolemap-lint/rolemap-lint/lint"
	"github.com/rolemap-lint/rolemap-lint/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/source"
	"github.com/rolemap-lint/rolemap-lint/workspace"
)

// run holds what one checking command needs: flags, config and settings.
type run struct {
	env      Env
	flags    *commonFlags
	paths    []string
	dir      string
	cfg      *config.Config
	settings *lint.Settings
	patterns *automaton.Cache
	// normalizer normalizes each DN once per run.
	normalizer *dn.Normalizer
}

func newRun(env Env, cf *commonFlags, paths []string) (*run, error) {
	dir := env.Dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		dir = wd
	}
	r := &run{env: env, flags: cf, paths: paths, dir: dir, patterns: &automaton.Cache{}}
	cfg, err := r.loadConfig()
	if err != nil {
		return nil, err
	}
	r.cfg = cfg
	r.normalizer = dn.NewNormalizer(dn.DefaultCacheEntries)
	r.settings = &lint.Settings{Version: cfg.ESVersion, Levels: cfg.Checks, Config: cfg, Dir: dir,
		DNOracle: &analysis.MatchOracle{Normalizer: r.normalizer}}
	for _, p := range cfg.Problems {
		r.settings.ConfigProblems = append(r.settings.ConfigProblems, p.Diagnostic(lint.CheckConfig))
	}
	if err := r.loadCatalog(); err != nil {
		return nil, err
	}
	return r, nil
}

// loadCatalog reads the roles files the config names and builds the
// catalog of roles that exist.
func (r *run) loadCatalog() error {
	paths, err := r.cfg.ExpandGlobs(r.cfg.Roles.Files)
	if err != nil {
		return usagef("roles.files: %v", err)
	}
	var files []*catalog.RolesFile
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return usagef("roles.files: %v", err)
		}
		rf, diags := catalog.ReadRolesFile(source.NewFile(r.rel(p), data))
		files = append(files, rf)
		r.settings.CatalogFindings = append(r.settings.CatalogFindings, diags...)
	}
	c := catalog.New(r.cfg.ESVersion, catalog.Options{Builtin: r.cfg.Roles.Builtin, Names: r.cfg.Roles.Names,
		Files: files, PrivilegedExtra: r.cfg.PrivilegedRoles})
	r.settings.CatalogFindings = append(r.settings.CatalogFindings, c.Findings()...)
	r.settings.Catalog = c
	return nil
}

// loadConfig reads --config, or the .rolemap-lint.yaml found from the
// working directory up to the repository root, or the defaults.
func (r *run) loadConfig() (*config.Config, error) {
	path := r.flags.config
	if path == "" {
		found, ok, err := config.Discover(r.dir)
		if err != nil {
			return nil, usagef("looking for .rolemap-lint.yaml: %v", err)
		}
		if !ok {
			cfg := config.Default()
			cfg.Dir = r.dir
			return cfg, nil
		}
		path = found
	} else {
		path = r.abs(path)
		if _, err := os.Stat(path); err != nil {
			return nil, usagef("--config %s: no such file", r.flags.config)
		}
	}
	known := map[string]bool{}
	for _, a := range lint.All() {
		known[a.Name] = true
	}
	cfg, err := config.Load(path, config.LoadOptions{KnownChecks: known})
	if err != nil {
		var el config.ErrorList
		if errors.As(err, &el) {
			return nil, usagef("invalid config:\n%v", err)
		}
		return nil, usagef("%v", err)
	}
	// Findings about the config files name them like every other file:
	// relative to the working directory.
	if cfg.File != nil {
		cfg.File.Name = r.rel(cfg.File.Name)
	}
	if cfg.ES != nil && cfg.ES.Settings != nil && cfg.ES.Settings.File != nil {
		cfg.ES.Settings.File.Name = r.rel(cfg.ES.Settings.File.Name)
	}
	return cfg, nil
}

// rel renders p relative to the working directory with / separators when
// it lies below it, as reports name files.
func (r *run) rel(p string) string {
	rel, err := filepath.Rel(r.dir, r.abs(p))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// abs resolves p against the run's working directory.
func (r *run) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.dir, p)
}

// fileRole classifies a working-directory-relative path by the config.
func (r *run) fileRole(rel string) workspace.FileRole {
	cr := r.cfg.Rel(filepath.Join(r.dir, filepath.FromSlash(rel)))
	switch {
	case r.cfg.IsConfigInput(cr):
		return workspace.Ignored
	case r.cfg.IsRoleMappingFile(cr):
		return workspace.RoleMappingFile
	}
	return workspace.Auto
}

// load reads the workspace.
func (r *run) load() (*workspace.Workspace, error) {
	var paths []string
	for _, p := range r.paths {
		if p == "-" {
			paths = append(paths, p)
			continue
		}
		paths = append(paths, r.abs(p))
	}
	ws, err := workspace.Load(workspace.Options{
		Dir:           r.dir,
		Paths:         paths,
		Stdin:         r.env.Stdin,
		StdinName:     r.flags.stdinFilename,
		Excluded:      r.cfg.ExcludedFrom(r.dir),
		Role:          r.fileRole,
		DNFileOptions: r.dnFileOptions,
		Version:       r.settings.Version,
		Patterns:      r.patterns,
	})
	if err != nil && err != workspace.ErrNoFiles {
		return nil, usagef("%v", err)
	}
	if ws != nil {
		ws.Diags = append(ws.Diags, r.missingDNFiles()...)
	}
	return ws, err
}

// dnFileOptions says how Elasticsearch reads a role_mapping.yml: strictly
// when a realm using it sets files.role_mapping explicitly, and naming the
// realm in its messages.
func (r *run) dnFileOptions(rel string) rolemapfile.Options {
	abs := filepath.Join(r.dir, filepath.FromSlash(rel))
	o := rolemapfile.Options{Path: abs}
	for _, realm := range r.cfg.RoleMappingFileRealms(abs) {
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
func (r *run) missingDNFiles() []diag.Diagnostic {
	var out []diag.Diagnostic
	seen := map[string]bool{}
	for _, realm := range r.cfg.Realms {
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
