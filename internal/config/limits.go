package config

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

// limitKeys are the keys of the limits section, each naming one field of
// budget.Limits.
var limitKeys = []string{"automaton_states", "analysis_states", "analysis_steps", "pattern_states",
	"yaml_nodes", "yaml_nodes_total", "template_steps", "pattern_length", "file_size", "array_items",
	"object_keys", "string_length"}

// limitField returns the field of l that the limits key names.
func limitField(l *budget.Limits, key string) *int64 {
	switch key {
	case "automaton_states":
		return &l.AutomatonStates
	case "analysis_states":
		return &l.AnalysisStates
	case "analysis_steps":
		return &l.AnalysisSteps
	case "pattern_states":
		return &l.PatternStates
	case "yaml_nodes":
		return &l.YAMLNodes
	case "yaml_nodes_total":
		return &l.YAMLNodesTotal
	case "template_steps":
		return &l.TemplateSteps
	case "pattern_length":
		return &l.PatternLength
	case "file_size":
		return &l.FileSize
	case "array_items":
		return &l.ArrayItems
	case "object_keys":
		return &l.ObjectKeys
	case "string_length":
		return &l.StringLength
	}
	return nil
}

// limits decodes the limits section: each key a positive integer that
// replaces the default size of one of the run's budgets (package budget).
func (d *decoder) limits(n *yaml.Node) {
	if !d.mapping(n, "limits") {
		return
	}
	d.fields(n, "limits", limitKeys, func(key string, _, v *yaml.Node) {
		what := "limits." + key
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" {
			d.errorf(v, "%s: want a positive integer, got %s", what, kindName(v))
			return
		}
		x, err := strconv.ParseInt(v.Value, 0, 64)
		if err != nil || x <= 0 {
			d.errorf(v, "%s: want a positive integer, got %s", what, v.Value)
			return
		}
		*limitField(&d.c.Limits, key) = x
	})
}
