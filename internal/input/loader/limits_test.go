package loader

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// TestLimits checks that a file passing one of Limits gives no value and
// one info finding naming the setting, in JSON and YAML alike, and that a
// file at the limit is read.
func TestLimits(t *testing.T) {
	tests := []struct {
		name    string
		lim     Limits
		json    string
		yaml    string
		setting string // "" when the file is read
	}{
		{"array at the limit", Limits{ArrayItems: 3}, `{"a":[1,2,3]}`, "a: [1, 2, 3]\n", ""},
		{"array over", Limits{ArrayItems: 3}, `{"a":[1,2,3,4]}`, "a: [1, 2, 3, 4]\n", "limits.array_items"},
		{"object at the limit", Limits{ObjectKeys: 2}, `{"a":1,"b":2}`, "a: 1\nb: 2\n", ""},
		{"object over", Limits{ObjectKeys: 2}, `{"a":1,"b":2,"c":3}`, "a: 1\nb: 2\nc: 3\n", "limits.object_keys"},
		{"duplicates count", Limits{ObjectKeys: 2}, `{"a":1,"a":2,"a":3}`, "a: 1\na: 2\na: 3\n", "limits.object_keys"},
		{"string at the limit", Limits{StringLength: 3}, `{"a":"xyz"}`, "a: xyz\n", ""},
		{"escapes decoded first", Limits{StringLength: 3}, `{"a":"\u0078yz"}`, "a: \"\\x78yz\"\n", ""},
		{"string over", Limits{StringLength: 3}, `{"a":"wxyz"}`, "a: wxyz\n", "limits.string_length"},
		{"key over", Limits{StringLength: 3}, `{"abcd":1}`, "abcd: 1\n", "limits.string_length"},
		{"no limits", Limits{}, `{"a":[1,2,3,4]}`, "a: [1, 2, 3, 4]\n", ""},
	}
	for _, tt := range tests {
		for _, yaml := range []bool{false, true} {
			var root *source.Value
			var n int
			var msgs []string
			if yaml {
				docs, diags := ParseYAMLWith(source.NewFile("m.yaml", []byte(tt.yaml)), YAMLOptions{Limits: tt.lim})
				n = len(docs)
				if n > 0 {
					root = docs[0]
				}
				for _, d := range diags {
					msgs = append(msgs, d.Check+": "+d.Message)
				}
			} else {
				r, ds := ParseJSONWith(source.NewFile("m.json", []byte(tt.json)), tt.lim)
				root = r
				if r != nil {
					n = 1
				}
				for _, d := range ds {
					msgs = append(msgs, d.Check+": "+d.Message)
				}
			}
			if tt.setting == "" {
				if root == nil || len(msgs) > 0 {
					t.Errorf("%s (yaml %v): not read: %v", tt.name, yaml, msgs)
				}
				continue
			}
			var budgets []string
			for _, m := range msgs {
				if strings.HasPrefix(m, "budget: ") {
					budgets = append(budgets, m)
				}
			}
			if root != nil || len(budgets) != 1 || !strings.Contains(budgets[0], "not checked") ||
				!strings.Contains(budgets[0], "raise "+tt.setting+" ") {
				t.Errorf("%s (yaml %v): read %d values, findings %v", tt.name, yaml, n, msgs)
			}
		}
	}
}
