package catalog

import (
	"sort"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// line is one line of a file: [start, end) without its terminator.
type line struct{ start, end int }

// splitLines cuts content into lines the way Java's BufferedReader.readLine
// (Files.readAllLines) does: "\n", "\r" and "\r\n" end a line; a final
// terminator does not start an empty line.
func splitLines(b []byte) []line {
	var out []line
	start := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			out = append(out, line{start, i})
			start = i + 1
		case '\r':
			out = append(out, line{start, i})
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(b) {
		out = append(out, line{start, len(b)})
	}
	return out
}

// isJavaSpace is java.util.regex's \s: [ \t\n\x0B\f\r].
func isJavaSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\x0B' || r == '\f' || r == '\r'
}

// isJavaDot is '.' without DOTALL: anything but a line terminator.
func isJavaDot(r rune) bool {
	return r != '\n' && r != '\r' && r != '\u0085' && r != '\u2028' && r != '\u2029'
}

// skipLine is FileRolesStore.SKIP_LINE, (^#.*|^\s*), matched against the
// whole line: a comment starting in the first column, or a blank line.
func skipLine(s string) bool {
	if len(s) > 0 && s[0] == '#' {
		allDot := true
		for _, r := range s[1:] {
			if !isJavaDot(r) {
				allDot = false
				break
			}
		}
		if allDot {
			return true
		}
	}
	for _, r := range s {
		if !isJavaSpace(r) {
			return false
		}
	}
	return true
}

// inSegmentLine is FileRolesStore.IN_SEGMENT_LINE, ^\s+.+, matched against
// the whole line: indented content continuing the current role.
func inSegmentLine(s string) bool {
	r0, n := utf8.DecodeRuneInString(s)
	if n == 0 || !isJavaSpace(r0) || len(s) == n {
		return false
	}
	for _, r := range s[n:] {
		if !isJavaDot(r) {
			return false
		}
	}
	return true
}

// segment is one role's lines, as FileRolesStore.roleSegments groups them.
type segment []line

