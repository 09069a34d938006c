package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// usageError is a problem with the command line or the config (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// commonFlags are the flags every checking command accepts.
type commonFlags struct {
	formats       formatList
	output        string
	config        string
	failOn        string
	noColor       bool
	quiet         bool
	verbose       bool
	stdinFilename string
	allowEmpty    bool
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.Var(&c.formats, "format", "report `FORMAT[=FILE]`: text, json, sarif, github or junit; repeat to write several (e.g. --format text --format sarif=out.sarif)")
	fs.StringVar(&c.output, "output", "", "write the report to `FILE` instead of standard output")
	fs.StringVar(&c.config, "config", "", "use the config `FILE` instead of discovering .rolemap-lint.yaml")
	fs.StringVar(&c.failOn, "fail-on", "error", "exit 1 on findings at or above `LEVEL`: error, warning or info")
	fs.BoolVar(&c.noColor, "no-color", false, "never colour the text output")
	fs.BoolVar(&c.quiet, "q", false, "print findings only")
	fs.BoolVar(&c.verbose, "v", false, "also list every JSON/YAML file with its decision and the reason, and notes")
	fs.StringVar(&c.stdinFilename, "stdin-filename", "", "name standard input (PATH -) as `NAME` in reports; its extension picks JSON or YAML")
	fs.BoolVar(&c.allowEmpty, "allow-empty", false, "exit 0 instead of 2 when the paths hold no role mapping")
}

// parseInterleaved parses flags that may appear before, between and after
// positional arguments (`rolemap-lint ./dir --format json`); `--` ends flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag.Parse stops at the first positional argument, or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlagSet makes a FlagSet that reports errors instead of exiting.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	_ = usage
	return fs
}

// helpText renders a command's usage and flags.
func helpText(fs *flag.FlagSet, usage string) string {
	var b strings.Builder
	b.WriteString(usage)
	b.WriteString("\n\nFlags:\n")
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

var errHelp = flag.ErrHelp

func isHelp(err error) bool { return errors.Is(err, errHelp) }

// flagSet wraps flag.FlagSet for registration callbacks.
type flagSet struct{ *flag.FlagSet }

// flagT is a defined flag, as Visit passes it.
type flagT = flag.Flag
