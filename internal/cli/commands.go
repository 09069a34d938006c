package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/engine"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/lint"
	"github.com/rolemap-lint/rolemap-lint/schema"
)

// Version is the tool's version when set at build time with
// -ldflags "-X github.com/rolemap-lint/rolemap-lint/internal/cli.Version=v1.2.3";
// otherwise toolVersion reads it from the build information.
var Version = "dev"

// noArgs parses a command that takes flags but no positional arguments.
func noArgs(env Env, name, usage string, args []string, register func(fs *flagSet)) (bool, error) {
	fs := newFlagSet(name)
	if register != nil {
		register(fs)
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		if isHelp(err) {
			fmt.Fprintln(env.Stdout, helpText(fs, usage))
			return true, nil
		}
		return false, usagef("%v (see rolemap-lint %s --help)", err, name)
	}
	if len(rest) > 0 {
		return false, usagef("unexpected argument %q (see rolemap-lint %s --help)", rest[0], name)
	}
	return false, nil
}

const versionUsage = `Usage: rolemap-lint version

Prints the tool's version and the Elasticsearch behaviour it models.`

func runVersion(env Env, args []string) (int, error) {
	if help, err := noArgs(env, "version", versionUsage, args, nil); help || err != nil {
		return ExitOK, err
	}
	printVersion(env.Stdout)
	return ExitOK, nil
}

// printVersion writes what `version` and --version print.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "rolemap-lint %s\nmodels Elasticsearch %s through %s role mapping behaviour (default es_version %s)\n",
		toolVersion(), esversion.Oldest, esversion.Newest, esversion.Newest)
}

const schemaUsage = `Usage: rolemap-lint schema

Prints the JSON Schema (draft 2020-12) of a role mapping body, for editors:
save it and point yaml-language-server or VS Code's json.schemas at it.`

func runSchema(env Env, args []string) (int, error) {
	if help, err := noArgs(env, "schema", schemaUsage, args, nil); help || err != nil {
		return ExitOK, err
	}
	_, err := env.Stdout.Write(schema.JSON())
	return ExitOK, err
}

const checksUsage = `Usage: rolemap-lint checks [--format text|json|markdown]

Lists every check: its id, default level and a one-line summary.`

func runChecks(env Env, args []string) (int, error) {
	format := "text"
	help, err := noArgs(env, "checks", checksUsage, args, func(fs *flagSet) {
		fs.StringVar(&format, "format", "text", "output `FORMAT`: text, json or markdown")
	})
	if help || err != nil {
		return ExitOK, err
	}
	all := lint.All()
	switch format {
	case "text":
		width := 0
		for _, a := range all {
			width = max(width, len(a.Name))
		}
		for _, a := range all {
			fmt.Fprintf(env.Stdout, "%-*s  %-7s  %s\n", width, a.Name, a.Level, a.Summary)
		}
	case "json":
		type entry struct {
			ID      string `json:"id"`
			Level   string `json:"level"`
			Summary string `json:"summary"`
			Doc     string `json:"doc"`
		}
		out := make([]entry, 0, len(all))
		for _, a := range all {
			out = append(out, entry{a.Name, a.Level.String(), a.Summary, a.Doc})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return ExitOK, enc.Encode(out)
	case "markdown":
		fmt.Fprint(env.Stdout, engine.Markdown(all))
	default:
		return 0, usagef("unknown --format %q (want text, json or markdown)", format)
	}
	return ExitOK, nil
}

func runNotYet(env Env, cmd string, args []string) (int, error) {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprintf(env.Stdout, "Usage: rolemap-lint %s [flags] [PATH...]\n\n%s is not yet available in this version.\n", cmd, cmd)
			return ExitOK, nil
		}
	}
	return 0, usagef("%s is not yet available in this version of rolemap-lint; use \"rolemap-lint lint\" for now", strings.TrimSpace(cmd))
}
