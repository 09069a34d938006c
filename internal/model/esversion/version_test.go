package esversion

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Version
		wantErr bool
	}{
		{"8.15", Version{8, 15}, false},
		{"9", Version{9, 0}, false},
		{"8.16.3", Version{8, 16}, false},
		{" 9.1 ", Version{9, 1}, false},
		{"7.1", Version{}, true},
		{"eight", Version{}, true},
		{"8.x", Version{}, true},
		{"", Version{}, true},
		{"1.2.3.4", Version{}, true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, err=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestBehaviour(t *testing.T) {
	v815, v816, v90 := Version{8, 15}, Version{8, 16}, Version{9, 0}
	if v815.ReadOnlyFlagMessage() || !v816.ReadOnlyFlagMessage() {
		t.Error("ReadOnlyFlagMessage threshold wrong")
	}
	v84, v85, v814 := Version{8, 4}, Version{8, 5}, Version{8, 14}
	if v84.HasFileSettingsRoleMappings() || !v85.HasFileSettingsRoleMappings() {
		t.Error("HasFileSettingsRoleMappings threshold wrong")
	}
	if v84.OperatorAllowsReservedMetadata() || !v85.OperatorAllowsReservedMetadata() || !v815.OperatorAllowsReservedMetadata() {
		t.Error("OperatorAllowsReservedMetadata threshold wrong (8.5, elastic/elasticsearch#89667)")
	}
	if v84.OperatorValidatesTemplates() || !v85.OperatorValidatesTemplates() || !v814.OperatorValidatesTemplates() || v815.OperatorValidatesTemplates() {
		t.Error("OperatorValidatesTemplates range wrong (8.5 to 8.14)")
	}
	if v816.Lucene10() || !v90.Lucene10() || !Newest.Lucene10() {
		t.Error("Lucene10 threshold wrong")
	}
	if !v815.Less(v816) || v816.Less(v815) || !v90.AtLeast(v816) {
		t.Error("ordering wrong")
	}
}
