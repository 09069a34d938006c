package report

import "fmt"

// Coverage says how much of the rules the fixture users exercised: for
// every rule node of every applied mapping, whether some fixture user made
// it true and some made it false (two outcomes per node).
type Coverage struct {
	Covered int            `json:"covered"`
	Total   int            `json:"total"`
	Percent float64        `json:"percent"`
	Files   []FileCoverage `json:"files"`
	// Min is the --coverage-min threshold (0 = none); Below is set when
	// Percent is under it.
	Min   float64 `json:"min,omitempty"`
	Below bool    `json:"below,omitempty"`
}

// FileCoverage is the coverage of one file's mappings.
type FileCoverage struct {
	File     string            `json:"file"`
	Covered  int               `json:"covered"`
	Total    int               `json:"total"`
	Percent  float64           `json:"percent"`
	Mappings []MappingCoverage `json:"mappings"`
}

// MappingCoverage is the coverage of one mapping's rules.
type MappingCoverage struct {
	Name    string    `json:"name"`
	Line    int       `json:"line"`
	Covered int       `json:"covered"`
	Total   int       `json:"total"`
	Gaps    []NodeGap `json:"gaps"`
}

// NodeGap is a rule node with an outcome no fixture produced.
type NodeGap struct {
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Rule   string `json:"rule"`
	// Missing is "true", "false" or "true and false".
	Missing string `json:"missing"`
}

// Percentage computes covered/total as a percentage (100 when total is 0).
func Percentage(covered, total int) float64 {
	if total == 0 {
		return 100
	}
	return float64(covered) * 100 / float64(total)
}

func (t *textWriter) coverage(c *Coverage) {
	if c == nil {
		return
	}
	color := ansiGreen
	if c.Below {
		color = ansiRed
	}
	line := fmt.Sprintf("coverage: %.1f%% of rule outcomes (%d/%d)", c.Percent, c.Covered, c.Total)
	if c.Min > 0 {
		line += fmt.Sprintf(", minimum %.1f%%", c.Min)
	}
	fmt.Fprintln(t.w, t.paint(color, line))
	width := 0
	for _, f := range c.Files {
		width = max(width, len(esc(f.File)))
	}
	for _, f := range c.Files {
		fmt.Fprintf(t.w, "  %-*s  %5.1f%%\n", width, esc(f.File), f.Percent)
		for _, m := range f.Mappings {
			for _, g := range m.Gaps {
				fmt.Fprintf(t.w, "      %s:%d:%d  mapping [%s] %s: never %s\n", esc(f.File), g.Line, g.Column, esc(m.Name), esc(g.Rule), g.Missing)
			}
		}
	}
}
