package cli

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/report"
)

// noMappings ends a run whose PATHs hold no role mapping source (exit 2).
// The report is still written when it has something to say — findings such
// as a misnamed fixture file, or the -v list of files and why each was
// skipped — so that the cause of the exit code is never hidden.
func (r *run) noMappings(res *report.Result) error {
	if len(res.Findings) > 0 || r.flags.verbose {
		res.Summary.Files = r.all.Files
		res.Summary.SkippedFiles = len(r.all.Skipped)
		res.Count()
		if err := r.write(res); err != nil {
			return err
		}
	}
	names := make([]string, len(r.paths))
	for i, p := range r.paths {
		names[i] = r.rel(p)
		if p == "-" {
			names[i] = "standard input"
		}
	}
	hint := "-v lists every JSON/YAML file and why it was skipped; "
	if r.flags.verbose {
		hint = ""
	}
	return usagef("no role mappings found under %s (%suse --allow-empty to accept this)", strings.Join(names, ", "), hint)
}
