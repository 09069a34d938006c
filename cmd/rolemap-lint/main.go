// Command rolemap-lint lints and tests Elasticsearch role mappings kept in
// a repository. See the README for usage.
package main

import (
	"os"
	"runtime/pprof"

	"github.com/rolemap-lint/rolemap-lint/internal/cli"
)

func main() {
	os.Exit(run())
}

// run is main with the profiling hooks docs/performance.md describes:
// ROLEMAP_LINT_CPUPROFILE and ROLEMAP_LINT_MEMPROFILE name files that
// receive a CPU profile of the whole run and a heap profile at its end
// (its in-use figures are those of the last garbage collection).
func run() int {
	cli.SetMemoryLimit()
	if path := os.Getenv("ROLEMAP_LINT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			defer f.Close() // after StopCPUProfile, which writes the profile
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	code := cli.Main(cli.Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	if path := os.Getenv("ROLEMAP_LINT_MEMPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			_ = pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
	return code
}
