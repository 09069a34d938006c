package rolemapfile

import (
	"fmt"
	"sort"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
)

// Check is the id of every finding this package reports.
const Check = "role-mapping-file"

// File is a role_mapping.yml as Elasticsearch reads it.
type File struct {
	// Source is the file that was parsed.
	Source *source.File
	// Options are the options it was parsed with.
	Options Options
	// Readable is false when Elasticsearch cannot read the file at all
	// (invalid YAML, duplicate keys, a null value, ...): it then maps no DN.
	Readable bool
	// Mappings is what DnRoleMapper.parseFileLenient returns, the mapping
	// Elasticsearch uses at runtime: normalized DN → role names (sorted,
	// without duplicates). Invalid DNs are skipped; roles of DNs equal after
	// normalization are merged.
	Mappings map[string][]string
	// Roles are the role names Elasticsearch reads (Settings.names()), in
	// source order, each with its entries.
	Roles []*Role
	// Entries are all DN strings Elasticsearch reads, valid or not, in
	// source order.
	Entries []*Entry
	// StrictError is the message Elasticsearch's bootstrap check fails with
	// when the realm sets files.role_mapping explicitly, or "" when the file
	// passes it. With several invalid DNs Elasticsearch reports whichever it
	// meets first in hash order; this is the first in source order.
	StrictError string

	byDN map[string][]*Entry // normalized DN → valid entries
}

// Role is one role name of the file with the DNs listed for it.
type Role struct {
	// Name is the role name as Elasticsearch reads it.
	Name string
	// KeySpan is where the role's key is written.
	KeySpan source.Span
	// ValueSpan is where its value (list or string) is written; invalid
	// when the role only exists through dotted keys.
	ValueSpan source.Span
	// Entries are the DN strings read for the role, in order.
	Entries []*Entry
}

// Entry is one DN string read for a role.
type Entry struct {
	// Role is the role the DN is listed under.
	Role string
	// Text is the DN string exactly as Elasticsearch reads it (a part of a
	// comma-split scalar is trimmed; a list element is not).
	Text string
	// Span is where the DN is written: the list element, or the part of a
	// comma-split string (the whole string when its text has escapes).
	Span source.Span
	// DN is the parsed DN; nil when the text is not a valid DN.
	DN *dn.DN
	// Err is UnboundID's parse error (a *dn.ParseError) when DN is nil.
	Err error
}

// Valid reports whether the entry is a DN Elasticsearch maps.
func (e *Entry) Valid() bool { return e != nil && e.DN != nil }

// Normalized returns the normalized DN ("" for an invalid entry).
func (e *Entry) Normalized() string {
	if e == nil || e.DN == nil {
		return ""
	}
	return e.DN.Normalized()
}

// Location returns "file:line" of the entry, for messages such as
// "granted by config/role_mapping.yml:3".
func (e *Entry) Location() string {
	if e == nil || e.Span.File == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d", e.Span.File.Name, e.Span.Range().Start.Line)
}

// RolesFor returns the roles the file maps to a normalized DN (sorted); nil
// when the DN is not mapped. A nil File maps nothing.
func (f *File) RolesFor(normalizedDN string) []string {
	if f == nil {
		return nil
	}
	return f.Mappings[normalizedDN]
}

// EntriesFor returns the valid entries that map the normalized DN to role,
// in source order.
func (f *File) EntriesFor(normalizedDN, role string) []*Entry {
	if f == nil {
		return nil
	}
	var out []*Entry
	for _, e := range f.byDN[normalizedDN] {
		if e.Role == role {
			out = append(out, e)
		}
	}
	return out
}

// buildMappings fills Mappings and the DN index from the valid entries.
func (f *File) buildMappings() {
	f.Mappings = make(map[string][]string)
	f.byDN = make(map[string][]*Entry)
	for _, e := range f.Entries {
		if !e.Valid() {
			continue
		}
		n := e.DN.Normalized()
		f.byDN[n] = append(f.byDN[n], e)
	}
	for n, entries := range f.byDN {
		seen := make(map[string]bool, len(entries))
		var roles []string
		for _, e := range entries {
			if !seen[e.Role] {
				seen[e.Role] = true
				roles = append(roles, e.Role)
			}
		}
		sort.Strings(roles)
		f.Mappings[n] = roles
	}
}
