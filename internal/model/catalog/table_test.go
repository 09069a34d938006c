package catalog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sourceRef is what a source comment must cite: a named source of the
// table header ([RRS-8.6], [DOCS], ...) or a pull request (#12345).
var sourceRef = regexp.MustCompile(`\[(RRS-7\.6|RRS-8\.6|RRS-9\.0|TESTS|DOCS|DOCS-7\.5)\]|#\d{4,}`)

// TestBuiltinTableSortedAndSourced reads builtin_table.go: every entry of
// builtinTable must be preceded by a "source:" comment citing a source,
// and the names must be unique and sorted.
func TestBuiltinTableSortedAndSourced(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "builtin_table.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatalf("parsing builtin_table.go: %v", err)
	}
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "builtinTable" || len(vs.Values) != 1 {
			return true
		}
		lit, _ = vs.Values[0].(*ast.CompositeLit)
		return false
	})
	if lit == nil {
		t.Fatal("builtinTable composite literal not found")
	}
	if len(lit.Elts) != len(builtinTable) {
		t.Fatalf("parsed %d entries, table has %d", len(lit.Elts), len(builtinTable))
	}
	// The comment lines ending right above each entry.
	commentEnd := map[int]string{}
	for _, cg := range f.Comments {
		commentEnd[fset.Position(cg.End()).Line] = cg.Text()
	}
	prev := ""
	for i, e := range lit.Elts {
		name := entryName(t, e)
		line := fset.Position(e.Pos()).Line
		text, ok := commentEnd[line-1]
		if !ok || !strings.HasPrefix(text, "source:") {
			t.Errorf("entry %d (%s, line %d) has no \"source:\" comment right above it", i, name, line)
		} else if !sourceRef.MatchString(text) {
			t.Errorf("entry %s: source comment cites no known source or pull request: %q", name, text)
		}
		if name <= prev {
			t.Errorf("entry %s (line %d) is not after %s: the table must be sorted with unique names", name, line, prev)
		}
		if builtinTable[i].name != name {
			t.Errorf("entry %d: parsed %s, table holds %s", i, name, builtinTable[i].name)
		}
		prev = name
	}
}

// entryName returns the name field of a table entry.
func entryName(t *testing.T, e ast.Expr) string {
	t.Helper()
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		t.Fatalf("table entry is %T, want a composite literal", e)
	}
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "name" {
			if bl, ok := kv.Value.(*ast.BasicLit); ok {
				s, err := strconv.Unquote(bl.Value)
				if err == nil {
					return s
				}
			}
		}
	}
	t.Fatal("table entry without a literal name")
	return ""
}

// TestBuiltinTableConsistent checks facts that must hold for every entry.
func TestBuiltinTableConsistent(t *testing.T) {
	for _, e := range builtinTable {
		if e.removed != nil && e.added != nil && !e.added.Less(*e.removed) {
			t.Errorf("%s: removed %v not after added %v", e.name, e.removed, e.added)
		}
		if e.deprecated != nil && e.removed != nil && !e.deprecated.Less(*e.removed) {
			t.Errorf("%s: deprecated %v not before removed %v", e.name, e.deprecated, e.removed)
		}
		if (e.deprecated != nil || e.removed != nil) && e.replacement == "" && e.advice == "" {
			t.Errorf("%s: deprecated or removed without a replacement or advice", e.name)
		}
		if e.replacement != "" {
			for _, rep := range strings.Split(e.replacement, ", ") {
				found := false
				for _, o := range builtinTable {
					found = found || o.name == rep
				}
				if !found {
					t.Errorf("%s: replacement %q is not a built-in role", e.name, rep)
				}
			}
		}
		if validateRoleName(e.name) != "" {
			t.Errorf("%s: invalid role name", e.name)
		}
	}
}
