package lint

import (
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

var storedTemplate = &Analyzer{
	Name:    "stored-template",
	Level:   diag.Info,
	Summary: "a stored-script template (id) that cannot be checked offline",
	Doc: "A role template with `{\"id\": \"...\"}` runs a stored script that lives in the cluster. rolemap-lint cannot " +
		"read it: it cannot check its syntax, what it renders, or evaluate it in fixtures (a fixture user that reaches " +
		"it fails with an explanation). Elasticsearch rejects the mapping at PUT if the script does not exist.",
	Run: runStoredTemplate,
}

func runStoredTemplate(p *Pass) {
	for _, m := range p.Workspace.Mappings {
		for _, t := range m.Templates {
			if t.IsStored() && t.ParseErr() == nil {
				p.Report(at(m, t.SourceSpan(), "template runs the stored script [%s], which only the cluster has: rolemap-lint cannot check or evaluate it, and Elasticsearch rejects the mapping at PUT if the script does not exist", t.ID()))
			}
		}
	}
}
