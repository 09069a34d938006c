package cli

import (
	"path/filepath"

	"github.com/rolemap-lint/rolemap-lint/internal/engine"
)

// inputFiles lists, as absolute paths, every file the run read or was
// asked to read: the PATHs, the loaded and the skipped files, the DN role
// mapping files, the config and the elasticsearch.yml it names, the roles
// files and the --user file. Reports are never written onto any of them.
func (r *run) inputFiles() []string {
	var out []string
	add := func(p string) {
		if p != "" && p != "-" {
			out = append(out, filepath.Clean(r.abs(p)))
		}
	}
	for _, p := range r.paths {
		add(p)
	}
	add(r.flags.config)
	add(r.userFile)
	if r.all == nil {
		return out
	}
	for _, s := range r.all.Skipped {
		add(s)
	}
	for _, d := range r.all.Decisions {
		add(d.File)
	}
	for _, u := range r.all.Units {
		unitInputs(u, add)
	}
	return out
}

// unitInputs adds the files one unit (a config, or a cluster of it) read.
func unitInputs(u *engine.Project, add func(string)) {
	if ws := u.Workspace; ws != nil {
		for _, f := range ws.Files {
			add(f.Source.Name)
		}
		for _, s := range ws.Skipped {
			add(s)
		}
		for _, f := range ws.DNFiles {
			if f.Source != nil {
				add(f.Source.Name)
			}
		}
	}
	if cfg := u.Config; cfg != nil {
		if cfg.File != nil {
			add(cfg.File.Name)
		}
		if cfg.Path != "" && cfg.Dir != "" {
			add(filepath.Join(cfg.Dir, filepath.Base(cfg.Path)))
		}
		add(cfg.ElasticsearchYML)
		if cfg.ES != nil && cfg.ES.Settings != nil && cfg.ES.Settings.File != nil {
			add(cfg.ES.Settings.File.Name)
		}
		if roles, err := cfg.ExpandGlobs(cfg.Roles.Files); err == nil {
			for _, p := range roles {
				add(p)
			}
		}
	}
}
