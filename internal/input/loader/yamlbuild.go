package loader

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Alias expansion budget: a document may produce at most
// min(maxExpandedNodes, max(expansionFactor × its node count, minBudget))
// values.
const (
	maxExpandedNodes = 1_000_000
	expansionFactor  = 100
	minBudget        = 10_000
)

// anchorState is what the builder knows about an anchored node.
type anchorState struct {
	value  *source.Value
	size   int // values in the converted subtree
	height int // collection nesting depth of the subtree
	done   bool
}

// yamlBuilder converts one document's yaml.Node tree into values.
type yamlBuilder struct {
	f         *source.File
	t         *yamlText
	diags     []diag.Diagnostic
	path      []string
	budget    int
	produced  int
	budgetHit bool
	// left is what the file's and the run's budgets (YAMLOptions) leave
	// for this document, counted like produced; past it the document is
	// dropped with a budget finding (runOut).
	left    int64
	limit   *budget.Error
	lim     Limits
	runOut  bool
	tooDeep bool
	anchors map[*yaml.Node]*anchorState
	// aliasWarned is set once the document's alias warning was given: one
	// warning per document says it all, and keeps alias-heavy files readable.
	aliasWarned bool
}

// buildDocument converts a document's root node; ok is false when the
// document must be dropped (nesting too deep, or a limit passed: then cut
// is set and the rest of the file is not read either).
func buildDocument(f *source.File, t *yamlText, root *yaml.Node, left int64, limit *budget.Error, lim Limits) (v *source.Value, diags []diag.Diagnostic, n int, ok, cut bool) {
	b := &yamlBuilder{f: f, t: t, anchors: map[*yaml.Node]*anchorState{}, left: left, limit: limit, lim: lim}
	b.budget = min(maxExpandedNodes, max(expansionFactor*countNodes(root), minBudget))
	v, _ = b.node(root, 0, -1)
	if b.runOut {
		d := diag.At(CheckBudget, source.Span{File: f, Start: t.offset(root.Line, root.Column), End: t.offset(root.Line, root.Column)},
			"the YAML document is not checked: %v", b.limit)
		d.Level = diag.Info
		if b.limit != limit {
			// a limit of lim: the values produced so far are all the
			// document drew from the node budgets
			return nil, append(b.diags, d), b.produced, false, true
		}
		return nil, append(b.diags, d), max(b.produced, int(left)+1), false, true
	}
	if b.tooDeep || v == nil {
		return nil, b.diags, b.produced, false, false
	}
	return v, b.diags, b.produced, true, false
}

// countNodes counts the nodes of a tree without following aliases.
func countNodes(root *yaml.Node) int {
	n := 0
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n++
		stack = append(stack, top.Content...)
	}
	return n
}

// newValue creates a value and counts it against the budget.
func (b *yamlBuilder) newValue(kind source.Kind, sp source.Span) *source.Value {
	b.produced++
	if int64(b.produced) > b.left {
		b.runOut = true
	}
	return &source.Value{Kind: kind, Span: sp}
}

// passes reports whether err (a limit of Limits that n passes) is set,
// and if so drops the document with that limit named.
func (b *yamlBuilder) passes(err *budget.Error) bool {
	if err == nil {
		return false
	}
	b.limit, b.runOut = err, true
	return true
}

// pointer renders the current path as a JSON pointer.
func (b *yamlBuilder) pointer(extra ...string) string {
	return source.Pointer(b.path).Append(extra...).String()
}

// withPointer sets a diagnostic's pointer.
func withPointer(d diag.Diagnostic, ptr string) diag.Diagnostic {
	d.Pointer = ptr
	return d
}