// roleSegments reproduces FileRolesStore.roleSegments: skipped lines are
// dropped, an indented line continues the current segment (and is dropped
// before the first one), any other line starts a new segment.
func roleSegments(content []byte) []segment {
	var out []segment
	var cur segment
	for _, l := range splitLines(content) {
		s := string(content[l.start:l.end])
		switch {
		case skipLine(s):
		case inSegmentLine(s):
			if cur != nil {
				cur = append(cur, l)
			}
		default:
			if cur != nil {
				out = append(out, cur)
			}
			cur = segment{l}
		}
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// text is the segment as FileRolesStore hands it to the YAML parser: its
// lines, each followed by "\n".
func (s segment) text(content []byte) (text []byte, local []int) {
	local = make([]int, len(s))
	for i, l := range s {
		local[i] = len(text)
		text = append(text, content[l.start:l.end]...)
		text = append(text, '\n')
	}
	return text, local
}

// offsetMap maps offsets in a segment's text back to the file.
type offsetMap struct {
	seg   segment
	local []int
}

// mapOffset converts a segment offset into a file offset.
func (m offsetMap) mapOffset(off int) int {
	k := sort.Search(len(m.local), func(i int) bool { return m.local[i] > off }) - 1
	if k < 0 {
		k = 0
	}
	l := m.seg[k]
	return min(l.start+max(off-m.local[k], 0), l.end)
}

// span maps a segment span onto the file.
func (m offsetMap) span(f *source.File, sp source.Span) source.Span {
	if sp.File == nil {
		return sp
	}
	return source.Span{File: f, Start: m.mapOffset(sp.Start), End: m.mapOffset(sp.End)}
}

// remapValue rewrites every span of a value tree onto the file.
func (m offsetMap) remapValue(f *source.File, v *source.Value) {
	if v == nil {
		return
	}
	v.Span = m.span(f, v.Span)
	for _, it := range v.Items {
		m.remapValue(f, it)
	}
	for _, mem := range v.Members {
		mem.KeySpan = m.span(f, mem.KeySpan)
		m.remapValue(f, mem.Value)
	}
}

// remapDiags rewrites the spans of findings onto the file.
func (m offsetMap) remapDiags(f *source.File, ds []diag.Diagnostic) {
	for i := range ds {
		ds[i].Span = m.span(f, ds[i].Span)
		for j := range ds[i].Related {
			ds[i].Related[j].Span = m.span(f, ds[i].Related[j].Span)
		}
	}
}

// readRolesYML reads a roles.yml file segment by segment, as
// FileRolesStore.parseFile does.
func readRolesYML(f *source.File, segs []segment) (*RolesFile, []diag.Diagnostic) {
	rf := &RolesFile{File: f, FileStore: true}
	b := builder{rf: rf}
	for _, seg := range segs {
		text, local := seg.text(f.Content)
		m := offsetMap{seg: seg, local: local}
		sub := source.NewFile(f.Name, text)
		docs, ds := loader.ParseYAML(sub)
		m.remapDiags(f, ds)
		first := source.Span{File: f, Start: seg[0].start, End: seg[0].end}
		if hasError(relabel(ds, "")) {
			b.diags = append(b.diags, relabel(ds, "invalid role definition, "+
				"Elasticsearch skips the role: ")...)
			rf.Shape = ShapeRoles
			continue
		}
		b.diags = append(b.diags, ds...)
		if len(docs) == 0 {
			b.diags = append(b.diags, infoAt(first, "no role here: Elasticsearch reads roles.yml one top-level "+
				"entry at a time and logs \"invalid role definition [null] ... skipping role...\" for this line"))
			continue
		}
		doc := docs[0]
		m.remapValue(f, doc)
		rf.Shape = ShapeRoles
		b.segmentDoc(doc, first)
	}
	b.finish()
	return rf, b.diags
}

// segmentLooksLikeBody reports whether the first segment of a YAML file is
// the start of a single role body ("cluster: [...]") rather than a role
// entry; only then is the whole file parsed to tell the two apart.
func segmentLooksLikeBody(f *source.File, seg segment) bool {
	text, _ := seg.text(f.Content)
	docs, _ := loader.ParseYAML(source.NewFile(f.Name, text))
	return len(docs) == 1 && looksLikeBody(docs[0])
}

// segmentDoc loads the role of one roles.yml segment: the first member of
// a top-level object (FileRolesStore.parseRoleDescriptor reads only that).
func (b *builder) segmentDoc(doc *source.Value, first source.Span) {
	if doc.Kind != source.Object {
		b.diags = append(b.diags, errorAt(doc.Span, nil, "invalid role definition: a roles.yml entry is "+
			"`role_name: {cluster: [...], indices: [...]}`, found %s; %s", doc.Kind, fromRolesYML.effect()))
		return
	}
	if len(doc.Members) == 0 {
		b.diags = append(b.diags, infoAt(first, "no role here: Elasticsearch logs \"invalid role definition "+
			"[null] ... skipping role...\" for an empty top-level entry"))
		return
	}
	m := doc.Members[0]
	b.entry(fromRolesYML, m.Key, m.KeySpan, m.Value, source.Pointer{m.Key})
	for _, extra := range doc.Members[1:] {
		b.diags = append(b.diags, warningAt(extra.KeySpan, source.Pointer{extra.Key},
			"role [%s] is ignored: Elasticsearch reads only the first role of a top-level roles.yml entry; "+
				"start each role on its own line", short(extra.Key)))
	}
}

// infoAt builds a roles-file info finding.
func infoAt(sp source.Span, msg string) diag.Diagnostic {
	return diag.Diagnostic{Check: CheckRolesFile, Level: diag.Info, Span: sp, Message: msg}
}

// encodingProblem reports a roles file that is not UTF-8: Elasticsearch
// reads roles.yml with Files.readAllLines(UTF_8), which fails, and then
// skips every role in the file.
func encodingProblem(f *source.File) *diag.Diagnostic {
	b := f.Content
	bom := 0
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		bom = 3
	}
	if utf8.Valid(b[bom:]) {
		return nil
	}
	i := bom
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	d := errorAt(source.Span{File: f, Start: i, End: min(i+1, len(b))}, nil,
		"roles file is not valid UTF-8 (byte 0x%02X): Elasticsearch fails to read it and skips all its roles "+
			"(\"failed to read roles file ... skipping all roles...\"); save it as UTF-8", b[i])
	return &d
}
