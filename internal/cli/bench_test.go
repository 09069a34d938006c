package cli

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/workload"
)

// benchmarkCommand runs one command in-process over a generated repository
// (for profiles: go test -run '^$' -bench CheckWorkload -cpuprofile cpu.out ./internal/cli).
func benchmarkCommand(b *testing.B, spec workload.Spec, args ...string) {
	dir := b.TempDir()
	if err := os.Mkdir(dir+"/.git", 0o755); err != nil {
		b.Fatal(err)
	}
	if _, err := workload.Generate(dir, spec); err != nil {
		b.Fatal(err)
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		b.Fatal(err)
	}
	defer os.Chdir(wd)
	for b.Loop() {
		if code := Main(Env{Args: append(args, "."), Stdout: io.Discard, Stderr: io.Discard}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkCheckWorkload10k(b *testing.B) {
	benchmarkCommand(b, workload.Spec{Mappings: 10000, Users: 1000}, "check", "-q")
}

func BenchmarkLintWorkload10k(b *testing.B) {
	benchmarkCommand(b, workload.Spec{Mappings: 10000, Users: 1000}, "lint", "-q")
}

func BenchmarkCheckWorkload100(b *testing.B) {
	benchmarkCommand(b, workload.Spec{Mappings: 100, Users: 20}, "check", "-q")
}

func BenchmarkCheckWorkload1k(b *testing.B) {
	benchmarkCommand(b, workload.Spec{Mappings: 1000, Users: 100}, "check", "-q")
}

func BenchmarkCheckWorkload4k(b *testing.B) {
	benchmarkCommand(b, workload.Spec{Mappings: 4000, Users: 400}, "check", "-q")
}

// TestWorkloadChecksClean keeps the benchmark workload honest: a generated
// repository (every source shape, DN subtrees, regexes, templates, users
// with DN groups) has no findings and every fixture test passes, so the
// benchmarks time a successful run.
func TestWorkloadChecksClean(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(dir+"/.git", 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := workload.Generate(dir, workload.Spec{Mappings: 400, Users: 80}); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	if code := Main(Env{Args: []string{"check", "."}, Stdout: &out, Stderr: &errOut}); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "no problems found in 400 mappings") || !strings.Contains(out.String(), "tests: 80 passed, 0 failed") {
		t.Errorf("unexpected summary:\n%s", out.String())
	}
}
