package loader

import (
	"fmt"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// checkEncoding inspects the start of the file for byte order marks and
// UTF-16/UTF-32 patterns and validates UTF-8. It returns the length of a
// UTF-8 byte order mark to skip, or a finding when the file is not UTF-8.
func checkEncoding(f *source.File) (bom int, d *diag.Diagnostic) {
	b := f.Content
	if name, n := wideEncoding(b); name != "" {
		finding := syntaxAt(f, 0, n, "file is %s; save it as UTF-8", name)
		return 0, &finding
	}
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		bom = 3
	}
	if utf8.Valid(b[bom:]) {
		return bom, nil
	}
	for i := bom; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			finding := syntaxAt(f, i, i+1, "invalid UTF-8 (byte %s); save the file as UTF-8", fmt.Sprintf("0x%02X", b[i]))
			return 0, &finding
		}
		i += size
	}
	return bom, nil
}

// wideEncoding recognizes UTF-16 and UTF-32 by their byte order mark or by
// the NUL bytes that ASCII text has in those encodings. It returns the
// encoding's name and how many leading bytes identify it.
func wideEncoding(b []byte) (string, int) {
	has := func(prefix ...byte) bool {
		if len(b) < len(prefix) {
			return false
		}
		for i, c := range prefix {
			if b[i] != c {
				return false
			}
		}
		return true
	}
	switch {
	case has(0x00, 0x00, 0xFE, 0xFF):
		return "UTF-32 (big-endian, with byte order mark)", 4
	case has(0xFF, 0xFE, 0x00, 0x00):
		return "UTF-32 (little-endian, with byte order mark)", 4
	case has(0xFE, 0xFF):
		return "UTF-16 (big-endian, with byte order mark)", 2
	case has(0xFF, 0xFE):
		return "UTF-16 (little-endian, with byte order mark)", 2
	}
	if len(b) >= 4 {
		switch {
		case b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0:
			return "UTF-32 (big-endian)", 4
		case b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0:
			return "UTF-32 (little-endian)", 4
		case b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
			return "UTF-16 (big-endian)", 4
		case b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
			return "UTF-16 (little-endian)", 4
		}
		return "", 0
	}
	if len(b) >= 2 {
		switch {
		case b[0] == 0 && b[1] != 0:
			return "UTF-16 (big-endian)", 2
		case b[0] != 0 && b[1] == 0:
			return "UTF-16 (little-endian)", 2
		}
	}
	return "", 0
}
