package rules

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func parseText(t testing.TB, text string) (*Expr, []string, []source.Range) {
	t.Helper()
	f := source.NewFile("rules.json", []byte(text))
	v, diags := loader.ParseJSON(f)
	if v == nil {
		t.Fatalf("loader: %v", diags)
	}
	e, ds := Parse(v, "m1", nil, Options{})
	var msgs []string
	var ranges []source.Range
	for _, d := range ds {
		msgs = append(msgs, d.Check+": "+d.Message)
		ranges = append(ranges, d.Span.Range())
	}
	return e, msgs, ranges
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, rules string
		want        []string // substrings, one per expected problem, in order
		line, col   int      // position of the first problem
	}{
		{"not object in any", `{"any": ["x"]}`, []string{"expected [any] to be an object but found [VALUE_STRING] instead"}, 1, 10},
		{"empty object", `{}`, []string{"object [m1] does not contain any fields"}, 1, 1},
		{"two keys", `{"field": {"username": "a"}, "any": []}`, []string{"object [m1] contains multiple fields"}, 1, 30},
		{"unknown key", `{"none": []}`, []string{"field [none] is not recognised in object [m1]"}, 1, 2},
		{"except top", `{"except": {"field": {"username": "x"}}}`, []string{"field [except] is not allowed within [m1]"}, 1, 2},
		{"except in any", `{"any": [{"except": {"field": {"username": "x"}}}]}`, []string{"field [except] is not allowed within [any]"}, 1, 11},
		{"except in except", `{"all": [{"except": {"except": {"field": {"username": "x"}}}}]}`, []string{"field [except] is not allowed within [except]"}, 1, 22},
		{"any not array", `{"any": {"field": {"username": "x"}}}`, []string{"field [any] requires an array"}, 1, 9},
		{"field not object", `{"field": "username"}`, []string{"expected an object but found [VALUE_STRING] instead"}, 1, 11},
		{"except not object", `{"all": [{"except": "x"}]}`, []string{"expected an object but found [VALUE_STRING] instead"}, 1, 21},
		{"field empty", `{"field": {}}`, []string{"object [field] does not contain any fields"}, 1, 11},
		{"field two keys", `{"field": {"username": "x", "groups": "y"}}`, []string{"object [field] contains multiple fields"}, 1, 29},
		{"value object", `{"field": {"username": {"a": 1}}}`, []string{"expected a field value but found [START_OBJECT] instead"}, 1, 24},
		{"nested array", `{"field": {"groups": [["a"]]}}`, []string{"expected a field value but found [START_ARRAY] instead"}, 1, 23},
		{"empty values", `{"field": {"groups": []}}`, []string{"null or empty values ([])"}, 1, 22},
		{"empty field name", `{"field": {"": "x"}}`, []string{"null or empty field name ()"}, 1, 12},
		{"long out of range", `{"field": {"metadata.n": 9223372036854775808}}`, []string{"out of range of long"}, 1, 26},
		{"slash star", `{"field": {"username": "/foo*"}}`, []string{"invalid-pattern: invalid pattern [/foo*]"}, 1, 24},
		{"several problems", `{"all": [{"none": 1}, {"field": {"dn": []}}]}`,
			[]string{"field [none] is not recognised in object [all]", "null or empty values ([])"}, 1, 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, msgs, ranges := parseText(t, tt.rules)
			if e != nil {
				t.Errorf("got a tree despite errors")
			}
			if len(msgs) != len(tt.want) {
				t.Fatalf("got %d problems %q, want %d", len(msgs), msgs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(msgs[i], w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, msgs[i], w)
				}
			}
			if got := ranges[0].Start; got.Line != tt.line || got.Col != tt.col {
				t.Errorf("first problem at %d:%d, want %d:%d", got.Line, got.Col, tt.line, tt.col)
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	e, msgs, _ := parseText(t, `{"all": [
		{"field": {"username": ["a?c", "ab*", "/a+/", "/", "//", "/foo"]}},
		{"field": {"metadata.n": [1, 1.9, -2, true, null]}},
		{"any": []},
		{"except": {"field": {"groups": "g"}}}
	]}`)
	if len(msgs) > 0 {
		t.Fatalf("unexpected problems: %q", msgs)
	}
	if e.Op != All || len(e.Children) != 4 {
		t.Fatalf("bad tree: %+v", e)
	}
	wantPatterns := []PatternKind{Literal, Wildcard, Regex, Literal, Regex, Literal}
	for i, v := range e.Children[0].Values {
		if v.Pattern != wantPatterns[i] {
			t.Errorf("value %q: pattern %v, want %v", v.Str, v.Pattern, wantPatterns[i])
		}
		if (v.Automaton != nil) != (v.Pattern != Literal) {
			t.Errorf("value %q: automaton presence wrong", v.Str)
		}
	}
	nums := e.Children[1].Values
	if nums[0].Long != 1 || nums[1].Long != 1 || nums[2].Long != -2 {
		t.Errorf("numbers: got %d %d %d, want 1 1 -2 (fractions truncate like Java's longValue)", nums[0].Long, nums[1].Long, nums[2].Long)
	}
	if nums[3].Kind != BoolValue || nums[4].Kind != NullValue {
		t.Errorf("bool/null kinds wrong")
	}
	if e.Children[3].Op != Except || e.Children[3].Children[0].Field != "groups" {
		t.Errorf("except tree wrong")
	}
	if !RealmScoped(e) {
		t.Errorf("RealmScoped: Elasticsearch counts the child any: [] as scoped (allMatch of nothing), so the all is too")
	}
}

func TestRealmScoped(t *testing.T) {
	tests := []struct {
		rules string
		want  bool
	}{
		{`{"field": {"realm.name": "ldap1"}}`, true},
		{`{"field": {"realm.name": ["ldap1", "saml1"]}}`, true},
		{`{"field": {"realm.name": "ldap*"}}`, false},
		{`{"field": {"realm.name": "/ldap.*/"}}`, false},
		{`{"all": [{"field": {"username": "*"}}, {"field": {"realm.name": "a"}}]}`, true},
		{`{"any": [{"field": {"realm.name": "a"}}, {"field": {"username": "b"}}]}`, false},
		{`{"any": []}`, true},
		{`{"all": []}`, false},
		{`{"all": [{"except": {"field": {"realm.name": "a"}}}]}`, false},
	}
	for _, tt := range tests {
		e, msgs, _ := parseText(t, tt.rules)
		if len(msgs) > 0 {
			t.Fatalf("%s: %q", tt.rules, msgs)
		}
		if got := RealmScoped(e); got != tt.want {
			t.Errorf("RealmScoped(%s) = %v, want %v", tt.rules, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"any": [{"field": {"username": "/a.*/"}}]}`, `{"all": [{"except": {"field": {"groups": ["x", 1, null]}}}]}`,
		`{"field": {"dn": "*,ou=x"}}`, `{"field": {"username": "/(/"}}`, `{}`, `[]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		file := source.NewFile("f.json", []byte(text))
		v, _ := loader.ParseJSON(file)
		if v == nil {
			return
		}
		e, diags := Parse(v, "m", nil, Options{})
		if e != nil && len(diags) > 0 {
			t.Fatalf("tree and problems at once")
		}
		for _, d := range diags {
			if d.Span.File != file || d.Span.Start > d.Span.End || d.Span.End > len(text) {
				t.Fatalf("bad span %+v", d.Span)
			}
		}
	})
}
