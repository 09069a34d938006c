package rolemapfile

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
)

// Parse reads a role_mapping.yml as Elasticsearch's DnRoleMapper does and
// reports every problem as a "role-mapping-file" finding. strict is true
// when the realm sets files.role_mapping explicitly (Elasticsearch then
// validates the file at startup and an invalid DN stops the node);
// otherwise invalid DNs are warnings, as Elasticsearch only skips them.
// The returned File is never nil; a nil f gives an empty, unreadable File
// and no findings.
func Parse(f *source.File, strict bool) (*File, []diag.Diagnostic) {
	return ParseOptions(f, Options{Strict: strict})
}

// ParseOptions is Parse with the realm and path Elasticsearch's messages
// name.
func ParseOptions(f *source.File, opts Options) (*File, []diag.Diagnostic) {
	if f == nil {
		return &File{Options: opts, Mappings: map[string][]string{}}, nil
	}
	p := &parser{f: f, opts: opts, path: opts.path(f.Name), out: &File{Source: f, Options: opts}}
	p.run()
	p.out.buildMappings()
	sort.SliceStable(p.diags, func(i, j int) bool { return p.diags[i].Span.Start < p.diags[j].Span.Start })
	return p.out, p.diags
}

// parser holds the state of one Parse.
type parser struct {
	f     *source.File
	opts  Options
	path  string
	out   *File
	ix    *posIndex
	diags []diag.Diagnostic
	// notes explain, per entry, how an unusual YAML value was read (a
	// boolean, a number, an alias) for the invalid-DN message.
	notes map[*Entry]string
}

func (p *parser) report(level diag.Level, span source.Span, format string, args ...any) *diag.Diagnostic {
	d := diag.At(Check, span, format, args...)
	d.Level = level
	p.diags = append(p.diags, d)
	return &p.diags[len(p.diags)-1]
}

func (p *parser) run() {
	if name := path.Base(strings.ReplaceAll(p.path, "\\", "/")); !hasSettingsExtension(name) {
		// Settings.Builder.loadFromStream throws IllegalArgumentException
		// before reading, which DnRoleMapper does not catch.
		msg := fmt.Sprintf("unable to detect content type from resource name [%s]", name)
		p.fatal(fileStart(p.f), msg, msg+": Elasticsearch reads role mapping files named *.yml, *.yaml or *.json only")
		return
	}
	settings, err := config.ParseSettings(p.f)
	if err != nil {
		p.settingsError(err)
		return
	}
	p.out.Readable = true
	p.ix = buildIndex(p.f)
	for _, name := range settings.Names("") {
		p.role(settings, name)
	}
	for _, key := range settings.Keys() {
		if strings.Contains(key, ".") {
			set, _ := settings.Get(key)
			p.lostKey(set)
		}
	}
	sort.SliceStable(p.out.Roles, func(i, j int) bool { return p.out.Roles[i].KeySpan.Start < p.out.Roles[j].KeySpan.Start })
	sort.SliceStable(p.out.Entries, func(i, j int) bool { return p.out.Entries[i].Span.Start < p.out.Entries[j].Span.Start })
	for _, r := range p.out.Roles {
		p.checkEntries(r)
	}
	for _, e := range p.out.Entries {
		if !e.Valid() {
			p.out.StrictError = invalidDNMessage(p.opts, p.path, e.Text)
			break
		}
	}
}

// hasSettingsExtension reports whether the settings loader accepts the
// file name (case-sensitive, as Java's endsWith).
func hasSettingsExtension(name string) bool {
	return strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".json")
}

// settingsError reports a file the settings loader rejects. Elasticsearch's
// parse exceptions (null values, a second document) propagate with their
// own message; everything else is wrapped in a SettingsException and
// reported as "could not read ...".
func (p *parser) settingsError(err error) {
	cause, span := err.Error(), fileStart(p.f)
	var ce *config.Error
	if errors.As(err, &ce) {
		cause, span = ce.Msg, p.lineSpan(ce.Line, ce.Col)
	}
	esMsg := couldNotReadMessage(p.opts, p.path)
	if strings.HasPrefix(cause, "null-valued setting found") || strings.HasPrefix(cause, "malformed, expected end of settings") {
		esMsg = cause
	}
	p.fatal(span, esMsg, cause)
}

// fatal reports a file Elasticsearch cannot read at all: no mappings.
func (p *parser) fatal(span source.Span, esMsg, cause string) {
	p.out.StrictError = esMsg
	if p.opts.Strict {
		if strings.HasPrefix(cause, esMsg) {
			p.report(diag.Error, span, "Elasticsearch cannot read this role mapping file and fails to start: %s", cause)
		} else {
			p.report(diag.Error, span, "Elasticsearch cannot read this role mapping file and fails to start: %s (%s)", esMsg, cause)
		}
		return
	}
	p.report(diag.Error, span, "Elasticsearch cannot read this role mapping file (%s): it logs \"%s\" and maps no DN from it",
		cause, lenientFailureMessage(p.path))
}

// role reads the DNs of one role name, as getAsList(name) does.
func (p *parser) role(settings *config.Settings, name string) {
	r := &Role{Name: name}
	p.out.Roles = append(p.out.Roles, r)
	set, ok := settings.Get(name)
	if !ok {
		// Only dotted keys start with this name: getAsList finds nothing.
		r.KeySpan = p.dottedKeySpan(settings, name)
		return
	}
	r.KeySpan, r.ValueSpan = set.KeySpan, set.ValueSpan
	l, haveLeaf := p.ix.get(name)
	if haveLeaf {
		r.KeySpan, r.ValueSpan = l.keySpan, l.value.Span
	}
	if sp, ok := p.ix.top[name]; ok {
		r.KeySpan = sp // a numbered list's role key, not its "0"
	}
	p.checkRoleName(r)
	if set.IsList {
		values := p.elementValues(name, len(set.List))
		for i, text := range set.List {
			span := r.ValueSpan
			if values[i] != nil {
				span = values[i].Span
			}
			p.addEntry(r, text, span, p.valueNote(values[i], text))
		}
		if len(set.List) == 0 {
			p.report(diag.Info, r.ValueSpan, "role [%s] lists no DNs: it maps nothing", clip(name))
		}
		return
	}
	parts := splitCommaList(set.Value)
	spans := partSpans(p.f, r.ValueSpan, set.Value, parts)
	switch {
	case len(parts) == 0:
		p.report(diag.Info, r.ValueSpan, "role [%s] lists no DNs: it maps nothing", clip(name))
	case len(parts) > 1:
		p.commaSplit(r, set.Value, parts)
	}
	for i, pt := range parts {
		note := ""
		if len(parts) == 1 && haveLeaf {
			note = p.valueNote(l.value, pt.text)
		}
		p.addEntry(r, pt.text, spans[i], note)
	}
}

func (p *parser) addEntry(r *Role, text string, span source.Span, note string) {
	e := &Entry{Role: r.Name, Text: text, Span: span}
	if d, err := dn.Parse(text); err != nil {
		e.Err = err
	} else {
		e.DN = d
	}
	r.Entries = append(r.Entries, e)
	p.out.Entries = append(p.out.Entries, e)
	if note != "" {
		if p.notes == nil {
			p.notes = map[*Entry]string{}
		}
		p.notes[e] = note
	}
}
