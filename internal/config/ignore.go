package config

import (
	"sync"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// IgnoreRule is one `ignore:` entry: it suppresses the findings it matches
// until its end date has passed.
type IgnoreRule struct {
	// Check is the check id to suppress ("" = any check).
	Check string
	// Path matches the finding's file, relative to the config directory
	// (nil = any file).
	Path *Glob
	// Mapping is the exact name of the mapping the finding is about
	// ("" = any mapping).
	Mapping string
	// Reason says why the finding is accepted (required).
	Reason string
	// Until is the last day the entry suppresses findings (a date at
	// 00:00 UTC); zero means no end.
	Until time.Time
	// Span is where the entry is written, for unused-ignore and expiry
	// reports.
	Span source.Span
}

// Expired reports whether the entry's end date lies before today's date.
// The entry still suppresses on the day Until names.
func (r *IgnoreRule) Expired(today time.Time) bool {
	if r.Until.IsZero() {
		return false
	}
	y, m, d := today.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(r.Until)
}

// Matches reports whether the entry's criteria cover a finding of check in
// relPath (relative to the config directory, slash-separated) about the
// mapping (empty when the finding is about no mapping), and whether the
// entry has expired. A finding is suppressed only when matched && !expired:
// an expired entry stops suppressing.
func (r *IgnoreRule) Matches(check, relPath, mapping string, today time.Time) (matched, expired bool) {
	matched = (r.Check == "" || r.Check == check) &&
		(r.Path == nil || r.Path.Match(relPath)) &&
		(r.Mapping == "" || r.Mapping == mapping)
	return matched, r.Expired(today)
}

// Ignore looks a finding up in the ignore entries: by is the first live
// entry that suppresses it (nil when none does) and expired lists the
// expired entries that would have matched it.
func (c *Config) Ignore(check, relPath, mapping string, today time.Time) (by *IgnoreRule, expired []*IgnoreRule) {
	for _, r := range c.Ignores {
		m, exp := r.Matches(check, relPath, mapping, today)
		if !m {
			continue
		}
		if exp {
			expired = append(expired, r)
		} else if by == nil {
			by = r
		}
	}
	return by, expired
}

// IgnoreTracker applies the ignore entries to a run's findings and
// remembers which entries were used, so that the caller can report the
// entries that suppressed nothing (unused-ignore) and those that expired.
// It is safe for concurrent use.
type IgnoreTracker struct {
	today time.Time
	rules []*IgnoreRule
	mu    sync.Mutex
	used  map[*IgnoreRule]bool
}

// NewIgnoreTracker starts tracking the config's ignore entries for a run
// on the given day.
func (c *Config) NewIgnoreTracker(today time.Time) *IgnoreTracker {
	return &IgnoreTracker{today: today, rules: c.Ignores, used: map[*IgnoreRule]bool{}}
}

// Suppress reports whether a finding is suppressed, and by which entry.
func (t *IgnoreTracker) Suppress(check, relPath, mapping string) (bool, *IgnoreRule) {
	for _, r := range t.rules {
		if m, exp := r.Matches(check, relPath, mapping, t.today); m && !exp {
			t.mu.Lock()
			t.used[r] = true
			t.mu.Unlock()
			return true, r
		}
	}
	return false, nil
}

// Unused returns the live (not expired) entries that suppressed nothing,
// in config order.
func (t *IgnoreTracker) Unused() []*IgnoreRule {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []*IgnoreRule
	for _, r := range t.rules {
		if !t.used[r] && !r.Expired(t.today) {
			out = append(out, r)
		}
	}
	return out
}

// Expired returns the entries whose end date has passed, in config order;
// they no longer suppress anything.
func (t *IgnoreTracker) Expired() []*IgnoreRule {
	var out []*IgnoreRule
	for _, r := range t.rules {
		if r.Expired(t.today) {
			out = append(out, r)
		}
	}
	return out
}
