package cli

import (
	"bytes"
	"runtime"
	"testing"
)

// TestOutputIndependentOfProcessors: files are built, checks run and
// fixtures are tested on every processor, and the report must not depend
// on how the work was scheduled. examples/broken holds every kind of
// finding and failing tests.
func TestOutputIndependentOfProcessors(t *testing.T) {
	run := func(procs int) string {
		prev := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(prev)
		var out, errOut bytes.Buffer
		Main(Env{Args: []string{"check", "--format", "json", "../../examples/broken"}, Stdout: &out, Stderr: &errOut})
		return out.String() + errOut.String()
	}
	want := run(1)
	if len(want) < 1000 {
		t.Fatalf("suspiciously short report:\n%s", want)
	}
	for _, procs := range []int{2, 4, 8, 2} {
		if got := run(procs); got != want {
			t.Fatalf("GOMAXPROCS=%d gives another report than GOMAXPROCS=1", procs)
		}
	}
}
