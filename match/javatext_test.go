package match

import "testing"

func TestJavaCaseMapping(t *testing.T) {
	tests := []struct{ in, lower, upper string }{
		{"", "", ""},
		{"CN=Bob,OU=Sales", "cn=bob,ou=sales", "CN=BOB,OU=SALES"},
		{"straße", "straße", "STRASSE"},
		{"İstanbul", "i\u0307stanbul", "İSTANBUL"},
		{"ﬁle", "ﬁle", "FILE"},
		{"ŉ", "ŉ", "ʼN"},
		{"ΟΔΟΣ", "οδος", "ΟΔΟΣ"},
		{"ΣΑ", "σα", "ΣΑ"},
		{"ǅ", "ǆ", "Ǆ"},
		{"𐐀𐐨", "𐐨𐐨", "𐐀𐐀"},
		{"ſ", "ſ", "S"},
		{"K", "k", "K"}, // Kelvin sign
	}
	for _, tc := range tests {
		if got := javaLower(tc.in); got != tc.lower {
			t.Errorf("javaLower(%q) = %q, want %q", tc.in, got, tc.lower)
		}
		if got := javaUpper(tc.in); got != tc.upper {
			t.Errorf("javaUpper(%q) = %q, want %q", tc.in, got, tc.upper)
		}
	}
}

func TestJavaEqualsIgnoreCase(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"Admins", "aDMINS", true},
		{"admins", "admins ", false},
		{"ſ", "s", true}, // long s upper-cases to S
		{"K", "k", true}, // Kelvin sign lower-cases to k
		{"ß", "ss", false},
		{"ß", "SS", false},
		{"İ", "i", true}, // Character.toLowerCase(U+0130) == 'i'
		{"ı", "I", true}, // dotless i upper-cases to I
		{"ı", "i", true}, // both upper-case to I
		{"𐐀", "𐐨", true}, // Deseret, supplementary
		{"𐐀", "ab", false},
		{"a𐐀", "A𐐨", true},
		{"ǅ", "ǆ", true},
		{"\xff", "\xfe", true}, // both read as U+FFFD
		{"abc", "ab", false},
	}
	for _, tc := range tests {
		if got := javaEqualsIgnoreCase(tc.a, tc.b); got != tc.want {
			t.Errorf("javaEqualsIgnoreCase(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := javaEqualsIgnoreCase(tc.b, tc.a); got != tc.want {
			t.Errorf("javaEqualsIgnoreCase(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
		if tc.want && foldKey(tc.a) != foldKey(tc.b) {
			t.Errorf("foldKey(%q) = %q but foldKey(%q) = %q", tc.a, foldKey(tc.a), tc.b, foldKey(tc.b))
		}
	}
}
