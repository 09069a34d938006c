package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/safetext"
)

// usageError is a problem with the command line or the config (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef makes a usage error. The format is the tool's own text; every
// argument (file names, flag values, errors quoting them) is escaped with
// safetext.Escape, so that none can add a line or a control sequence to
// the message printed on standard error.
func usagef(format string, args ...any) error {
	for i, a := range args {
		switch v := a.(type) {
		case string:
			args[i] = safetext.Escape(v)
		case []string:
			esc := make([]string, len(v))
			for j, s := range v {
				esc[j] = safetext.Escape(s)
			}
			args[i] = esc
		case error:
			args[i] = safetext.Escape(v.Error())
		case fmt.Stringer:
			args[i] = safetext.Escape(v.String())
		}
	}
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// usageLines makes a usage error from a message of several lines built
// elsewhere (an invalid config lists one problem per line). Each line is
// escaped when it is printed.
func usageLines(msg string) error { return &usageError{msg: msg} }

// commonFlags are the flags of the checking commands (check, lint, test)
// and, in part, of explain.
type commonFlags struct {
	formats       formatList
	output        string
	config        string
	failOn        string
	color         string
	noColor       bool
	quiet         bool
	verbose       bool
	version       bool
	stdinFilename string
	allowEmpty    bool
}

// register defines the flags of check, lint and test.
func (c *commonFlags) register(fs *flagSet) {
	fs.Var(&c.formats, "format", "report `FORMAT[=FILE]`: text, json, sarif, github or junit; repeat to write several (e.g. --format text --format sarif=out.sarif)")
	c.registerShared(fs)
	fs.StringVar(&c.failOn, "fail-on", "error", "exit 1 on findings at or above `LEVEL`: error, warning or info")
	fs.BoolVar(&c.quiet, "quiet", false, "print only the findings and failed tests (and, when the run fails, the summary)")
	fs.alias("q", "quiet")
	fs.BoolVar(&c.verbose, "verbose", false, "also list every JSON/YAML file with its decision and the reason, and notes")
	fs.alias("v", "verbose")
	fs.BoolVar(&c.allowEmpty, "allow-empty", false, "exit 0 instead of 2 when the paths hold no role mapping")
}

// registerShared defines the flags explain shares with the checking
// commands.
func (c *commonFlags) registerShared(fs *flagSet) {
	fs.StringVar(&c.output, "output", "", "write the report to `FILE` instead of standard output")
	fs.StringVar(&c.config, "config", "", "use the config `FILE` instead of discovering .rolemap-lint.yaml")
	fs.StringVar(&c.color, "color", "auto", "colour the text on standard output: `WHEN` is auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR forces it), always or never")
	fs.BoolVar(&c.noColor, "no-color", false, "never colour the output (same as --color never)")
	fs.BoolVar(&c.version, "version", false, "print the version and exit")
	fs.alias("V", "version")
	fs.StringVar(&c.stdinFilename, "stdin-filename", "", "name standard input (PATH -) as `NAME` in reports; its extension picks JSON or YAML")
}

// parseInterleaved parses flags that may appear before, between and after
// positional arguments (`rolemap-lint ./dir --format json`). "--" ends the
// flags: every argument after it is a PATH, even one that looks like a
// flag (a file named --format=json=out.json).
func parseInterleaved(fs *flagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag.Parse stops at the first positional argument, or after "--"
		// (which it consumes).
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagSet is a flag.FlagSet that knows which names are aliases (-q for
// --quiet) so that its help lists them together.
type flagSet struct {
	*flag.FlagSet
	aliases map[string]string // alias -> flag name
}

// newFlagSet makes a FlagSet that reports errors instead of exiting.
func newFlagSet(name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, aliases: map[string]string{}}
}

// alias makes short another name of the defined flag name.
func (fs *flagSet) alias(short, name string) {
	f := fs.Lookup(name)
	fs.Var(f.Value, short, f.Usage)
	fs.aliases[short] = name
}

// helpText renders a command's usage and flags. Flags are written as they
// are documented: --name for long names, -x for one-letter aliases.
func helpText(fs *flagSet, usage string) string {
	var b strings.Builder
	b.WriteString(usage)
	b.WriteString("\n\nFlags:\n")
	short := map[string][]string{}
	for a, name := range fs.aliases {
		short[name] = append(short[name], a)
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		if _, isAlias := fs.aliases[f.Name]; !isAlias {
			names = append(names, f.Name)
		}
	})
	sort.Strings(names)
	for _, name := range names {
		f := fs.Lookup(name)
		arg, text := flag.UnquoteUsage(f)
		var spelled []string
		als := short[name]
		sort.Strings(als)
		for _, a := range als {
			spelled = append(spelled, "-"+a)
		}
		spelled = append(spelled, "--"+name)
		b.WriteString("  " + strings.Join(spelled, ", "))
		if arg != "" {
			b.WriteString(" " + arg)
		}
		b.WriteString("\n    \t")
		b.WriteString(strings.ReplaceAll(text, "\n", "\n    \t"))
		if def := f.DefValue; def != "" && def != "false" && def != "0" && def != "[]" {
			fmt.Fprintf(&b, " (default %q)", def)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func isHelp(err error) bool { return errors.Is(err, flag.ErrHelp) }
