package workspace

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rolemapfile"
	"github.com/rolemap-lint/rolemap-lint/internal/par"
)

// Check ids owned by the workspace.
const (
	CheckSyntax           = diag.Syntax
	CheckSchema           = diag.Schema
	CheckDuplicateName    = "duplicate-name"
	CheckUnrecognizedFile = "unrecognized-file"
)

// build recognizes the shape of every document and parses its mappings.
// Files are parsed in parallel (parsing compiles the rules' patterns, the
// costliest step of loading) and their results merged in file order, so
// the outcome does not depend on scheduling. (When a run's budget runs out
// during parsing, which patterns were compiled before it did may vary.)
func (ws *Workspace) build(opt Options) {
	mopt := mapping.Options{Version: opt.Version, Rules: ruleOptions(opt)}
	results := make([]fileBuild, len(ws.Files))
	par.Each(len(ws.Files), func(i int) { results[i] = buildFile(ws.Files[i], opt, mopt) })
	for i, f := range ws.Files {
		r := results[i]
		switch {
		case f.Kind == DNMappingFile:
			ws.DNFiles = append(ws.DNFiles, r.dnFile)
		case r.skip:
			ws.skip(f)
			continue
		}
		ws.Diags = append(ws.Diags, r.diags...)
		ws.Mappings = append(ws.Mappings, r.mappings...)
	}
	ws.checkDuplicates()
}

// fileBuild is what building one file produced.
type fileBuild struct {
	skip     bool // a discovered file that is not a role mapping source
	dnFile   *rolemapfile.File
	diags    []diag.Diagnostic
	mappings []*mapping.Mapping
}

// buildFile recognizes the documents of one file and parses its mappings;
// it touches nothing but f and what it returns.
func buildFile(f *File, opt Options, mopt mapping.Options) fileBuild {
	var r fileBuild
	switch f.Kind {
	case DNMappingFile:
		r.diags = append(r.diags, f.parseDiags...)
		var o rolemapfile.Options
		if opt.DNFileOptions != nil {
			o = opt.DNFileOptions(f.Source.Name)
		}
		parsed, diags := rolemapfile.ParseOptions(f.Source, o)
		r.dnFile = parsed
		r.diags = append(r.diags, diags...)
		return r
	case FixtureFile:
		r.diags = append(r.diags, f.parseDiags...)
		return r
	case UnrecognizedFile:
		return r // decided by Read (dropForeignFixtures)
	}
	f.parseDiags = loader.ApplyReader(f.Docs, f.parseDiags, opt.YAMLReader)
	if !f.strict {
		reason := f.claim()
		if reason == "" {
			r.skip = true
			return r
		}
		f.Claim = Decision{File: f.Source.Name, Verdict: MappingVerdict, Reason: reason}
	}
	f.Shapes = make([]Shape, len(f.Docs))
	for i, doc := range f.Docs {
		if !f.readDoc(doc) {
			continue
		}
		shape, holder, ptr := detectShape(doc)
		f.Shapes[i] = shape
		if shape == NoShape {
			r.diags = append(r.diags, notAMapping(f, doc))
			continue
		}
		r.mappings = append(r.mappings, mappingsOf(f, doc, shape, holder, ptr, mopt, &r.diags)...)
	}
	r.diags = append(r.diags, attach(r.mappings, f.parseDiags)...)
	for _, m := range r.mappings {
		mapping.ReconcileReadings(m, mopt)
	}
	return r
}

// skip records a discovered file that is not a role mapping source: its
// parse problems are dropped (it is some other tool's file), and a file
// shaped like a fixture file gets a finding saying how to name it.
// dropForeignFixtures skips the files named *_test.* that are not ours
// (helm-unittest suites, JSON test vectors): they are neither fixtures nor
// role mappings. Read decides it, so that fixtures are parsed only from
// fixture files whichever cluster they go to.
func (ws *Workspace) dropForeignFixtures() {
	for _, f := range ws.Files {
		if f.Kind != FixtureFile || f.isFixture() {
			continue
		}
		f.Kind = UnrecognizedFile
		f.Claim = Decision{File: f.Source.Name, Verdict: Skipped,
			Reason: "named *_test.* but not a fixture file (no top-level tests: list, or another tool's tests such as helm-unittest)"}
		ws.Skipped = append(ws.Skipped, f.Source.Name)
	}
}

func (ws *Workspace) skip(f *File) {
	f.Kind = UnrecognizedFile
	f.Claim = Decision{File: f.Source.Name, Verdict: Skipped, Reason: f.skipReason()}
	ws.Skipped = append(ws.Skipped, f.Source.Name)
	for _, doc := range f.Docs {
		if d, ok := fixtureNameFinding(f, doc); ok {
			ws.Diags = append(ws.Diags, d)
			break
		}
	}
}

