package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// generateRepo writes n realistic mappings split over files of 100
// mappings each (GET dumps), and returns the directory.
func generateRepo(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	var b strings.Builder
	file := 0
	flush := func() {
		if b.Len() == 0 {
			return
		}
		b.WriteString("\n}\n")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("dump-%04d.json", file)), []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		b.Reset()
		file++
	}
	for i := range n {
		if i%100 == 0 {
			flush()
			b.WriteString("{\n")
		} else {
			b.WriteString(",\n")
		}
		var rule string
		switch i % 4 {
		case 0:
			rule = fmt.Sprintf(`{"all": [{"field": {"realm.name": "ldap%d"}}, {"field": {"groups": "cn=team-%d,ou=groups,dc=example,dc=com"}}]}`, i%7, i)
		case 1:
			rule = fmt.Sprintf(`{"any": [{"field": {"username": "user-%d-*"}}, {"field": {"dn": "*,ou=dept-%d,dc=example,dc=com"}}]}`, i, i)
		case 2:
			rule = fmt.Sprintf(`{"all": [{"field": {"username": "/[a-z]+\\.%d\\@example\\.com/"}}, {"except": {"field": {"metadata.suspended": true}}}]}`, i)
		default:
			rule = fmt.Sprintf(`{"field": {"groups": ["app-%d-admins", "app-%d-users"]}}`, i, i)
		}
		fmt.Fprintf(&b, `  "mapping-%d": {"enabled": true, "roles": ["role-%d", "viewer"], "rules": %s, "metadata": {"owner": "team-%d"}}`, i, i%50, rule, i%13)
	}
	flush()
	return dir
}

// BenchmarkLint10k loads, parses and lints 10,000 generated mappings.
func BenchmarkLint10k(b *testing.B) {
	dir := generateRepo(b, 10000)
	var names []string
	for i := range 50 {
		names = append(names, fmt.Sprintf("role-%d", i))
	}
	settings := &Settings{Version: esversion.Newest,
		Catalog: catalog.New(esversion.Newest, catalog.Options{Builtin: true, Names: names})}
	b.ResetTimer()
	for b.Loop() {
		ws, err := workspace.Load(workspace.Options{Dir: dir, Paths: []string{dir}, Version: esversion.Newest})
		if err != nil {
			b.Fatal(err)
		}
		if len(ws.Mappings) != 10000 {
			b.Fatalf("got %d mappings", len(ws.Mappings))
		}
		if ds := Run(ws, settings, All()); len(ds) != 0 {
			b.Fatalf("generated mappings have findings: %v", ds[0])
		}
	}
}

// BenchmarkLint10kBudgeted is BenchmarkLint10k within the default budgets
// of a run (as the command line runs it); it reports how much of each
// budget the 10,000 ordinary mappings use.
func BenchmarkLint10kBudgeted(b *testing.B) {
	dir := generateRepo(b, 10000)
	var names []string
	for i := range 50 {
		names = append(names, fmt.Sprintf("role-%d", i))
	}
	var run *budget.Run
	b.ResetTimer()
	for b.Loop() {
		run = budget.New(budget.Limits{})
		settings := &Settings{Version: esversion.Newest, Budget: run,
			Catalog: catalog.New(esversion.Newest, catalog.Options{Builtin: true, Names: names})}
		ws, err := workspace.Load(workspace.Options{Dir: dir, Paths: []string{dir}, Version: esversion.Newest,
			Patterns: &automaton.Cache{Work: run.States(), Held: run.Patterns()},
			YAML:     loader.YAMLOptions{MaxNodes: run.Limits.YAMLNodes, Pool: run.YAML()}})
		if err != nil {
			b.Fatal(err)
		}
		if len(ws.Mappings) != 10000 {
			b.Fatalf("got %d mappings", len(ws.Mappings))
		}
		if ds := Run(ws, settings, All()); len(ds) != 0 {
			b.Fatalf("generated mappings have findings: %v", ds[0])
		}
	}
	b.ReportMetric(100*float64(run.AutomatonStates.Used())/float64(run.Limits.AutomatonStates), "%automaton_states")
	b.ReportMetric(100*float64(run.PatternStates.Used())/float64(run.Limits.PatternStates), "%pattern_states")
	b.ReportMetric(100*float64(run.AnalysisSteps.Used())/float64(run.Limits.AnalysisSteps), "%analysis_steps")
}
