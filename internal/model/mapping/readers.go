package mapping

import (
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// The two readers of a YAML mapping, as findings name them.
const (
	esReaderName   = "Elasticsearch's own YAML reader (YAML 1.1; the file sent as YAML)"
	yaml12ReadName = "a YAML 1.2 converter (yq, js-yaml, go-yaml v3…; the file turned into JSON first)"
)

// ReconcileReadings makes the findings of a YAML mapping true for both
// readers when the reader is not known (loader.ReaderEither): it parses the
// mapping again as Elasticsearch's own YAML reader reads it (booleans for
// plain yes/no/on/off, aliases as the string of their name), keeps as
// errors only the rejections both readings share, and turns each
// rejection that only one reading has into one ambiguous-yaml warning that
// says what each reader does (merged into the loader's warning about the
// same value when there is one). When only the YAML 1.2 reading is
// rejected, the mapping's model becomes Elasticsearch's reading; the other
// reading is kept in AltReading for the fixture runner. Call it once the file's parse problems
// are attached to the mapping; it does nothing for JSON and for YAML whose
// readings agree.
func ReconcileReadings(m *Mapping, opt Options) {
	if m == nil || !loader.HasAlt(m.Body) {
		return
	}
	am := Parse(m.Name, m.NameSpan, m.Origin, loader.ElasticsearchReading(m.Body), m.Pointer, opt)
	m.AltReading, m.AltReader = am, loader.ReaderElasticsearch
	type key struct {
		check      string
		start, end int
	}
	keyOf := func(d diag.Diagnostic) key { return key{d.Check, d.Span.Start, d.Span.End} }
	readingDependent := func(d diag.Diagnostic) bool {
		// The loader's findings are the same for both readings.
		return Rejection(d) && d.Check != loader.CheckSyntax
	}
	esRejects := map[key]string{}
	for _, d := range am.Problems {
		if readingDependent(d) {
			esRejects[keyOf(d)] = d.Message
		}
	}
	own12 := append([]diag.Diagnostic(nil), m.Problems...)
	ownRejects := map[key]bool{}
	var kept, only12 []diag.Diagnostic
	for _, d := range m.Problems {
		if readingDependent(d) {
			ownRejects[keyOf(d)] = true
			esMsg, both := esRejects[keyOf(d)]
			if !both {
				only12 = append(only12, d)
				continue
			}
			if esMsg != d.Message {
				// Rejected either way, for different reasons.
				d.Message = fmt.Sprintf("Elasticsearch rejects this with either YAML reader: read by %s: %s; read by %s: %s",
					yaml12ReadName, d.Message, esReaderName, esMsg)
			}
		}
		kept = append(kept, d)
	}
	var onlyES []diag.Diagnostic
	for _, d := range am.Problems {
		if readingDependent(d) && !ownRejects[keyOf(d)] {
			onlyES = append(onlyES, d)
		}
	}
	if len(only12) == 0 && len(onlyES) == 0 {
		m.Problems = kept
		return
	}
	if len(only12) > 0 && len(onlyES) == 0 {
		// Only the YAML 1.2 reading is rejected: the model the other checks
		// and the fixtures use is the reading Elasticsearch accepts.
		own := *m
		own.Problems, own.AltReading = own12, nil
		m.Enabled, m.Roles, m.Templates, m.Rules, m.Metadata = am.Enabled, am.Roles, am.Templates, am.Rules, am.Metadata
		m.AltReading, m.AltReader = &own, loader.ReaderYAML12
	}
	merged := map[int]*readings{}
	attach := func(d diag.Diagnostic, es bool) {
		for i, k := range kept {
			if k.Check == loader.CheckAmbiguousYAML && overlaps(k.Span, d.Span) {
				r := merged[i]
				if r == nil {
					r = &readings{first: d}
					merged[i] = r
				}
				if es {
					r.es = append(r.es, d.Message)
				} else {
					r.y12 = append(r.y12, d.Message)
				}
				return
			}
		}
		who := yaml12ReadName
		if es {
			who = esReaderName
		}
		d.Message = fmt.Sprintf("only when read by %s: %s; the other reader accepts this part of the mapping", who, d.Message)
		d.Check, d.Level = loader.CheckAmbiguousYAML, diag.Warning
		kept = append(kept, d)
	}
	for _, d := range only12 {
		attach(d, false)
	}
	for _, d := range onlyES {
		attach(d, true)
	}
	for i, r := range merged {
		amb := &kept[i]
		v := valueAt(m.Body, amb.Span)
		amb.Message = r.message(v)
		if len(r.es) > 0 && len(r.y12) > 0 {
			// Both readings are rejected: that is an error whatever the reader.
			amb.Check, amb.Level = r.first.Check, diag.Error
		}
	}
	m.Problems = kept
}

// readings gathers the rejections of one ambiguous value per reader.
type readings struct {
	first   diag.Diagnostic
	es, y12 []string
}

// message says what each reader does with the value.
func (r *readings) message(v *source.Value) string {
	outcome := func(msgs []string) string {
		if len(msgs) == 0 {
			return "Elasticsearch accepts it"
		}
		return strings.Join(msgs, "; ")
	}
	what, esVal, y12Val, advice := "this value", "a different value", "a different value", "quote it or write it out so that every reader agrees"
	if v != nil && v.Alt != nil {
		if strings.HasPrefix(v.Note, "alias *") {
			what = "alias *" + v.Alt.Str
			esVal = fmt.Sprintf("the string %q", v.Alt.Str)
			y12Val = "a copy of the anchored value"
			advice = "write the value out in full"
		} else {
			what = "unquoted " + v.Str
			esVal = describeReading(v.Alt)
			y12Val = describeReading(v)
			if v.Alt.Kind == source.Bool {
				advice = fmt.Sprintf("write %t, or quote it (%q) if you mean the string", v.Alt.Bool, v.Str)
			}
		}
	}
	return fmt.Sprintf("%s: %s reads %s: %s; %s reads %s: %s; %s",
		what, esReaderName, esVal, outcome(r.es), yaml12ReadName, y12Val, outcome(r.y12), advice)
}

// describeReading names a scalar reading for a message.
func describeReading(v *source.Value) string {
	switch v.Kind {
	case source.Bool:
		return fmt.Sprintf("the boolean %t", v.Bool)
	case source.String:
		return fmt.Sprintf("the string %q", v.Str)
	case source.Number:
		return "the number " + v.Str
	case source.Null:
		return "null"
	}
	return "a " + v.Kind.String()
}

// overlaps reports whether two spans of the same file share a byte (or are
// the same empty position).
func overlaps(a, b source.Span) bool {
	if a.File != b.File {
		return false
	}
	if a.Start == b.Start {
		return true
	}
	return a.Start < b.End && b.Start < a.End
}

// valueAt finds the value with an Alt reading written at sp.
func valueAt(v *source.Value, sp source.Span) *source.Value {
	if v == nil {
		return nil
	}
	if v.Alt != nil && v.Span.Start == sp.Start && v.Span.End == sp.End {
		return v
	}
	for _, it := range v.Items {
		if f := valueAt(it, sp); f != nil {
			return f
		}
	}
	for _, mem := range v.Members {
		if f := valueAt(mem.Value, sp); f != nil {
			return f
		}
	}
	return nil
}
