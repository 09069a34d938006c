package config

import (
	"fmt"
	"slices"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Scripting is the scripting restriction that decides whether role
// templates work: script.allowed_types and script.allowed_contexts.
// Elasticsearch's ScriptService allows everything when a setting is absent,
// and nothing when it is "none".
type Scripting struct {
	// AllowedTypes is script.allowed_types (inline, stored or none) when
	// AllowedTypesSet.
	AllowedTypes    []string
	AllowedTypesSet bool
	// AllowedContexts is script.allowed_contexts (template is the context
	// role templates use) when AllowedContextsSet.
	AllowedContexts    []string
	AllowedContextsSet bool
	// TypesSpan and ContextsSpan are where the settings are written.
	TypesSpan, ContextsSpan source.Span
}

// The script types (ScriptType) and the "none" value.
const (
	ScriptInline = "inline"
	ScriptStored = "stored"
	ScriptNone   = "none"
	// TemplateContext is the script context role templates compile in.
	TemplateContext = "template"
)

// TypeAllowed reports whether scripts of type t (inline or stored) may run.
func (s Scripting) TypeAllowed(t string) bool {
	return !s.AllowedTypesSet || slices.Contains(s.AllowedTypes, t) && t != ScriptNone
}

// ContextAllowed reports whether scripts may run in the context ctx.
func (s Scripting) ContextAllowed(ctx string) bool {
	return !s.AllowedContextsSet || slices.Contains(s.AllowedContexts, ctx) && ctx != ScriptNone
}

// TemplatesAllowed reports whether role templates of the given script type
// can be used at all.
func (s Scripting) TemplatesAllowed(scriptType string) bool {
	return s.TypeAllowed(scriptType) && s.ContextAllowed(TemplateContext)
}

// checkScriptTypes validates a script.allowed_types list like
// ScriptService's constructor; the messages are Elasticsearch's.
func checkScriptTypes(key string, list []string) error {
	if len(list) == 0 {
		return fmt.Errorf("must specify at least one script type or none for setting [%s].", key)
	}
	for _, t := range list {
		switch t {
		case ScriptNone:
			if len(list) != 1 {
				return fmt.Errorf("cannot specify both [none] and other script types for setting [%s].", key)
			}
		case ScriptInline, ScriptStored:
		default:
			return fmt.Errorf("unknown script type [%s] found in setting [%s].", t, key)
		}
	}
	return nil
}

// checkScriptContexts validates a script.allowed_contexts list like
// ScriptService's constructor. Context names are not checked: the set of
// registered contexts depends on the installed modules and version.
func checkScriptContexts(key string, list []string) error {
	if len(list) == 0 {
		return fmt.Errorf("must specify at least one script context or none for setting [%s].", key)
	}
	for _, c := range list {
		if c == ScriptNone && len(list) != 1 {
			return fmt.Errorf("cannot specify both [none] and other script contexts for setting [%s].", key)
		}
		if c == "" {
			return fmt.Errorf("unknown script context [] found in setting [%s].", key)
		}
	}
	return nil
}
