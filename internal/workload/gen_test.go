package workload

import (
	"os"
	"testing"
)

// TestGenerateForBench writes a repository into $ROLEMAP_LINT_WORKLOAD_DIR
// (skipped when unset) for manual runs: go test -run TestGenerateForBench.
func TestGenerateForBench(t *testing.T) {
	dir := os.Getenv("ROLEMAP_LINT_WORKLOAD_DIR")
	if dir == "" {
		t.Skip("ROLEMAP_LINT_WORKLOAD_DIR not set")
	}
	if _, err := Generate(dir, Spec{Mappings: 10000, Users: 1000}); err != nil {
		t.Fatal(err)
	}
}
