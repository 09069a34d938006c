package config

import (
	"sync"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestIgnoreRuleMatches(t *testing.T) {
	c, err := parseTest(t, `ignore:
  - {check: match-all, path: "legacy/**", reason: "old file"}
  - {mapping: everyone, reason: "intended", until: 2030-06-30}
  - {check: unknown-role, path: "*.json", mapping: m1, reason: "r", until: 2020-01-01}
`)
	if err != nil {
		t.Fatal(err)
	}
	r0, r1, r2 := c.Ignores[0], c.Ignores[1], c.Ignores[2]
	today := day("2030-06-30")
	tests := []struct {
		name                  string
		rule                  *IgnoreRule
		check, path, mapping  string
		today                 time.Time
		wantMatch, wantExpire bool
	}{
		{"check and path", r0, "match-all", "legacy/a/b.json", "x", today, true, false},
		{"other check", r0, "never-matches", "legacy/a.json", "x", today, false, false},
		{"other path", r0, "match-all", "current/a.json", "x", today, false, false},
		{"mapping only, any check", r1, "anything", "any/where.yaml", "everyone", today, true, false},
		{"mapping differs", r1, "anything", "a.json", "someone", today, false, false},
		{"no mapping on finding", r1, "syntax", "a.json", "", today, false, false},
		{"last day still live", r1, "x", "a.json", "everyone", day("2030-06-30"), true, false},
		{"day after: expired", r1, "x", "a.json", "everyone", day("2030-07-01"), true, true},
		{"time of day and zone do not matter", r1, "x", "a.json", "everyone",
			time.Date(2030, 6, 30, 23, 59, 0, 0, time.FixedZone("x", -11*3600)), true, false},
		{"all three criteria", r2, "unknown-role", "a.json", "m1", today, true, true},
		{"expired but not matching", r2, "unknown-role", "a.json", "m2", today, false, true},
	}
	for _, tt := range tests {
		m, e := tt.rule.Matches(tt.check, tt.path, tt.mapping, tt.today)
		if m != tt.wantMatch || e != tt.wantExpire {
			t.Errorf("%s: Matches = %v, %v; want %v, %v", tt.name, m, e, tt.wantMatch, tt.wantExpire)
		}
	}

	by, expired := c.Ignore("unknown-role", "a.json", "m1", today)
	if by != nil || len(expired) != 1 || expired[0] != r2 {
		t.Errorf("Ignore(expired only) = %v, %v", by, expired)
	}
	by, expired = c.Ignore("match-all", "legacy/x.json", "everyone", today)
	if by != r0 || len(expired) != 0 {
		t.Errorf("Ignore(two live rules) = %v, %v; want the first", by, expired)
	}
}

func TestIgnoreTracker(t *testing.T) {
	c, err := parseTest(t, `ignore:
  - {check: match-all, reason: "used"}
  - {check: syntax, reason: "never used"}
  - {check: unknown-role, reason: "expired", until: 2001-01-01}
`)
	if err != nil {
		t.Fatal(err)
	}
	tr := c.NewIgnoreTracker(day("2025-01-01"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if ok, by := tr.Suppress("match-all", "a.json", "m"); !ok || by != c.Ignores[0] {
				t.Errorf("Suppress(match-all) = %v, %v", ok, by)
			}
		})
	}
	wg.Wait()
	if ok, _ := tr.Suppress("unknown-role", "a.json", "m"); ok {
		t.Error("an expired entry suppressed a finding")
	}
	if ok, _ := tr.Suppress("disabled-mapping", "a.json", "m"); ok {
		t.Error("an unrelated finding was suppressed")
	}
	if u := tr.Unused(); len(u) != 1 || u[0] != c.Ignores[1] {
		t.Errorf("Unused = %v", u)
	}
	if e := tr.Expired(); len(e) != 1 || e[0] != c.Ignores[2] {
		t.Errorf("Expired = %v", e)
	}
}
