package lint

import "testing"

// TestLooksLikeLiteralPattern: Elasticsearch compares a value literally
// unless it contains `*` (wildcard) or is written /.../ (regex), so every
// regex construct written without slashes is a literal there
// (FieldExpression.FieldValue.buildAutomaton, Automatons.patterns). Each
// construct must be caught, and ordinary names that merely contain the same
// characters must not.
func TestLooksLikeLiteralPattern(t *testing.T) {
	tests := []struct {
		value string
		want  bool
	}{
		// regex constructs written without slashes
		{"[Aa]dmins", true},
		{"admin[0-9]", true},
		{"[^x]admins", true},
		{"admin.+", true},
		{"admin.*", true},
		{"admins?", true},
		{"adm.{2}n", true},
		{`\d+`, true},
		{`user\d`, true},
		{`\w*admin`, true},
		{`admin\.corp`, true},
		{"ad{2}min", true},
		{"a{2,3}", true},
		{"^admin", true},
		{"^admin$", true},
		{"(admin)$", true},
		{"(admins|operators)", true},
		{"admins|operators", true},
		{"(ad)+min", true},
		{"[ab]+", true},
		// ordinary names that must stay quiet
		{"/team/editors", false},           // Keycloak group path
		{"/realms/acme/groups/ops", false}, // Keycloak path
		{"host$", false},                   // AD machine account
		{"DESKTOP-01$", false},             // AD machine account
		{"Sales (EU)", false},              // parentheses in a group name
		{"R&D (Berlin)", false},            // parentheses and ampersand
		{"cn=John Smith+uid=jsmith,ou=people,dc=ex,dc=com", false}, // multi-valued RDN
		{"CORP\\dsmith", false},         // NetBIOS domain\\user
		{"CORP\\Support", false},        // NetBIOS domain\\group
		{"[EXT] Contractors", false},    // bracket tag in a group name
		{"admin.user", false},           // dotted user name
		{"jane.doe@example.com", false}, // e-mail address
		{"{{username}}", false},         // mustache-looking literal
		{"C++ developers", false},       // plus signs
		{"price$5", false},              // $ inside
	}
	for _, tt := range tests {
		if got := looksLikeLiteralPattern(tt.value); got != tt.want {
			t.Errorf("looksLikeLiteralPattern(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}

// TestRegexishInWildcards: in a wildcard only `*`, `?` and `\` are
// special (Automatons.wildcard), so regex syntax next to a `*` is literal.
func TestRegexishInWildcards(t *testing.T) {
	tests := []struct {
		value, want string // want: the text flagged, "" for none
	}{
		{"[Aa]dmin*", "[Aa]d"},
		{"admin[0-9]*", "[0-9]*"},
		{"admin.*", ".*"},
		{"*(ops|dev)*", "(ops|dev)"},
		{"team-*", ""},
		{"*Sales (EU)*", ""},
		{"*host$", ""},
		{"/team/*", ""},
	}
	for _, tt := range tests {
		got := ""
		if loc := regexish.FindStringIndex(tt.value); loc != nil {
			got = tt.value[loc[0]:loc[1]]
		}
		if got != tt.want {
			t.Errorf("regexish in %q = %q, want %q", tt.value, got, tt.want)
		}
	}
}

// FuzzPatternSyntaxPrefilter checks that the quick test never hides a
// string the regular expressions match.
func FuzzPatternSyntaxPrefilter(f *testing.F) {
	for _, s := range []string{"[Aa]dmins", "admin.+", `\d{3}`, "^admin", "a|b", "host$", "Sales (EU)", "x)?", "a{2}", "cn=x,dc=y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if (questionMark.MatchString(s) || regexish.MatchString(s)) && !mayHoldPatternSyntax(s) {
			t.Fatalf("%q matches the pattern syntax but the quick test skips it", s)
		}
	})
}
