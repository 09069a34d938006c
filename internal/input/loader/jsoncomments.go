package loader

import (
	"bytes"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// blankComments returns the bytes the JSON tokenizer reads: the file with a
// UTF-8 byte order mark and every // line comment and /* */ block comment
// (outside strings) replaced by spaces. Line breaks and byte offsets are
// kept, so offsets into the result are offsets into the file. The content
// is copied only when something must be blanked. An unterminated block
// comment is reported.
func blankComments(f *source.File, bom int) ([]byte, *diag.Diagnostic) {
	src := f.Content
	if bom == 0 && bytes.IndexByte(src, '/') < 0 {
		return src, nil
	}
	b := make([]byte, len(src))
	copy(b, src)
	for i := range bom {
		b[i] = ' '
	}
	for i := bom; i < len(b); {
		switch c := b[i]; {
		case c == '"':
			i = skipJSONString(b, i)
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				b[i] = ' '
				i++
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				d := syntaxAt(f, i, i+2, "unterminated /* comment: no closing */ before the end of the file")
				return nil, &d
			}
			end += i + 4
			for ; i < end; i++ {
				if b[i] != '\n' && b[i] != '\r' {
					b[i] = ' '
				}
			}
		default:
			i++
		}
	}
	return b, nil
}

// skipJSONString returns the offset just after the string starting at the
// quote at i. A string that runs into a line break or the end of the input
// stops there; the tokenizer reports it.
func skipJSONString(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(b)
}
