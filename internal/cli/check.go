package cli

import (
	"errors"
	"fmt"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
)

const checkUsage = `Usage: rolemap-lint [check|lint|test] [flags] [PATH...]

check (the default) lints every role mapping under the PATHs and runs the
fixture tests (*_test.yaml, *_test.yml, *_test.json); lint only lints; test
only runs the fixtures (reporting the lint errors that make a mapping
invalid, since Elasticsearch would reject it). PATHs are files or
directories (default "."), walked recursively; "-" reads one document from
standard input; "--" ends the flags, so every later argument is a PATH.`

// runCheck implements check, lint and test.
func runCheck(env Env, cmd string, args []string) (int, error) {
	var cf commonFlags
	fs := newFlagSet(cmd)
	cf.register(fs)
	var cov bool
	var covMin float64
	if cmd != "lint" {
		fs.BoolVar(&cov, "coverage", false, "report which rule outcomes (true/false per rule node) the fixture users exercised")
		fs.Float64Var(&covMin, "coverage-min", 0, "with --coverage, exit 1 when coverage is below `PERCENT`")
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if isHelp(err) {
			fmt.Fprintln(env.Stdout, helpText(fs, checkUsage))
			return ExitOK, nil
		}
		return 0, usagef("%v (see rolemap-lint %s --help)", err, cmd)
	}
	if cf.version {
		printVersion(env.Stdout)
		return ExitOK, nil
	}
	failOn, err := parseFailOn(cf.failOn)
	if err != nil {
		return 0, err
	}
	if covMin < 0 || covMin > 100 {
		return 0, usagef("--coverage-min must be between 0 and 100")
	}
	if covMin > 0 {
		cov = true
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	run, err := newRun(env, &cf, paths)
	if err != nil {
		return 0, err
	}
	noMappings := false
	if err := run.open(); errors.Is(err, workspace.ErrNoFiles) {
		noMappings = !cf.allowEmpty
	} else if err != nil {
		return 0, err
	}
	if cmd == "test" && !cf.allowEmpty && !noMappings && run.all.FixtureFiles() == 0 {
		return 0, run.noFixtures()
	}
	var res *report.Result
	switch cmd {
	case "lint":
		res = run.all.Lint()
	case "test":
		res = run.all.Test(cov)
	default:
		res = run.all.Check(cov)
	}
	if noMappings {
		return 0, run.noMappings(res)
	}
	if res.Coverage != nil {
		res.Coverage.Min = covMin
		res.Coverage.Below = covMin > 0 && res.Coverage.Percent < covMin
	}
	res.Count()
	code := exitCode(res, failOn)
	if res.Coverage != nil && res.Coverage.Below {
		code = ExitFindings
	}
	run.failing = code != ExitOK
	if err := run.write(res); err != nil {
		return 0, err
	}
	return code, nil
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
