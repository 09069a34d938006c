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
}

// NewFile builds a File and its line table.
func NewFile(name string, content []byte) *File {
	f := &File{Name: name, Content: content}
	f.lines = append(f.lines, 0)
	for i, b := range content {
		if b == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
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
	col := utf8.RuneCount(f.Content[lineStart:offset]) + 1
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
func (f *File) Line(n int) string {
	if f == nil || n < 1 || n > len(f.lines) {
		return ""
	}
	start := f.lines[n-1]
	end := len(f.Content)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	if end > start && f.Content[end-1] == '\r' {
		end--
	}
	return string(f.Content[start:end])
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
