package suggest

import "testing"

func TestLuceneSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float32
	}{
		{"role", "roles", 0.8},
		{"role", "rules", 0.6},
		{"", "", 1},
		{"", "a", 0},
		{"a", "", 0},
		{"abc", "abc", 1},
		{"kitten", "sitting", 1 - float32(3)/7},
		{"\U0001F600", "a", 0},            // a surrogate pair is two Java chars
		{"\U0001F600", "\U0001F601", 0.5}, // same high surrogate: one of two units differs
		{"sourc\U0001F600", "source", 1 - float32(2)/7},
	}
	for _, tt := range tests {
		if got := LuceneSimilarity(tt.a, tt.b); got != tt.want {
			t.Errorf("LuceneSimilarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := LuceneSimilarity(tt.b, tt.a); got != tt.want {
			t.Errorf("LuceneSimilarity(%q, %q) = %v, want %v (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}
