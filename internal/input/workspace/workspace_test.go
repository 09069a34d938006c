package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
)

const body = `{"enabled": true, "roles": ["viewer"], "rules": {"field": {"realm.name": "saml1"}}}`

// writeTree creates files (path → content) under a temp dir.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, dir string, paths ...string) *Workspace {
	t.Helper()
	if len(paths) == 0 {
		paths = []string{dir}
	}
	ws, err := Load(Options{Dir: dir, Paths: paths, Version: esversion.Newest})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func names(ws *Workspace) string {
	var out []string
	for _, m := range ws.Mappings {
		out = append(out, m.Origin.String()+":"+m.Name)
	}
	return strings.Join(out, " ")
}

func TestShapesAndNames(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"b/put-body.json":    body,
		"a/dump.json":        `{"m2": ` + body + `, "m1": ` + body + `}`,
		"c/settings.json":    `{"metadata": {"version": "1"}, "state": {"role_mappings": {"op1": ` + body + `}}}`,
		"d/eck.yaml":         "kind: StackConfigPolicy\nspec:\n  elasticsearch:\n    securityRoleMappings:\n      eck1: " + body + "\n",
		"d/eck-empty.yaml":   "kind: StackConfigPolicy\nspec: {elasticsearch: {}}\n",
		"e/multi.yaml":       "x1: " + body + "\n---\nx2: " + body + "\n",
		"f/other.json":       `{"name": "x"}`,
		"f/list.json":        `[1, 2]`,
		"g/role_mapping.yml": "superuser: [\"cn=a,dc=b\"]\n",
		"g/admins_test.yaml": "tests: []\n",
		".hidden/h.json":     body,
		"notes.txt":          "x",
	})
	ws := load(t, dir)
	if got, want := names(ws), "api:m2 api:m1 api:put-body operator:op1 operator:eck1 api:x1 api:x2"; got != want {
		t.Errorf("mappings = %q, want %q", got, want)
	}
	// An ECK policy without role mappings is a policy about other things:
	// it carries no role-mapping signature and is skipped.
	if got := strings.Join(ws.Skipped, " "); got != "d/eck-empty.yaml f/list.json f/other.json" {
		t.Errorf("skipped = %q", got)
	}
	kinds := map[string]FileKind{}
	for _, f := range ws.Files {
		kinds[f.Source.Name] = f.Kind
	}
	if kinds["g/role_mapping.yml"] != DNMappingFile || kinds["g/admins_test.yaml"] != FixtureFile {
		t.Errorf("file kinds: %v", kinds)
	}
	if _, ok := kinds[".hidden/h.json"]; ok {
		t.Error("hidden directories must be skipped")
	}
	if len(ws.Diags) != 0 {
		t.Errorf("unexpected diags: %v", ws.Diags)
	}
}

func TestDuplicates(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.json":     `{"dup": ` + body + `}`,
		"b.json":     `{"dup": ` + body + `, "ok": ` + body + `}`,
		"op.json":    `{"state": {"role_mappings": {"dup": ` + body + `}}}`,
		"multi.yaml": body + "\n---\n" + body + "\n",
	})
	ws := load(t, dir)
	var got []string
	for _, m := range ws.Mappings {
		for _, p := range m.Problems {
			if p.Check == CheckDuplicateName {
				r := p.Span.Range().Start
				got = append(got, m.Name+"@"+p.Span.File.Name+":"+strconv.Itoa(r.Line)+":"+strconv.Itoa(r.Col)+" "+p.Message)
			}
		}
	}
	if len(got) != 2 {
		t.Fatalf("duplicate findings = %q", got)
	}
	if !strings.HasPrefix(got[0], "dup@b.json:1:2 api role mapping [dup] is already defined at a.json:1") {
		t.Errorf("got %q", got[0])
	}
	if !strings.Contains(got[1], "several single mapping bodies in one multi-document file") {
		t.Errorf("got %q", got[1])
	}
	for _, m := range ws.Mappings {
		if m.Origin == mapping.Operator && len(m.Problems) > 0 {
			t.Errorf("operator and API mappings may share a name: %v", m.Problems)
		}
	}
}

func TestSyntaxProblemsAttach(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"d.json":                  `{"m": {"enabled": true, "enabled": true, "roles": ["a"], "rules": {"all": []}}}`,
		"role_mappings/bad.json":  `{"m": `,
		"other/bad.json":          `{"m": `,
		"other/broken-body.json":  `{"enabled": true "roles": ["a"], "rules": {"field": {"username": "x"}}}`,
		"other/helm/values.yaml":  "rbac: {{ .Values.rbac | toYaml }}\nroles: [a]\nrules: {field: x}\n",
		"other/dup-key-conf.json": `{"name": "x", "name": "y"}`,
	})
	ws := load(t, dir)
	if len(ws.Mappings) != 1 || ws.Mappings[0].Valid() {
		t.Fatalf("a duplicate key inside a body makes that mapping invalid: %+v", ws.Mappings)
	}
	// A file whose path names role mappings, or whose text carries a
	// signature, is claimed although it does not parse: its syntax error is
	// the finding. Other broken files are someone else's (a Helm template).
	var files []string
	for _, d := range ws.Diags {
		if d.Check != CheckSyntax {
			t.Errorf("unexpected finding: %v", d)
		}
		files = append(files, d.Span.File.Name)
	}
	if got := strings.Join(files, " "); got != "other/broken-body.json role_mappings/bad.json" {
		t.Errorf("files with syntax findings: %q", got)
	}
	if got := strings.Join(ws.Skipped, " "); got != "other/bad.json other/dup-key-conf.json other/helm/values.yaml" {
		t.Errorf("skipped: %q", got)
	}
}

