package loader

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Reader names the YAML reader a YAML file meets on its way to
// Elasticsearch. Elasticsearch's own reader (a YAML body sent to the API, or
// parsed by Elasticsearch) is Jackson's YAMLParser over SnakeYAML's YAML 1.1
// resolver: plain yes/no/on/off are booleans and aliases are not expanded (an
// alias reads as the string of its name). A file converted to JSON first by a
// YAML 1.2 tool (yq, js-yaml, go-yaml v3, most current libraries) keeps
// yes/no/on/off as strings and expands aliases. docs/yaml.md says how each
// finding and each fixture result treats the two readings.
type Reader uint8

// Readers.
const (
	// ReaderEither is the default: the reader is not known, so the tool
	// reads YAML 1.2 and reports where Elasticsearch's own reader differs.
	ReaderEither Reader = iota
	// ReaderElasticsearch: the YAML reaches Elasticsearch as YAML.
	ReaderElasticsearch
	// ReaderYAML12: the YAML is converted by a YAML 1.2 tool first.
	ReaderYAML12
)

// ParseReader reads the yaml_reader setting: "elasticsearch", "yaml-1.2",
// or "either" (the default, also for "").
func ParseReader(s string) (Reader, error) {
	switch s {
	case "", "either":
		return ReaderEither, nil
	case "elasticsearch":
		return ReaderElasticsearch, nil
	case "yaml-1.2":
		return ReaderYAML12, nil
	}
	return ReaderEither, fmt.Errorf("unknown YAML reader %q (want elasticsearch, yaml-1.2 or either)", s)
}

// String names the reader as the setting spells it.
func (r Reader) String() string {
	switch r {
	case ReaderElasticsearch:
		return "elasticsearch"
	case ReaderYAML12:
		return "yaml-1.2"
	}
	return "either"
}

// ApplyReader settles the values of YAML documents when the reader is
// known: with ReaderElasticsearch every value whose readings differ becomes
// Elasticsearch's reading, with ReaderYAML12 the YAML 1.2 reading is kept,
// and in both cases the ambiguous-yaml findings about those values are
// dropped (the reading is no longer ambiguous). With ReaderEither nothing
// changes. Documents are changed in place.
func ApplyReader(docs []*source.Value, diags []diag.Diagnostic, r Reader) []diag.Diagnostic {
	if r == ReaderEither {
		return diags
	}
	settled := map[[2]int]bool{}
	for i, d := range docs {
		if d != nil {
			docs[i] = pick(d, r, settled) // a document may itself be read two ways ("ON")
		}
	}
	if len(settled) == 0 {
		return diags
	}
	out := diags[:0:0]
	for _, d := range diags {
		if d.Check == CheckAmbiguousYAML && settled[[2]int{d.Span.Start, d.Span.End}] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// settle applies the reader to v's children and records the spans of the
// values it settled.
func settle(v *source.Value, r Reader, settled map[[2]int]bool) {
	for i, it := range v.Items {
		v.Items[i] = pick(it, r, settled)
	}
	for _, m := range v.Members {
		if m.Value != nil {
			m.Value = pick(m.Value, r, settled)
		}
	}
}

// HasAlt reports whether any value under v reads differently for
// Elasticsearch's own YAML reader.
func HasAlt(v *source.Value) bool {
	if v == nil {
		return false
	}
	if v.Alt != nil {
		return true
	}
	for _, it := range v.Items {
		if HasAlt(it) {
			return true
		}
	}
	for _, m := range v.Members {
		if HasAlt(m.Value) {
			return true
		}
	}
	return false
}

// ElasticsearchReading returns a copy of v as Elasticsearch's own YAML
// reader reads it: every value with an Alt replaced by it. v is unchanged.
func ElasticsearchReading(v *source.Value) *source.Value {
	if v == nil {
		return nil
	}
	return copyTree(v, func(v *source.Value) *source.Value { return v.Alt })
}

// pick returns the reading of c the reader chooses, settled all the way
// down, and records the span when c had two readings.
func pick(c *source.Value, r Reader, settled map[[2]int]bool) *source.Value {
	if c.Alt == nil {
		settle(c, r, settled)
		return c
	}
	settled[[2]int{c.Span.Start, c.Span.End}] = true
	if r == ReaderElasticsearch {
		return c.Alt
	}
	c.Alt = nil
	settle(c, r, settled)
	return c
}