// node converts n (at collection depth depth, inside a block collection
// indented parentIndent columns) and returns it with its nesting height.
func (b *yamlBuilder) node(n *yaml.Node, depth, parentIndent int) (*source.Value, int) {
	if b.tooDeep || b.runOut {
		return nil, 0
	}
	var st *anchorState
	if n.Anchor != "" && n.Kind != yaml.AliasNode {
		st = &anchorState{}
		b.anchors[n] = st
	}
	before := b.produced
	var v *source.Value
	height := 0
	switch {
	case n.Kind == yaml.ScalarNode && b.passes(b.lim.stringTooLong(len(n.Value))),
		n.Kind == yaml.MappingNode && b.passes(b.lim.objectFull(len(n.Content)/2-1)),
		n.Kind == yaml.SequenceNode && b.passes(b.lim.arrayFull(len(n.Content)-1)):
		return nil, 0
	}
	switch n.Kind {
	case yaml.ScalarNode:
		sp, tagEnd := b.scalarSpan(n, parentIndent)
		v = b.resolveScalar(n, sp, tagEnd, true)
	case yaml.MappingNode:
		v, height = b.mapping(n, depth, parentIndent)
	case yaml.SequenceNode:
		v, height = b.sequence(n, depth, parentIndent)
	case yaml.AliasNode:
		v, height = b.alias(n, depth)
	default:
		start := b.t.offset(n.Line, n.Column)
		v = b.newValue(source.Null, span(b.f, start, start))
	}
	if st != nil && v != nil {
		st.value, st.size, st.height, st.done = v, b.produced-before, height, true
	}
	return v, height
}

// scalarSpan computes where a scalar is written; tagEnd is where its
// properties (anchor, tag) end.
func (b *yamlBuilder) scalarSpan(n *yaml.Node, parentIndent int) (source.Span, int) {
	src := b.t.src
	start := b.t.offset(n.Line, n.Column)
	content, propsEnd := b.t.skipProperties(start)
	end := content
	c := byte(0)
	if content < len(src) {
		c = src[content]
	}
	switch {
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && (c == '"' || c == '\''):
		end = b.t.quotedEnd(content)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && (c == '|' || c == '>'):
		end = b.t.blockScalarEnd(content, parentIndent)
	case isPlain(n) && n.Value == "":
		end = propsEnd
	case isPlain(n):
		end = b.t.plainEnd(content, n.Value)
	default:
		end = min(content+len(n.Value), len(src))
	}
	return span(b.f, start, end), propsEnd
}

// checkCollectionTag reports an explicit tag on a mapping or sequence that
// does not name its kind.
func (b *yamlBuilder) checkCollectionTag(n *yaml.Node, want string, start, tagEnd int) {
	if !isTagged(n) {
		return
	}
	tag := n.ShortTag()
	switch {
	case tag == want:
	case knownTags[tag]:
		b.diags = append(b.diags, syntaxAt(b.f, start, max(tagEnd, start+1),
			"tag %s cannot be given to a %s", tag, map[string]string{"!!map": "mapping", "!!seq": "sequence"}[want]))
	default:
		readAs := "an object"
		if want == "!!seq" {
			readAs = "an array"
		}
		b.unknownTag(tag, start, tagEnd, readAs)
	}
}

// mapping converts a mapping node into an object.
func (b *yamlBuilder) mapping(n *yaml.Node, depth, parentIndent int) (*source.Value, int) {
	start := b.t.offset(n.Line, n.Column)
	if depth+1 > maxDepth {
		b.tooDeepAt(start)
		return nil, 0
	}
	content, propsEnd := b.t.skipProperties(start)
	flow := content < len(b.t.src) && b.t.src[content] == '{'
	indent := parentIndent
	end := content
	if flow {
		end = content + 1
	} else if len(n.Content) > 0 {
		indent = n.Content[0].Column - 1
	}
	b.checkCollectionTag(n, "!!map", start, propsEnd)
	v := b.newValue(source.Object, source.Span{File: b.f, Start: start})
	var dups dupIndex
	height := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key, ks, ok := b.key(kn, indent)
		end = max(end, ks.End)
		if !ok {
			continue
		}
		m := &source.Member{Key: key, KeySpan: ks}
		v.Members = append(v.Members, m)
		if first := dups.check(v.Members); first != nil && dups.found <= maxDupFindings {
			b.diags = append(b.diags, dups.report(first, m, b.pointer(key))...)
		} else if first != nil {
			dups.found++
		}
		if kn.Kind == yaml.ScalarNode && kn.Value == "<<" && isPlain(kn) && !isTagged(kn) {
			b.diags = append(b.diags, withPointer(ambiguousAt(ks,
				"merge key \"<<\" is not applied: this tool and Elasticsearch's YAML parser keep \"<<\" as an ordinary key, while YAML 1.1 parsers that implement merges (Kubernetes, PyYAML) copy the referenced mapping's entries into this one; write the entries out in full"),
				b.pointer(key)))
		}
		b.path = append(b.path, key)
		val, h := b.node(vn, depth+1, indent)
		b.path = b.path[:len(b.path)-1]
		if val == nil {
			return nil, 0
		}
		m.Value = val
		end = max(end, val.Span.End)
		height = max(height, h)
	}
	if flow {
		end = b.t.flowEnd(end, '}', end)
	}
	v.Span = span(b.f, start, end)
	return v, height + 1
}

