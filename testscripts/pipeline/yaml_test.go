package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the repository root, two levels above this package's directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found: %v", err)
	}
	return root
}

// decodeStrict reads the YAML file rel (relative to the repository root)
// into v, failing on keys v does not declare.
func decodeStrict(t testing.TB, rel string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
}

// step is a workflow or composite action step.
type step struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
	With             map[string]string `yaml:"with"`
	Env              map[string]string `yaml:"env"`
}

// label names a step in test messages.
func (s step) label() string {
	if s.Name != "" {
		return s.Name
	}
	if s.Uses != "" {
		return s.Uses
	}
	return strings.SplitN(s.Run, "\n", 2)[0]
}

// strings lists every string of the step that GitHub evaluates
// expressions in.
func (s step) strings() []string {
	out := []string{s.If, s.Uses, s.Run, s.Shell, s.WorkingDirectory}
	for _, m := range []map[string]string{s.With, s.Env} {
		for _, v := range m {
			out = append(out, v)
		}
	}
	return out
}

var (
	expressionRE = regexp.MustCompile(`\$\{\{(.*?)\}\}`)
	inputRefRE   = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
)

// inputRefs lists the inputs.NAME references inside ${{ }} expressions of s.
func inputRefs(s string) []string {
	var out []string
	for _, m := range expressionRE.FindAllStringSubmatch(s, -1) {
		for _, r := range inputRefRE.FindAllStringSubmatch(m[1], -1) {
			out = append(out, r[1])
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestInputRefs(t *testing.T) {
	got := inputRefs(`a ${{ inputs.paths }} b ${{ inputs.sarif-file != '' && inputs.fail_on }} $inputs.x inputs.y`)
	if strings.Join(got, ",") != "paths,sarif-file,fail_on" {
		t.Errorf("inputRefs = %v", got)
	}
}
