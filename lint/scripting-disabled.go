package lint

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

var scriptingDisabled = &Analyzer{
	Name:     diag.ScriptingDisabled,
	Level:    diag.Error,
	Security: false,
	Summary:  "templates while script.allowed_types or script.allowed_contexts forbid them",
	Doc: "Role templates are mustache scripts run in the `template` context. When `script.allowed_types` excludes the " +
		"template's type (`inline` for `source`, `stored` for `id`) or `script.allowed_contexts` excludes `template`, " +
		"Elasticsearch rejects every mapping with such a template at PUT (\"all attempts to create a role mapping with role " +
		"templates fail\"). The settings come from the config's `scripting` or the `elasticsearch_yml` it names.",
	Run: runScriptingDisabled,
}

// ScriptSettings converts the configured scripting restrictions.
func ScriptSettings(s config.Scripting) template.ScriptSettings {
	var out template.ScriptSettings
	if s.AllowedTypesSet {
		out.AllowedTypes = append([]string{}, s.AllowedTypes...)
	}
	if s.AllowedContextsSet {
		out.AllowedContexts = append([]string{}, s.AllowedContexts...)
	}
	return out
}

func runScriptingDisabled(p *Pass) {
	sc := p.Settings.Config.Scripting
	if !sc.AllowedTypesSet && !sc.AllowedContextsSet {
		return
	}
	settings := ScriptSettings(sc)
	for _, m := range p.Workspace.Mappings {
		for _, t := range m.Templates {
			if t.ParseErr() != nil {
				continue
			}
			err := t.CheckScripting(settings)
			var te *template.Error
			if err == nil || !errors.As(err, &te) || te.Stage != template.StageScripting {
				continue
			}
			p.Report(at(m, t.Span(), "%s: %s, so Elasticsearch rejects this mapping at PUT; allow %s scripts in the template context, or replace the template with fixed roles",
				err.Error(), scriptingWhere(sc), scriptType(t)))
		}
	}
}

func scriptType(t *template.Template) string {
	if t.IsStored() {
		return "stored"
	}
	return "inline"
}

func scriptingWhere(s config.Scripting) string {
	var parts []string
	if s.AllowedTypesSet {
		parts = append(parts, fmt.Sprintf("script.allowed_types is [%s]%s", strings.Join(s.AllowedTypes, ", "), spanWhere(s.TypesSpan)))
	}
	if s.AllowedContextsSet {
		parts = append(parts, fmt.Sprintf("script.allowed_contexts is [%s]%s", strings.Join(s.AllowedContexts, ", "), spanWhere(s.ContextsSpan)))
	}
	return strings.Join(parts, " and ")
}