// key reads a mapping key as text. ok is false when the key cannot be a
// JSON object key; that is reported.
func (b *yamlBuilder) key(kn *yaml.Node, indent int) (string, source.Span, bool) {
	switch kn.Kind {
	case yaml.ScalarNode:
		if b.passes(b.lim.stringTooLong(len(kn.Value))) {
			return "", source.Span{}, false
		}
		sp, tagEnd := b.scalarSpan(kn, indent)
		if isTagged(kn) && !knownTags[kn.ShortTag()] {
			b.unknownTag(kn.ShortTag(), sp.Start, tagEnd, "its text")
		}
		if kn.Anchor != "" {
			// an alias elsewhere may use the key as a value
			v := b.resolveScalar(kn, sp, tagEnd, false)
			b.anchors[kn] = &anchorState{value: v, size: 1, done: true}
		}
		return kn.Value, sp, true
	case yaml.AliasNode:
		sp := b.aliasSpan(kn)
		if t := kn.Alias; t != nil && t.Kind == yaml.ScalarNode {
			b.aliasWarning(kn, sp)
			return t.Value, sp, true
		}
		b.diags = append(b.diags, syntaxAt(b.f, sp.Start, sp.End,
			"alias *%s used as a key refers to a mapping or sequence: JSON object keys are strings; the entry is dropped", kn.Value))
		return "", sp, false
	}
	start := b.t.offset(kn.Line, kn.Column)
	what := "mapping"
	if kn.Kind == yaml.SequenceNode {
		what = "sequence"
	}
	b.diags = append(b.diags, syntaxAt(b.f, start, start+runeLen(b.t.src, start),
		"a %s cannot be used as a key: JSON object keys are strings; the entry is dropped", what))
	return "", span(b.f, start, start), false
}

// sequence converts a sequence node into an array.
func (b *yamlBuilder) sequence(n *yaml.Node, depth, parentIndent int) (*source.Value, int) {
	start := b.t.offset(n.Line, n.Column)
	if depth+1 > maxDepth {
		b.tooDeepAt(start)
		return nil, 0
	}
	content, propsEnd := b.t.skipProperties(start)
	flow := content < len(b.t.src) && b.t.src[content] == '['
	indent := parentIndent
	end := content
	if flow {
		end = content + 1
	} else {
		indent = b.t.column0(content)
	}
	b.checkCollectionTag(n, "!!seq", start, propsEnd)
	v := b.newValue(source.Array, source.Span{File: b.f, Start: start})
	v.Items = make([]*source.Value, 0, len(n.Content))
	height := 0
	for i, c := range n.Content {
		b.path = append(b.path, strconv.Itoa(i))
		item, h := b.node(c, depth+1, indent)
		b.path = b.path[:len(b.path)-1]
		if item == nil {
			return nil, 0
		}
		v.Items = append(v.Items, item)
		end = max(end, item.Span.End)
		height = max(height, h)
	}
	if flow {
		end = b.t.flowEnd(end, ']', end)
	}
	v.Span = span(b.f, start, end)
	return v, height + 1
}

// tooDeepAt reports nesting beyond the limit and marks the document
// unusable.
func (b *yamlBuilder) tooDeepAt(start int) {
	b.tooDeep = true
	b.diags = append(b.diags, withPointer(syntaxAt(b.f, start, start+runeLen(b.t.src, start),
		"nesting depth exceeds %d: Elasticsearch rejects documents nested more than %d levels deep", maxDepth, maxDepth), b.pointer()))
}

