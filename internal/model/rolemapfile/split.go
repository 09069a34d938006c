package rolemapfile

import "github.com/rolemap-lint/rolemap-lint/internal/input/source"

// part is one element of a comma-split string: the trimmed text and its
// byte range in the string.
type part struct {
	text       string
	start, end int
}

// splitCommaList splits a scalar setting like Settings.getAsList: Java's
// String.split(",") (an empty string has no parts, trailing empty parts are
// dropped) and then String.trim() of each part (characters <= ' ').
func splitCommaList(v string) []part {
	if v == "" {
		return nil
	}
	var parts []part
	start := 0
	for i := 0; i <= len(v); i++ {
		if i == len(v) || v[i] == ',' {
			parts = append(parts, part{start: start, end: i})
			start = i + 1
		}
	}
	for len(parts) > 0 && parts[len(parts)-1].start == parts[len(parts)-1].end {
		parts = parts[:len(parts)-1]
	}
	for i := range parts {
		p := &parts[i]
		for p.start < p.end && v[p.start] <= ' ' {
			p.start++
		}
		for p.end > p.start && v[p.end-1] <= ' ' {
			p.end--
		}
		p.text = v[p.start:p.end]
	}
	return parts
}

// partSpans returns where each part of a split scalar is written. When the
// scalar's source text (inside its quotes) is exactly its value, each part
// gets its own span; otherwise (escapes, folded lines) every part gets the
// whole scalar's span.
func partSpans(f *source.File, whole source.Span, value string, parts []part) []source.Span {
	out := make([]source.Span, len(parts))
	for i := range out {
		out[i] = whole
	}
	if f == nil || whole.File != f || whole.Start < 0 || whole.End > len(f.Content) || whole.Start > whole.End {
		return out
	}
	raw, base := f.Content[whole.Start:whole.End], whole.Start
	if n := len(raw); n >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[n-1] == raw[0] {
		raw, base = raw[1:n-1], base+1
	}
	if string(raw) != value {
		return out
	}
	for i, p := range parts {
		out[i] = source.Span{File: f, Start: base + p.start, End: base + p.end}
	}
	return out
}
