package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// benchBodies is the number of mapping bodies in the generated files.
const benchBodies = 10_000

// genJSON builds a named collection of benchBodies mapping bodies.
func genJSON() []byte {
	var b strings.Builder
	b.WriteString("{\n")
	for i := range benchBodies {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `  "mapping-%d": {
    "enabled": true,
    "roles": ["role-%d", "viewer"],
    "rules": {"all": [
      {"field": {"username": "user-%d-*"}},
      {"field": {"groups": "cn=group-%d,ou=groups,dc=example,dc=com"}},
      {"except": {"field": {"realm.name": "ldap1"}}}
    ]},
    "metadata": {"version": %d, "owner": "team-é"}
  }`, i, i, i, i, i)
	}
	b.WriteString("\n}\n")
	return []byte(b.String())
}

// genYAML builds the same collection in block-style YAML.
func genYAML() []byte {
	var b strings.Builder
	for i := range benchBodies {
		fmt.Fprintf(&b, `mapping-%d:
  enabled: true
  roles: [role-%d, viewer]
  rules:
    all:
      - field: {username: "user-%d-*"}
      - field:
          groups: cn=group-%d,ou=groups,dc=example,dc=com
      - except: {field: {realm.name: ldap1}}
  metadata:
    version: %d
    owner: |
      team-é
`, i, i, i, i, i)
	}
	return []byte(b.String())
}

func BenchmarkParseJSON(b *testing.B) {
	data := genJSON()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		v, diags := ParseJSON(source.NewFile("bench.json", data))
		if v == nil || len(diags) != 0 {
			b.Fatalf("parse failed: %v", diags)
		}
	}
}

func BenchmarkParseYAML(b *testing.B) {
	data := genYAML()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		docs, diags := ParseYAML(source.NewFile("bench.yaml", data))
		if len(docs) != 1 || len(diags) != 0 {
			b.Fatalf("parse failed: %d documents, %v", len(docs), diags)
		}
	}
}

func TestGeneratedFilesParse(t *testing.T) {
	jf := source.NewFile("bench.json", genJSON())
	jv, jd := ParseJSON(jf)
	yf := source.NewFile("bench.yaml", genYAML())
	yd, yds := ParseYAML(yf)
	if jv == nil || len(jd) != 0 || len(yd) != 1 || len(yds) != 0 {
		t.Fatalf("json %v %v, yaml %d %v", jv != nil, jd, len(yd), yds)
	}
	if len(jv.Members) != benchBodies || len(yd[0].Members) != benchBodies {
		t.Fatalf("members: json %d, yaml %d", len(jv.Members), len(yd[0].Members))
	}
	// both loaders read the same data
	ji := jv.Interface(func(s string) any { return s })
	yi := yd[0].Interface(func(s string) any { return s })
	jm, ym := ji.(map[string]any), yi.(map[string]any)
	for _, k := range []string{"mapping-0", "mapping-9999"} {
		if fmt.Sprint(jm[k]) != strings.Replace(fmt.Sprint(ym[k]), "team-é\n", "team-é", 1) {
			t.Errorf("%s differs:\n json %v\n yaml %v", k, jm[k], ym[k])
		}
	}
	last := yd[0].Get("mapping-9999")
	if got := rng(last.Span); got != "129989:3-130000:13" {
		t.Errorf("last body spans %s", got)
	}
	checkSpans(t, yf, yd, yds)
}