// aliasSpan is where an alias (*name) is written.
func (b *yamlBuilder) aliasSpan(n *yaml.Node) source.Span {
	start := b.t.offset(n.Line, n.Column)
	end := start
	if start < len(b.t.src) && b.t.src[start] == '*' {
		end = start + 1 + len(n.Value)
	}
	return span(b.f, start, end)
}

// anchorLine is the source line where an alias's anchor is defined.
func (b *yamlBuilder) anchorLine(n *yaml.Node) int {
	if n.Alias == nil {
		return 0
	}
	return b.f.Position(b.t.offset(n.Alias.Line, n.Alias.Column)).Line
}

// aliasWarning explains that Elasticsearch does not expand aliases.
func (b *yamlBuilder) aliasWarning(n *yaml.Node, sp source.Span) {
	if b.aliasWarned {
		return
	}
	b.aliasWarned = true
	b.diags = append(b.diags, withPointer(ambiguousAt(sp,
		"alias *%s is expanded by this tool (and by Kubernetes) to a copy of the value anchored at line %d, but Elasticsearch's YAML parser (Jackson) does not expand aliases: it reads *%s as the string %q; write the value out in full (this warning is given once per document, for its first alias)",
		n.Value, b.anchorLine(n), n.Value, n.Value), b.pointer()))
}

// alias expands an alias into a copy of the anchored value, within the
// document's budget.
func (b *yamlBuilder) alias(n *yaml.Node, depth int) (*source.Value, int) {
	sp := b.aliasSpan(n)
	b.aliasWarning(n, sp)
	null := func() (*source.Value, int) {
		v := b.newValue(source.Null, sp)
		v.Note = "alias *" + n.Value + " not expanded"
		return v, 0
	}
	st := b.anchors[n.Alias]
	switch {
	case st == nil:
		b.diags = append(b.diags, withPointer(syntaxAt(b.f, sp.Start, sp.End,
			"alias *%s refers to a value that could not be read; it is read as null", n.Value), b.pointer()))
		return null()
	case !st.done:
		b.diags = append(b.diags, withPointer(syntaxAt(b.f, sp.Start, sp.End,
			"alias *%s refers to a value that contains it (recursive alias); it is read as null", n.Value), b.pointer()))
		return null()
	case depth+st.height > maxDepth:
		b.tooDeepAt(sp.Start)
		return nil, 0
	case b.budgetHit:
		return null()
	case b.produced+st.size > b.budget:
		b.budgetHit = true
		b.diags = append(b.diags, withPointer(syntaxAt(b.f, sp.Start, sp.End,
			"alias expansion exceeds %d nodes (billion-laughs protection): *%s and later aliases in this document are not expanded", b.budget, n.Value), b.pointer()))
		return null()
	case int64(b.produced+st.size) > b.left:
		b.runOut = true
		return nil, 0
	}
	c := cloneValue(st.value)
	b.produced += st.size
	c.Span = sp
	c.Note = fmt.Sprintf("alias *%s: copy of the value anchored at line %d", n.Value, b.anchorLine(n))
	// Jackson's YAMLParser reports an alias as the string of its name.
	c.Alt = &source.Value{Kind: source.String, Str: n.Value, Span: sp}
	return c, st.height
}

// cloneValue deep-copies a value tree (its depth is bounded by maxDepth).
func cloneValue(v *source.Value) *source.Value { return copyTree(v, nil) }

// copyTree deep-copies a value tree; where replace returns a value for a
// node, that value stands in its place (and is not copied).
func copyTree(v *source.Value, replace func(*source.Value) *source.Value) *source.Value {
	if replace != nil {
		if r := replace(v); r != nil {
			return r
		}
	}
	c := *v
	if v.Items != nil {
		c.Items = make([]*source.Value, len(v.Items))
		for i, it := range v.Items {
			c.Items[i] = copyTree(it, replace)
		}
	}
	if v.Members != nil {
		c.Members = make([]*source.Member, len(v.Members))
		for i, m := range v.Members {
			mc := *m
			mc.Value = copyTree(m.Value, replace)
			c.Members[i] = &mc
		}
	}
	return &c
}
