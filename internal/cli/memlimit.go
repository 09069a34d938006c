package cli

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit is the Go runtime's soft memory limit for a run: the
// garbage collector works harder as the heap nears it, so that the peak
// resident memory stays near the live data (by default the heap may grow
// to twice the live data between collections). The budgets of the
// `limits` section keep the live data of any input well below it; a run
// that needs more still gets it (the limit is soft), only more slowly.
const softMemoryLimit = 416 << 20

// SetMemoryLimit gives the process the soft memory limit of a run unless
// the environment sets one (GOMEMLIMIT). Call it once, from main.
func SetMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
