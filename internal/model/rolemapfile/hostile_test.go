package rolemapfile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func TestHostileInputs(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		entries int
	}{
		{"long comma-split scalar", "r: \"" + strings.Repeat("cn=a,", 100_000) + "\"\n", 100_000},
		{"long list", "r:\n" + strings.Repeat("  - cn=a,dc=x\n", 50_000), 50_000},
		{"many roles", manyRoles(20_000), 20_000},
		{"deep nesting", "r: " + strings.Repeat("{a: ", 900) + "[cn=x]" + strings.Repeat("}", 900) + "\n", 0},
		{"alias bomb is not expanded", "a: &a [cn=x, cn=x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, diags := Parse(source.NewFile("role_mapping.yml", []byte(tt.src)), false)
			if len(f.Entries) != tt.entries {
				t.Errorf("%d entries, want %d (findings: %d)", len(f.Entries), tt.entries, len(diags))
			}
			for _, d := range diags {
				if len(d.Message) > 4096 {
					t.Fatalf("message of %d bytes", len(d.Message))
				}
			}
		})
	}
}

// manyRoles is a file of n distinct roles with one DN each.
func manyRoles(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "role%d: [\"cn=g%d,dc=x\"]\n", i, i)
	}
	return b.String()
}
