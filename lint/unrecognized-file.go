package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var unrecognizedFileAnalyzer = parseAnalyzer("unrecognized-file", diag.Warning,
	"a file the config's mappings claim holds something that is not a role mapping",
	"The config's `mappings` globs claim a file strictly, so each of its documents must be a PUT body, a GET dump, "+
		"operator file settings or an ECK StackConfigPolicy. Other files (found by a walk or named on the command line) "+
		"are read only when they carry a role-mapping signature, and are skipped silently otherwise (`-v` lists every "+
		"file and why); see \"Which files are role mappings\" in docs/usage.md.")
