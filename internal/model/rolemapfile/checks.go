package rolemapfile

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// elementValues returns the written value of each element of the list
// setting name (nil where unknown): the items of a YAML list, or the values
// of the numbered keys name.0, name.1, ... that the settings builder turns
// into a list.
func (p *parser) elementValues(name string, n int) []*source.Value {
	out := make([]*source.Value, n)
	if l, ok := p.ix.get(name); ok && l.value.Kind == source.Array && len(l.value.Items) == n && !p.ix.isAlias(l.value) {
		copy(out, l.value.Items)
		return out
	}
	for i := range out {
		if l, ok := p.ix.get(name + "." + strconv.Itoa(i)); ok {
			out[i] = l.value
		}
	}
	return out
}

// valueNote explains how Elasticsearch read a value that is not written
// as a string, or "" when it is.
func (p *parser) valueNote(v *source.Value, text string) string {
	switch {
	case v == nil:
		return ""
	case p.ix.isAlias(v):
		return fmt.Sprintf("the value is the YAML alias *%s, which Elasticsearch's YAML parser does not expand: it reads the string %q", text, text)
	case v.Kind == source.Bool:
		return fmt.Sprintf("the value is a YAML boolean, which Elasticsearch reads as [%s]", text)
	case v.Kind == source.Number:
		return fmt.Sprintf("the value is a YAML number, which Elasticsearch reads as [%s]", text)
	case v.Kind == source.String && v.Str != text && (text == "true" || text == "false"):
		return fmt.Sprintf("the unquoted value %q is a YAML 1.1 boolean for Elasticsearch's YAML parser, which reads it as [%s]", v.Str, text)
	}
	return ""
}

// dottedKeySpan is where a role that exists only through dotted keys is
// named: its first-level key, or the earliest dotted key.
func (p *parser) dottedKeySpan(settings *config.Settings, name string) source.Span {
	if sp, ok := p.ix.top[name]; ok {
		return sp
	}
	var best source.Span
	for _, set := range settings.ByPrefix(name + ".") {
		sp := set.KeySpan
		if l, ok := p.ix.get(set.Key); ok {
			sp = l.keySpan
		}
		if best.File == nil || sp.Start < best.Start {
			best = sp
		}
	}
	return best
}

// checkRoleName reports role names that cannot be a role.
func (p *parser) checkRoleName(r *Role) {
	switch {
	case r.Name == "":
		p.report(diag.Warning, r.KeySpan, "the empty role name: Elasticsearch maps these DNs to the role \"\", which no role can be")
	case strings.TrimSpace(r.Name) != r.Name:
		p.report(diag.Warning, r.KeySpan, "role name %q has leading or trailing spaces, which Elasticsearch keeps: it maps these DNs to %q, not %q",
			clip(r.Name), clip(r.Name), clip(strings.TrimSpace(r.Name)))
	}
}

// commaSplit reports a scalar that getAsList splits into several DNs.
func (p *parser) commaSplit(r *Role, value string, parts []part) {
	const maxShown = 10
	var shown []string
	for i, pt := range parts {
		if i == maxShown {
			shown = append(shown, fmt.Sprintf("and %d more", len(parts)-maxShown))
			break
		}
		shown = append(shown, "["+clip(pt.text)+"]")
	}
	p.report(diag.Error, r.ValueSpan,
		"role [%s]: the string %s is not a list, so Elasticsearch splits it on commas (Settings.getAsList) and reads %d DNs %s instead of one DN; write a YAML list: %s: [%s]",
		clip(r.Name), strconv.Quote(clip(value)), len(parts), strings.Join(shown, ", "), clip(r.Name), strconv.Quote(clip(value)))
}

// lostKey reports a dotted setting: getAsList(role) never reads it.
func (p *parser) lostKey(set *config.Setting) {
	span, top := set.KeySpan, set.Key
	if l, ok := p.ix.get(set.Key); ok {
		span, top = l.keySpan, l.topKey
	}
	role, _, _ := strings.Cut(set.Key, ".")
	key, role := clip(set.Key), clip(role)
	switch {
	case strings.Contains(top, "."):
		p.report(diag.Error, span,
			"role name [%s] contains a dot: Elasticsearch flattens keys into dotted settings and takes role names from the part before the first dot ([%s]), then reads no DN from [%s]: these DNs grant nothing; role_mapping.yml cannot map a role whose name contains a dot, use a role mapping (PUT /_security/role_mapping) instead",
			key, role, key)
	case isNumberedListLeftover(set.Key):
		p.report(diag.Error, span,
			"[%s] is not part of the numbered list [%s] (numbered keys must run 0, 1, 2, ... without a gap): Elasticsearch reads no DN from it; write a YAML list instead",
			key, clip(set.Key[:strings.LastIndexByte(set.Key, '.')]))
	default:
		p.report(diag.Error, span,
			"the value of role [%s] is a mapping: Elasticsearch flattens it into the setting [%s] and reads no DN from it: these DNs grant nothing; write the DNs as a YAML list: %s: [\"cn=...\"]",
			role, key, role)
	}
}

