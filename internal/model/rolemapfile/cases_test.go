package rolemapfile

import (
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/conformance"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// loadFileCases returns the "file" cases of es-cases.json
// (docs/semantics.md, "Conformance cases").
func loadFileCases(t *testing.T) []conformance.Case {
	t.Helper()
	all, err := conformance.Load(filepath.Join("..", "..", "..", "internal", "conformance", "testdata", "es-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	out := conformance.Kind(all, "file")
	if len(out) == 0 {
		t.Fatal("no file cases")
	}
	return out
}

var utf16Placeholder = regexp.MustCompile(`^<UTF-16 encoded '(.*)'>$`)

// caseContent returns the file bytes a case describes: its YAML text, or
// for a "<UTF-16 encoded '...'>" placeholder what Java's
// Files.write(file, List.of(text), UTF_16) writes (big-endian with a byte
// order mark, one line).
func caseContent(t *testing.T, yaml string) []byte {
	t.Helper()
	if !strings.HasPrefix(yaml, "<") {
		return []byte(yaml)
	}
	m := utf16Placeholder.FindStringSubmatch(yaml)
	if m == nil {
		t.Fatalf("unknown placeholder %q", yaml)
	}
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(m[1] + "\n")) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

const (
	testPath  = "/etc/elasticsearch/role_mapping.yml"
	testRealm = "ldap1"
)

func TestESFileCases(t *testing.T) {
	for _, c := range loadFileCases(t) {
		t.Run(c.ID, func(t *testing.T) {
			var f *File
			strictErr := ""
			if c.YAML == nil {
				strictErr = MissingFileMessage(testPath, testRealm, true)
			} else {
				src := source.NewFile("config/role_mapping.yml", caseContent(t, *c.YAML))
				opts := Options{RealmType: "ldap", RealmName: testRealm, Path: testPath}
				f, _ = ParseOptions(src, opts)
				strictErr = f.StrictError
				// The strict parse agrees on the mappings and the error.
				opts.Strict = true
				sf, _ := ParseOptions(src, opts)
				if sf.StrictError != f.StrictError || !cmp.Equal(sf.Mappings, f.Mappings) {
					t.Errorf("strict and lenient parses differ: %q/%v vs %q/%v", sf.StrictError, sf.Mappings, f.StrictError, f.Mappings)
				}
			}
			if c.ExpectStrictErrorContains != "" {
				if !strings.Contains(strictErr, c.ExpectStrictErrorContains) {
					t.Errorf("strict error %q does not contain %q", strictErr, c.ExpectStrictErrorContains)
				}
				for _, want := range []string{testRealm, testPath} {
					if !strings.Contains(strictErr, want) {
						t.Errorf("strict error %q does not name %q", strictErr, want)
					}
				}
			} else if strictErr != "" && c.YAML != nil {
				t.Errorf("unexpected strict error %q", strictErr)
			}
			if c.ExpectLenientMappingsCount != nil && len(mappingsOf(f)) != *c.ExpectLenientMappingsCount {
				t.Errorf("lenient mappings = %d, want %d", len(mappingsOf(f)), *c.ExpectLenientMappingsCount)
			}
			if c.ExpectMappings != nil {
				want := map[string][]string{}
				for k, v := range c.ExpectMappings {
					v = slices.Clone(v)
					sort.Strings(v)
					want[k] = v
				}
				if diff := cmp.Diff(want, mappingsOf(f)); diff != "" {
					t.Errorf("mappings (-want +got):\n%s", diff)
				}
			}
			u, err := c.DecodeUser()
			if err != nil {
				t.Fatal(err)
			}
			if u == nil {
				u = &conformance.User{}
			}
			roles, err := f.Resolve(u.DN, u.Groups, c.Settings.UnmappedGroupsAsRoles)
			if c.ExpectErrorContains != "" {
				if err == nil || !strings.Contains(err.Error(), c.ExpectErrorContains) {
					t.Fatalf("error = %v, want one containing %q", err, c.ExpectErrorContains)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.ExpectRoles != nil {
				want := slices.Clone(c.ExpectRoles)
				sort.Strings(want)
				if diff := cmp.Diff(want, roles); diff != "" {
					t.Errorf("roles (-want +got):\n%s", diff)
				}
			}
			for _, r := range c.ExpectRolesInclude {
				if !slices.Contains(roles, r) {
					t.Errorf("roles %v lack %q", roles, r)
				}
			}
		})
	}
}

// mappingsOf returns a file's mappings; a missing (nil) file has none.
func mappingsOf(f *File) map[string][]string {
	if f == nil {
		return map[string][]string{}
	}
	return f.Mappings
}
