package suggest

import (
	"strings"
	"testing"
)

func TestClosest(t *testing.T) {
	keys := []string{"exclude", "es_version", "role_mapping_files", "roles", "realms", "ignore"}
	ties := []string{"user", "error"} // "erser" is two edits from each
	tests := []struct {
		word  string
		cands []string
		want  string
	}{
		{"exlude", keys, "exclude"},
		{"ROELS", keys, "roles"},                     // case-insensitive, a transposition is one edit
		{"es-versoin", keys, "es_version"},           // a substitution and a transposition
		{"role_mapping", keys, "role_mapping_files"}, // prefix rule
		{"role_mapping_files_x", keys, "role_mapping_files"},
		{"realms", keys, "realms"},
		{"rol", keys, ""}, // 3 characters: one edit at most, and no prefix rule
		{"rle", keys, ""},
		{"rlms", keys, "realms"},
		{"zzz", keys, ""},
		{"", keys, ""},
		{"a", nil, ""},
		{"erser", ties, "error"}, // a tie goes to the smaller name
		{strings.Repeat("a", 10000), keys, ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, tt.cands); got != tt.want {
			t.Errorf("Closest(%.20q, %v) = %q, want %q", tt.word, tt.cands, got, tt.want)
		}
	}
}

func TestClosestInOrder(t *testing.T) {
	tests := []struct {
		word string
		cand []string
		want string
	}{
		{"erser", []string{"user", "error"}, "user"}, // a tie goes to the earlier candidate
		{"erser", []string{"error", "user"}, "error"},
		{"tive", []string{"native", "file"}, "native"},
		{"LDAP", []string{"ldap", "pki"}, "ldap"},
		{"includ", []string{"name", "includes"}, "includes"},
		{"realm_name", []string{"name", "realm"}, "realm"}, // prefix rule, first match
		{"colour", []string{"name", "roles"}, ""},
		{"x", []string{"name", "type"}, ""},
	}
	for _, tc := range tests {
		if got := ClosestInOrder(tc.word, tc.cand); got != tc.want {
			t.Errorf("ClosestInOrder(%q, %v) = %q, want %q", tc.word, tc.cand, got, tc.want)
		}
	}
}

func TestClosestStrict(t *testing.T) {
	roles := []string{"kibana_system", "kibana_user", "sales_reader", "sales_writer", "superuser", "viewer", "Viewer"}
	tests := []struct{ in, want string }{
		{"superusr", "superuser"},
		{"Superuser", "superuser"},
		{"SUPERUSER", "superuser"},
		{"VIEWER", "viewer"}, // the first equal ignoring case
		{"kibana_usr", "kibana_user"},
		{"kibana_sytsem", "kibana_system"},
		{"sales_readr", "sales_reader"},
		{"sales_rader", "sales_reader"},
		{"viwer", "Viewer"}, // a tie goes to the smaller name
		{"superuser", ""},   // never the word itself
		{"kibana", ""},      // no prefix rule
		{"vewr", ""},        // 4 characters: one edit at most
		{"xyz", ""},
		{"", ""},
		{strings.Repeat("x", 10000), ""},
	}
	for _, tt := range tests {
		if got := ClosestStrict(tt.in, roles); got != tt.want {
			t.Errorf("ClosestStrict(%.20q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHint(t *testing.T) {
	if got := Hint(""); got != "" {
		t.Errorf("Hint(\"\") = %q", got)
	}
	if got := Hint("roles"); got != ` (did you mean "roles"?)` {
		t.Errorf("Hint(roles) = %q", got)
	}
}