// isNumberedListLeftover reports whether a key ends in a number: part of a
// numbered list the settings builder did not convert.
func isNumberedListLeftover(key string) bool {
	i := strings.LastIndexByte(key, '.')
	if i < 0 || i == len(key)-1 {
		return false
	}
	_, err := strconv.ParseUint(key[i+1:], 10, 31)
	return err == nil
}

// patternKind says whether a DN string looks like a pattern.
func patternKind(text string) string {
	switch {
	case len(text) >= 2 && text[0] == '/' && text[len(text)-1] == '/':
		return "regular expression"
	case strings.Contains(text, "*"):
		return "wildcard pattern"
	}
	return ""
}

// checkEntries reports the problems of one role's DNs.
func (p *parser) checkEntries(r *Role) {
	seen := make(map[string]*Entry, len(r.Entries))
	for _, e := range r.Entries {
		if kind := patternKind(e.Text); kind != "" {
			p.patternFinding(e, kind)
		} else if !e.Valid() {
			p.invalidFinding(e)
		}
		if !e.Valid() {
			continue
		}
		if e.DN.IsNull() {
			p.report(diag.Warning, e.Span, "role [%s]: %q is the empty (null) DN; no LDAP user or group has it, so it grants nothing: remove it", clip(r.Name), clip(e.Text))
		}
		n := e.DN.Normalized()
		first, dup := seen[n]
		if !dup {
			seen[n] = e
			continue
		}
		d := p.report(diag.Warning, e.Span, "role [%s]: DN %q is already listed for this role at line %d (both normalize to %q); remove the duplicate",
			clip(r.Name), clip(e.Text), first.Span.Range().Start.Line, clip(n))
		d.Related = []diag.Related{{Span: first.Span, Message: "first listed here"}}
	}
}

// patternFinding reports a wildcard or regex written as a DN.
func (p *parser) patternFinding(e *Entry, kind string) {
	text := clip(e.Text)
	msg := fmt.Sprintf("role [%s]: %q looks like a %s, but role_mapping.yml has no patterns: Elasticsearch compares DNs exactly, so this entry matches only a DN written literally as %q; list each DN, or use a role mapping rule such as {\"field\": {\"groups\": %s}}",
		clip(e.Role), text, kind, text, strconv.Quote(text))
	if !e.Valid() {
		msg += "; it is not even a valid DN: " + p.invalidText(e)
	}
	p.report(diag.Error, e.Span, "%s", msg)
}

// invalidFinding reports a DN UnboundID rejects: fatal at startup for an
// explicitly configured file, skipped otherwise.
func (p *parser) invalidFinding(e *Entry) {
	level := diag.Warning
	if p.opts.Strict {
		level = diag.Error
	}
	p.report(level, e.Span, "%s", p.invalidText(e))
}

// invalidText is Elasticsearch's message for an invalid DN, what it does
// about it, and why the DN is invalid.
func (p *parser) invalidText(e *Entry) string {
	es := invalidDNMessage(p.opts, p.path, clip(e.Text))
	reason := ""
	if e.Err != nil {
		reason = clip(e.Err.Error())
	}
	if note := p.notes[e]; note != "" {
		reason += " (" + note + "; quote DNs and write them as a YAML list)"
	}
	if p.opts.Strict {
		return fmt.Sprintf("%s Elasticsearch refuses to start: the realm sets files.role_mapping, so its bootstrap check reads this file strictly. %s", es, reason)
	}
	return fmt.Sprintf("%s skipping... Elasticsearch ignores this DN (it would refuse to start if the realm set files.role_mapping explicitly). %s", es, reason)
}

// lineSpan converts a settings error position (column 0 = unknown) into a
// span: one character, or the whole line.
func (p *parser) lineSpan(line, col int) source.Span {
	if line < 1 {
		return fileStart(p.f)
	}
	start := p.f.Offset(source.Pos{Line: line, Col: max(col, 1)})
	end := start
	if col < 1 {
		end = start + p.f.LineLen(line)
	} else if start < len(p.f.Content) && p.f.Content[start] != '\n' {
		_, size := utf8.DecodeRune(p.f.Content[start:])
		end = start + size
	}
	return source.Span{File: p.f, Start: start, End: min(end, len(p.f.Content))}
}

// fileStart is the first character of a file (empty for an empty file).
func fileStart(f *source.File) source.Span {
	end := 0
	if len(f.Content) > 0 {
		_, end = utf8.DecodeRune(f.Content)
	}
	return source.Span{File: f, Start: 0, End: end}
}

// maxShownBytes bounds how much of a value a message quotes.
const maxShownBytes = 200

// clip shortens s for a message: at most maxShownBytes bytes (on a rune
// boundary) followed by "...".
func clip(s string) string {
	if len(s) <= maxShownBytes {
		return s
	}
	cut := maxShownBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
