package workload

import (
	"os"
	"strconv"
	"testing"
)

// TestGenerateForBench writes a repository into $ROLEMAP_LINT_WORKLOAD_DIR
// for manual runs (skipped when unset), sized by
// $ROLEMAP_LINT_WORKLOAD_MAPPINGS and $ROLEMAP_LINT_WORKLOAD_USERS
// (10,000 and 1,000 by default):
//
//	ROLEMAP_LINT_WORKLOAD_DIR=/tmp/repo go test -run TestGenerateForBench ./internal/workload
func TestGenerateForBench(t *testing.T) {
	dir := os.Getenv("ROLEMAP_LINT_WORKLOAD_DIR")
	if dir == "" {
		t.Skip("ROLEMAP_LINT_WORKLOAD_DIR not set")
	}
	size := func(env string, def int) int {
		if n, err := strconv.Atoi(os.Getenv(env)); err == nil {
			return n
		}
		return def
	}
	spec := Spec{Mappings: size("ROLEMAP_LINT_WORKLOAD_MAPPINGS", 10000), Users: size("ROLEMAP_LINT_WORKLOAD_USERS", 1000)}
	if _, err := Generate(dir, spec); err != nil {
		t.Fatal(err)
	}
}
