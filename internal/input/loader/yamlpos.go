package loader

import "unicode/utf8"

// yamlText maps yaml.v3's line/column marks to byte offsets and finds where
// nodes end. yaml.v3 counts lines the way libyaml does (CR, LF, CRLF, NEL,
// LS and PS all end a line) and columns in code points, and it does not
// count a leading byte order mark, so its own line table is needed.
type yamlText struct {
	src   []byte
	lines []int // byte offset where each yaml line starts
	ascii bool
	// cache of the last conversion, to keep long flow lines linear
	cLine, cCol, cOff int
}

// newYAMLText builds the line table; bom is the length of a leading byte
// order mark.
func newYAMLText(src []byte, bom int) *yamlText {
	t := &yamlText{src: src, lines: []int{bom}, ascii: true}
	for i := bom; i < len(src); {
		c := src[i]
		if c >= utf8.RuneSelf {
			t.ascii = false
		}
		if n := breakLen(src, i); n > 0 {
			i += n
			t.lines = append(t.lines, i)
			continue
		}
		i++
	}
	return t
}

// breakLen returns the byte length of the line break at i, or 0. CRLF
// counts as one break.
func breakLen(b []byte, i int) int {
	switch b[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(b) && b[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(b) && b[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// offset converts a yaml.v3 1-based line and column into a byte offset.
func (t *yamlText) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(t.lines) {
		return len(t.src)
	}
	if col < 1 {
		col = 1
	}
	base := t.lines[line-1]
	if t.ascii {
		return min(base+col-1, len(t.src))
	}
	off, c := base, 1
	if t.cLine == line && t.cCol <= col {
		off, c = t.cOff, t.cCol
	}
	for ; c < col && off < len(t.src); c++ {
		_, size := utf8.DecodeRune(t.src[off:])
		off += size
	}
	t.cLine, t.cCol, t.cOff = line, c, off
	return off
}

// lineSpan returns the byte range of a yaml line without its break.
func (t *yamlText) lineSpan(line int) (int, int) {
	if line < 1 {
		line = 1
	}
	if line > len(t.lines) {
		return len(t.src), len(t.src)
	}
	start := t.lines[line-1]
	end := start
	for end < len(t.src) && breakLen(t.src, end) == 0 {
		end++
	}
	return start, end
}

// column0 returns the 0-based code-point column of offset off.
func (t *yamlText) column0(off int) int {
	start := off
	for start > 0 {
		if t.src[start-1] == '\n' || t.src[start-1] == '\r' {
			break
		}
		if start >= 2 && t.src[start-2] == 0xC2 && t.src[start-1] == 0x85 {
			break
		}
		if start >= 3 && t.src[start-3] == 0xE2 && t.src[start-2] == 0x80 && (t.src[start-1] == 0xA8 || t.src[start-1] == 0xA9) {
			break
		}
		start--
	}
	if start < t.lines[0] {
		start = t.lines[0]
	}
	return utf8.RuneCount(t.src[start:off])
}

// isSpace reports a space or tab.
func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// isFlowIndicator reports the characters that end tokens inside flow
// collections.
func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// skipBlank skips spaces, tabs, line breaks and comments starting at i.
func (t *yamlText) skipBlank(i int) int {
	b := t.src
	for i < len(b) {
		switch {
		case isSpace(b[i]):
			i++
		case breakLen(b, i) > 0:
			i += breakLen(b, i)
		case b[i] == '#':
			for i < len(b) && breakLen(b, i) == 0 {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// skipProperties skips a node's anchor (&a) and tag (!t) properties at
// start. It returns where the node's content starts and where the last
// property ends (start itself when there are none).
func (t *yamlText) skipProperties(start int) (content, propsEnd int) {
	b := t.src
	content, propsEnd = start, start
	for content < len(b) && (b[content] == '&' || b[content] == '!') {
		i := content
		for i < len(b) && !isSpace(b[i]) && breakLen(b, i) == 0 && !isFlowIndicator(b[i]) {
			i++
		}
		propsEnd = i
		content = t.skipBlank(i)
	}
	if propsEnd == start {
		content = start
	}
	return content, propsEnd
}

// quotedEnd returns the offset after the closing quote of the quoted scalar
// starting at i (which holds the opening quote).
func (t *yamlText) quotedEnd(i int) int {
	b := t.src
	q := b[i]
	for j := i + 1; j < len(b); j++ {
		switch {
		case q == '"' && b[j] == '\\':
			j++
		case b[j] == q:
			if q == '\'' && j+1 < len(b) && b[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(b)
}

// plainEnd returns where the plain scalar whose text starts at i and whose
// value is value ends. It walks the source and the value together: inside
// a line the characters are equal; a line break with the surrounding
// whitespace folds into one space, or into n-1 newlines for n breaks.
func (t *yamlText) plainEnd(i int, value string) int {
	b := t.src
	j, k := i, 0
	for k < len(value) {
		if j >= len(b) {
			return len(b)
		}
		if b[j] == value[k] && !isSpace(b[j]) && breakLen(b, j) == 0 {
			j++
			k++
			continue
		}
		if !isSpace(b[j]) && breakLen(b, j) == 0 {
			return j // mismatch: stop at the last matched character
		}
		run := j
		for run < len(b) && isSpace(b[run]) {
			run++
		}
		if run < len(b) && breakLen(b, run) == 0 {
			// spaces inside a line are kept as they are
			n := run - j
			if k+n > len(value) || value[k:k+n] != string(b[j:run]) {
				return j
			}
			j, k = run, k+n
			continue
		}
		// a fold: trailing spaces, breaks, and the next line's indentation
		breaks := 0
		p := j
		for p < len(b) {
			if isSpace(b[p]) {
				p++
			} else if n := breakLen(b, p); n > 0 {
				breaks++
				p += n
			} else {
				break
			}
		}
		want := " "
		if breaks > 1 {
			want = ""
			for range breaks - 1 {
				want += "\n"
			}
		}
		if breaks == 0 || k+len(want) > len(value) || value[k:k+len(want)] != want {
			return j
		}
		j, k = p, k+len(want)
	}
	return j
}

// blockScalarEnd returns where the literal or folded block scalar whose
// indicator (| or >) is at i ends: the end of its last non-empty content
// line, or the end of its header when it has no content. parentIndent is
// the indentation of the enclosing block collection (-1 at the top level),
// which libyaml uses to fix the content indentation.
func (t *yamlText) blockScalarEnd(i, parentIndent int) int {
	b := t.src
	j := i + 1
	explicit := 0
	for j < len(b) && (b[j] == '+' || b[j] == '-' || (b[j] >= '1' && b[j] <= '9')) {
		if b[j] >= '1' && b[j] <= '9' {
			explicit = int(b[j] - '0')
		}
		j++
	}
	end := j
	// skip the rest of the header line (spaces and a comment)
	for j < len(b) && breakLen(b, j) == 0 {
		j++
	}
	if j >= len(b) {
		return end
	}
	j += breakLen(b, j)
	indent, leadingBlank := 0, 0
	if explicit > 0 {
		indent = max(parentIndent, 0) + explicit
	}
	for j < len(b) {
		spaces := 0
		p := j
		for p < len(b) && b[p] == ' ' && (indent == 0 || spaces < indent) {
			p++
			spaces++
		}
		if p >= len(b) {
			break
		}
		if n := breakLen(b, p); n > 0 {
			// an empty line: part of the scalar only if content follows
			leadingBlank = max(leadingBlank, spaces)
			j = p + n
			continue
		}
		if indent == 0 {
			indent = max(spaces, leadingBlank, parentIndent+1, 1)
		}
		if spaces < indent {
			break
		}
		lineEnd, text := p, false
		for lineEnd < len(b) && breakLen(b, lineEnd) == 0 {
			text = text || !isSpace(b[lineEnd])
			lineEnd++
		}
		if text {
			end = lineEnd
		}
		if lineEnd >= len(b) {
			break
		}
		j = lineEnd + breakLen(b, lineEnd)
	}
	return end
}

// flowEnd returns the offset after the bracket closing a flow collection,
// scanning from after its last entry; fallback is returned when the next
// significant character is not the closer.
func (t *yamlText) flowEnd(from int, closer byte, fallback int) int {
	b := t.src
	i := from
	for i < len(b) {
		i = t.skipBlank(i)
		if i >= len(b) {
			break
		}
		switch b[i] {
		case closer:
			return i + 1
		case ',', ':', '?':
			i++
		default:
			return fallback
		}
	}
	return fallback
}
