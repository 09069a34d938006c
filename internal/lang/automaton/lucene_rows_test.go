package automaton

import (
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// TestLuceneRowsDriveDialect checks every row of the Lucene-per-release
// table against the behaviour keyed on it: the dialect (and so the
// determinization effort) and the `~` complement, which every Elasticsearch
// release from 7.2 to 9.4 enables (RegExp.ALL on Lucene 8/9,
// RegExp.DEPRECATED_COMPLEMENT on Lucene 10).
func TestLuceneRowsDriveDialect(t *testing.T) {
	wantDialect := map[string]Dialect{"lucene9": DialectES8, "lucene10.1": DialectES9_0, "lucene10.2": DialectES9}
	for _, row := range esversion.LuceneReleases() {
		want, ok := wantDialect[row.Regexp]
		if !ok {
			t.Errorf("row %s: unknown regexp model %q", row.From, row.Regexp)
			continue
		}
		d := DialectForVersion(row.From.Major, row.From.Minor)
		if d != want {
			t.Errorf("row %s (Lucene %s): dialect %v, want %v", row.From, row.Lucene, d, want)
		}
		a, err := CompileRegexp("~(admin)", Options{Dialect: d})
		if err != nil {
			t.Fatalf("row %s: %v", row.From, err)
		}
		if a.Match("admin") || !a.Match("viewer") {
			t.Errorf("row %s: ~ is not the complement operator", row.From)
		}
		if row.Source == "" {
			t.Errorf("row %s has no source", row.From)
		}
	}
}

// TestLuceneFor picks the row that holds for a version.
func TestLuceneFor(t *testing.T) {
	tests := []struct {
		v    esversion.Version
		want string
	}{
		{esversion.Version{Major: 7, Minor: 17}, "8.x"},
		{esversion.Version{Major: 8, Minor: 19}, "9.x (8.19: 9.12.x)"},
		{esversion.Version{Major: 9, Minor: 0}, "10.1"},
		{esversion.Version{Major: 9, Minor: 1}, "10.2.x"},
		{esversion.Version{Major: 9, Minor: 2}, "10.3.x"},
		{esversion.Version{Major: 9, Minor: 3}, "10.3.2"},
		{esversion.Version{Major: 9, Minor: 4}, "10.4.0"},
	}
	for _, tc := range tests {
		if got := esversion.LuceneFor(tc.v).Lucene; got != tc.want {
			t.Errorf("LuceneFor(%s) = %s, want %s", tc.v, got, tc.want)
		}
	}
}
