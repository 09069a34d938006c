package testscripts

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rolemap-lint/rolemap-lint/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rolemap-lint": func() {
			cli.SetMemoryLimit()
			os.Exit(cli.Main(cli.Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
		},
	})
}

// TestScripts runs every scenario in testdata. Set ROLEMAP_LINT_UPDATE=1 to
// rewrite the expected outputs of cmp commands.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("ROLEMAP_LINT_UPDATE") != "",
		// $NL and $ESC put a line break and an ESC byte into an argument
		// (unquoted: quoting turns expansion off), as hostile file names
		// and config values do.
		Setup: func(env *testscript.Env) error {
			env.Setenv("NL", "\n")
			env.Setenv("ESC", "\x1b")
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exitcode": cmdExitcode,
			"mkutf16":  cmdMkUTF16,
			"cmpwork":  cmdCmpWork,
			"mkname":   cmdMkName,
			"cpwork":   cmdCpWork,
			"mkmany":   cmdMkMany,
			// hostile_cmds_test.go
			"genhostile": cmdGenHostile,
			"bounded":    cmdBounded,
		},
	})
}

// cmdExitcode runs `exitcode N prog args...` and fails unless the program
// exits with exactly N (`! exec` only checks for non-zero).
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exitcode does not support negation")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: bad code %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var code int
		if _, scanErr := fmt.Sscanf(err.Error(), "exit status %d", &code); scanErr != nil {
			ts.Fatalf("exitcode: %v", err)
		}
		got = code
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// cmdMkUTF16 writes a small UTF-16LE mapping file (with BOM), which txtar
// archives cannot hold.
func cmdMkUTF16(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkutf16 FILE")
	}
	text := `{"enabled": true, "roles": ["a"], "rules": {"all": []}}`
	out := []byte{0xFF, 0xFE}
	for _, r := range text {
		out = append(out, byte(r), 0)
	}
	if err := os.WriteFile(ts.MkAbs(args[0]), out, 0o644); err != nil {
		ts.Fatalf("mkutf16: %v", err)
	}
}

// cmdCmpWork is `cmp` for outputs holding the work directory's path:
// `cmpwork stdout FILE` compares, reading "$WORK" in FILE as the path (and
// nothing else as a variable, unlike cmpenv, so "$schema" stays literal).
func cmdCmpWork(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmpwork stdout|FILE FILE")
	}
	got := ts.ReadFile(args[0])
	want := strings.ReplaceAll(ts.ReadFile(args[1]), "$WORK", ts.Getenv("WORK"))
	if got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				ts.Fatalf("%s and %s differ at line %d:\n got: %s\nwant: %s", args[0], args[1], i+1, g, w)
			}
		}
	}
}

// cmdMkName copies a file to a name given as a Go string literal, for names
// txtar cannot hold (line breaks, control characters):
// `mkname '"x\n.json"' src` (single quotes keep the literal one word).
func cmdMkName(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkname GO-QUOTED-NAME SRC")
	}
	name, err := strconv.Unquote(args[0])
	if err != nil {
		ts.Fatalf("mkname: %v", err)
	}
	data, err := os.ReadFile(ts.MkAbs(args[1]))
	if err != nil {
		ts.Fatalf("mkname: %v", err)
	}
	if err := os.WriteFile(ts.MkAbs(name), data, 0o644); err != nil {
		ts.Fatalf("mkname: %v", err)
	}
}
