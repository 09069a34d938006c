package workspace

import (
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// FuzzSignatures: deciding whether any JSON/YAML text is a role mapping
// never panics, and a strong signature always implies the weak one.
func FuzzSignatures(f *testing.F) {
	for _, s := range []string{
		`{"enabled": true, "roles": ["a"], "rules": {"field": {"username": "x"}}}`,
		"kind: StackConfigPolicy\nspec: {elasticsearch: {securityRoleMappings: {}}}\n",
		"tests:\n  - user: {username: a}\n    roles: []\n",
		"rules:\n{{ toYaml .Values.rules }}\n",
		`{"state": {"role_mappings": {"m": {"roles": "x"}}}}`,
		"a: &a [1]\nb: *a\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		data := []byte(text)
		_ = textSignature(data)
		_ = isTemplated(data)
		var docs []*source.Value
		if root, _ := loader.ParseJSON(source.NewFile("f.json", data)); root != nil {
			docs = append(docs, root)
		}
		ydocs, _ := loader.ParseYAML(source.NewFile("f.yaml", data))
		docs = append(docs, ydocs...)
		for _, d := range docs {
			strong := docSignature(d)
			if strong != "" && weakDocSignature(d) == "" {
				t.Errorf("strong signature %q without the weak one", strong)
			}
			_ = fixtureShaped(d)
			_, _, _ = detectShape(d)
		}
	})
}
