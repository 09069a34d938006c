package esversion

import "testing"

// TestChangesMatchThresholds: every threshold the code uses is a row of
// Changes (from which docs/elasticsearch-versions.md is generated), with
// the same version, a source and both sides of the change.
func TestChangesMatchThresholds(t *testing.T) {
	thresholds := map[string]Version{
		"FileSettingsRoleMappingsSince":     FileSettingsRoleMappingsSince,
		"OperatorReservedMetadataSince":     OperatorReservedMetadataSince,
		"OperatorTemplatesUnvalidatedSince": OperatorTemplatesUnvalidatedSince,
		"ReadOnlyFlagSince":                 ReadOnlyFlagSince,
		"ReservedNameSuffixSince":           ReservedNameSuffixSince,
		"Lucene10Since":                     Lucene10Since,
		"RealmSettingsByTypeSince":          RealmSettingsByTypeSince,
		"RealmOrderDeprecatedSince":         RealmOrderDeprecatedSince,
		"RealmOrderRequiredSince":           RealmOrderRequiredSince,
	}
	seen := map[string]bool{}
	prev := Version{}
	for _, c := range Changes() {
		want, ok := thresholds[c.ID]
		if !ok {
			t.Errorf("change %s names no threshold", c.ID)
			continue
		}
		if c.Since != want {
			t.Errorf("change %s: Since %s, threshold %s", c.ID, c.Since, want)
		}
		if c.Source == "" || c.Before == "" || c.After == "" || c.Area == "" {
			t.Errorf("change %s is incomplete", c.ID)
		}
		if c.Since.Less(prev) {
			t.Errorf("change %s is out of order", c.ID)
		}
		prev = c.Since
		seen[c.ID] = true
	}
	for id := range thresholds {
		if !seen[id] {
			t.Errorf("threshold %s has no row in Changes", id)
		}
	}
	// The Lucene table is ordered and its rows cover every modelled version.
	rows := LuceneReleases()
	if rows[0].From != Oldest {
		t.Errorf("the Lucene table starts at %s, want %s", rows[0].From, Oldest)
	}
	for i := 1; i < len(rows); i++ {
		if !rows[i-1].From.Less(rows[i].From) {
			t.Errorf("Lucene row %s is out of order", rows[i].From)
		}
	}
	if LuceneFor(Newest).From.Less(Version{9, 2}) {
		t.Errorf("the newest modelled version %s has no Lucene 10.3+ row", Newest)
	}
}
