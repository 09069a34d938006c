package report

import (
	"fmt"
	"io"
	"strings"
)

// formats are the names Write accepts, in the order help text lists them.
var formats = []string{"text", "json", "sarif", "github", "junit"}

// Formats lists the output formats Write accepts.
func Formats() []string { return append([]string(nil), formats...) }

// Write renders r in the named format (text, json, sarif, github or junit)
// with the options that format uses: Color, Quiet and Verbose for text,
// Rules and SARIF for sarif, GitHub for github.
func Write(format string, w io.Writer, r *Result, opt Options) error {
	var err error
	switch format {
	case "text":
		err = Text(w, r, opt)
	case "json":
		err = JSON(w, r)
	case "sarif":
		err = SARIF(w, r, opt.Rules, opt.SARIF)
	case "github":
		err = GitHub(w, r, opt.GitHub)
	case "junit":
		err = JUnit(w, r)
	default:
		return fmt.Errorf("unknown report format %q (want %s)", format, strings.Join(formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("writing the %s report: %w", format, err)
	}
	return nil
}
