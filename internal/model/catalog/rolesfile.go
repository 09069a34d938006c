package catalog

import (
	"fmt"
	"path"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Shape is what a roles file holds.
type Shape uint8

const (
	// ShapeEmpty is a file without any document (or only empty ones).
	ShapeEmpty Shape = iota
	// ShapeRoles is a name → body collection: roles.yml, or a GET
	// /_security/role dump.
	ShapeRoles
	// ShapeBody is a single PUT /_security/role body, named after the file.
	ShapeBody
)

// String names the shape.
func (s Shape) String() string {
	switch s {
	case ShapeRoles:
		return "roles"
	case ShapeBody:
		return "role body"
	}
	return "empty"
}

// RolesFile is the roles one roles file defines.
type RolesFile struct {
	// File is the file read.
	File *source.File
	// Shape is what the file holds.
	Shape Shape
	// FileStore says the file was read as roles.yml (a YAML name → body
	// file), whose roles Elasticsearch's file roles store resolves before
	// the native (API) roles that PUT bodies and GET dumps describe.
	FileStore bool
	// Roles are the roles Elasticsearch would load, in file order. A name
	// defined twice keeps its later definition, at the later position.
	Roles []Role
}

// Lookup returns the file's role of that name.
func (rf *RolesFile) Lookup(name string) (Role, bool) {
	if rf == nil {
		return Role{}, false
	}
	for _, r := range rf.Roles {
		if r.Name == name {
			return r, true
		}
	}
	return Role{}, false
}

// isYAMLName reports a file name ending in .yml or .yaml.
func isYAMLName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yml" || ext == ".yaml"
}

// bodyName is the role name of a PUT body file: the file name without its
// extension.
func bodyName(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	return strings.TrimSuffix(base, path.Ext(base))
}

// LoadRolesFile interprets documents that package loader has already
// parsed from f: each object document is either a PUT /_security/role body
// (named after the file) or a name → body collection (roles.yml, GET
// /_security/role dump; entries with metadata._reserved are built-in roles
// and are skipped). Syntax findings stay with the caller; the returned
// findings are the roles-file ones. ReadRolesFile is the complete entry
// point that also parses, and reads roles.yml exactly as Elasticsearch does.
func LoadRolesFile(f *source.File, docs []*source.Value) (*RolesFile, []diag.Diagnostic) {
	if f == nil {
		return &RolesFile{}, nil
	}
	rf := &RolesFile{File: f}
	var b builder
	b.rf = rf
	for _, doc := range docs {
		if doc == nil {
			continue
		}
		if doc.Kind != source.Object {
			b.diags = append(b.diags, errorAt(doc.Span, nil,
				"a roles file holds an object (a role body, or role names mapped to bodies); found %s", doc.Kind))
			continue
		}
		if looksLikeBody(doc) {
			b.setShape(ShapeBody)
			b.body(doc)
			continue
		}
		b.setShape(ShapeRoles)
		o := fromDump
		if isYAMLName(f.Name) {
			o = fromRolesYML
			rf.FileStore = true
		}
		for _, m := range doc.Members {
			b.entry(o, m.Key, m.KeySpan, m.Value, source.Pointer{m.Key})
		}
	}
	b.finish()
	return rf, b.diags
}

// builder accumulates the roles and findings of one file.
type builder struct {
	rf    *RolesFile
	diags []diag.Diagnostic
	// index maps a role name to its position in rf.Roles; removed
	// positions hold a zero Role until finish runs.
	index map[string]int
	holes int
	cache runAsCache
}

// setShape records the first shape seen.
func (b *builder) setShape(s Shape) {
	if b.rf.Shape == ShapeEmpty {
		b.rf.Shape = s
	}
}

// body loads a PUT /_security/role body named after the file.
func (b *builder) body(doc *source.Value) {
	name := bodyName(b.rf.File.Name)
	sp := doc.Span
	if sp.End > sp.Start {
		sp.End = sp.Start + 1 // the opening of the body
	}
	r, ds, ok := analyzeRole(b.rf.File, fromPutBody, name, sp, doc, nil, b.runAs())
	b.diags = append(b.diags, ds...)
	if ok {
		b.add(r, fromPutBody)
	}
}

// entry loads one name → body member.
func (b *builder) entry(o origin, name string, nameSpan source.Span, body *source.Value, ptr source.Pointer) {
	if o == fromDump && body != nil && body.Kind == source.Object && isReservedEntry(body) {
		return
	}
	r, ds, ok := analyzeRole(b.rf.File, o, name, nameSpan, body, ptr, b.runAs())
	b.diags = append(b.diags, ds...)
	if ok {
		b.add(r, o)
	}
}

