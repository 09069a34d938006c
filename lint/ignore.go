package lint

import (
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// CheckUnusedIgnore is the id of the check reporting ignore entries that
// suppress nothing or have expired.
const CheckUnusedIgnore = "unused-ignore"

var unusedIgnore = &Analyzer{
	Name:    CheckUnusedIgnore,
	Level:   diag.Warning,
	Summary: "a config ignore entry that suppresses nothing, or whose until date has passed",
	Doc: "Entries of the config's `ignore:` list suppress findings (each needs a `reason`). An entry that suppresses " +
		"nothing is stale: the problem was fixed or the entry never matched, so delete it. It is reported only when the run " +
		"checked every file the entry could apply to (the config's whole directory, or every file its `path` matches), so " +
		"that linting a few changed files, as pre-commit does, never calls the entries about other files stale. An entry whose `until` date has " +
		"passed stops suppressing, and this check says so, so that accepted risks are reviewed instead of forgotten.",
	// Run is empty: suppress reports this check's findings, because only
	// it knows which entries were used.
	Run: func(*Pass) {},
}

// suppress applies the config's ignore entries to the findings and, unless
// the settings share a tracker across units, adds the unused-ignore
// findings.
func suppress(ds []diag.Diagnostic, s *Settings) []diag.Diagnostic {
	if len(s.Config.Ignores) == 0 {
		return ds
	}
	tracker := s.Ignores
	own := tracker == nil
	if own {
		tracker = NewIgnoreTracker(s)
	}
	out := ds[:0]
	for _, d := range ds {
		rel := ""
		if d.Span.File != nil {
			rel = s.Config.Rel(config.AbsFrom(s.Dir, d.Span.File.Name))
		}
		if ok, _ := tracker.Suppress(d.Check, rel, d.Mapping); ok {
			continue
		}
		out = append(out, d)
	}
	if own {
		out = append(out, IgnoreFindings(tracker, s)...)
	}
	return out
}

// NewIgnoreTracker starts tracking the ignore entries of the settings'
// config for one run.
func NewIgnoreTracker(s *Settings) *config.IgnoreTracker {
	today := s.Today
	if today.IsZero() {
		today = time.Now().UTC()
	}
	return s.Config.NewIgnoreTracker(today)
}

// IgnoreFindings reports the entries of a tracker that suppressed nothing
// (only those whose every file was checked, per s.IgnoreCovered) and those
// that expired.
func IgnoreFindings(tracker *config.IgnoreTracker, s *Settings) []diag.Diagnostic {
	level := s.Levels[CheckUnusedIgnore]
	if level == diag.Off {
		return nil
	}
	if level == diag.Default {
		level = unusedIgnore.Level
	}
	var out []diag.Diagnostic
	for _, r := range tracker.Unused() {
		if s.IgnoreCovered != nil && !s.IgnoreCovered(r) {
			continue
		}
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
