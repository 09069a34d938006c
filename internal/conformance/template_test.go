package conformance

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/template"
)

// templateErrors runs a template_parse / template_validate case: the shape
// parser, then (for validate) what PUT runs with the case's script settings
// and stored scripts.
func templateErrors(t *testing.T, c Case) []string {
	t.Helper()
	v := parseJSON(t, c.RoleTemplate)
	tmpl, diags := template.Parse(v)
	errs := messages(diags)
	if len(errs) > 0 || c.Stage == "template_parse" {
		return errs
	}
	settings := template.ScriptSettings{}
	if at, ok := c.ScriptSettings["script.allowed_types"]; ok {
		settings.AllowedTypes = strings.Split(at, ",")
	}
	if c.StoredScripts != nil {
		settings.StoredScripts = map[string]template.StoredScript{}
	}
	if err := tmpl.Validate(settings); err != nil {
		errs = append(errs, err.Error())
	}
	return errs
}