// add appends a role; a later definition of the same name replaces the
// earlier one, as Elasticsearch's map of roles does.
func (b *builder) add(r Role, o origin) {
	if b.index == nil {
		b.index = make(map[string]int)
	}
	if i, ok := b.index[r.Name]; ok {
		old := b.rf.Roles[i]
		line := old.Span.Range().Start.Line
		msg := "role [%s] is defined again; the definition at line %d is ignored and this one is used"
		if o == fromPutBody {
			msg = "role [%s] is defined again; the definition at line %d is replaced by this one"
		}
		d := warningAt(r.Span, nil, msg, short(r.Name), line)
		d.Related = []diag.Related{{Span: old.Span, Message: fmt.Sprintf("earlier definition of [%s]", short(r.Name))}}
		b.diags = append(b.diags, d)
		b.rf.Roles[i] = Role{}
		b.holes++
	}
	b.index[r.Name] = len(b.rf.Roles)
	b.rf.Roles = append(b.rf.Roles, r)
}

// runAs returns the builder's run_as cache.
func (b *builder) runAs() runAsCache {
	if b.cache == nil {
		b.cache = make(runAsCache)
	}
	return b.cache
}

// finish drops the places of replaced definitions.
func (b *builder) finish() {
	if b.holes == 0 {
		return
	}
	out := b.rf.Roles[:0]
	for _, r := range b.rf.Roles {
		if r.Name != "" {
			out = append(out, r)
		}
	}
	b.rf.Roles = out
	b.holes = 0
}

// ReadRolesFile parses f and loads its roles. A .yml/.yaml file is YAML
// (any other name is JSON when its first non-blank character is '{', YAML
// otherwise). A YAML file that holds a single role body is a PUT body;
// any other YAML file is read as roles.yml, role by role, as
// Elasticsearch's FileRolesStore does (see the package documentation).
// Problems that stop a file or a role from loading are roles-file errors;
// the loader's ambiguous-yaml warnings are passed on unchanged.
func ReadRolesFile(f *source.File) (*RolesFile, []diag.Diagnostic) {
	if f == nil {
		return &RolesFile{}, nil
	}
	if !isYAMLFile(f) {
		root, ds := loader.ParseJSON(f)
		out := relabel(ds, "")
		if root == nil {
			if !hasError(out) {
				out = append(out, errorAt(source.Span{File: f}, nil, "roles file is not valid JSON"))
			}
			return &RolesFile{File: f}, out
		}
		rf, more := LoadRolesFile(f, []*source.Value{root})
		return rf, append(out, more...)
	}
	if d := encodingProblem(f); d != nil {
		return &RolesFile{File: f}, []diag.Diagnostic{*d}
	}
	segs := roleSegments(f.Content)
	if len(segs) > 0 && segmentLooksLikeBody(f, segs[0]) {
		docs, ds := loader.ParseYAML(f)
		if len(docs) == 1 && looksLikeBody(docs[0]) && !hasError(relabel(ds, "")) {
			rf, more := LoadRolesFile(f, docs)
			return rf, append(relabel(ds, ""), more...)
		}
	}
	return readRolesYML(f, segs)
}

// isYAMLFile decides the parser for f.
func isYAMLFile(f *source.File) bool {
	if isYAMLName(f.Name) {
		return true
	}
	if strings.EqualFold(path.Ext(f.Name), ".json") {
		return false
	}
	trimmed := strings.TrimLeft(strings.TrimPrefix(string(f.Content), "\ufeff"), " \t\r\n")
	return !strings.HasPrefix(trimmed, "{")
}

// relabel turns loader findings into roles-file findings: syntax problems
// become roles-file errors (prefixed with context), other checks
// (ambiguous-yaml) are kept as they are.
func relabel(ds []diag.Diagnostic, context string) []diag.Diagnostic {
	out := make([]diag.Diagnostic, 0, len(ds))
	for _, d := range ds {
		if d.Check == loader.CheckSyntax {
			d.Check = CheckRolesFile
			d.Level = diag.Error
			d.Message = "roles file: " + context + d.Message
		}
		out = append(out, d)
	}
	return out
}

// hasError reports an error-level (or default-level syntax) finding.
func hasError(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Level == diag.Error {
			return true
		}
	}
	return false
}

// short truncates a name for a message.
func short(s string) string {
	const max = 100
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
