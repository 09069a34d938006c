package rolemapfile

import (
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Options say how Elasticsearch reads the file and how to name it in
// Elasticsearch's messages.
type Options struct {
	// Strict is true when the realm sets files.role_mapping explicitly:
	// Elasticsearch's bootstrap check then parses the file strictly, and an
	// invalid DN or an unreadable file stops the node. Otherwise (the
	// default file) the file is read leniently.
	Strict bool
	// RealmType and RealmName name the realm in Elasticsearch's messages
	// ("ldap", "ldap1"). When either is empty the messages leave the realm
	// out.
	RealmType, RealmName string
	// Path is the file's path as Elasticsearch prints it (its absolute
	// path); the source file's name when empty.
	Path string
}

// realmKnown reports whether messages can name the realm.
func (o Options) realmKnown() bool { return o.RealmType != "" && o.RealmName != "" }

// path returns the path to print, falling back to name.
func (o Options) path(name string) string {
	if o.Path != "" {
		return o.Path
	}
	return name
}

// MissingFileMessage returns Elasticsearch's message for a role mapping
// file that does not exist: strict (the bootstrap check, files.role_mapping
// set explicitly) "Role mapping file [path] for realm [realm] does not
// exist.", which stops the node; lenient the same text followed by " Role
// mapping will be skipped.", logged at WARN, with no mappings.
func MissingFileMessage(path, realm string, strict bool) string {
	msg := fmt.Sprintf("Role mapping file [%s] for realm [%s] does not exist.", path, realm)
	if !strict {
		msg += " Role mapping will be skipped."
	}
	return msg
}

// couldNotReadMessage is the ElasticsearchException DnRoleMapper.parseFile
// throws when the settings loader fails with an IOException or a
// SettingsException.
func couldNotReadMessage(o Options, path string) string {
	if o.realmKnown() {
		return fmt.Sprintf("could not read realm [%s/%s] role mappings file [%s]", o.RealmType, o.RealmName, path)
	}
	return fmt.Sprintf("could not read role mappings file [%s]", path)
}

// lenientFailureMessage is what parseFileLenient logs at ERROR when the
// file cannot be parsed; all mappings are then dropped.
func lenientFailureMessage(path string) string {
	return fmt.Sprintf("failed to parse role mappings file [%s]. skipping/removing all mappings...", path)
}

// invalidDNMessage is DnRoleMapper's message for a DN UnboundID rejects.
func invalidDNMessage(o Options, path, text string) string {
	if o.realmKnown() {
		return fmt.Sprintf("invalid DN [%s] found in [%s] role mappings [%s] for realm [%s/%s].", text, o.RealmType, path, o.RealmType, o.RealmName)
	}
	return fmt.Sprintf("invalid DN [%s] found in role mappings [%s].", text, path)
}

// MissingFileDiagnostic reports a realm's role mapping file that does not
// exist, at span (typically where the realm or its files.role_mapping is
// configured). Strict (files.role_mapping set explicitly): an error, the
// node does not start. Lenient (the default file): an info, Elasticsearch
// logs a warning and maps no DN for the realm.
func MissingFileDiagnostic(span source.Span, path, realm string, strict bool) diag.Diagnostic {
	d := diag.At(Check, span, "%s", MissingFileMessage(path, realm, strict))
	if strict {
		d.Level = diag.Error
		d.Message = "Elasticsearch refuses to start: " + d.Message
	} else {
		d.Level = diag.Info
		d.Message = "Elasticsearch logs a warning: " + d.Message
	}
	return d
}