func TestExcludeAndExplicit(t *testing.T) {
	dir := writeTree(t, map[string]string{"keep/a.json": body, "vendor/b.json": body, "vendor/c.json": `{"x": 1}`})
	excluded := func(rel string) bool { return rel == "vendor" || strings.HasPrefix(rel, "vendor/") }
	ws, err := Load(Options{Dir: dir, Paths: []string{dir}, Excluded: excluded})
	if err != nil {
		t.Fatal(err)
	}
	if names(ws) != "api:a" {
		t.Errorf("walk: %q", names(ws))
	}
	ws, err = Load(Options{Dir: dir, Paths: []string{filepath.Join(dir, "vendor")}, Excluded: excluded})
	if err != nil {
		t.Fatal(err)
	}
	if names(ws) != "api:b" {
		t.Errorf("an excluded directory named explicitly is checked: %q", names(ws))
	}
	// A file named explicitly follows the same rule as a discovered one: no
	// signature, no finding (pre-commit passes every changed file).
	ws, err = Load(Options{Dir: dir, Paths: []string{filepath.Join(dir, "vendor", "c.json")}})
	if !errors.Is(err, ErrNoFiles) {
		t.Fatalf("explicit file of no shape: err = %v", err)
	}
	if len(ws.Diags) != 0 || strings.Join(ws.Skipped, " ") != "vendor/c.json" {
		t.Errorf("explicit file of no shape: diags %v, skipped %v", ws.Diags, ws.Skipped)
	}
	// exclude applies to files named explicitly.
	ws, err = Load(Options{Dir: dir, Paths: []string{filepath.Join(dir, "vendor", "b.json"), filepath.Join(dir, "keep", "a.json")}, Excluded: excluded})
	if err != nil {
		t.Fatal(err)
	}
	if names(ws) != "api:a" || len(ws.Decisions) != 2 || ws.Decisions[1].String() != "vendor/b.json: skipped: excluded by the config" {
		t.Errorf("excluded explicit file: %q %v", names(ws), ws.Decisions)
	}
	// The config's mappings claim strictly: a file of no shape is a finding.
	claim := func(string) FileRole { return ClaimedMapping }
	ws, err = Load(Options{Dir: dir, Paths: []string{filepath.Join(dir, "vendor", "c.json")}, Role: claim})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Diags) != 1 || ws.Diags[0].Check != CheckUnrecognizedFile || !strings.Contains(ws.Diags[0].Message, "the config's mappings claim this file") {
		t.Errorf("claimed file of no shape: %v", ws.Diags)
	}
}

func TestSpecialFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.json": body, "loop/b.json": body})
	if err := os.Symlink(filepath.Join(dir, "loop"), filepath.Join(dir, "loop", "again")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Skip("mkfifo unsupported:", err)
	}
	ws := load(t, dir)
	if names(ws) != "api:a api:b" {
		t.Errorf("mappings: %q", names(ws))
	}
	notes := strings.Join(ws.Notes, "\n")
	if !strings.Contains(notes, "pipe.json: skipped: not a regular file") || !strings.Contains(notes, "symlink loop") {
		t.Errorf("notes: %s", notes)
	}
}

func TestErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{"x.txt": "x"})
	if _, err := Load(Options{Dir: dir, Paths: []string{dir}}); !errors.Is(err, ErrNoFiles) {
		t.Errorf("no candidates: err = %v", err)
	}
	if _, err := Load(Options{Dir: dir, Paths: []string{filepath.Join(dir, "nope")}}); err == nil || !strings.Contains(err.Error(), "nope: no such file or directory") {
		t.Errorf("missing path: err = %v", err)
	}
	big := writeTree(t, map[string]string{"big.json": `{"a": "` + strings.Repeat("x", 2000) + `"}`})
	claim := func(string) FileRole { return ClaimedMapping }
	ws, err := Load(Options{Dir: big, Paths: []string{big}, MaxFileSize: 1000, Role: claim})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Diags) != 1 || !strings.Contains(ws.Diags[0].Message, "larger than") {
		t.Errorf("oversized file: %v", ws.Diags)
	}
	// Unclaimed, an oversized file cannot show a signature: skipped, and -v says why.
	ws, err = Load(Options{Dir: big, Paths: []string{big}, MaxFileSize: 1000})
	if !errors.Is(err, ErrNoFiles) || len(ws.Diags) != 0 || !strings.Contains(ws.Decisions[0].String(), "larger than") {
		t.Errorf("oversized unclaimed file: %v %v %v", err, ws.Diags, ws.Decisions)
	}
}

func TestStdin(t *testing.T) {
	dir := t.TempDir()
	ws, err := Load(Options{Dir: dir, Paths: []string{"-"}, Stdin: strings.NewReader("enabled: true\nroles: [a]\nrules: {all: []}\n"), StdinName: "new/m.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if names(ws) != "api:m" || ws.Files[0].Source.Name != "new/m.yaml" {
		t.Errorf("stdin: %q %q", names(ws), ws.Files[0].Source.Name)
	}
	ws, err = Load(Options{Dir: dir, Paths: []string{"-"}, Stdin: strings.NewReader(body)})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Mappings) != 1 {
		t.Errorf("stdin without a name is read as JSON or YAML: %q", names(ws))
	}
}
