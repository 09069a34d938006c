package dn

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/conformance"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"go.yaml.in/yaml/v3"
)

// testdata/es-cases.json is the project copy of the shared conformance cases
// (format: docs/semantics.md, "Conformance cases"). Only the cases whose outcome depends on DN
// parsing and normalization alone are used here: "dn" cases whose pattern is
// a plain string (no wildcard, no regex), and "file" (role_mapping.yml) cases.

// loadESCases reads the project copy of the conformance cases.
func loadESCases(t *testing.T) []conformance.Case {
	t.Helper()
	cases, err := conformance.Load(filepath.Join("..", "..", "..", "internal", "conformance", "testdata", "es-cases.json"))
	if err != nil {
		t.Fatalf("reading conformance cases: %v", err)
	}
	return cases
}

// stringPredicate is the String branch of Elasticsearch's
// DistinguishedNamePredicate.test (docs/semantics.md, "DN-aware comparison").
func stringPredicate(n *Normalizer, userValue, ruleValue string) bool {
	if javatext.EqualsIgnoreCase(ruleValue, userValue) {
		return true
	}
	norm, ok := n.Normalize(userValue)
	if !ok {
		return false
	}
	if ruleNorm, ok := n.Normalize(ruleValue); ok {
		return norm == ruleNorm
	}
	return javatext.EqualsIgnoreCase(ruleValue, norm)
}

// isPlainString reports whether a rule value gets no automaton (§4.4).
func isPlainString(v string) bool {
	if strings.Contains(v, "*") {
		return false
	}
	return !(len(v) > 1 && strings.HasPrefix(v, "/") && strings.HasSuffix(v, "/"))
}

func TestConformanceDNCases(t *testing.T) {
	var n Normalizer
	used := 0
	for _, c := range conformance.Kind(loadESCases(t), "dn") {
		var pattern string
		if err := json.Unmarshal(c.Pattern, &pattern); err != nil || !isPlainString(pattern) {
			continue // non-string or pattern rule values: not a DN-equality question
		}
		var expect bool
		if err := json.Unmarshal(c.Expect, &expect); err != nil {
			t.Fatalf("%s: expect is not a boolean: %s", c.ID, c.Expect)
		}
		used++
		value := ""
		if c.Value != nil {
			value = *c.Value
		}
		if got := stringPredicate(&n, value, pattern); got != expect {
			t.Errorf("%s: value %q vs rule %q: got %v, want %v", c.ID, value, pattern, got, expect)
		}
	}
	if used < 15 {
		t.Errorf("only %d dn cases used; the conformance file changed shape?", used)
	}
}

// fileMapping mimics DnRoleMapper.parseFile on already-decoded YAML: each
// top-level key is a role, each list element (or comma-split scalar) a DN
// keyed by its normalized form.
func fileMapping(t *testing.T, doc string) (map[string]map[string]bool, []string) {
	t.Helper()
	var root map[string]any
	if err := yaml.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	mapping := map[string]map[string]bool{}
	var invalid []string
	for role, v := range root {
		var dns []string
		switch v := v.(type) {
		case string: // Settings.getAsList splits scalars on commas
			for _, part := range strings.Split(v, ",") {
				dns = append(dns, strings.TrimSpace(part))
			}
		case []any:
			for _, e := range v {
				s, _ := e.(string)
				dns = append(dns, s)
			}
		}
		for _, s := range dns {
			d, err := Parse(s)
			if err != nil {
				invalid = append(invalid, s)
				continue
			}
			if mapping[d.Normalized()] == nil {
				mapping[d.Normalized()] = map[string]bool{}
			}
			mapping[d.Normalized()][role] = true
		}
	}
	return mapping, invalid
}

func TestConformanceFileCases(t *testing.T) {
	used := 0
	for _, c := range conformance.Kind(loadESCases(t), "file") {
		if c.YAML == nil || strings.HasPrefix(*c.YAML, "<") {
			continue // absent or unreadable files are not DN questions
		}
		u, err := c.DecodeUser()
		if err != nil {
			t.Fatal(err)
		}
		userDN := ""
		if u == nil {
			u = &conformance.User{}
		} else if u.DN != nil {
			userDN = *u.DN
		}
		used++
		mapping, invalid := fileMapping(t, *c.YAML)
		if strings.Contains(c.ExpectStrictErrorContains, "invalid DN") && len(invalid) == 0 {
			t.Errorf("%s: expected an invalid DN in the file", c.ID)
		}
		if c.ExpectMappings != nil {
			got := map[string][]string{}
			for dn, roles := range mapping {
				got[dn] = sortedKeys(roles)
			}
			for dn, roles := range c.ExpectMappings {
				sort.Strings(roles)
				if strings.Join(got[dn], ",") != strings.Join(roles, ",") {
					t.Errorf("%s: mapping[%q] = %v, want %v", c.ID, dn, got[dn], roles)
				}
			}
			if len(got) != len(c.ExpectMappings) {
				t.Errorf("%s: %d mappings, want %d: %v", c.ID, len(got), len(c.ExpectMappings), got)
			}
		}

		// DnRoleMapper.resolveRoles (docs/semantics.md, "DN role mapping files").
		roles := map[string]bool{}
		var resolveErr string
		for _, g := range u.Groups {
			d, err := Parse(g)
			if err != nil {
				resolveErr = "invalid DN [" + g + "]"
				break
			}
			if rs, ok := mapping[d.Normalized()]; ok {
				for r := range rs {
					roles[r] = true
				}
			} else if c.Settings.UnmappedGroupsAsRoles {
				rel, err := RelativeName(d)
				if err != nil {
					resolveErr = err.Error()
					break
				}
				roles[rel] = true
			}
		}
		if resolveErr == "" {
			if d, err := Parse(userDN); err != nil {
				resolveErr = "invalid DN [" + userDN + "]"
			} else {
				for r := range mapping[d.Normalized()] {
					roles[r] = true
				}
			}
		}
		if c.ExpectErrorContains != "" {
			if !strings.Contains(resolveErr, c.ExpectErrorContains) {
				t.Errorf("%s: resolution error %q, want one containing %q", c.ID, resolveErr, c.ExpectErrorContains)
			}
			continue
		}
		if resolveErr != "" {
			t.Errorf("%s: unexpected resolution error %s", c.ID, resolveErr)
			continue
		}
		if c.ExpectRoles != nil {
			want := append([]string(nil), c.ExpectRoles...)
			sort.Strings(want)
			if got := sortedKeys(roles); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%s: roles %v, want %v", c.ID, got, want)
			}
		}
		for _, r := range c.ExpectRolesInclude {
			if !roles[r] {
				t.Errorf("%s: roles %v lack %q", c.ID, sortedKeys(roles), r)
			}
		}
	}
	if used < 10 {
		t.Errorf("only %d file cases used; the conformance file changed shape?", used)
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
