package template

import (
	"fmt"
	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"slices"
	"strconv"
)

// DefaultMaxScriptSize is script.max_size_in_bytes' default.
const DefaultMaxScriptSize = 65535

// ScriptSettings are the node settings that decide whether a role template
// may run. The zero value is Elasticsearch's default: every script type
// and context allowed.
type ScriptSettings struct {
	// AllowedTypes is script.allowed_types: nil allows all types;
	// ["none"] allows none; otherwise "inline" and/or "stored".
	AllowedTypes []string
	// AllowedContexts is script.allowed_contexts: nil allows all;
	// ["none"] allows none. Role templates run in context "template".
	AllowedContexts []string
	// MaxSizeInBytes is script.max_size_in_bytes (0 means 65535).
	MaxSizeInBytes int
	// StoredScripts are the cluster's stored scripts by id. nil means
	// unknown: stored templates are not looked up (and cannot be
	// rendered); a non-nil map is the complete set.
	StoredScripts map[string]StoredScript
	// OutputLimit is mustache.max_output_size_bytes in characters (0 means
	// the default, 1mb).
	OutputLimit int
	// Steps, when set, is the run's pool of rendering steps (package
	// budget): not a node setting but this tool's bound on the renderings
	// of a whole run.
	Steps *budget.Pool
}

// StoredScript is a stored script as the cluster holds it.
type StoredScript struct {
	Lang    string            // "mustache", "painless", ...
	Source  string            // the script text
	Options map[string]string // compiler options (content_type)
}

// scriptContext is TemplateScript.CONTEXT's name.
const scriptContext = "template"

// Validate reports the errors with which Elasticsearch refuses to start
// with these settings (ScriptService's constructor).
func (s ScriptSettings) Validate() error {
	if s.AllowedTypes != nil {
		if len(s.AllowedTypes) == 0 {
			return fmt.Errorf("must specify at least one script type or none for setting [script.allowed_types].")
		}
		for _, ty := range s.AllowedTypes {
			switch ty {
			case "none":
				if len(s.AllowedTypes) != 1 {
					return fmt.Errorf("cannot specify both [none] and other script types for setting [script.allowed_types].")
				}
			case "inline", "stored":
			default:
				return fmt.Errorf("unknown script type [%s] found in setting [script.allowed_types].", ty)
			}
		}
	}
	if s.AllowedContexts != nil {
		if len(s.AllowedContexts) == 0 {
			return fmt.Errorf("must specify at least one script context or none for setting [script.allowed_contexts].")
		}
		if slices.Contains(s.AllowedContexts, "none") && len(s.AllowedContexts) != 1 {
			return fmt.Errorf("cannot specify both [none] and other script contexts for setting [script.allowed_contexts].")
		}
	}
	return nil
}

func (s ScriptSettings) typeAllowed(ty string) bool {
	return s.AllowedTypes == nil || (slices.Contains(s.AllowedTypes, ty) && !slices.Contains(s.AllowedTypes, "none"))
}

func (s ScriptSettings) contextAllowed() bool {
	return s.AllowedContexts == nil || (slices.Contains(s.AllowedContexts, scriptContext) && !slices.Contains(s.AllowedContexts, "none"))
}

// knownLangs are the script engines a default Elasticsearch distribution
// has.
var knownLangs = []string{"mustache", "painless", "expression"}

// CheckScripting reproduces the checks ScriptService.compile makes before
// compiling a role template, in its order: the stored script must exist
// (when s.StoredScripts is known) and its language must exist; the script
// type must be allowed by script.allowed_types; the "template" context by
// script.allowed_contexts; an inline source must fit
// script.max_size_in_bytes. It returns nil for templates that fail earlier
// (see ValidateAtPut).
func (t *Template) CheckScripting(s ScriptSettings) error {
	if e := t.checkScripting(s); e != nil {
		return e
	}
	return nil
}

