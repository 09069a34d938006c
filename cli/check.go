package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/rolemap-lint/rolemap-lint/diag"
	"github.com/rolemap-lint/rolemap-lint/lint"
	"github.com/rolemap-lint/rolemap-lint/report"
	"github.com/rolemap-lint/rolemap-lint/workspace"
)

const checkUsage = `Usage: rolemap-lint [check|lint] [flags] [PATH...]

check (the default) lints every role mapping under the PATHs and runs the
fixture tests; lint only lints. PATHs are files or directories (default "."),
walked recursively; "-" reads one document from standard input.`

func runCheck(env Env, cmd string, args []string) (int, error) {
	var cf commonFlags
	fs := newFlagSet(cmd, checkUsage, env.Stderr)
	cf.register(fs)
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if isHelp(err) {
			fmt.Fprintln(env.Stdout, helpText(fs, checkUsage))
			return ExitOK, nil
		}
		return 0, usagef("%v (see rolemap-lint %s -h)", err, cmd)
	}
	failOn, err := parseFailOn(cf.failOn)
	if err != nil {
		return 0, err
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	run, err := newRun(env, &cf, paths)
	if err != nil {
		return 0, err
	}
	ws, err := run.load()
	if errors.Is(err, workspace.ErrNoFiles) {
		if !cf.allowEmpty {
			return 0, usagef("nothing to check: %v under %v (use --allow-empty to accept this)", err, paths)
		}
		ws = &workspace.Workspace{}
	} else if err != nil {
		return 0, err
	}
	res := &report.Result{
		Findings: lint.Run(ws, run.settings, lint.All()),
		Skipped:  ws.Skipped,
		Notes:    ws.Notes,
	}
	res.Summary.Files = len(ws.Files)
	res.Summary.Mappings = len(ws.Mappings)
	res.Summary.SkippedFiles = len(ws.Skipped)
	res.Count()
	if err := run.write(res); err != nil {
		return 0, err
	}
	return exitCode(res, failOn), nil
}

func parseFailOn(s string) (diag.Level, error) {
	l, err := diag.ParseLevel(s)
	if err != nil || l == diag.Off {
		return 0, usagef("invalid --fail-on %q (want error, warning or info)", s)
	}
	return l, nil
}

// exitCode is 1 when a finding is at or above failOn or a test failed.
func exitCode(r *report.Result, failOn diag.Level) int {
	for _, f := range r.Findings {
		if f.Level >= failOn {
			return ExitFindings
		}
	}
	if r.Summary.Failed > 0 {
		return ExitFindings
	}
	return ExitOK
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
