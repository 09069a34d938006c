package loader

import (
	"errors"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// aliasDocs is n YAML documents whose aliases each expand to about 9,000
// values (up to the per-document bound).
func aliasDocs(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString("---\nl: &a [x, x, x, x, x, x, x, x, x, x]\nm: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n")
		b.WriteString("n: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\np: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n")
	}
	return b.String()
}

func budgetFindings(ds []diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.Check == CheckBudget {
			out = append(out, d)
		}
	}
	return out
}

// docNodes is how many values one document of aliasDocs produces.
func docNodes(t *testing.T) int64 {
	pool := budget.NewPool("limits.x", "n", 0)
	if docs, _ := ParseYAMLWith(source.NewFile("m.yaml", []byte(aliasDocs(1))), YAMLOptions{Pool: pool}); len(docs) != 1 {
		t.Fatal("one document expected")
	}
	return pool.Used()
}

func TestYAMLBudgets(t *testing.T) {
	per := docNodes(t)
	if per < 5_000 {
		t.Fatalf("a document produces %d values, want over 5,000", per)
	}
	tests := []struct {
		name     string
		docs     int
		opt      func() YAMLOptions
		wantDocs int
		setting  string // "" when nothing runs out
	}{
		{"no bound", 5, func() YAMLOptions { return YAMLOptions{} }, 5, ""},
		{"within both", 5, func() YAMLOptions {
			return YAMLOptions{MaxNodes: 100_000, Pool: budget.NewPool(budget.SettingYAMLNodesTotal, "n", 100_000)}
		}, 5, ""},
		{"per file", 5, func() YAMLOptions { return YAMLOptions{MaxNodes: 2*per + per/2} }, 2, budget.SettingYAMLNodes},
		{"per run", 5, func() YAMLOptions {
			return YAMLOptions{MaxNodes: 1_000_000, Pool: budget.NewPool(budget.SettingYAMLNodesTotal, "n", 3*per+per/2)}
		}, 3, budget.SettingYAMLNodesTotal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, ds := ParseYAMLWith(source.NewFile("m.yaml", []byte(aliasDocs(tt.docs))), tt.opt())
			if len(docs) != tt.wantDocs {
				t.Fatalf("got %d documents, want %d", len(docs), tt.wantDocs)
			}
			bf := budgetFindings(ds)
			if tt.setting == "" {
				if len(bf) != 0 {
					t.Fatalf("unexpected budget finding %v", bf)
				}
				return
			}
			if len(bf) != 1 || bf[0].Level != diag.Info || !strings.Contains(bf[0].Message, tt.setting) {
				t.Fatalf("budget findings %v, want one info naming %s", bf, tt.setting)
			}
		})
	}
}

func TestYAMLRunBudgetIsShared(t *testing.T) {
	pool := budget.NewPool(budget.SettingYAMLNodesTotal, "n", 2*docNodes(t)+100)
	opt := YAMLOptions{Pool: pool}
	if docs, _ := ParseYAMLWith(source.NewFile("a.yaml", []byte(aliasDocs(2))), opt); len(docs) != 2 {
		t.Fatalf("first file: %d documents", len(docs))
	}
	docs, ds := ParseYAMLWith(source.NewFile("b.yaml", []byte(aliasDocs(2))), opt)
	if len(docs) != 0 || len(budgetFindings(ds)) != 1 {
		t.Fatalf("second file: %d documents, %v", len(docs), ds)
	}
	if !errors.Is(pool.Exhausted(), budget.ErrExhausted) {
		t.Fatal("the pool should be spent")
	}
}
