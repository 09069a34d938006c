package lint

import (
	"path/filepath"
	"time"

	"github.com/rolemap-lint/rolemap-lint/config"
	"github.com/rolemap-lint/rolemap-lint/diag"
)

// CheckUnusedIgnore is the id of the check reporting ignore entries that
// suppress nothing or have expired.
const CheckUnusedIgnore = "unused-ignore"

var unusedIgnore = &Analyzer{
	Name:    CheckUnusedIgnore,
	Level:   diag.Warning,
	Summary: "a config ignore entry that suppresses nothing, or whose until date has passed",
	Doc: "Entries of the config's `ignore:` list suppress findings (each needs a `reason`). An entry that suppresses " +
		"nothing is stale: the problem was fixed or the entry never matched, so delete it. An entry whose `until` date has " +
		"passed stops suppressing, and this check says so, so that accepted risks are reviewed instead of forgotten.",
	// Run is empty: suppress reports this check's findings, because only
	// it knows which entries were used.
	Run: func(*Pass) {},
}

// suppress applies the config's ignore entries to the findings and adds the
// unused-ignore findings.
func suppress(ds []diag.Diagnostic, s *Settings) []diag.Diagnostic {
	if len(s.Config.Ignores) == 0 {
		return ds
	}
	today := s.Today
	if today.IsZero() {
		today = time.Now().UTC()
	}
	tracker := s.Config.NewIgnoreTracker(today)
	out := ds[:0]
	for _, d := range ds {
		rel := ""
		if d.Span.File != nil {
			rel = s.Config.Rel(filepath.Join(s.Dir, filepath.FromSlash(d.Span.File.Name)))
		}
		if ok, _ := tracker.Suppress(d.Check, rel, d.Mapping); ok {
			continue
		}
		out = append(out, d)
	}
	level := s.Levels[CheckUnusedIgnore]
	if level == diag.Off {
		return out
	}
	if level == diag.Default {
		level = unusedIgnore.Level
	}
	for _, r := range tracker.Unused() {
		out = append(out, diag.Diagnostic{Check: CheckUnusedIgnore, Level: level, Span: r.Span,
			Message: "this ignore entry suppresses nothing: the finding it was written for is gone or the entry never matched; delete it" + ignoreWhat(r)})
	}
	for _, r := range tracker.Expired() {
		out = append(out, diag.Diagnostic{Check: CheckUnusedIgnore, Level: level, Span: r.Span,
			Message: "this ignore entry expired on " + r.Until.Format("2006-01-02") + " and no longer suppresses findings; fix them, or extend `until` after review" + ignoreWhat(r)})
	}
	return out
}

func ignoreWhat(r *config.IgnoreRule) string {
	what := ""
	if r.Check != "" {
		what += " check " + r.Check
	}
	if r.Path != nil {
		what += " path " + r.Path.String()
	}
	if r.Mapping != "" {
		what += " mapping " + r.Mapping
	}
	if what == "" {
		return ""
	}
	return " (" + what[1:] + ")"
}
