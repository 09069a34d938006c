package workspace

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rolemapfile"
)

// Check ids owned by the workspace.
const (
	CheckSyntax           = diag.Syntax
	CheckSchema           = diag.Schema
	CheckDuplicateName    = "duplicate-name"
	CheckUnrecognizedFile = "unrecognized-file"
)

// build recognizes the shape of every document and parses its mappings.
func (ws *Workspace) build(opt Options) {
	mopt := mapping.Options{Version: opt.Version, Rules: ruleOptions(opt)}
	for _, f := range ws.Files {
		switch f.Kind {
		case DNMappingFile:
			ws.Diags = append(ws.Diags, f.parseDiags...)
			var o rolemapfile.Options
			if opt.DNFileOptions != nil {
				o = opt.DNFileOptions(f.Source.Name)
			}
			parsed, diags := rolemapfile.ParseOptions(f.Source, o)
			ws.DNFiles = append(ws.DNFiles, parsed)
			ws.Diags = append(ws.Diags, diags...)
			continue
		case FixtureFile:
			ws.Diags = append(ws.Diags, f.parseDiags...)
			continue
		case UnrecognizedFile:
			continue // decided by Read (dropForeignFixtures)
		}
		f.parseDiags = loader.ApplyReader(f.Docs, f.parseDiags, opt.YAMLReader)
		if !f.strict {
			reason := f.claim()
			if reason == "" {
				ws.skip(f)
				continue
			}
			f.Claim = Decision{File: f.Source.Name, Verdict: MappingVerdict, Reason: reason}
		}
		var found []*mapping.Mapping
		f.Shapes = make([]Shape, len(f.Docs))
		for i, doc := range f.Docs {
			if !f.readDoc(doc) {
				continue
			}
			shape, holder, ptr := detectShape(doc)
			f.Shapes[i] = shape
			if shape == NoShape {
				ws.Diags = append(ws.Diags, notAMapping(f, doc))
				continue
			}
			found = append(found, ws.mappingsOf(f, doc, shape, holder, ptr, mopt)...)
		}
		ws.attach(found, f.parseDiags)
		for _, m := range found {
			mapping.ReconcileReadings(m, mopt)
		}
		ws.Mappings = append(ws.Mappings, found...)
	}
	ws.checkDuplicates()
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
func (ws *Workspace) mappingsOf(f *File, doc *source.Value, shape Shape, holder *source.Value, ptr source.Pointer, mopt mapping.Options) []*mapping.Mapping {
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
		ws.Diags = append(ws.Diags, diag.Diagnostic{Check: CheckSchema, Span: holder.Span, Pointer: ptr.String(),
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
// that mapping (so the mapping is known to be rejected); the rest stay
// file-level.
func (ws *Workspace) attach(ms []*mapping.Mapping, diags []diag.Diagnostic) {
next:
	for _, d := range diags {
		for _, m := range ms {
			b := m.Body.Span
			if d.Span.Start >= b.Start && d.Span.End <= b.End && d.Span.File == b.File {
				d.Mapping = m.Name
				m.Problems = append(m.Problems, d)
				continue next
			}
		}
		ws.Diags = append(ws.Diags, d)
	}
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
