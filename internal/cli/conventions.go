package cli

import (
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// useColor decides whether the text written to out is coloured:
// --color always|never (or --no-color) decide; with auto (the default)
// NO_COLOR (set and not empty) turns colour off, FORCE_COLOR (set, not
// empty, not "0" or "false") turns it on, and otherwise only a terminal
// gets colour. Report files are never coloured.
func useColor(cf *commonFlags, getenv func(string) string, out io.Writer) (bool, error) {
	mode := cf.color
	if mode == "" {
		mode = "auto"
	}
	switch mode {
	case "auto", "always", "never":
	default:
		return false, usagef("invalid --color %q (want auto, always or never)", mode)
	}
	if cf.noColor {
		if mode == "always" {
			return false, usagef("--no-color and --color always contradict each other")
		}
		return false, nil
	}
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	}
	if getenv("NO_COLOR") != "" {
		return false, nil
	}
	if v := strings.ToLower(getenv("FORCE_COLOR")); v != "" && v != "0" && v != "false" {
		return true, nil
	}
	return isTerminal(out), nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// toolVersion is the version `version`, --version and SARIF report: the
// one set with -ldflags (Version), else the module version Go recorded
// when building (`go install …/cmd/rolemap-lint@v0.1.0` records v0.1.0),
// else "dev" with the commit it was built from, when known.
func toolVersion() string {
	info, ok := debug.ReadBuildInfo()
	return versionFrom(Version, info, ok)
}

// versionFrom implements toolVersion for given build information.
func versionFrom(ldflags string, info *debug.BuildInfo, ok bool) string {
	if ldflags != "" && ldflags != "dev" {
		return ldflags
	}
	if !ok || info == nil {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "dev (" + rev + ")"
}
