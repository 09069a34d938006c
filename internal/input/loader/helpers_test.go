package loader

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// rng renders a span as startLine:startCol-endLine:endCol.
func rng(sp source.Span) string {
	r := sp.Range()
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Col, r.End.Line, r.End.Col)
}

// dump renders a value tree with the range of every node and key.
func dump(v *source.Value) string {
	var b strings.Builder
	dumpTo(&b, v)
	return b.String()
}

func dumpTo(b *strings.Builder, v *source.Value) {
	if v == nil {
		b.WriteString("<nil>")
		return
	}
	switch v.Kind {
	case source.Null:
		b.WriteString("null")
	case source.Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case source.Number:
		b.WriteString(v.Str)
	case source.String:
		b.WriteString(strconv.Quote(v.Str))
	case source.Array:
		b.WriteString("[")
		for i, it := range v.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			dumpTo(b, it)
		}
		b.WriteString("]")
	case source.Object:
		b.WriteString("{")
		for i, m := range v.Members {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%q@%s: ", m.Key, rng(m.KeySpan))
			dumpTo(b, m.Value)
		}
		b.WriteString("}")
	}
	b.WriteString("@" + rng(v.Span))
}

// diagString renders a finding for comparison.
func diagString(d diag.Diagnostic) string {
	return fmt.Sprintf("%s %s %s", d.Check, rng(d.Span), d.Message)
}

// wantDiags checks that the findings match want one by one: each want is
// "check range message-substring".
func wantDiags(t *testing.T, got []diag.Diagnostic, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d findings, want %d:", len(got), len(want))
		for _, d := range got {
			t.Errorf("  got  %s", diagString(d))
		}
		for _, w := range want {
			t.Errorf("  want %s", w)
		}
		return
	}
	for i, w := range want {
		check, rest, _ := strings.Cut(w, " ")
		r, msg, _ := strings.Cut(rest, " ")
		d := got[i]
		if d.Check != check || rng(d.Span) != r || !strings.Contains(d.Message, msg) {
			t.Errorf("finding %d:\n got  %s\n want %s", i, diagString(d), w)
		}
	}
}

// checkSpans asserts that every span in the tree and the findings lies in
// the file and is ordered.
func checkSpans(t testing.TB, f *source.File, vals []*source.Value, diags []diag.Diagnostic) {
	t.Helper()
	ok := func(sp source.Span, what string) {
		if sp.File != f || sp.Start < 0 || sp.Start > sp.End || sp.End > len(f.Content) {
			t.Fatalf("%s: bad span [%d,%d) in file of %d bytes", what, sp.Start, sp.End, len(f.Content))
		}
	}
	for _, d := range diags {
		ok(d.Span, "finding "+d.Message)
		for _, r := range d.Related {
			ok(r.Span, "related "+r.Message)
		}
	}
	var stack []*source.Value
	for _, v := range vals {
		if v == nil {
			t.Fatalf("nil value in result")
		}
		stack = append(stack, v)
	}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		ok(v.Span, "value")
		stack = append(stack, v.Items...)
		for _, m := range v.Members {
			ok(m.KeySpan, "key "+m.Key)
			if m.Value == nil {
				t.Fatalf("member %q without value", m.Key)
			}
			stack = append(stack, m.Value)
		}
	}
}
