package suggest

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"abc", "acb", 1},
		{"ca", "abc", 3}, // optimal string alignment: no edit after a transposition
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"héllo", "hello", 1},
		{"é", "e", 1},
		{strings.Repeat("a", 1000), "", MaxRunes},
		{strings.Repeat("a", 1000) + "x", strings.Repeat("a", 1000) + "y", 0}, // differences past MaxRunes are not seen
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%.20q, %.20q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDistanceCapped(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"abc", "abc", 2, 0},
		{"abc", "acb", 2, 1},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
		{"a", "abcdef", 2, 3},
		{"", "ab", 2, 2},
		{"héllo", "hello", 2, 1},
		{"abcdef", "badcfe", 2, 3}, // stops once a whole row exceeds the limit
	}
	for _, tt := range tests {
		var d distancer
		d.setA(tt.a)
		if got := d.distance(tt.b, tt.limit); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"dn", "dn", 0},
		{"", "dn", 2},
		{"userid", "username", 4},
		{"gruops", "groups", 2}, // no transpositions
		{"kitten", "sitting", 3},
		{"é", "e", 2}, // bytes: é is two
	}
	for _, tt := range tests {
		if got := Levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Levenshtein(tt.b, tt.a); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

// FuzzDistance checks the distances against each other: symmetric, the
// capped form agrees with the full one, transpositions only ever help, and
// the length difference is a lower bound.
func FuzzDistance(f *testing.F) {
	f.Add("kitten", "sitting", 2)
	f.Add("abc", "acb", 1)
	f.Add("héllo", "\xffhello", 0)
	f.Fuzz(func(t *testing.T, a, b string, limit int) {
		if len(a) > 300 || len(b) > 300 {
			return
		}
		limit = max(0, limit%(MaxRunes+2))
		d := Distance(a, b)
		if d != Distance(b, a) {
			t.Fatalf("Distance(%+q, %+q) is not symmetric", a, b)
		}
		var dd distancer
		dd.setA(a)
		if got := dd.distance(b, limit); got != min(d, limit+1) {
			t.Fatalf("distance(%+q, %+q, %d) = %d, Distance = %d", a, b, limit, got, d)
		}
		ra, rb := []rune(a), []rune(b)
		ta, tb := ra[:min(len(ra), MaxRunes)], rb[:min(len(rb), MaxRunes)]
		if lo := max(len(ta)-len(tb), len(tb)-len(ta)); d < lo || d > max(len(ta), len(tb)) {
			t.Fatalf("Distance(%+q, %+q) = %d outside [%d, %d]", a, b, d, lo, max(len(ta), len(tb)))
		}
		if l := Levenshtein(string(ta), string(tb)); d > l {
			t.Fatalf("Distance(%+q, %+q) = %d > byte Levenshtein %d", a, b, d, l)
		}
	})
}

func TestWithinAgreesWithDistance(t *testing.T) {
	words := []string{"", "a", "rules", "rulez", "rlues", "roles", "role_templates", "enabled", "enabeld", "ünabled", "field", "fields", "any", "all"}
	for _, a := range words {
		for _, b := range words {
			for limit := 0; limit <= 3; limit++ {
				if got, want := Within(a, b, limit), Distance(a, b) <= limit; got != want {
					t.Errorf("Within(%q, %q, %d) = %v, Distance says %v", a, b, limit, got, want)
				}
			}
		}
	}
}
