package automaton

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/conformance"
)

// TestConformanceFieldPatterns runs the Elasticsearch match cases whose
// rule is a single field test on a generic (non-DN) field with string
// values against string user values: the part of role mapping decided by
// this package (pattern detection, wildcard and regex automata, exact
// literal comparison).
func TestConformanceFieldPatterns(t *testing.T) {
	path := conformance.Path(filepath.Join("..", "..", ".."))
	cases, err := conformance.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("conformance file not found at %s", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, c := range conformance.Kind(cases, "match") {
		var expect bool
		var ruleObj map[string]json.RawMessage
		var usr, model map[string]any
		if err := errors.Join(decodeRaw(c.Rule, &ruleObj), decodeRaw(c.User, &usr), decodeRaw(c.Model, &model)); err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		if json.Unmarshal(c.Expect, &expect) != nil || len(ruleObj) != 1 || ruleObj["field"] == nil {
			continue
		}
		var field map[string]any
		if json.Unmarshal(ruleObj["field"], &field) != nil || len(field) != 1 {
			continue
		}
		var name string
		var rule any
		for k, v := range field {
			name, rule = k, v
		}
		if name == "dn" || name == "groups" || name == "realm.name" {
			continue // DN-aware or realm predicates live elsewhere
		}
		ruleValues := stringList(rule)
		if ruleValues == nil {
			continue
		}
		var userValue any
		switch {
		case model != nil:
			userValue = model[name]
		case name == "username":
			userValue = usr["username"]
		case strings.HasPrefix(name, "metadata."):
			md, _ := usr["metadata"].(map[string]any)
			userValue = md[strings.TrimPrefix(name, "metadata.")]
		default:
			continue
		}
		userValues := stringList(userValue)
		if userValues == nil {
			continue
		}
		got := false
		for _, rv := range ruleValues {
			a, _, err := CompileValue(rv, Options{})
			if err != nil {
				t.Errorf("%s: %q: %v", c.ID, rv, err)
				continue
			}
			for _, uv := range userValues {
				got = got || a.Match(uv)
			}
		}
		if got != expect {
			t.Errorf("%s: field %s rule %q user %q: got %v, want %v", c.ID, name, ruleValues, userValues, got, expect)
		}
		ran++
	}
	if ran < 5 {
		t.Errorf("only %d conformance cases applied; the file format may have changed", ran)
	}
	t.Logf("%d conformance cases", ran)
}

// decodeRaw decodes a present raw JSON value into v; an absent one leaves
// v untouched.
func decodeRaw(raw json.RawMessage, v any) error {
	if raw == nil {
		return nil
	}
	return json.Unmarshal(raw, v)
}

// stringList returns v as a list of strings when it is a string or a
// non-empty array of strings, else nil.
func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	return nil
}

// Examples asserted by Elasticsearch's ExpressionModelPredicateTests and
// ExpressionParserTests (docs/semantics.md, "Typed comparison").
func TestElasticsearchPredicateExamples(t *testing.T) {
	tests := []struct {
		value   string
		yes, no []string
	}{
		{"abc*", []string{"abc", "abcXY"}, []string{"_abc", "a", ""}},
		{"/.*abcde.*/", []string{"abcde", "xyabcdezz"}, []string{"bc", ""}},
		{"", []string{""}, []string{"a"}},
		{"*@shield.gov", []string{"fury@shield.gov"}, []string{"america@avengers.net"}},
		{`/.*\@avengers\.(net|org)/`, []string{"america@avengers.net", "warmachine@avengers.net"}, []string{"fury@shield.gov"}},
	}
	for _, tc := range tests {
		a, _, err := CompileValue(tc.value, Options{})
		if err != nil {
			t.Fatalf("%q: %v", tc.value, err)
		}
		for _, s := range tc.yes {
			if !a.Match(s) {
				t.Errorf("%q should match %q", tc.value, s)
			}
		}
		for _, s := range tc.no {
			if a.Match(s) {
				t.Errorf("%q should not match %q", tc.value, s)
			}
		}
	}
}
