package testscripts

import (
	"fmt"
	"strconv"
	"strings"
)

// hostileInput builds the inputs of hostile_inputs.txtar: files that are
// large in one dimension (mappings, values of one field, one string, keys
// of one object, one pattern, one username). It fails for other kinds.
func hostileInput(kind string) (map[string]string, error) {
	var b strings.Builder
	switch kind {
	case "bigdump":
		b.WriteString("{")
		for i := range 48_000 {
			if i > 0 {
				b.WriteString(",")
			}
			var rules string
			switch i % 4 {
			case 0:
				rules = fmt.Sprintf(`{"all":[{"field":{"realm.name":"saml%d"}},{"field":{"groups":["cn=team-%d,ou=groups,dc=example,dc=com","cn=ops-%d,ou=groups,dc=example,dc=com"]}}]}`, i%7, i, i)
			case 1:
				rules = fmt.Sprintf(`{"any":[{"field":{"username":"/svc-%d-[a-z]+/"}},{"field":{"dn":"*,ou=team%d,dc=example,dc=com"}}]}`, i, i)
			case 2:
				rules = fmt.Sprintf(`{"all":[{"field":{"username":"user%d*"}},{"except":{"field":{"metadata.department":"d%d"}}}]}`, i, i)
			default:
				rules = fmt.Sprintf(`{"field":{"groups":"cn=g%d,ou=groups,dc=example,dc=com"}}`, i)
			}
			fmt.Fprintf(&b, `"mapping_%05d":{"enabled":true,"roles":["role_%d","viewer"],"rules":%s,"metadata":{"owner":"team-%d","ticket":"JIRA-%06d","description":"generated mapping number %d for the dump, owned by the platform team; rotated yearly; contact the on-call engineer before changing it"}}`,
				i, i%50, rules, i%300, i, i)
		}
		b.WriteString("}\n")
		return map[string]string{"dump.json": b.String()}, nil
	case "hugearray", "longstring":
		n, meta := 1_000_000, 5_000_000
		if kind == "longstring" {
			n, meta = 1, 11_000_000
		}
		b.WriteString(`{"enabled":true,"roles":["r"],"rules":{"field":{"username":[`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`"u` + strconv.Itoa(i) + `"`)
		}
		b.WriteString(`]}},"metadata":{"x":"` + strings.Repeat("a", meta) + "\"}}\n")
		return map[string]string{"m.json": b.String()}, nil
	case "dupkeys":
		b.WriteString(`{"m":{`)
		for range 100_000 {
			b.WriteString(`"enabled":true,`)
		}
		b.WriteString(`"roles":["r"],"rules":{"field":{"username":"a"}}}}` + "\n")
		return map[string]string{"m.json": b.String()}, nil
	case "manykeys":
		b.WriteString(`{"m":{"enabled":true,"roles":["r"],"rules":{"field":{"username":"a"}},"metadata":{`)
		for i := range 200_001 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"k%d":1`, i)
		}
		b.WriteString("}}}\n")
		return map[string]string{"m.json": b.String()}, nil
	case "bigregex", "bigautomaton":
		size := 5_000_000
		if kind == "bigautomaton" {
			size = 60_000
		}
		b.WriteString("/(")
		for i := 0; b.Len() < size; i++ {
			if i > 0 {
				b.WriteString("|")
			}
			fmt.Fprintf(&b, "lit%07d", i)
		}
		b.WriteString(")/")
		return map[string]string{
			"m.json": `{"enabled":true,"roles":["r"],"rules":{"field":{"username":"` + b.String() + `"}}}` + "\n",
			"users_test.yaml": "tests:\n  - name: long\n    user:\n      username: " + strings.Repeat("x", 100_000) +
				"\n    roles: []\n  - name: match\n    user:\n      username: lit0004321\n    roles: [r]\n",
		}, nil
	}
	return nil, fmt.Errorf("genhostile: unknown kind %q", kind)
}
