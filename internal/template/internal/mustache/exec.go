package mustache

import (
	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"strconv"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

// Encoder is the escaping applied to {{name}} values, chosen by the
// script's content_type option.
type Encoder uint8

// Encoders of Elasticsearch's CustomMustacheFactory.
const (
	EncodeJSON  Encoder = iota // JsonEscapeEncoder (the default)
	EncodePlain                // DefaultEncoder: no escaping
	EncodeURL                  // UrlEncoder: form encoding
)

// EncoderFor returns the encoder Elasticsearch uses for a media type, and
// false where it reports "No encoder found for media type [...]". The
// names must match exactly.
func EncoderFor(mediaType string) (Encoder, bool) {
	switch mediaType {
	case "application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8":
		return EncodeJSON, true
	case "text/plain":
		return EncodePlain, true
	case "application/x-www-form-urlencoded":
		return EncodeURL, true
	}
	return 0, false
}

func (e Encoder) encode(s string) string {
	switch e {
	case EncodePlain:
		return s
	case EncodeURL:
		return java.URLEncode(s)
	}
	return java.QuoteJSON(s)
}

// DefaultOutputLimit is mustache.max_output_size_bytes' default, "1mb",
// which Elasticsearch applies as a number of Java chars.
const DefaultOutputLimit = 1 << 20

// Bounds of this engine that Elasticsearch does not have.
const (
	// MaxSteps bounds the number of codes executed in one rendering.
	MaxSteps = 5_000_000
	// MaxBytes bounds the text produced in one rendering, counting the
	// intermediate text functions capture.
	MaxBytes = 64 << 20
)

// Options control one rendering.
type Options struct {
	Encoder Encoder
	// OutputLimit is the output size limit in Java chars; 0 means
	// DefaultOutputLimit, negative means none.
	OutputLimit int
	// Steps, when set, is charged the steps of the rendering, so that
	// the renderings of a run share one bound besides MaxSteps each.
	Steps *budget.Pool
}

// stepChunk is how many steps are charged to Options.Steps at a time.
const stepChunk = 4096

type sink struct {
	b     strings.Builder
	units int
	limit int // 0 = unlimited
}

type fragKey struct {
	text, sm, em string
	sol          bool
}

type run struct {
	enc     Encoder
	pool    *budget.Pool
	charged int // steps already charged to pool
	steps   int
	bytes   int
	frags   map[fragKey]*Template
}

// Execute renders the template with root as the only scope (Elasticsearch
// passes the params map).
func (t *Template) Execute(root any, opts Options) (string, error) {
	limit := opts.OutputLimit
	if limit == 0 {
		limit = DefaultOutputLimit
	}
	if limit < 0 {
		limit = 0
	}
	r := &run{enc: opts.Encoder, pool: opts.Steps, frags: map[fragKey]*Template{}}
	out := &sink{limit: limit}
	scopes := []any{root}
	err := r.codes(t.codes, out, &scopes)
	if err == nil {
		err = r.charge(r.steps - r.charged)
	}
	if err != nil {
		return "", err
	}
	return out.b.String(), nil
}

func (r *run) write(w *sink, s string) error {
	if s == "" {
		return nil
	}
	r.bytes += len(s)
	if r.bytes > MaxBytes {
		return &Error{Kind: WorkLimit, Msg: "the template produces more than " + strconv.Itoa(MaxBytes>>20) + " MiB of text"}
	}
	w.units += javatext.UTF16Len(s)
	if w.limit > 0 && w.units > w.limit {
		return &Error{Kind: OutputLimit, Msg: OutputLimitMessage,
			Cause: "String has exceeded the size limit [" + strconv.Itoa(w.limit) + "]"}
	}
	w.b.WriteString(s)
	return nil
}

func (r *run) codes(list []*node, w *sink, scopes *[]any) error {
	for _, n := range list {
		if err := r.exec(n, w, scopes); err != nil {
			return err
		}
	}
	return nil
}

func (r *run) get(n *node, scopes []any) (any, error) {
	// A lookup may visit every scope; count that work.
	r.steps += len(scopes)
	v, err := lookup(n.name, scopes)
	if err != nil {
		e := err.(*Error)
		return nil, &Error{Kind: Runtime, Msg: e.Msg + " @[" + FileName + ":" + strconv.Itoa(n.line) + "]"}
	}
	return v, nil
}

// step counts one unit of work and fails once the budget is spent.
func (r *run) step() error {
	r.steps++
	if r.steps > MaxSteps {
		return &Error{Kind: WorkLimit, Msg: "the template needs more than " + strconv.Itoa(MaxSteps) + " steps to render"}
	}
	if r.steps-r.charged >= stepChunk {
		return r.charge(r.steps - r.charged)
	}
	return nil
}

// charge draws n steps from the run's pool.
func (r *run) charge(n int) error {
	r.charged += n
	if err := r.pool.Take(int64(n)); err != nil {
		return &Error{Kind: WorkLimit, Msg: err.Error(), Budget: err}
	}
	return nil
}

func (r *run) exec(n *node, w *sink, scopes *[]any) error {
	if err := r.step(); err != nil {
		return err
	}
	switch n.kind {
	case kValue:
		v, err := r.get(n, *scopes)
		if err != nil {
			return &Error{Kind: Runtime, Msg: "Failed to get value for " + n.name + " @[" + FileName + ":" + strconv.Itoa(n.line) + "]", Cause: err.(*Error).Msg}
		}
		if v != nil {
			s := java.Stringify(v)
			if n.encoded {
				s = r.enc.encode(s)
			}
			if err := r.write(w, s); err != nil {
				return err
			}
		}
	case kSection:
		v, err := r.get(n, *scopes)
		if err != nil {
			return err
		}
		if err := r.iterate(n, v, w, scopes); err != nil {
			return err
		}
	case kInverted:
		v, err := r.get(n, *scopes)
		if err != nil {
			return err
		}
		if falsey(v) {
			if err := r.codes(n.children, w, scopes); err != nil {
				return err
			}
		}
	case kExtendName:
		if err := r.codes(n.children, w, scopes); err != nil {
			return err
		}
	case kToJSON, kJoin:
		if err := r.function(n, w, scopes); err != nil {
			return err
		}
	case kURL:
		for _, c := range n.children {
			capture := &sink{}
			if err := r.exec(c, capture, scopes); err != nil {
				return err
			}
			if err := r.write(w, java.URLEncode(capture.b.String())); err != nil {
				return err
			}
		}
	}
	return r.write(w, n.appended)
}

// iterate is BaseObjectHandler.iterate for a {{#section}}.
func (r *run) iterate(n *node, v any, w *sink, scopes *[]any) error {
	switch x := v.(type) {
	case nil:
		return nil
	case bool:
		if !x {
			return nil
		}
	case string:
		if x == "" {
			return nil
		}
	}
	if items, ok := java.Iterable(v); ok {
		for _, it := range items {
			if err := r.next(n, java.Coerce(it), w, scopes); err != nil {
				return err
			}
		}
		return nil
	}
	return r.next(n, v, w, scopes)
}

func (r *run) next(n *node, scope any, w *sink, scopes *[]any) error {
	if err := r.step(); err != nil {
		return err
	}
	if scope == nil {
		return r.codes(n.children, w, scopes)
	}
	*scopes = append(*scopes, scope)
	err := r.codes(n.children, w, scopes)
	*scopes = (*scopes)[:len(*scopes)-1]
	return err
}

// falsey is BaseObjectHandler.falsey: null, false, "" and empty
// collections are falsey; everything else (maps included) is truthy.
func falsey(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case string:
		return x == ""
	}
	if items, ok := java.Iterable(v); ok {
		return len(items) == 0
	}
	return false
}