// notAMapping is the finding on a document of a file the config claims
// that holds no role mapping.
func notAMapping(f *File, doc *source.Value) diag.Diagnostic {
	if d, ok := fixtureNameFinding(f, doc); ok {
		return d
	}
	msg := "this document holds no role mapping: it is not a PUT body, a GET /_security/role_mapping dump, " +
		"operator file settings (state.role_mappings) or an ECK StackConfigPolicy"
	if f.strict {
		msg = "the config's mappings claim this file, but " + msg + "; narrow the mappings globs, or list the file under exclude or roles.files"
	}
	return diag.Diagnostic{Check: CheckUnrecognizedFile, Span: openingSpan(doc), Message: msg}
}

// mappingsOf parses the mappings of one recognized document.
func mappingsOf(f *File, doc *source.Value, shape Shape, holder *source.Value, ptr source.Pointer, mopt mapping.Options, diags *[]diag.Diagnostic) []*mapping.Mapping {
	if shape == PutBody {
		name := strings.TrimSuffix(filepath.Base(f.Source.Name), filepath.Ext(f.Source.Name))
		return []*mapping.Mapping{mapping.Parse(name, openingSpan(doc), mapping.API, doc, nil, mopt)}
	}
	origin := mapping.API
	if shape == OperatorSettings || shape == ECKPolicy {
		origin = mapping.Operator
	}
	if holder == nil {
		return nil // an ECK policy without role mappings
	}
	if holder.Kind != source.Object {
		*diags = append(*diags, diag.Diagnostic{Check: CheckSchema, Span: holder.Span, Pointer: ptr.String(),
			Message: fmt.Sprintf("%s must be an object of role mappings keyed by name, found a %s", ptr.String(), holder.Kind)})
		return nil
	}
	var out []*mapping.Mapping
	for _, mem := range holder.Members {
		mptr := ptr.Append(mem.Key)
		out = append(out, mapping.Parse(mem.Key, mem.KeySpan, origin, mem.Value, mptr, mopt))
	}
	return out
}

// attach moves the file's parse problems that lie inside a mapping body to
// that mapping (so the mapping is known to be rejected) and returns the
// rest, which stay file-level. The bodies of one file do not overlap, so
// each problem finds its mapping by binary search over the bodies sorted
// by start.
func attach(ms []*mapping.Mapping, diags []diag.Diagnostic) []diag.Diagnostic {
	if len(diags) == 0 {
		return nil
	}
	sorted := slices.Clone(ms)
	slices.SortStableFunc(sorted, func(a, b *mapping.Mapping) int { return cmp.Compare(a.Body.Span.Start, b.Body.Span.Start) })
	var rest []diag.Diagnostic
	for _, d := range diags {
		// the last body starting at or before the problem
		i, _ := slices.BinarySearchFunc(sorted, d.Span.Start, func(m *mapping.Mapping, start int) int {
			if m.Body.Span.Start <= start {
				return -1
			}
			return 1
		})
		if i > 0 {
			m := sorted[i-1]
			if b := m.Body.Span; d.Span.End <= b.End && d.Span.File == b.File {
				d.Mapping = m.Name
				m.Problems = append(m.Problems, d)
				continue
			}
		}
		rest = append(rest, d)
	}
	return rest
}

// checkDuplicates reports mappings whose name was already used by an
// earlier mapping of the same origin.
func (ws *Workspace) checkDuplicates() {
	first := map[mapping.Origin]map[string]*mapping.Mapping{}
	for _, m := range ws.Mappings {
		byName := first[m.Origin]
		if byName == nil {
			byName = map[string]*mapping.Mapping{}
			first[m.Origin] = byName
		}
		prev, dup := byName[m.Name]
		if !dup {
			byName[m.Name] = m
			continue
		}
		pos := prev.NameSpan.Range().Start
		where := fmt.Sprintf("%s:%d", prev.NameSpan.File.Name, pos.Line)
		msg := fmt.Sprintf("%s role mapping [%s] is already defined at %s; Elasticsearch keeps only one mapping per name, so one of them would silently be lost", m.Origin, m.Name, where)
		if prev.NameSpan.File == m.NameSpan.File && prev.Pointer == nil && m.Pointer == nil {
			msg = fmt.Sprintf("several single mapping bodies in one multi-document file all take the file's name [%s] (first at line %d); put each body in its own file or use a named collection", m.Name, pos.Line)
		}
		d := diag.Diagnostic{Check: CheckDuplicateName, Span: m.NameSpan, Mapping: m.Name, Pointer: m.Pointer.String(), Message: msg,
			Related: []diag.Related{{Span: prev.NameSpan, Message: "first defined here"}}}
		m.Problems = append(m.Problems, d)
	}
}

func openingSpan(v *source.Value) source.Span {
	s := v.Span
	if s.End > s.Start {
		s.End = s.Start + 1
	}
	return s
}
