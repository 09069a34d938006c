// Package cli implements the rolemap-lint command line (docs/usage.md, "Commands"): command
// dispatch, flags, config discovery, running the checks and reporting.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/safetext"
)

// Exit codes (docs/usage.md, "Exit codes").
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
	ExitInternal = 3
)

// Env is the process environment the CLI runs in.
type Env struct {
	Args   []string // without the program name
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads environment variables (nil: os.Getenv).
	Getenv func(string) string
	// Dir is the working directory ("" = the process's).
	Dir string
}

const mainUsage = `rolemap-lint lints and tests Elasticsearch role mappings.

Usage:
  rolemap-lint [check] [flags] [PATH...]   lint, then run fixtures (the default command)
  rolemap-lint lint [flags] [PATH...]      lint only
  rolemap-lint test [flags] [PATH...]      run the fixture tests only
  rolemap-lint explain [user flags] [PATH...]
  rolemap-lint checks [--format text|json|markdown]
  rolemap-lint schema
  rolemap-lint version

PATHs are files or directories (default "."); "-" reads standard input;
"--" ends the flags (every later argument is a PATH).
Run "rolemap-lint COMMAND --help" for the flags of a command;
"rolemap-lint --version" (-V) prints the version.
Exit codes: 0 ok, 1 findings or failed tests, 2 usage error, 3 internal error.`

// Main runs the command line and returns the exit code. It never panics:
// an internal error is reported as such with exit code 3.
func Main(env Env) (code int) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	defer func() {
		if r := recover(); r != nil {
			printError(env.Stderr, "rolemap-lint: internal error: "+safetext.Escape(fmt.Sprint(r))+
				"\nThis is a bug; please report it with the input that caused it.")
			if env.Getenv("ROLEMAP_LINT_DEBUG") != "" {
				env.Stderr.Write(debug.Stack())
			}
			code = ExitInternal
		}
	}()
	args := env.Args
	cmd := "check"
	if len(args) > 0 {
		switch args[0] {
		case "check", "lint", "test", "explain", "checks", "schema", "version", "help":
			cmd, args = args[0], args[1:]
		case "-h", "-help", "--help":
			fmt.Fprintln(env.Stdout, mainUsage)
			return ExitOK
		case "-V", "--version", "-version":
			if len(args) > 1 {
				printError(env.Stderr, "rolemap-lint: --version takes no arguments")
				return ExitUsage
			}
			printVersion(env.Stdout)
			return ExitOK
		}
	}
	var err error
	switch cmd {
	case "help":
		fmt.Fprintln(env.Stdout, mainUsage)
		return ExitOK
	case "check", "lint", "test":
		code, err = runCheck(env, cmd, args)
	case "explain":
		code, err = runExplain(env, args)
	case "checks":
		code, err = runChecks(env, args)
	case "schema":
		code, err = runSchema(env, args)
	case "version":
		code, err = runVersion(env, args)
	}
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			printError(env.Stderr, fmt.Sprintf("rolemap-lint %s: %s", cmd, strings.TrimSpace(err.Error())))
			return ExitUsage
		}
		printError(env.Stderr, fmt.Sprintf("rolemap-lint %s: %v", cmd, err))
		return ExitInternal
	}
	return code
}

// printError writes a message to standard error, one line at a time, each
// escaped (safetext.Escape) and none able to start as a CI runner command
// (safetext.GuardLine): messages quote config values and file names from
// the repository.
func printError(w io.Writer, msg string) {
	var b strings.Builder
	for _, line := range strings.Split(msg, "\n") {
		b.WriteString(safetext.GuardLine(safetext.Escape(line)))
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}
