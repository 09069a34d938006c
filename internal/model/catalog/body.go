package catalog

import (
	"fmt"
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

// knownRoleFields are the top-level fields RoleDescriptor's parser accepts
// in a role body, over every modelled version. RoleDescriptor.java (x-pack
// core security/authz) @ 00e25aae198cfa8ca3d8f8db474d9c3937859c99 reads
// cluster, indices (alias index), applications (alias application),
// run_as, global, metadata, transient_metadata, type (read and ignored) and
// remote_indices (VERSION_REMOTE_INDICES = 8.6, behind the untrusted
// remote cluster flag there) and rejects anything else with "failed to
// parse role [{}]. unexpected field [{}]"; FileRolesStore.java @
// 00fbac33121a586061e7288d850c7360192a0b84 enables description for roles.yml,
// and elastic/elasticsearch-js's SecurityPutRoleRequest lists
// remote_cluster and description for PUT. The versions that added
// remote_cluster and description were not pinned, so the list is not
// narrowed per version: a newer field is accepted for older versions too.
// restriction is accepted only in API key role descriptors.
var knownRoleFields = []string{
	"application", "applications", "cluster", "description", "global", "index", "indices",
	"metadata", "remote_cluster", "remote_indices", "run_as", "transient_metadata", "type",
}

// listRoleFields are the known fields whose value is an array (or a
// string), which tells a role body from a name → body collection.
var listRoleFields = []string{
	"application", "applications", "cluster", "index", "indices", "remote_cluster", "remote_indices", "run_as",
}

// origin says what kind of definition a role body comes from; it decides
// the wording of findings.
type origin uint8

const (
	// fromRolesYML is a roles.yml entry (Elasticsearch's file roles store).
	fromRolesYML origin = iota
	// fromPutBody is a PUT /_security/role body.
	fromPutBody
	// fromDump is an entry of a GET /_security/role dump or another
	// name → body collection that is not roles.yml.
	fromDump
)

// effect says what Elasticsearch does with a broken definition.
func (o origin) effect() string {
	switch o {
	case fromRolesYML:
		return "Elasticsearch skips this role when it reads the roles file"
	case fromPutBody:
		return "Elasticsearch rejects this PUT /_security/role request"
	}
	return "Elasticsearch would reject this role"
}

// looksLikeBody reports whether an object is a single role body rather
// than a name → body collection: a list-valued role field (cluster: [...]),
// a string description, or only role fields (an empty object is a role
// without privileges).
func looksLikeBody(obj *source.Value) bool {
	if obj == nil || obj.Kind != source.Object {
		return false
	}
	allKnown := true
	for _, m := range obj.Members {
		if slices.Contains(listRoleFields, m.Key) && m.Value.Kind != source.Object {
			return true
		}
		if m.Key == "description" && m.Value.Kind == source.String {
			return true
		}
		if !slices.Contains(knownRoleFields, m.Key) {
			allKnown = false
		}
	}
	return allKnown
}

// isReservedEntry reports a GET /_security/role entry of a built-in role
// (metadata._reserved: true): the built-in table already covers it.
func isReservedEntry(body *source.Value) bool {
	r := body.Get("metadata").Get("_reserved")
	return r != nil && r.Kind == source.Bool && r.Bool
}

// analyzeRole checks one role definition the way Elasticsearch parses it
// (name, body type, top-level fields) and summarizes its privileges. ok is
// false when Elasticsearch would not load the role.
func analyzeRole(f *source.File, o origin, name string, nameSpan source.Span, body *source.Value,
	ptr source.Pointer, cache runAsCache) (r Role, diags []diag.Diagnostic, ok bool) {
	ok = true
	if msg := validateRoleName(name); msg != "" {
		diags = append(diags, errorAt(nameSpan, ptr, "invalid role name [%s]: %s %s", short(name), msg, o.effect()))
		ok = false
	}
	if body == nil || body.Kind != source.Object {
		kind, sp := "nothing", nameSpan
		if body != nil {
			kind = body.Kind.String()
			if body.Span.End > body.Span.Start {
				sp = body.Span
			}
		}
		diags = append(diags, errorAt(sp, ptr, "role [%s] must be an object holding cluster, indices, ... ; found %s. %s",
			short(name), kind, o.effect()))
		return Role{}, diags, false
	}
	for _, m := range body.Distinct() {
		if slices.Contains(knownRoleFields, m.Key) {
			continue
		}
		ok = false
		mp := ptr.Append(m.Key)
		if m.Key == "restriction" {
			diags = append(diags, errorAt(m.KeySpan, mp,
				"field [restriction] is only accepted in the role descriptors of API keys, not in roles: %s "+
					"(\"failed to parse role [%s]. unexpected field [restriction]\")", o.effect(), short(name)))
			continue
		}
		hint := ""
		if s := suggest.ClosestStrict(m.Key, knownRoleFields); s != "" {
			hint = fmt.Sprintf("; did you mean [%s]?", s)
		}
		diags = append(diags, errorAt(m.KeySpan, mp, "unknown field [%s] in role [%s]: %s "+
			"(\"failed to parse role [%s]. unexpected field [%s]\")%s", short(m.Key), short(name), o.effect(),
			short(name), short(m.Key), hint))
	}
	p := summarize(body, cache)
	r = Role{
		Name:       name,
		Privileged: p.privileged(),
		Privileges: p,
		Span:       nameSpan,
		Source:     f.Name,
	}
	return r, diags, ok
}

// errorAt builds a roles-file error.
func errorAt(sp source.Span, ptr source.Pointer, format string, args ...any) diag.Diagnostic {
	return diag.Diagnostic{
		Check:   CheckRolesFile,
		Level:   diag.Error,
		Span:    sp,
		Pointer: ptr.String(),
		Message: fmt.Sprintf(format, args...),
	}
}

// warningAt builds a roles-file warning.
func warningAt(sp source.Span, ptr source.Pointer, format string, args ...any) diag.Diagnostic {
	d := errorAt(sp, ptr, format, args...)
	d.Level = diag.Warning
	return d
}
