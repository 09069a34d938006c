package rolemapfile

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		"", "# only a comment\n", resolveSrc,
		"superuser: \"cn=admins,dc=example,dc=com\"\n",
		"r: [\"cn=*,dc=x\", \"/cn=.*/\", not-a-dn, \"\", yes, 12]\n",
		"kibana.admin: [cn=k]\nnest: {a: {b: [cn=x]}}\nn: {0: cn=a, 2: cn=b}\n",
		"a: &x [cn=z]\nb: *x\n<<: *x\n", "a: [b\n", "a:\n", "a: 1\n---\nb: 2\n", "- x\n",
		"a: [[x]]\n", "a.0: x\na: y\n", "\"\": [\" \"]\n", "r: |\n  cn=a,\n  dc=b\n",
		"r: \"cn=\\u00e9,dc=\\\"x\\\"\"\n", "r:\r\n  - \"cn=a\\,b,dc=c\"\r\n", "\ufeffr: [cn=a]\n",
	}
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, strict bool) {
		sf := source.NewFile("role_mapping.yml", []byte(src))
		file, diags := Parse(sf, strict)
		if file == nil || file.Mappings == nil {
			t.Fatal("nil file or mappings")
		}
		for _, d := range diags {
			if d.Check != Check || d.Message == "" || d.Level < diag.Info {
				t.Fatalf("bad finding %+v", d)
			}
			if d.Span.File != sf || d.Span.Start < 0 || d.Span.Start > d.Span.End || d.Span.End > len(sf.Content) {
				t.Fatalf("bad span %d..%d of %d bytes: %s", d.Span.Start, d.Span.End, len(sf.Content), d.Message)
			}
		}
		if !file.Readable && (len(file.Mappings) != 0 || file.StrictError == "") {
			t.Fatalf("unreadable file has mappings %v / strict error %q", file.Mappings, file.StrictError)
		}
		valid := 0
		for _, e := range file.Entries {
			if e.Valid() != (e.Err == nil) {
				t.Fatalf("entry %q: valid %v, err %v", e.Text, e.Valid(), e.Err)
			}
			if e.Span.File != sf || e.Span.Start > e.Span.End || e.Span.End > len(sf.Content) {
				t.Fatalf("entry %q: bad span", e.Text)
			}
			if e.Valid() {
				valid++
				if !containsRole(file.Mappings[e.Normalized()], e.Role) {
					t.Fatalf("entry %q of role %q missing from mappings", e.Text, e.Role)
				}
			} else if file.StrictError == "" {
				t.Fatalf("invalid entry %q but no strict error", e.Text)
			}
		}
		if len(file.Mappings) > valid {
			t.Fatalf("%d mappings from %d valid entries", len(file.Mappings), valid)
		}
		// Every mapped DN resolves to at least its roles.
		for n, roles := range file.Mappings {
			got, err := file.Resolve(nil, []string{n}, false)
			if err != nil {
				t.Fatalf("normalized DN %q does not resolve: %v", n, err)
			}
			if strings.Join(got, "\x00") != strings.Join(roles, "\x00") {
				t.Fatalf("group %q resolves to %q, mapped to %q", n, got, roles)
			}
		}
	})
}

func containsRole(roles []string, r string) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}
