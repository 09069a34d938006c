package config

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

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// yamlDocs decodes up to max documents of a YAML stream into nodes. It never
// panics: a panic inside the YAML library becomes an error.
func yamlDocs(name string, data []byte, max int) (docs []*yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			docs, err = nil, ErrorList{{File: name, Msg: fmt.Sprintf("cannot parse YAML: %v", r)}}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for len(docs) < max {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			return nil, ErrorList{yamlError(name, err)}
		}
		docs = append(docs, &n)
	}
	return docs, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a YAML library error into an Error with the line it names.
func yamlError(name string, err error) *Error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: name, Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &Error{File: name, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// docRoot returns the content of a document node (nil for an empty one).
func docRoot(doc *yaml.Node) *yaml.Node {
	if doc == nil {
		return nil
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil
		}
		return doc.Content[0]
	}
	return doc
}

// isPlain reports whether a scalar is written without quotes, block
// indicators or an explicit tag, so that YAML resolves its type from its
// text.
func isPlain(n *yaml.Node) bool {
	return n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle|yaml.TaggedStyle) == 0
}

// isNull reports whether a node is a YAML null (plain "", "~", "null").
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// kindName names what a node holds, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "null"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		case "!!str":
			return fmt.Sprintf("the string %q", n.Value)
		}
		return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
	}
	return "nothing"
}

// nodeSpan returns where a node is written in f. Scalars span their text
// (quotes included); other nodes span their first character.
func nodeSpan(f *source.File, n *yaml.Node) source.Span {
	if f == nil || n == nil || n.Line < 1 {
		return source.Span{File: f}
	}
	start := f.Offset(source.Pos{Line: n.Line, Col: n.Column})
	end := start + 1
	if n.Kind == yaml.ScalarNode {
		end = scalarEnd(f.Content, start, n)
	}
	if end > len(f.Content) {
		end = len(f.Content)
	}
	if end < start {
		end = start
	}
	return source.Span{File: f, Start: start, End: end}
}

// scalarEnd finds the end of a scalar's text starting at start.
func scalarEnd(content []byte, start int, n *yaml.Node) int {
	if start >= len(content) {
		return start
	}
	lineEnd := bytes.IndexByte(content[start:], '\n')
	if lineEnd < 0 {
		lineEnd = len(content)
	} else {
		lineEnd += start
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0 && content[start] == '"':
		for i := start + 1; i < len(content); i++ {
			switch content[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return lineEnd
	case n.Style&yaml.SingleQuotedStyle != 0 && content[start] == '\'':
		for i := start + 1; i < len(content); i++ {
			if content[i] == '\'' {
				if i+1 < len(content) && content[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return lineEnd
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return lineEnd
	}
	if !strings.Contains(n.Value, "\n") && bytes.HasPrefix(content[start:], []byte(n.Value)) && n.Value != "" {
		return start + len(n.Value)
	}
	// A plain scalar whose text differs from its value (folded lines) or an
	// empty one: point at its first character only.
	_, size := utf8.DecodeRune(content[start:])
	return start + size
}
