package cli

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit is the Go runtime's soft memory limit unless GOMEMLIMIT
// sets another: past it the garbage collector works harder instead of
// letting the heap grow to twice what is live, which keeps a run over
// 10,000 mappings near 200 MB (docs/performance.md) and the largest inputs
// the limits of the `limits` section allow under 512 MB
// (docs/security.md). It is never a failure: a repository that needs more
// memory gets it, at some CPU cost.
const softMemoryLimit = 200 << 20

// SetMemoryLimit gives the process the soft memory limit of a run unless
// the environment sets one (GOMEMLIMIT). The command's main and the
// testscripts' copy of it call it, so that scenarios measure what users
// run.
func SetMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
