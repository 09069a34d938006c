package report

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// multitoolEnv names the SARIF multitool executable to use.
const multitoolEnv = "ROLEMAP_LINT_SARIF_MULTITOOL"

// findMultitool locates Microsoft's SARIF multitool: $ROLEMAP_LINT_SARIF_MULTITOOL,
// then sarif-multitool on PATH, then an npm install in /tmp/sarif-mt
// (`npm install --prefix /tmp/sarif-mt @microsoft/sarif-multitool`).
func findMultitool() string {
	if p := os.Getenv(multitoolEnv); p != "" {
		return p
	}
	if p, err := exec.LookPath("sarif-multitool"); err == nil {
		return p
	}
	p := filepath.Join(os.TempDir(), "sarif-mt", "node_modules", ".bin", "sarif-multitool")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// TestSARIFMultitool validates the sarif output with Microsoft's SARIF
// multitool, both its SARIF rules and its GitHub code scanning rules
// (`--rule-kind Gh`): no error or warning may be reported.
func TestSARIFMultitool(t *testing.T) {
	tool := findMultitool()
	if tool == "" {
		t.Skipf("SARIF multitool not found: set %s, put sarif-multitool on PATH, or run "+
			"`npm install --prefix /tmp/sarif-mt @microsoft/sarif-multitool`", multitoolEnv)
	}
	if testing.Short() {
		t.Skip("the multitool takes seconds; skipped with -short")
	}
	dir := t.TempDir()
	noFile := &Result{Findings: []diag.Diagnostic{{Check: "schema", Level: diag.Error, Message: "no file"}}}
	inputs := map[string]*Result{"sample.sarif": sampleResult(t), "empty.sarif": emptyResult(), "nofile.sarif": noFile}
	for name, res := range inputs {
		out := sarifOf(t, res, sampleRules(), SARIFOptions{ToolVersion: "0.1.0", SrcRoot: "/home/runner/work/repo"})
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name := range inputs {
		for _, kind := range []string{"Sarif", "Gh"} {
			t.Run(name+"/"+kind, func(t *testing.T) {
				report := filepath.Join(dir, name+"."+kind+".validation.sarif")
				ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, tool, "validate", filepath.Join(dir, name),
					"--rule-kind", kind, "--output", report, "--log", "ForceOverwrite")
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%s validate: %v\n%s", tool, err, out)
				}
				for _, p := range multitoolProblems(t, report) {
					t.Error(p)
				}
			})
		}
	}
}

// multitoolProblems lists the error and warning results of a multitool
// validation log (a result without a level is a warning, SARIF's default).
func multitoolProblems(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("reading the multitool's log: %v", err)
	}
	var out []string
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if r.Level == "" || r.Level == "error" || r.Level == "warning" {
				msg, _ := json.Marshal(r.Message)
				out = append(out, r.RuleID+" "+string(msg))
			}
		}
	}
	return out
}