func (t *Template) checkScripting(s ScriptSettings) *Error {
	if t.parseErr != nil || t.scriptErr != nil {
		return nil
	}
	sc := t.script
	ty := "inline"
	if sc.stored {
		ty = "stored"
		if s.StoredScripts != nil {
			st, ok := s.StoredScripts[sc.idOrCode]
			if !ok {
				return &Error{Stage: StageScripting, Span: sc.sourceSpan, Pointer: sc.sourcePtr,
					Message: "unable to find script [" + sc.idOrCode + "] in cluster state",
					Advice:  "store the script first (PUT _scripts/" + sc.idOrCode + ") or use an inline \"source\""}
			}
			if !slices.Contains(knownLangs, st.Lang) {
				return &Error{Stage: StageScripting, Span: sc.sourceSpan, Pointer: sc.sourcePtr,
					Message: "script_lang not supported [" + st.Lang + "]",
					Advice:  "role templates are mustache templates; store the script with \"lang\": \"mustache\""}
			}
		}
	}
	if !s.typeAllowed(ty) {
		return &Error{Stage: StageScripting, Span: sc.sourceSpan, Pointer: sc.sourcePtr,
			Message: "cannot execute [" + ty + "] scripts",
			Advice:  "role templates need script.allowed_types to include \"" + ty + "\"; otherwise every PUT of this mapping fails"}
	}
	if !s.contextAllowed() {
		return &Error{Stage: StageScripting, Span: sc.sourceSpan, Pointer: sc.sourcePtr,
			Message: "cannot execute scripts using [" + scriptContext + "] context",
			Advice:  "role templates need script.allowed_contexts to include \"template\"; otherwise every PUT of this mapping fails"}
	}
	if !sc.stored {
		limit := s.MaxSizeInBytes
		if limit == 0 {
			limit = DefaultMaxScriptSize
		}
		if n := len(sc.idOrCode); n > limit {
			return &Error{Stage: StageScripting, Span: sc.sourceSpan, Pointer: sc.sourcePtr,
				Message: "exceeded max allowed inline script size in bytes [" + strconv.Itoa(limit) + "] with size [" + strconv.Itoa(n) + "] for script [" + sc.idOrCode + "]",
				Advice:  "shorten the template or raise script.max_size_in_bytes"}
		}
	}
	return nil
}

// ValidateAtPut is what Elasticsearch checks when a mapping holding this
// template is PUT (or loaded from operator file settings) on a node with
// default script settings: the shape, the script, the scripting checks,
// compilation, and one execution with empty params. A stored template is
// accepted, since its script is not known offline.
func (t *Template) ValidateAtPut() error { return t.Validate(ScriptSettings{}) }

// Validate is ValidateAtPut on a node with the given script settings.
func (t *Template) Validate(s ScriptSettings) error {
	if e := t.validate(s); e != nil {
		return e
	}
	return nil
}

func (t *Template) validate(s ScriptSettings) *Error {
	if t.parseErr != nil {
		return t.parseErr
	}
	if t.scriptErr != nil {
		return t.scriptErr
	}
	if e := t.checkScripting(s); e != nil {
		return e
	}
	c, _, e := t.program(s)
	if e != nil {
		if e.Stage == StageOffline {
			return nil
		}
		return e
	}
	if t.script.stored {
		// TemplateRoleName.validate executes only scripts whose lang is
		// "mustache"; a stored script's lang is null there, so stored
		// templates are compiled, not executed.
		return nil
	}
	if _, e := t.render(c, nil, s); e != nil && e.Stage != StageOffline {
		return e
	}
	return nil
}

// program returns the compiled template to run and its language.
func (t *Template) program(s ScriptSettings) (compiled, string, *Error) {
	sc := t.script
	if !sc.stored {
		if t.compileErr != nil {
			return compiled{}, "", t.compileErr
		}
		if t.prog == nil {
			return compiled{}, "", &Error{Stage: StageOffline, Message: "the template was not compiled"}
		}
		return compiled{prog: t.prog, enc: t.enc}, "mustache", nil
	}
	st, ok := s.StoredScripts[sc.idOrCode]
	if !ok {
		return compiled{}, "", &Error{Stage: StageOffline, Span: sc.sourceSpan, Pointer: sc.sourcePtr,
			Message: "stored script [" + sc.idOrCode + "] is not available offline",
			Advice:  "provide the stored script's source to check and evaluate this template"}
	}
	if st.Lang != "mustache" {
		return compiled{}, st.Lang, &Error{Stage: StageOffline, Span: sc.sourceSpan, Pointer: sc.sourcePtr,
			Message: "stored script [" + sc.idOrCode + "] is a [" + st.Lang + "] script, which cannot be evaluated offline"}
	}
	c, e := compileScript(st.Source, st.Options[contentTypeOption])
	if e != nil {
		e.Span, e.Pointer = sc.sourceSpan, sc.sourcePtr
		return compiled{}, "", e
	}
	return c, "mustache", nil
}
