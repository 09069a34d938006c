package testscripts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdGenHostile runs `genhostile KIND DIR`: it writes into DIR a hostile
// repository that would exhaust the CPU or memory of a run without
// run-wide budgets (built here rather than committed, as each is large or
// would be unreadable in a txtar archive).
//
//   - cpu: the 682-byte mapping whose `any` holds 16 /.*X.{11}/ regexes
//   - cpuclass: 100 KB of such mappings, with character classes and
//     distinct letters (nothing is shared between copies)
//   - steps: 1 MB of mappings whose 16 literal usernames make rule
//     analysis examine all 65,536 truth assignments
//   - mem: thirty mappings "/((X{100}){100}){100}/" with distinct letters
//   - yaml: 100 KB of YAML documents whose four-level aliases each expand
//     to millions of values
//   - template: a role template of 8 nested {{#groups}} and 1,000 fixture
//     users with 10 groups each
//   - injection: 850 KB of mappings whose json role templates nest 8
//     {{#groups}} around {{username}}, which template-role-injection renders
//     for many example users
//
// and the inputs that passed 512 MB or 10 s before the input limits (see
// hostileInput):
//
//   - bigdump: a 20 MB GET _security/role_mapping dump of 48,000 mappings
//   - hugearray: one body whose username holds 1,000,000 values, plus a
//     5 MB metadata string
//   - longstring: one body whose metadata string is 11 MB
//   - dupkeys: one object with 100,000 duplicate keys
//   - manykeys: one object with 200,001 distinct keys
//   - bigregex: a 5 MB regex, and a fixture user whose username is 100,000
//     characters long
//   - bigautomaton: a 60 KB regex of 5,000 alternatives (under the pattern
//     length limit), and the same fixture user
func cmdGenHostile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genhostile KIND DIR")
	}
	dir := ts.MkAbs(args[1])
	files, err := hostileInput(args[0])
	if err != nil {
		files, err = hostileRepo(args[0])
	}
	ts.Check(err)
	for name, content := range files {
		full := filepath.Join(dir, name)
		ts.Check(os.MkdirAll(filepath.Dir(full), 0o755))
		ts.Check(os.WriteFile(full, []byte(content), 0o644))
	}
}

// letter returns the i-th of many distinct letters (CJK ideographs).
func letter(i int) string { return string(rune(0x4e00 + i)) }

func hostileRepo(kind string) (map[string]string, error) {
	var b strings.Builder
	switch kind {
	case "cpu":
		parts := make([]string, 16)
		for i := range parts {
			parts[i] = fmt.Sprintf(`{"field":{"username":"/.*%c.{11}/"}}`, 'a'+i)
		}
		return map[string]string{"m.json": `{"m":{"enabled":true,"roles":["r"],"rules":{"any":[` + strings.Join(parts, ",") + `]}}}` + "\n"}, nil
	case "cpuclass", "steps":
		size := 100_000
		if kind == "steps" {
			size = 1_000_000
		}
		b.WriteString("{\n")
		for i := 0; b.Len() < size; i++ {
			parts := make([]string, 16)
			for k := range parts {
				if kind == "cpuclass" {
					c := letter(i*16 + k)
					parts[k] = fmt.Sprintf(`{"field":{"username":"/.*[%s%s].{11}/"}}`, c, strings.ToUpper(c))
				} else {
					parts[k] = fmt.Sprintf(`{"field":{"username":"u%d-%d"}}`, i, k)
				}
			}
			rules := `{"any":[` + strings.Join(parts, ",") + `]}`
			if kind == "steps" {
				rules = `{"all":[{"any":[` + strings.Join(parts[:8], ",") + `]},{"any":[` + strings.Join(parts[8:], ",") + `]}]}`
			}
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `"m%d":{"enabled":true,"roles":["r"],"rules":%s}`, i, rules)
		}
		b.WriteString("\n}\n")
		return map[string]string{"m.json": b.String()}, nil
	case "mem":
		b.WriteString("{\n")
		for i := range 30 {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `"m%d":{"enabled":true,"roles":["r"],"rules":{"field":{"username":"/((%s{100}){100}){100}/"}}}`, i, letter(i))
		}
		b.WriteString("\n}\n")
		return map[string]string{"m.json": b.String()}, nil
	case "yaml":
		aliases := strings.Repeat("*c,", 9999) + "*c"
		for b.Len() < 100_000 {
			b.WriteString("---\nenabled: true\nroles: [r]\nrules: {all: []}\n")
			b.WriteString("l: &a [x, x, x, x, x, x, x, x, x, x]\n")
			b.WriteString("m: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n")
			b.WriteString("n: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n")
			b.WriteString("p: [" + aliases + "]\n")
		}
		return map[string]string{"m.yaml": b.String()}, nil
	case "injection":
		src := strings.Repeat("{{#groups}}", 8) + "{{username}}" + strings.Repeat("{{/groups}}", 8) + "{{#metadata.x}}{{.}}{{/metadata.x}}"
		b.WriteString("{\n")
		for i := range 2000 {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, "%q: {\n  \"enabled\": true,\n  \"role_templates\": [{\"template\": {\"source\": %q}, \"format\": \"json\"}],\n"+
				"  \"rules\": {\"field\": {\"username\": \"/[a-z]{%d}.*/\"}}\n}", "m"+strconv.Itoa(i), src, i%50+1)
		}
		b.WriteString("\n}\n")
		return map[string]string{"m.json": b.String()}, nil
	case "template":
		src := strings.Repeat("{{#groups}}", 8) + strings.Repeat("{{/groups}}", 8) + "x"
		b.WriteString("tests:\n")
		groups := make([]string, 10)
		for i := range groups {
			groups[i] = "g" + strconv.Itoa(i)
		}
		for i := range 1000 {
			fmt.Fprintf(&b, "  - name: u%d\n    user:\n      username: u%d\n      groups: [%s]\n      realm: {name: r1, type: saml}\n    roles: [x]\n",
				i, i, strings.Join(groups, ", "))
		}
		return map[string]string{
			"m.json":          `{"enabled":true,"role_templates":[{"template":{"source":"` + src + `"},"format":"string"}],"rules":{"field":{"username":"*"}}}` + "\n",
			"users_test.yaml": b.String(),
		}, nil
	}
	return nil, fmt.Errorf("genhostile: unknown kind %q", kind)
}

