package catalog

import (
	"fmt"
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// Options configures a Catalog (config roles and privileged_roles).
type Options struct {
	// Builtin includes Elasticsearch's built-in roles (config
	// roles.builtin, default true).
	Builtin bool
	// Names are roles known to exist (config roles.names).
	Names []string
	// Files are the loaded roles files (config roles.files), in the order
	// they were read.
	Files []*RolesFile
	// PrivilegedExtra are further privileged role names (config
	// privileged_roles).
	PrivilegedExtra []string
}

// namesSource is the Source of roles listed in the configuration.
const namesSource = "config roles.names"

// Catalog answers which roles exist in one Elasticsearch version and which
// are privileged. It is immutable and safe for concurrent use.
type Catalog struct {
	version esversion.Version
	// roles holds the role each name resolves to, by Elasticsearch's
	// precedence: built-in, then roles.yml files, then native roles (PUT
	// bodies, GET dumps), then configured names.
	roles map[string]Role
	// removed holds built-ins removed at or before the version that no
	// custom definition brings back.
	removed map[string]Role
	// privileged holds every privileged name: privileged roles, every
	// privileged definition of a name, and PrivilegedExtra.
	privileged map[string]bool
	custom     bool
	names      []string // sorted names of roles, for Suggest
	findings   []diag.Diagnostic
}

// New builds the catalog of version v. Built-in roles that do not exist in
// v are left out (removed ones are answered by Removed). A file role named
// like a built-in role of v is ignored, as Elasticsearch ignores it, and
// reported (see Findings); so is a role defined in several files.
func New(v esversion.Version, opt Options) *Catalog {
	c := &Catalog{
		version:    v,
		roles:      make(map[string]Role),
		removed:    make(map[string]Role),
		privileged: make(map[string]bool),
		custom:     len(opt.Names) > 0 || len(opt.Files) > 0,
	}
	if opt.Builtin {
		for _, r := range Builtin(v) {
			if r.RemovedAt(v) {
				c.removed[r.Name] = r
				continue
			}
			c.roles[r.Name] = r
		}
	}
	c.addFiles(opt.Files, true)
	c.addFiles(opt.Files, false)
	for _, n := range opt.Names {
		if _, ok := c.roles[n]; !ok {
			c.roles[n] = Role{Name: n, Source: namesSource}
		}
		delete(c.removed, n)
	}
	for n, r := range c.roles {
		if r.Privileged {
			c.privileged[n] = true
		}
	}
	for _, n := range opt.PrivilegedExtra {
		c.privileged[n] = true
	}
	for n := range c.roles {
		c.names = append(c.names, n)
	}
	slices.Sort(c.names)
	return c
}

// addFiles adds the roles of the file-store files (fileStore true:
// roles.yml) or of the others (native roles), reporting reserved names and
// names defined twice.
func (c *Catalog) addFiles(files []*RolesFile, fileStore bool) {
	for _, rf := range files {
		if rf == nil || rf.FileStore != fileStore {
			continue
		}
		for _, r := range rf.Roles {
			c.addFileRole(rf, r)
		}
	}
}

// addFileRole adds one file role unless a built-in or an earlier file role
// already owns the name.
func (c *Catalog) addFileRole(rf *RolesFile, r Role) {
	prev, exists := c.roles[r.Name]
	switch {
	case exists && prev.Builtin:
		if rf.FileStore {
			c.findings = append(c.findings, warningAt(r.Span, source.Pointer{r.Name},
				"role [%s] is a built-in (reserved) role in Elasticsearch %s: Elasticsearch ignores this "+
					"definition (\"invalid role name - Role [%s] is reserved and may not be used\"); rename the role",
				short(r.Name), c.version, short(r.Name)))
		} else if rf.Shape == ShapeBody {
			c.findings = append(c.findings, errorAt(r.Span, nil,
				"role [%s] is a built-in (reserved) role in Elasticsearch %s: PUT /_security/role/%s fails "+
					"(\"Role [%s] is reserved and may not be used.\"); rename the role",
				short(r.Name), c.version, short(r.Name), short(r.Name)))
		}
		return
	case exists:
		where := prev.Source
		if pos := prev.Span.Range().Start; pos.IsValid() {
			where = fmt.Sprintf("%s:%d", prev.Source, pos.Line)
		}
		d := warningAt(r.Span, nil, "role [%s] is also defined in %s; Elasticsearch resolves one definition "+
			"(roles.yml before native roles) and ignores the other, so keep a single definition",
			short(r.Name), where)
		d.Related = []diag.Related{{Span: prev.Span, Message: fmt.Sprintf("definition of [%s] in effect", short(r.Name))}}
		c.findings = append(c.findings, d)
		if r.Privileged {
			c.privileged[r.Name] = true
		}
		return
	}
	c.roles[r.Name] = r
	delete(c.removed, r.Name)
}

// Version is the Elasticsearch version the catalog models.
func (c *Catalog) Version() esversion.Version { return c.version }

// Lookup returns the role a name resolves to: a built-in role that exists
// in the version (deprecated ones included), a file role or a configured
// name.
func (c *Catalog) Lookup(name string) (Role, bool) {
	r, ok := c.roles[name]
	return r, ok
}

// Removed returns a built-in role removed at or before the catalog's
// version (kibana_dashboard_only_user in 8.0, say), unless a roles file or
// the configuration defines a role of that name.
func (c *Catalog) Removed(name string) (Role, bool) {
	r, ok := c.removed[name]
	return r, ok
}

// Deprecated returns a built-in role that exists but is deprecated in the
// catalog's version (kibana_user since 7.6, say).
func (c *Catalog) Deprecated(name string) (Role, bool) {
	r, ok := c.roles[name]
	if !ok || !r.Builtin || !r.DeprecatedAt(c.version) {
		return Role{}, false
	}
	return r, true
}

// IsPrivileged reports whether granting the role is dangerous: superuser
// and any other role granting cluster "all" or "manage_security" (file
// roles also when their run_as reaches the superuser; a name defined twice
// counts when either definition does), plus the configured
// privileged_roles.
func (c *Catalog) IsPrivileged(name string) bool { return c.privileged[name] }

// HasCustomCatalog reports whether roles beyond the built-ins are configured
// (names or files): unknown roles are then warnings, otherwise infos.
func (c *Catalog) HasCustomCatalog() bool { return c.custom }

// Names returns the names of every role that exists, sorted.
func (c *Catalog) Names() []string { return slices.Clone(c.names) }

// Suggest returns the known role closest to name, for a "did you mean"
// hint ("" when none is close enough to be a typo).
func (c *Catalog) Suggest(name string) string { return suggest.ClosestStrict(name, c.names) }

// Findings returns the catalog's own findings: roles-file roles named like
// built-in roles and roles defined in more than one file.
func (c *Catalog) Findings() []diag.Diagnostic { return slices.Clone(c.findings) }
