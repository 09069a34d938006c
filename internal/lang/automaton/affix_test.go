package automaton

import (
	"strings"
	"testing"
)

func TestCommonAffixes(t *testing.T) {
	for _, tc := range []struct {
		value          string
		prefix, suffix string
	}{
		{"svc-*", "svc-", ""},
		{"*,ou=people,dc=example,dc=com", "", ",ou=people,dc=example,dc=com"},
		{"a?c*", "a", ""},
		{"/[a-z]+\\.7\\@example\\.com/", "", ".7@example.com"},
		{"/(adm|ops)-[0-9]{1,4}/", "", ""},
		{"/admin(s)?/", "admin", ""},
		{"/x(ab)*y/", "x", "y"},
		{"/abc|abd/", "ab", ""},
		{"/(ab)+/", "ab", "ab"},
		{"/a*/", "", ""},
		{"/.*z/", "", "z"},
		{"/ü.*日本/", "ü", "日本"},
		{"*", "", ""},
	} {
		a, pattern, err := CompileValue(tc.value, Options{})
		if err != nil || !pattern {
			t.Fatalf("%s: %v", tc.value, err)
		}
		if got := a.CommonPrefix(64); got != tc.prefix {
			t.Errorf("%s: prefix %q, want %q", tc.value, got, tc.prefix)
		}
		if got := a.CommonSuffix(64); got != tc.suffix {
			t.Errorf("%s: suffix %q, want %q", tc.value, got, tc.suffix)
		}
	}
	long, _, _ := CompileValue("*"+strings.Repeat("x", 100), Options{})
	if got := long.CommonSuffix(10); got != strings.Repeat("x", 10) {
		t.Errorf("bounded suffix: %q", got)
	}
}

// FuzzCommonAffixes checks that every string a pattern is seen to accept
// starts with the common prefix and ends with the common suffix.
func FuzzCommonAffixes(f *testing.F) {
	for _, s := range []string{"/[a-z]+\\.7\\@example\\.com/", "*,ou=x", "/(ab)+/", "/x(ab)*y/", "a*b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if len(v) > 100 {
			return
		}
		a, pattern, err := CompileValue(v, Options{})
		if err != nil || !pattern {
			return
		}
		p, s := a.CommonPrefix(64), a.CommonSuffix(64)
		// L ⊆ p·Σ* and L ⊆ Σ*·s, decided exactly.
		for _, w := range []string{escapeWildcard(p) + "*", "*" + escapeWildcard(s)} {
			bound, err := CompileWildcard(w, Options{})
			if err != nil {
				return // a surrogate or a literal too long for the work limit
			}
			if ok, err := a.SubsetOf(bound); err == nil && !ok {
				t.Fatalf("%q accepts strings outside %q (prefix %q, suffix %q)", v, w, p, s)
			}
		}
	})
}

func escapeWildcard(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`)
	return r.Replace(s)
}
