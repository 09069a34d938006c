// Package cli implements the rolemap-lint command line (SPEC §2): command
// dispatch, flags, config discovery, running the checks and reporting.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// Exit codes (SPEC §4).
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

PATHs are files or directories (default "."); "-" reads standard input.
Run "rolemap-lint COMMAND -h" for the flags of a command.
Exit codes: 0 ok, 1 findings or failed tests, 2 usage error, 3 internal error.`

// Main runs the command line and returns the exit code. It never panics:
// an internal error is reported as such with exit code 3.
func Main(env Env) (code int) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(env.Stderr, "rolemap-lint: internal error: %v\nThis is a bug; please report it with the input that caused it.\n", r)
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
			fmt.Fprintf(env.Stderr, "rolemap-lint %s: %s\n", cmd, strings.TrimSpace(err.Error()))
			return ExitUsage
		}
		fmt.Fprintf(env.Stderr, "rolemap-lint %s: %v\n", cmd, err)
		return ExitInternal
	}
	return code
}