// function runs toJson or join: IterableCode.handleFunction renders the
// body's template text again against the current scopes, then the
// function turns the resolved identifier (or that text) into output.
func (r *run) function(n *node, w *sink, scopes *[]any) error {
	resolved, err := r.get(n, *scopes)
	if err != nil {
		return err
	}
	var id strings.Builder
	for _, c := range n.children {
		c.identity(&id)
	}
	frag, err := r.fragment(fragKey{text: id.String(), sm: n.sm, em: n.em, sol: n.startOfLine})
	if err != nil {
		return err
	}
	capture := &sink{}
	if err := r.codes(frag.codes, capture, scopes); err != nil {
		return err
	}
	text := capture.b.String()
	if n.kind == kToJSON {
		if resolved == nil {
			return nil
		}
		if items, ok := java.Iterable(resolved); ok {
			return r.write(w, java.ToJSON(&java.List{Items: items}))
		}
		if m, ok := resolved.(*java.Map); ok {
			return r.write(w, java.ToJSON(m))
		}
		return r.write(w, java.Stringify(resolved))
	}
	items, ok := java.Iterable(resolved)
	if !ok {
		return r.write(w, text)
	}
	parts := make([]string, len(items))
	for i, it := range items {
		if it == nil {
			return &Error{Kind: Runtime, Msg: "java.lang.NullPointerException", Cause: "join of a collection holding null"}
		}
		parts[i] = java.Stringify(it)
	}
	return r.write(w, strings.Join(parts, n.delim))
}

func (r *run) fragment(k fragKey) (*Template, error) {
	if t, ok := r.frags[k]; ok {
		return t, nil
	}
	t, err := compileWith(k.text, FileName, k.sm, k.em, k.sol)
	if err != nil {
		e := err.(*Error)
		if e.Kind == WorkLimit {
			return nil, e
		}
		return nil, &Error{Kind: Runtime, Msg: e.Msg}
	}
	r.frags[k] = t
	return t, nil
}
