package loader

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// span builds a span in f, clamped to the file and ordered.
func span(f *source.File, start, end int) source.Span {
	n := len(f.Content)
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	return source.Span{File: f, Start: start, End: end}
}

// syntaxAt builds a syntax finding over [start, end).
func syntaxAt(f *source.File, start, end int, format string, args ...any) diag.Diagnostic {
	return diag.Diagnostic{
		Check:   CheckSyntax,
		Span:    span(f, start, end),
		Message: fmt.Sprintf(format, args...),
	}
}

// ambiguousAt builds an ambiguous-yaml warning over sp.
func ambiguousAt(sp source.Span, format string, args ...any) diag.Diagnostic {
	return diag.Diagnostic{
		Check:   CheckAmbiguousYAML,
		Level:   diag.Warning,
		Span:    sp,
		Message: fmt.Sprintf(format, args...),
	}
}

// duplicateKey builds the finding for a key seen twice in one object.
func duplicateKey(first, second *source.Member, pointer string) diag.Diagnostic {
	line := first.KeySpan.Range().Start.Line
	return diag.Diagnostic{
		Check: CheckSyntax,
		Span:  second.KeySpan,
		// Jackson's STRICT_DUPLICATE_DETECTION, wrapped by
		// ExpressionRoleMapping.parse in a ParsingException.
		Message: fmt.Sprintf("Duplicate field '%s' (first at line %d): Elasticsearch rejects the whole document with this error; keep one of the two",
			second.Key, line),
		Pointer: pointer,
		Related: []diag.Related{{Span: first.KeySpan, Message: fmt.Sprintf("first %q here", first.Key)}},
	}
}

// dupIndex finds earlier members with the same key. Small objects are
// scanned linearly; larger ones get a map.
type dupIndex struct {
	byKey map[string]*source.Member
	// found counts the duplicates found so far in the object.
	found int
}

// maxDupFindings is how many duplicate keys of one object get a finding
// each; Elasticsearch stops at the first, and a generated object with
// 100,000 of them would otherwise print 100,000 findings.
const maxDupFindings = 100

// report returns the findings for second, a duplicate of first: its own
// while the object has had at most maxDupFindings, then one saying that
// the rest are not listed, then none.
func (d *dupIndex) report(first, second *source.Member, pointer string) []diag.Diagnostic {
	d.found++
	switch {
	case d.found <= maxDupFindings:
		return []diag.Diagnostic{duplicateKey(first, second, pointer)}
	case d.found == maxDupFindings+1:
		return []diag.Diagnostic{{
			Check:   CheckSyntax,
			Span:    second.KeySpan,
			Message: fmt.Sprintf("more duplicate keys in this object from here on: only the first %d are listed; Elasticsearch rejects the document at the first", maxDupFindings),
			Pointer: pointer,
		}}
	}
	return nil
}

// linearLimit is the member count up to which a linear scan is used.
const linearLimit = 16

// check looks for an earlier member named like the last element of members
// and returns it, or nil. It must be called once after each append.
func (d *dupIndex) check(members []*source.Member) *source.Member {
	n := len(members)
	if n == 0 {
		return nil
	}
	last := members[n-1]
	if d.byKey == nil {
		if n <= linearLimit {
			for _, m := range members[:n-1] {
				if m.Key == last.Key {
					return m
				}
			}
			return nil
		}
		d.byKey = make(map[string]*source.Member, 2*n)
		for _, m := range members[:n-1] {
			if _, ok := d.byKey[m.Key]; !ok {
				d.byKey[m.Key] = m
			}
		}
	}
	if first, ok := d.byKey[last.Key]; ok {
		return first
	}
	d.byKey[last.Key] = last
	return nil
}

// relatedAt points at the character at off as a related location.
func relatedAt(f *source.File, off int, msg string) diag.Related {
	return diag.Related{Span: span(f, off, off+runeLen(f.Content, off)), Message: msg}
}
