package catalog

import (
	"slices"
	"testing"
)

func TestSplitLinesLikeJava(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\r\nb\rc\n\nd", []string{"a", "b", "c", "", "d"}},
		{"\n\n", []string{"", ""}},
		{"a\r", []string{"a"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range splitLines([]byte(tt.in)) {
			got = append(got, tt.in[l.start:l.end])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLineClasses(t *testing.T) {
	tests := []struct {
		line     string
		skip, in bool
	}{
		{"", true, false},
		{"   \t", true, true}, // both regexes match; SKIP_LINE is tried first
		{"# comment", true, false},
		{"#", true, false},
		{" # indented comment", false, true},
		{"  cluster: [all]", false, true},
		{"\tcluster: [all]", false, true},
		{"role:", false, false},
		{"\ufeffrole:", false, false},
		{"#\u2028x", false, false},
		{" x\u2029", false, false},
		{"\x0Bx", false, true},
	}
	for _, tt := range tests {
		if got := skipLine(tt.line); got != tt.skip {
			t.Errorf("skipLine(%q) = %v, want %v", tt.line, got, tt.skip)
		}
		if got := inSegmentLine(tt.line); got != tt.in {
			t.Errorf("inSegmentLine(%q) = %v, want %v", tt.line, got, tt.in)
		}
	}
}

func TestRoleSegments(t *testing.T) {
	content := "  dropped\n# c\na:\n  x: 1\n\n# inside\n  y: 2\nb: {}\n---\n"
	var got []string
	for _, s := range roleSegments([]byte(content)) {
		text, _ := s.text([]byte(content))
		got = append(got, string(text))
	}
	want := []string{"a:\n  x: 1\n  y: 2\n", "b: {}\n", "---\n"}
	if !slices.Equal(got, want) {
		t.Errorf("segments = %q, want %q", got, want)
	}
}

func TestOffsetMap(t *testing.T) {
	content := []byte("zz\na:\n\n  x: 1\r\n")
	segs := roleSegments(content)
	if len(segs) != 2 {
		t.Fatalf("segments: %v", segs)
	}
	text, local := segs[1].text(content)
	if string(text) != "a:\n  x: 1\n" {
		t.Fatalf("text %q", text)
	}
	m := offsetMap{seg: segs[1], local: local}
	for segOff, fileOff := range map[int]int{0: 3, 2: 5, 3: 7, 8: 12, 9: 13, 10: 13} {
		if got := m.mapOffset(segOff); got != fileOff {
			t.Errorf("mapOffset(%d) = %d, want %d", segOff, got, fileOff)
		}
	}
}

func TestWildcardMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true},
		{"*", "elastic", true},
		{"e*", "elastic", true},
		{"*tic", "elastic", true},
		{"el?stic", "elastic", true},
		{"el??stic", "elastic", false},
		{"e*a*c", "elastic", true},
		{"e*z*", "elastic", false},
		{`\*`, "*", true},
		{`\*`, "elastic", false},
		{`elastic\`, `elastic\`, true},
		{"", "", true},
		{"", "a", false},
		{"**a**", "bab", true},
		{"é*", "éa", true},
	}
	for _, tt := range tests {
		if got := wildcardMatch(tt.pattern, tt.s); got != tt.want {
			t.Errorf("wildcardMatch(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestValidateRoleName(t *testing.T) {
	long := make([]byte, maxRoleNameLength+1)
	for i := range long {
		long[i] = 'a'
	}
	tests := []struct {
		name  string
		valid bool
	}{
		{"sales", true},
		{"with space", true},
		{"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", true},
		{string(long[:maxRoleNameLength]), true},
		{string(long), false},
		{"", false},
		{" lead", false},
		{"trail ", false},
		{"tab\t", false},
		{"café", false},
		{"nul\x00", false},
	}
	for _, tt := range tests {
		if got := validateRoleName(tt.name) == ""; got != tt.valid {
			t.Errorf("validateRoleName(%q) valid=%v, want %v", tt.name, got, tt.valid)
		}
	}
}
