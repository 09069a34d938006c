package testscripts

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdCpWork copies a file, replacing "$WORK" in its text with the work
// directory's path: `cpwork SRC DST` writes configs that name absolute
// paths below the work directory (txtar files cannot).
func cmdCpWork(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cpwork SRC DST")
	}
	text := strings.ReplaceAll(ts.ReadFile(args[0]), "$WORK", ts.Getenv("WORK"))
	if err := os.WriteFile(ts.MkAbs(args[1]), []byte(text), 0o644); err != nil {
		ts.Fatalf("cpwork: %v", err)
	}
}

// cmdMkMany writes N small files (a role mapping body each, holding the
// word SECRET) into DIR, spread over subdirectories of 100: `mkmany DIR N`
// builds a big tree in the test instead of committing one.
func cmdMkMany(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkmany DIR N")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 0 {
		ts.Fatalf("mkmany: bad count %q", args[1])
	}
	dir := ts.MkAbs(args[0])
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			ts.Fatalf("mkmany: %v", err)
		}
		body := fmt.Sprintf(`{"enabled": true, "roles": ["SECRET%d"], "rules": {"field": {"username": "SECRET%d"}}}`, i, i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("m%05d.json", i)), []byte(body), 0o644); err != nil {
			ts.Fatalf("mkmany: %v", err)
		}
	}
}
