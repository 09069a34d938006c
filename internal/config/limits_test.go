package config

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
)

func TestLimits(t *testing.T) {
	tests := []struct {
		name, src string
		want      budget.Limits
		err       string
	}{
		{"absent", "es_version: \"9.1\"\n", budget.Limits{}, ""},
		{"every key", "limits:\n  automaton_states: 1\n  analysis_states: 2\n  analysis_steps: 3\n  pattern_states: 4\n" +
			"  yaml_nodes: 5\n  yaml_nodes_total: 6\n  template_steps: 7\n  pattern_length: 8\n  file_size: 9\n  array_items: 10\n" +
			"  object_keys: 11\n  string_length: 12\n",
			budget.Limits{AutomatonStates: 1, AnalysisStates: 2, AnalysisSteps: 3, PatternStates: 4, YAMLNodes: 5, YAMLNodesTotal: 6, TemplateSteps: 7,
				PatternLength: 8, FileSize: 9, ArrayItems: 10, ObjectKeys: 11, StringLength: 12}, ""},
		{"file size", "limits:\n  file_size: 134_217_728\n", budget.Limits{FileSize: 128 << 20}, ""},
		{"negative", "limits:\n  array_items: -1\n", budget.Limits{}, "limits.array_items: want a positive integer, got -1"},
		{"underscores", "limits:\n  automaton_states: 20_000_000\n", budget.Limits{AutomatonStates: 20_000_000}, ""},
		{"unknown key", "limits:\n  automaton_state: 5\n", budget.Limits{}, `unknown key "automaton_state" in limits (did you mean "automaton_states"?)`},
		{"zero", "limits:\n  yaml_nodes: 0\n", budget.Limits{}, "limits.yaml_nodes: want a positive integer, got 0"},
		{"string", "limits:\n  yaml_nodes: lots\n", budget.Limits{}, "limits.yaml_nodes: want a positive integer, got the string \"lots\""},
		{"not a mapping", "limits: 5\n", budget.Limits{}, "limits: want a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseTest(t, tt.src)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want it to contain %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Limits != tt.want {
				t.Fatalf("limits %+v, want %+v", c.Limits, tt.want)
			}
		})
	}
}