// cmdBounded runs `bounded SECONDS MIB OUT PROGRAM ARGS...`: it runs the
// program (found on the script's PATH) in the script's directory, writes
// its standard output to the file OUT and its standard error to OUT.err,
// and fails when it uses more than SECONDS of processor time (user and
// system, which other work on a loaded machine does not inflate as it does
// the wall clock; a run still going after five times SECONDS of wall clock
// is killed as hung), when its peak resident memory exceeds MIB mebibytes,
// or when it exits with a status other than 0 (no findings) or 1 (findings,
// failed tests) — a crash or an out-of-memory trace exits 2 or more.
func cmdBounded(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 4 {
		ts.Fatalf("usage: bounded SECONDS MIB OUT PROGRAM [ARGS...]")
	}
	secs, err1 := strconv.ParseFloat(args[0], 64)
	mib, err2 := strconv.Atoi(args[1])
	if err1 != nil || err2 != nil {
		ts.Fatalf("bounded: bad bounds %q %q", args[0], args[1])
	}
	prog, err := lookPath(ts, args[3])
	ts.Check(err)
	limit := time.Duration(secs*float64(time.Second)) * raceScale
	mib *= raceScale
	ctx, cancel := context.WithTimeout(context.Background(), 5*limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args[4:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = scriptEnv(ts)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	elapsed := time.Since(start)
	out := ts.MkAbs(args[2])
	ts.Check(os.WriteFile(out, stdout.Bytes(), 0o644))
	ts.Check(os.WriteFile(out+".err", stderr.Bytes(), 0o644))
	rss := 0
	var cpu time.Duration
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = int(ru.Maxrss / 1024) // KiB on Linux
		}
	}
	ts.Logf("%s ran %.2fs (%.2fs of processor time), peak RSS %d MiB", args[3], elapsed.Seconds(), cpu.Seconds(), rss)
	if ctx.Err() != nil {
		ts.Fatalf("%s did not finish within %s of wall clock: killed as hung", args[3], 5*limit)
	}
	if cpu > limit {
		ts.Fatalf("%s used %.2fs of processor time, more than %s", args[3], cpu.Seconds(), limit)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() > 1 || err != nil && !errors.As(err, &exit) {
		ts.Fatalf("%s failed: %v\n%s", args[3], err, tail(stderr.String(), 2000))
	}
	if rss > mib {
		ts.Fatalf("%s used %d MiB at its peak, more than %d MiB", args[3], rss, mib)
	}
}

// lookPath finds a program on the script's PATH.
func lookPath(ts *testscript.TestScript, name string) (string, error) {
	for _, d := range filepath.SplitList(ts.Getenv("PATH")) {
		p := filepath.Join(d, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("bounded: %s not found on the script's PATH", name)
}

// scriptEnv is the script's environment, for a program run outside ts.Exec.
func scriptEnv(ts *testscript.TestScript) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if v := ts.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	for _, k := range []string{"PATH", "HOME", "WORK", "TMPDIR"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	return env
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}
