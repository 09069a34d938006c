package workspace

import (
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Shape is what a document holds (docs/usage.md, "Which files are role mappings").
type Shape uint8

// Document shapes, in the order they are tried.
const (
	// NoShape documents hold no role mapping.
	NoShape Shape = iota
	// ECKPolicy is a Kubernetes StackConfigPolicy with
	// spec.elasticsearch.securityRoleMappings.
	ECKPolicy
	// OperatorSettings is a file-settings document with state.role_mappings.
	OperatorSettings
	// PutBody is a single `PUT /_security/role_mapping/<name>` body.
	PutBody
	// Collection is a `GET /_security/role_mapping` dump: name → body.
	Collection
)

// String names the shape as reports do.
func (s Shape) String() string {
	switch s {
	case ECKPolicy:
		return "ECK StackConfigPolicy"
	case OperatorSettings:
		return "operator file settings"
	case PutBody:
		return "PUT body"
	case Collection:
		return "named collection"
	}
	return "no role mappings"
}

// looksLikeBody reports whether an object of a file already known to hold
// role mappings is read as a body: it has a role mapping field, or a key
// one edit away from one (so a misspelled body is reported, not dropped).
func looksLikeBody(v *source.Value) bool {
	return weakBodySignature(v) != ""
}

// detectShape decides what a document of a claimed file holds (whether a
// file is claimed is decided first, see claim.go) and returns the object whose
// members are named mappings (for ECK, operator settings and collections)
// with its JSON pointer.
func detectShape(doc *source.Value) (Shape, *source.Value, source.Pointer) {
	if doc == nil || doc.Kind != source.Object {
		return NoShape, nil, nil
	}
	if k := doc.Get("kind"); k != nil && k.Kind == source.String && k.Str == "StackConfigPolicy" {
		ptr := source.Pointer{"spec", "elasticsearch", "securityRoleMappings"}
		return ECKPolicy, doc.Lookup(ptr), ptr
	}
	if st := doc.Get("state"); st != nil && st.Kind == source.Object && st.Has("role_mappings") {
		ptr := source.Pointer{"state", "role_mappings"}
		return OperatorSettings, doc.Lookup(ptr), ptr
	}
	if looksLikeBody(doc) {
		return PutBody, doc, nil
	}
	for _, m := range doc.Members {
		if looksLikeBody(m.Value) {
			return Collection, doc, nil
		}
	}
	return NoShape, nil, nil
}
