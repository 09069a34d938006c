package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// ParseYAML parses every document of a YAML stream; empty documents are
// skipped. A parse error anywhere makes the stream unusable and no
// documents are returned. See the package documentation for how scalars
// are resolved.
func ParseYAML(f *source.File) (docs []*source.Value, diags []diag.Diagnostic) {
	return ParseYAMLWith(f, YAMLOptions{})
}

// ParseYAMLWith is ParseYAML within the budgets of opt: once the file's
// values (after alias expansion) would pass them, the rest of the file's
// documents are dropped with an info finding of check CheckBudget.
func ParseYAMLWith(f *source.File, opt YAMLOptions) (docs []*source.Value, diags []diag.Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			docs = nil
			diags = append(diags, syntaxAt(f, 0, 0, "internal error while reading YAML: %v", r))
		}
	}()
	bom, d := checkEncoding(f)
	if d != nil {
		return nil, []diag.Diagnostic{*d}
	}
	t := newYAMLText(f.Content, bom)
	dec := yaml.NewDecoder(bytes.NewReader(f.Content))
	var fileNodes int64
	for {
		var doc yaml.Node
		err := decodeSafely(dec, &doc)
		if errors.Is(err, io.EOF) {
			return docs, diags
		}
		if err != nil {
			return nil, append(diags, yamlErrorFinding(f, t, err))
		}
		if len(doc.Content) == 0 || isEmptyDocument(doc.Content[0]) {
			continue
		}
		left, limit := opt.left(fileNodes)
		v, ds, n, ok, cut := buildDocument(f, t, doc.Content[0], left, limit, opt.Limits)
		fileNodes += int64(n)
		diags = append(diags, ds...)
		_ = opt.Pool.Take(int64(n)) // the next document's share shows it
		if cut {
			return docs, diags // out of budget: the rest of the file is not read
		}
		if ok {
			docs = append(docs, v)
		}
	}
}

// decodeSafely reads the next document, turning a panic inside yaml.v3 into
// an error.
func decodeSafely(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: internal parser error: %v", r)
		}
	}()
	if err := dec.Decode(n); err != nil {
		return fmt.Errorf("decoding YAML document: %w", err)
	}
	return nil
}

// isEmptyDocument reports a document with no content at all.
func isEmptyDocument(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.ShortTag() == "!!null" &&
		isPlain(n) && !isTagged(n) && n.Anchor == ""
}

var (
	yamlErrLine       = regexp.MustCompile(`^line (\d+): (.*)$`)
	yamlUnknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
)

// yamlErrorFinding turns a yaml.v3 error into a syntax finding on the line
// it names (yaml.v3 gives no column). Errors on the first line carry no
// line number in yaml.v3's messages.
func yamlErrorFinding(f *source.File, t *yamlText, err error) diag.Diagnostic {
	msg := err.Error()
	if i := strings.Index(msg, "yaml: "); i >= 0 {
		msg = msg[i+len("yaml: "):]
	}
	line := 1
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			line = n
			if isParserError(msg) {
				// yaml.v3 prints the 0-based line for parser errors
				line = min(n+1, len(t.lines))
			}
		}
	} else if m := yamlUnknownAnchor.FindStringSubmatch(msg); m != nil {
		if off := findAlias(t.src, m[1]); off >= 0 {
			return syntaxAt(f, off, off+1+len(m[1]), "%s: no anchor &%s is defined before this alias", msg, m[1])
		}
	} else if msg == "control characters are not allowed" {
		if off := findControl(t.src); off >= 0 {
			return syntaxAt(f, off, off+runeLen(t.src, off), "control characters are not allowed in YAML (found %s)", describeChar(t.src, off))
		}
	}
	start, end := t.lineSpan(line)
	return syntaxAt(f, start, end, "%s", msg)
}

// findAlias finds "*name" not followed by another anchor character.
func findAlias(src []byte, name string) int {
	pat := []byte("*" + name)
	for from := 0; from < len(src); {
		i := bytes.Index(src[from:], pat)
		if i < 0 {
			return -1
		}
		i += from
		next := i + len(pat)
		if next >= len(src) || isSpace(src[next]) || breakLen(src, next) > 0 || isFlowIndicator(src[next]) {
			return i
		}
		from = i + 1
	}
	return -1
}

// parserErrors are the problems yaml.v3's parser (rather than its scanner)
// reports; their line numbers are printed 0-based.
var parserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// isParserError reports whether a yaml.v3 message comes from its parser.
func isParserError(msg string) bool {
	return parserErrors[msg] || (strings.HasPrefix(msg, "expected ") && strings.Contains(msg, " event but got "))
}

// findControl returns the offset of the first character YAML does not
// allow in a stream, or -1.
func findControl(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		allowed := r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0x7E) || r == 0x85 ||
			(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
		if !allowed || (r == utf8.RuneError && size == 1) {
			return i
		}
		i += size
	}
	return -1
}
