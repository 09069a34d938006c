package loader

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// billionLaughs builds the classic exponential alias document.
func billionLaughs(levels, width int) string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range width {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func TestHostileInputs(t *testing.T) {
	tests := []struct {
		name   string
		yaml   bool
		in     string
		values int    // documents (YAML) or 1 for a JSON root
		finds  string // substring that some syntax finding must contain ("" for none)
	}{
		{name: "billion laughs", yaml: true, in: billionLaughs(9, 9), values: 1, finds: "alias expansion exceeds 10300 nodes (billion-laughs protection)"},
		{name: "billion laughs, wide", yaml: true, in: billionLaughs(6, 40), values: 1, finds: "billion-laughs protection"},
		{name: "json 100k-deep arrays", in: strings.Repeat("[", 100_000), finds: "nesting depth exceeds 1000"},
		{name: "json 100k-deep objects", in: strings.Repeat(`{"a":`, 100_000), finds: "nesting depth exceeds 1000"},
		{name: "json 1000 deep is fine", in: strings.Repeat("[", 1000) + strings.Repeat("]", 1000), values: 1},
		{name: "json 1001 deep", in: strings.Repeat("[", 1001) + strings.Repeat("]", 1001), finds: "nesting depth exceeds 1000"},
		{name: "yaml 100k-deep flow", yaml: true, in: strings.Repeat("[", 100_000), finds: "exceeded max depth"},
		{name: "yaml 1001-deep flow", yaml: true, in: strings.Repeat("[", 1001) + strings.Repeat("]", 1001), finds: "nesting depth exceeds 1000"},
		{name: "yaml 1000-deep flow is fine", yaml: true, in: strings.Repeat("[", 1000) + strings.Repeat("]", 1000), values: 1},
		{name: "yaml 1001-deep block sequences", yaml: true, in: strings.Repeat("- ", 1001) + "x\n", finds: "nesting depth exceeds 1000"},
		{name: "yaml deep through aliases", yaml: true, in: "a: &a " + strings.Repeat("[", 600) + strings.Repeat("]", 600) + "\nb: " + strings.Repeat("[", 600) + "*a" + strings.Repeat("]", 600) + "\n", finds: "nesting depth exceeds 1000"},
		{name: "json huge string", in: `{"a": "` + strings.Repeat("x", 20<<20) + `"}`, values: 1},
		{name: "yaml huge plain scalar", yaml: true, in: "a: " + strings.Repeat("x", 20<<20) + "\n", values: 1},
		{name: "yaml long non-ASCII flow line", yaml: true, in: "[" + strings.Repeat("é, ", 200_000) + "x]", values: 1},
		{name: "json many duplicate keys", in: "{" + strings.Repeat(`"a": 1, `, 50_000) + `"a": 1}`, values: 1, finds: "Duplicate field"},
		{name: "yaml alias cycle through mapping", yaml: true, in: "&a {x: *a}\n", values: 1, finds: "recursive alias"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := source.NewFile("t", []byte(tt.in))
			start := time.Now()
			var values int
			var msgs []string
			if tt.yaml {
				docs, diags := ParseYAML(f)
				values = len(docs)
				for _, d := range diags {
					msgs = append(msgs, d.Message)
				}
				checkSpans(t, f, docs, diags)
			} else {
				v, diags := ParseJSON(f)
				if v != nil {
					values = 1
					checkSpans(t, f, []*source.Value{v}, diags)
				}
				for _, d := range diags {
					msgs = append(msgs, d.Message)
				}
			}
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("took %v", el)
			}
			if values != tt.values {
				t.Errorf("got %d values, want %d (findings %.300q)", values, tt.values, msgs)
			}
			found := tt.finds == ""
			for _, m := range msgs {
				if tt.finds != "" && strings.Contains(m, tt.finds) {
					found = true
				}
			}
			if !found {
				t.Errorf("no finding containing %q in %.500q", tt.finds, msgs)
			}
		})
	}
}

func TestAliasBudget(t *testing.T) {
	// an anchored list of 1000 items aliased 200 times: 200,000 values
	// from a document of 1,205 nodes (budget 120,500)
	var b strings.Builder
	b.WriteString("base: &b [")
	for i := range 1000 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "v%d", i)
	}
	b.WriteString("]\ncopies:\n")
	for range 200 {
		b.WriteString("  - *b\n")
	}
	f := source.NewFile("t.yaml", []byte(b.String()))
	docs, diags := ParseYAML(f)
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	var syntax []string
	for _, d := range diags {
		if d.Check == CheckSyntax {
			syntax = append(syntax, rng(d.Span)+" "+d.Message)
		}
	}
	if len(syntax) != 1 || !strings.Contains(syntax[0], "alias expansion exceeds 120500 nodes") {
		t.Fatalf("syntax findings %q", syntax)
	}
	copies := docs[0].Get("copies").Items
	expanded := 0
	for _, c := range copies {
		if c.Kind == source.Array {
			expanded++
		}
	}
	// 1003 values from the document itself, then 1001 per copy
	if expanded != 119 || copies[119].Kind != source.Null {
		t.Errorf("expanded %d copies, want 119 then nulls", expanded)
	}
	if !strings.HasPrefix(syntax[0], "122:5-122:7 ") {
		t.Errorf("finding at %s, want the 120th alias (122:5)", syntax[0])
	}
}
