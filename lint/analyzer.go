// Package lint runs rolemap-lint's checks. A check is an Analyzer, as in
// golang.org/x/tools/go/analysis: a stable name, documentation, a default
// level, and a Run function that reports diagnostics through a Pass.
package lint

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/par"
)

// Analyzer is one check.
type Analyzer struct {
	// Name is the stable kebab-case check id.
	Name string
	// Summary is a one-line description.
	Summary string
	// Doc explains what the check catches and why, in Markdown.
	Doc string
	// Level is the default level of its findings.
	Level diag.Level
	// Security marks checks whose findings are security hazards.
	Security bool
	// Run inspects the workspace and reports findings.
	Run func(*Pass)
}

// Settings is what checks may consult besides the workspace.
type Settings struct {
	// Version is the modelled Elasticsearch version.
	Version esversion.Version
	// Levels overrides check levels (from the config); Off disables.
	Levels map[string]diag.Level
	// ConfigProblems are findings about the configuration itself
	// (reported by the config check).
	ConfigProblems []diag.Diagnostic
	// Config is the loaded configuration (never nil inside Run).
	Config *config.Config
	// Dir is the working directory finding paths are relative to; ignore
	// entries match paths relative to the config directory.
	Dir string
	// Today dates ignore entries' `until` (zero: the current UTC date).
	Today time.Time
	// DNOracle decides the DN-aware fields in rule analysis (nil: only
	// what needs no DN semantics is decided).
	DNOracle decide.DNOracle
	// Catalog is the catalog of roles that exist (nil: the built-in roles
	// of Version).
	Catalog *catalog.Catalog
	// CatalogFindings are the problems found reading the roles files.
	CatalogFindings []diag.Diagnostic
	// FixtureFindings are the problems found reading the fixture files.
	FixtureFindings []diag.Diagnostic
	// FixtureUsers are the users of the valid fixture tests.
	FixtureUsers []FixtureUser
	// Ignores, when set, tracks the use of the config's ignore entries
	// across the runs of several units (the clusters of one config): Run
	// then applies them but leaves the unused-ignore findings to
	// IgnoreFindings, called once after every unit ran.
	Ignores *config.IgnoreTracker
	// IgnoreCovered reports whether every file an ignore entry could apply
	// to was checked (nil: all were); unused-ignore speaks only about
	// such entries.
	IgnoreCovered func(*config.IgnoreRule) bool

	// Budget holds the run's budgets (nil: only per-operation bounds).
	Budget *budget.Run
	// Normalizer normalizes DNs for the whole run, so that each distinct
	// DN is parsed once (nil: checks use their own).
	Normalizer *dn.Normalizer

	// satisfiable memoizes rule analysis: several checks ask the same
	// question about the same rules, concurrently.
	normOnce    sync.Once
	satMu       sync.Mutex
	satisfiable map[*rules.Expr]*satEntry
}

// Pass is one analyzer's view of a run.
type Pass struct {
	Analyzer  *Analyzer
	Workspace *workspace.Workspace
	Settings  *Settings
	report    func(diag.Diagnostic)

	// undecidedFindings are the questions the check could not decide
	// within the budget, reported by the budget check at the end of Run.
	undecidedFindings []diag.Diagnostic
}

// Report records a finding of the pass's analyzer.
func (p *Pass) Report(d diag.Diagnostic) {
	d.Check = p.Analyzer.Name
	p.report(d)
}

// Reportf records a finding at span with a formatted message.
func (p *Pass) Reportf(span source.Span, format string, args ...any) {
	p.Report(diag.Diagnostic{Span: span, Message: fmt.Sprintf(format, args...)})
}

// Run executes every analyzer over the workspace and returns the findings
// with their levels resolved, sorted by file, position and check; findings
// of checks set to off are dropped.
func Run(ws *workspace.Workspace, s *Settings, analyzers []*Analyzer) []diag.Diagnostic {
	if s.Config == nil {
		s.Config = config.Default()
	}
	if s.Catalog == nil {
		s.Catalog = catalog.New(s.Version, catalog.Options{Builtin: true, PrivilegedExtra: s.Config.PrivilegedRoles})
	}
	// The checks run concurrently (each reads the workspace and writes
	// only its own findings) and their findings are merged in the order of
	// analyzers, then sorted, so the output does not depend on scheduling.
	var passes []*Pass
	found := make([][]diag.Diagnostic, len(analyzers))
	for i, a := range analyzers {
		level := s.Levels[a.Name]
		if level == diag.Off {
			continue
		}
		pass := &Pass{Analyzer: a, Workspace: ws, Settings: s}
		pass.report = func(d diag.Diagnostic) {
			switch {
			case level != diag.Default:
				d.Level = level
			case d.Level == diag.Default:
				d.Level = a.Level
			}
			found[i] = append(found[i], d)
		}
		passes = append(passes, pass)
	}
	par.Each(len(passes), func(i int) { passes[i].Analyzer.Run(passes[i]) })
	var budgetPass *Pass
	for _, pass := range passes {
		if pass.Analyzer.Name == CheckBudget {
			budgetPass = pass
		}
	}
	if budgetPass != nil {
		for _, pass := range passes {
			for _, d := range pass.undecidedFindings {
				budgetPass.Report(d)
			}
		}
	}
	var out []diag.Diagnostic
	for _, ds := range found {
		out = append(out, ds...)
	}
	out = suppress(out, s)
	SortDiagnostics(out)
	return out
}

// SortDiagnostics orders findings by file, start position, check and message.
func SortDiagnostics(ds []diag.Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		an, bn := fileName(a.Span), fileName(b.Span)
		if an != bn {
			return an < bn
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Message < b.Message
	})
}

func fileName(s source.Span) string {
	if s.File == nil {
		return ""
	}
	return s.File.Name
}

// fieldRules calls fn for every field rule of every mapping whose rules
// parsed, with the mapping.
func (p *Pass) fieldRules(fn func(m *mapping.Mapping, e *rules.Expr)) {
	p.exprs(func(m *mapping.Mapping, e *rules.Expr) {
		if e.Op == rules.Field {
			fn(m, e)
		}
	})
}

// exprs calls fn for every rule node of every mapping whose rules parsed.
func (p *Pass) exprs(fn func(m *mapping.Mapping, e *rules.Expr)) {
	for _, m := range p.Workspace.Mappings {
		m.Rules.Walk(func(e *rules.Expr) bool {
			fn(m, e)
			return true
		})
	}
}

// at builds a finding about mapping m at span.
func at(m *mapping.Mapping, span source.Span, format string, args ...any) diag.Diagnostic {
	return diag.Diagnostic{Span: span, Mapping: m.Name, Message: fmt.Sprintf(format, args...)}
}

// Lookup returns the analyzer named name, or nil.
func Lookup(name string) *Analyzer {
	for _, a := range All() {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// normalizer returns the run's DN normalizer.
func (s *Settings) normalizer() *dn.Normalizer {
	s.normOnce.Do(func() {
		if s.Normalizer == nil {
			s.Normalizer = dn.NewNormalizer(dn.DefaultCacheEntries)
		}
	})
	return s.Normalizer
}
