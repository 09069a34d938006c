package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	withRev := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tc := range []struct {
		name    string
		ldflags string
		info    *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"go install @v0.1.0", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}, true, "v0.1.0"},
		{"ldflags win", "v9.9.9", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}, true, "v9.9.9"},
		{"pseudo-version", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261207120000-0123456789ab"}}, true,
			"v0.0.0-20261207120000-0123456789ab"},
		{"devel with vcs", "dev", withRev, true, "dev (0123456789ab-dirty)"},
		{"devel without vcs", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "dev"},
		{"no build info", "dev", nil, false, "dev"},
	} {
		if got := versionFrom(tc.ldflags, tc.info, tc.ok); got != tc.want {
			t.Errorf("%s: versionFrom = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestUseColor(t *testing.T) {
	var pipe bytes.Buffer // not a terminal
	for _, tc := range []struct {
		name    string
		flags   commonFlags
		env     map[string]string
		want    bool
		wantErr bool
	}{
		{"auto on a pipe", commonFlags{color: "auto"}, nil, false, false},
		{"FORCE_COLOR", commonFlags{color: "auto"}, map[string]string{"FORCE_COLOR": "1"}, true, false},
		{"FORCE_COLOR=0", commonFlags{color: "auto"}, map[string]string{"FORCE_COLOR": "0"}, false, false},
		{"NO_COLOR beats FORCE_COLOR", commonFlags{color: "auto"}, map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, false, false},
		{"always beats NO_COLOR", commonFlags{color: "always"}, map[string]string{"NO_COLOR": "1"}, true, false},
		{"never beats FORCE_COLOR", commonFlags{color: "never"}, map[string]string{"FORCE_COLOR": "1"}, false, false},
		{"--no-color", commonFlags{color: "auto", noColor: true}, map[string]string{"FORCE_COLOR": "1"}, false, false},
		{"--no-color with always", commonFlags{color: "always", noColor: true}, nil, false, true},
		{"bad value", commonFlags{color: "yes"}, nil, false, true},
	} {
		getenv := func(k string) string { return tc.env[k] }
		got, err := useColor(&tc.flags, getenv, &pipe)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("%s: useColor = %v, %v; want %v (error %v)", tc.name, got, err, tc.want, tc.wantErr)
		}
	}
}

// TestParseInterleaved: flags anywhere; after "--" every argument is a
// PATH, even one spelled like a flag.
func TestParseInterleaved(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		paths    []string
		formats  string
		verbose  bool
		parseErr bool
	}{
		{[]string{"a", "--format", "json", "b"}, []string{"a", "b"}, "json", false, false},
		{[]string{"-v", "--", "--format=json=out.json", "m.json"}, []string{"--format=json=out.json", "m.json"}, "", true, false},
		{[]string{"m.json", "--", "--format=json=out.json", "-v"}, []string{"m.json", "--format=json=out.json", "-v"}, "", false, false},
		{[]string{"--", "--"}, []string{"--"}, "", false, false},
		{[]string{"--format=json=out.json", "m.json"}, []string{"m.json"}, "json=out.json", false, false},
		{[]string{"-", "--quiet"}, []string{"-"}, "", false, false},
		{[]string{"--nope"}, nil, "", false, true},
	} {
		var cf commonFlags
		fs := newFlagSet("check")
		cf.register(fs)
		paths, err := parseInterleaved(fs, tc.args)
		if (err != nil) != tc.parseErr {
			t.Errorf("%q: error %v", tc.args, err)
			continue
		}
		if !slices.Equal(paths, tc.paths) || cf.formats.String() != tc.formats || cf.verbose != tc.verbose {
			t.Errorf("%q: paths %q formats %q verbose %v; want %q %q %v", tc.args, paths, cf.formats.String(), cf.verbose,
				tc.paths, tc.formats, tc.verbose)
		}
	}
}

func TestHelpTextSpellsLongFlags(t *testing.T) {
	var cf commonFlags
	fs := newFlagSet("check")
	cf.register(fs)
	help := helpText(fs, "Usage: x")
	for _, want := range []string{"\n  --fail-on LEVEL\n", "\n  -q, --quiet\n", "\n  -v, --verbose\n", "\n  -V, --version\n", "\n  --no-color\n"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	for _, line := range strings.Split(help, "\n") {
		if strings.HasPrefix(line, "  -") && !strings.HasPrefix(line, "  --") && !strings.Contains(line, ", --") {
			t.Errorf("a one-dash flag without its long name: %q", line)
		}
	}
}

// TestWriteFileAtomic: the report replaces a symlink instead of writing
// through it, keeps the permissions of the file it replaces, and leaves no
// temporary file behind, also when writing fails.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	if err := os.WriteFile(victim, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "rep.json")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := writeFileAtomic(link, func(w io.Writer) error { _, err := w.Write([]byte("report")); return err }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(victim); string(data) != "keep" {
		t.Errorf("the link's target was written: %q", data)
	}
	if info, err := os.Lstat(link); err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o644 {
		t.Errorf("rep.json = %v, %v; want a regular 0644 file", info, err)
	}
	if err := os.Chmod(link, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(link, func(w io.Writer) error { _, err := w.Write([]byte("again")); return err }); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(link); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the replaced file's 0640", info.Mode().Perm())
	}
	if err := writeFileAtomic(link, func(w io.Writer) error { return os.ErrInvalid }); err == nil {
		t.Error("a failing write reported success")
	}
	if data, _ := os.ReadFile(link); string(data) != "again" {
		t.Errorf("a failed write changed the report: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
