// Package source holds what every later stage shares about input files:
// the file contents with a line table, positions, and the position-carrying
// value tree that both the JSON and the YAML loaders produce.
package source

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// File is one input document's bytes plus a line table for turning byte
// offsets into 1-based line and column numbers.
type File struct {
	// Name is the path shown in reports (relative, with / separators).
	Name string
	// Content is the file's text exactly as read (after BOM removal the
	// offsets still refer to Content, which keeps the BOM).
	Content []byte
	lines   []int // byte offset of the start of each line
	// marks holds, for each line longer than markEvery bytes (by index
	// into lines), the rune counts at points along the line, so that a
	// column costs at most markEvery bytes of counting whatever the line's
	// length (a minified file is one line of megabytes).
	marks map[int][]mark
}

// mark is a point of a long line: its byte offset, at a rune boundary of
// the line decoded from its start, and the runes before it on the line.
type mark struct {
	off, runes int
}

// markEvery is the distance in bytes between the marks of a long line.
const markEvery = 4096

// NewFile builds a File and its line table.
func NewFile(name string, content []byte) *File {
	f := &File{Name: name, Content: content}
	f.lines = append(f.lines, 0)
	for i, b := range content {
		if b == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	for i, start := range f.lines {
		end := len(content)
		if i+1 < len(f.lines) {
			end = f.lines[i+1]
		}
		if end-start > markEvery {
			f.markLine(i, start, end)
		}
	}
	return f
}

// markLine records the marks of the line i, [start, end): its runes are
// decoded from the line's start (after a byte order mark on the first
// line), exactly as utf8.RuneCount decodes them.
func (f *File) markLine(i, start, end int) {
	if i == 0 && bytes.HasPrefix(f.Content, utf8BOM) {
		start = 3
	}
	if f.marks == nil {
		f.marks = map[int][]mark{}
	}
	var ms []mark
	runes, next := 0, start+markEvery
	for off := start; off < end; {
		if off >= next {
			ms = append(ms, mark{off: off, runes: runes})
			next = off + markEvery
		}
		_, size := utf8.DecodeRune(f.Content[off:end])
		off += size
		runes++
	}
	f.marks[i] = ms
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Pos is a 1-based line and column. Columns count Unicode code points
// (SARIF columnKind "unicodeCodePoints").
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// IsValid reports whether p names a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Position converts a byte offset into a line and column.
func (f *File) Position(offset int) Pos {
	if f == nil {
		return Pos{}
	}
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.Content) {
		offset = len(f.Content)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset }) - 1
	lineStart := f.lines[i]
	if i == 0 && offset >= 3 && bytes.HasPrefix(f.Content, utf8BOM) {
		lineStart = 3 // a byte order mark is not a column
	}
	runes := 0
	if ms := f.marks[i]; len(ms) > 0 && offset >= lineStart {
		// The last mark at or before offset: count only from there.
		k := sort.Search(len(ms), func(k int) bool { return ms[k].off > offset }) - 1
		if k >= 0 {
			runes, lineStart = ms[k].runes, ms[k].off
		}
	}
	col := runes + utf8.RuneCount(f.Content[lineStart:offset]) + 1
	return Pos{Line: i + 1, Col: col}
}

// Offset converts a 1-based line and column (in code points) back into a
// byte offset; out-of-range values are clamped.
func (f *File) Offset(p Pos) int {
	if f == nil || p.Line < 1 {
		return 0
	}
	if p.Line > len(f.lines) {
		return len(f.Content)
	}
	off := f.lines[p.Line-1]
	for c := 1; c < p.Col && off < len(f.Content) && f.Content[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(f.Content[off:])
		off += size
	}
	return off
}

// LineCount is the number of lines in the file.
func (f *File) LineCount() int { return len(f.lines) }

// Line returns the text of the 1-based line n without its line ending.
// It copies the line: callers that may meet a long one check LineLen first.
func (f *File) Line(n int) string {
	start, end := f.lineBounds(n)
	if start == end {
		return ""
	}
	return string(f.Content[start:end])
}

// LineLen returns the length in bytes of the 1-based line n without its
// line ending, without copying it.
func (f *File) LineLen(n int) int {
	start, end := f.lineBounds(n)
	return end - start
}

// lineBounds returns the byte range of the 1-based line n without its line
// ending (an empty range when there is no such line).
func (f *File) lineBounds(n int) (start, end int) {
	if f == nil || n < 1 || n > len(f.lines) {
		return 0, 0
	}
	start, end = f.lines[n-1], len(f.Content)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	if end > start && f.Content[end-1] == '\r' {
		end--
	}
	return start, end
}

// Span is a half-open byte range [Start, End) in a File.
type Span struct {
	File       *File
	Start, End int
}

// Range is a resolved Span: start and end positions (the end is exclusive).
type Range struct {
	Start, End Pos
}

// Range resolves the span into positions.
func (s Span) Range() Range {
	if s.File == nil {
		return Range{}
	}
	return Range{Start: s.File.Position(s.Start), End: s.File.Position(s.End)}
}

// IsValid reports whether the span belongs to a file.
func (s Span) IsValid() bool { return s.File != nil }
