package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
)

var fixtureNameAnalyzer = parseAnalyzer(workspace.CheckFixtureName, diag.Warning,
	"a file shaped like a fixture file is not named *_test.yaml, so its tests never run",
	"A JSON or YAML file with a top-level `tests:` list of entries that have a `user` and an expectation looks like a "+
		"fixture file, but only files named `*_test.yaml`, `*_test.yml` or `*_test.json` are run as fixtures: its tests "+
		"are silently never run. The message names the file to rename it to.")
