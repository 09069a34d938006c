package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/report"
)

const explainUsage = `Usage: rolemap-lint explain [user flags] [flags] [PATH...]

Shows the roles one user gets from the role mappings under the PATHs and,
for every mapping, why it matched or not: its rule tree, node by node.
Describe the user with --user FILE (a fixture's user object, YAML or JSON)
or with --username, --dn, --group, --realm and --metadata.

explain writes text or json only: it cannot write sarif, github or junit,
and --fail-on, --quiet and --verbose do not apply (it always exits 0 once
it has explained the user).`

// stringList collects a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// explainFlags are the user flags of explain.
type explainFlags struct {
	userFile, username, dn, realm string
	groups, metadata              stringList
}

// explainFormat is explain's --format: text or json, optionally =FILE.
type explainFormat struct {
	set bool
	outputSpec
}

func (f *explainFormat) String() string {
	if f.file != "" {
		return f.format + "=" + f.file
	}
	return f.format
}

func (f *explainFormat) Set(v string) error {
	if f.set {
		return fmt.Errorf("explain writes one report")
	}
	format, file, hasFile := strings.Cut(v, "=")
	if format != "text" && format != "json" {
		return fmt.Errorf("explain writes text or json, not %q", format)
	}
	if hasFile && file == "" {
		return fmt.Errorf("--format %s= needs a file name", format)
	}
	f.set, f.format, f.file = true, format, file
	return nil
}

func runExplain(env Env, args []string) (int, error) {
	var cf commonFlags
	var ef explainFlags
	format := explainFormat{outputSpec: outputSpec{format: "text"}}
	fs := newFlagSet("explain")
	fs.Var(&format, "format", "report `FORMAT[=FILE]`: text or json (explain cannot write sarif, github or junit)")
	cf.registerShared(fs)
	fs.StringVar(&ef.userFile, "user", "", "read the user from `FILE` (a fixture's user object)")
	fs.StringVar(&ef.username, "username", "", "the user's `NAME`")
	fs.StringVar(&ef.dn, "dn", "", "the user's distinguished name `DN` (absent: the user has no DN)")
	fs.Var(&ef.groups, "group", "a `GROUP` of the user (repeatable)")
	fs.StringVar(&ef.realm, "realm", "", "the realm as `NAME[:TYPE]`, e.g. ldap1:ldap")
	fs.Var(&ef.metadata, "metadata", "a metadata entry `KEY=JSON` (repeatable; strings need quotes: dept='\"eng\"')")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if isHelp(err) {
			fmt.Fprintln(env.Stdout, helpText(fs, explainUsage))
			return ExitOK, nil
		}
		return 0, usagef("%v (see rolemap-lint explain --help)", err)
	}
	if cf.version {
		printVersion(env.Stdout)
		return ExitOK, nil
	}
	dnSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "dn" {
			dnSet = true
		}
	})
	outFile := format.file
	if outFile == "" {
		outFile = cf.output
	} else if cf.output != "" {
		return 0, usagef("give the file either with --format %s=FILE or with --output, not both", format.format)
	}
	color, err := useColor(&cf, env.Getenv, env.Stdout)
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
	run.userFile = ef.userFile
	u, err := run.explainUser(&ef, dnSet)
	if err != nil {
		return 0, err
	}
	if err := run.open(); errors.Is(err, workspace.ErrNoFiles) {
		return 0, usagef("nothing to explain: %v under %v", err, paths)
	} else if err != nil {
		return 0, err
	}
	exs, err := run.explainAll(&u)
	if err != nil {
		return 0, err
	}
	write := func(w io.Writer, color bool) error {
		if format.format == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if len(exs) == 1 {
				return enc.Encode(exs[0])
			}
			return enc.Encode(struct {
				Explanations []*report.Explanation `json:"explanations"`
			}{exs})
		}
		for i, ex := range exs {
			if i > 0 {
				if _, err := fmt.Fprintln(w); err != nil {
					return err
				}
			}
			if err := report.ExplainText(w, ex, color); err != nil {
				return err
			}
		}
		return nil
	}
	if outFile == "" {
		return ExitOK, write(env.Stdout, color)
	}
	if err := run.checkReportTarget(outFile, run.inputFiles()); err != nil {
		return 0, err
	}
	if err := writeFileAtomic(filepath.Clean(run.abs(outFile)), func(w io.Writer) error { return write(w, false) }); err != nil {
		return 0, usagef("cannot write %s: %v", outFile, err)
	}
	return ExitOK, nil
}

// explainUser builds the user from --user or the other user flags.
func (r *run) explainUser(ef *explainFlags, dnSet bool) (user.User, error) {
	if ef.userFile != "" {
		if ef.username != "" || dnSet || len(ef.groups) > 0 || ef.realm != "" || len(ef.metadata) > 0 {
			return user.User{}, usagef("--user FILE cannot be combined with the other user flags")
		}
		data, err := os.ReadFile(r.abs(ef.userFile))
		if err != nil {
			return user.User{}, usagef("--user: %v", err)
		}
		f := source.NewFile(r.rel(ef.userFile), data)
		var doc *source.Value
		var ds []string
		if strings.EqualFold(filepath.Ext(ef.userFile), ".json") {
			v, diags := loader.ParseJSON(f)
			doc = v
			for _, d := range diags {
				ds = append(ds, d.Message)
			}
		} else {
			docs, diags := loader.ParseYAML(f)
			if len(docs) > 0 {
				doc = docs[0]
			}
			for _, d := range diags {
				ds = append(ds, d.Message)
			}
		}
		u, diags := fixtures.UserFromFile(f, doc)
		for _, d := range diags {
			p := d.Span.Range().Start
			ds = append(ds, fmt.Sprintf("%s:%d:%d: %s", f.Name, p.Line, p.Col, d.Message))
		}
		if len(ds) > 0 {
			return user.User{}, usagef("invalid --user file:\n%s", strings.Join(ds, "\n"))
		}
		return u, nil
	}
	if ef.username == "" {
		return user.User{}, usagef("explain needs a user: --username NAME (and --dn, --group, --realm, --metadata) or --user FILE")
	}
	u, err := fixtures.UserFromFlags(ef.username, ef.dn, dnSet, ef.groups, ef.realm, ef.metadata)
	if err != nil {
		return user.User{}, usagef("%v", err)
	}
	return u, nil
}
