package resolve

import (
	"fmt"
	"path/filepath"
	"sort"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

// Options configure a Resolver.
type Options struct {
	// Config gives the realms (which DN files apply to whom) and the
	// anonymous roles; nil means none.
	Config *config.Config
	// Scripting are the script settings: templates they forbid were
	// rejected at PUT, so their mappings do not exist.
	Scripting template.ScriptSettings
	// Normalizer normalizes DNs once per run (nil: a private one).
	Normalizer *dn.Normalizer
}

// Resolver resolves users against one workspace.
type Resolver struct {
	opt      Options
	mappings []*mapping.Mapping // the mappings Elasticsearch would apply
	skipped  map[*mapping.Mapping]string
	index    *match.Index
	dnFiles  []*rolemapfile.File
}

// New prepares the workspace's mappings for resolution.
func New(ws *workspace.Workspace, opt Options) *Resolver {
	if opt.Normalizer == nil {
		opt.Normalizer = dn.NewNormalizer(dn.DefaultCacheEntries)
	}
	r := &Resolver{opt: opt, skipped: map[*mapping.Mapping]string{}, dnFiles: ws.DNFiles}
	for _, m := range ws.Mappings {
		if why := r.why(m); why != "" {
			r.skipped[m] = why
			continue
		}
		r.mappings = append(r.mappings, m)
	}
	exprs := make([]*rules.Expr, 0, len(r.mappings))
	for _, m := range r.mappings {
		exprs = append(exprs, m.Rules)
	}
	r.index = match.NewIndex(exprs, opt.Normalizer)
	return r
}

// why says why Elasticsearch would not apply a mapping ("" = it applies).
func (r *Resolver) why(m *mapping.Mapping) string {
	switch {
	case !m.Valid():
		return "invalid: Elasticsearch rejects it (see the lint findings)"
	case hasProblem(m, workspace.CheckDuplicateName):
		return "a mapping of the same name comes first; Elasticsearch keeps only one"
	case !m.Enabled:
		return "disabled (enabled: false)"
	}
	for _, t := range m.Templates {
		if err := t.CheckScripting(r.opt.Scripting); err != nil {
			return "rejected at PUT: " + err.Error()
		}
	}
	return ""
}

func hasProblem(m *mapping.Mapping, check string) bool {
	for _, p := range m.Problems {
		if p.Check == check {
			return true
		}
	}
	return false
}

// Skipped says why a mapping is not applied ("" = it is).
func (r *Resolver) Skipped(m *mapping.Mapping) string { return r.skipped[m] }

// Mappings are the mappings Elasticsearch would apply, in source order.
func (r *Resolver) Mappings() []*mapping.Mapping { return r.mappings }

// dnFilesFor returns the DN role mapping files that apply to a user's realm
// and whether unmapped groups become roles.
func (r *Resolver) dnFilesFor(realmName, realmType string) ([]*rolemapfile.File, bool) {
	var cfgRealm *config.Realm
	if r.opt.Config != nil {
		if rl, ok := r.opt.Config.Realm(realmName); ok {
			cfgRealm = &rl
			if realmType == "" {
				realmType = rl.Type
			}
		}
	}
	if realmType != "" && !config.UsesDNFile(realmType) {
		return nil, false
	}
	if cfgRealm != nil && !cfgRealm.Enabled {
		return nil, false
	}
	if cfgRealm != nil && cfgRealm.RoleMappingFile != "" {
		for _, f := range r.dnFiles {
			if sameFile(f.Options.Path, cfgRealm.RoleMappingFile) {
				return []*rolemapfile.File{f}, cfgRealm.UnmappedGroupsAsRoles
			}
		}
		return nil, cfgRealm.UnmappedGroupsAsRoles // the file is missing: Elasticsearch maps nothing from it
	}
	unmapped := cfgRealm != nil && cfgRealm.UnmappedGroupsAsRoles
	return r.dnFiles, unmapped
}

func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && filepath.Clean(aa) == filepath.Clean(bb)
}

// sortedUnique sorts and de-duplicates role names.
func sortedUnique(in []string) []string {
	set := map[string]bool{}
	for _, s := range in {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// location renders "file:line" of a mapping's name.
// templateLocation is where role template i of m is written (the mapping's
// name when the template has no position of its own).
func templateLocation(m *mapping.Mapping, i int) string {
	if i < 0 || i >= len(m.Templates) || m.Templates[i] == nil {
		return location(m)
	}
	sp := m.Templates[i].Span()
	if sp.File == nil {
		return location(m)
	}
	return fmt.Sprintf("%s:%d", sp.File.Name, sp.Range().Start.Line)
}

func location(m *mapping.Mapping) string {
	if m.NameSpan.File == nil {
		return "?"
	}
	return fmt.Sprintf("%s:%d", m.NameSpan.File.Name, m.NameSpan.Range().Start.Line)
}
