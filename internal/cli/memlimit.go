package cli

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit is the Go runtime's soft memory limit unless GOMEMLIMIT
// sets another: past it the garbage collector works harder instead of
// letting the heap grow to twice what is live. Below it a run is left alone
// (10,000 mappings peak near 220 MB); a 20 MB dump of 48,000 mappings,
// whose live data is about 300 MB, stays near 440 MB instead of 600 MB.
// A lower limit costs such runs dearly (200 MiB made the dump take 40%
// longer, the collector running without pause). It is never a failure:
// a repository that needs more memory gets it, at some CPU cost. The
// figures are in docs/performance.md.
const softMemoryLimit = 400 << 20

// SetMemoryLimit gives the process the soft memory limit of a run unless
// the environment sets one (GOMEMLIMIT). The command's main and the
// testscripts' copy of it call it, so that scenarios measure what users
// run.
func SetMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
