package lint

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

var disabledMappingAnalyzer = &Analyzer{
	Name:    "disabled-mapping",
	Level:   diag.Info,
	Summary: "enabled: false",
	Doc: "A mapping with `enabled: false` is stored but never applied. Worth knowing when reviewing a change: " +
		"delete it if it is no longer needed.",
	Run: runDisabledMapping,
}

func runDisabledMapping(p *Pass) {
	for _, m := range p.Workspace.Mappings {
		mem := m.Field("enabled")
		if mem == nil || !m.Valid() || m.Enabled {
			continue
		}
		p.Report(diag.Diagnostic{Span: mem.Value.Span, Mapping: m.Name, Pointer: m.Pointer.Append("enabled").String(),
			Message: "mapping [" + m.Name + "] is disabled (enabled: false): Elasticsearch stores it but never applies it"})
	}
}
