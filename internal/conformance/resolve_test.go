package conformance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/eval/resolve"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// caseUser converts a case's UserData object.
func caseUser(t *testing.T, c Case) *user.User {
	t.Helper()
	in, err := c.DecodeUser()
	if err != nil {
		t.Fatal(err)
	}
	if in == nil {
		in = &User{}
	}
	md := map[string]any{}
	for k, v := range in.Metadata {
		md[k] = javaValue(v)
	}
	groups := in.Groups
	if groups == nil {
		groups = []string{}
	}
	return &user.User{Username: in.Username, DN: in.DN, Groups: groups, Metadata: md, Realm: user.Realm{Name: in.Realm.Name}}
}

// javaValue maps decoded JSON to the Java-like values of user.User.
func javaValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = javaValue(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = javaValue(e)
		}
		return out
	}
	return v
}

// resolver loads named mapping bodies as a GET dump in a temp directory,
// through the real workspace, and prepares resolution.
func resolver(t *testing.T, mappings map[string]json.RawMessage) *resolve.Resolver {
	t.Helper()
	dir := t.TempDir()
	data, err := json.Marshal(mappings)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dump.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(workspace.Options{Dir: dir, Paths: []string{dir}, Version: esversion.Newest})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ws.Mappings {
		if !m.Valid() {
			t.Fatalf("mapping %s is invalid: %v", m.Name, m.Problems)
		}
	}
	return resolve.New(ws, resolve.Options{})
}

// TestTemplateMappingCases resolves the template cases given as whole
// mappings, end to end: enabled filter, rule match, union of roles and
// template outputs.
func TestTemplateMappingCases(t *testing.T) {
	ran := 0
	for _, c := range loadCases(t, "template") {
		if c.Mappings == nil {
			continue
		}
		ran++
		t.Run(c.ID, func(t *testing.T) {
			var list []struct {
				Name string          `json:"name"`
				Body json.RawMessage `json:"body"`
			}
			if err := json.Unmarshal(c.Mappings, &list); err != nil {
				t.Fatal(err)
			}
			ms := map[string]json.RawMessage{}
			for _, m := range list {
				ms[m.Name] = m.Body
			}
			res := resolver(t, ms).Resolve(caseUser(t, c))
			checkResolution(t, c, res)
		})
	}
	if ran == 0 {
		t.Fatal("no template cases with mappings")
	}
}

func checkResolution(t *testing.T, c Case, res resolve.Resolution) {
	t.Helper()
	if c.ExpectErrorContains != "" {
		if res.Err == nil || !strings.Contains(res.Err.Error(), c.ExpectErrorContains) {
			t.Fatalf("want an error containing %q, got roles %v, err %v", c.ExpectErrorContains, res.Roles, res.Err)
		}
		return
	}
	if res.Err != nil {
		t.Fatalf("resolution failed: %v", res.Err)
	}
	want := slices.Clone(c.ExpectRoles)
	sort.Strings(want)
	if !slices.Equal(res.Roles, want) {
		t.Errorf("roles = %v, want %v", res.Roles, want)
	}
}

// TestMatchCasesEndToEnd runs every match case with a user through a whole
// mapping and the resolver (index included), not just the matcher.
func TestMatchCasesEndToEnd(t *testing.T) {
	for _, c := range loadCases(t, "match") {
		if c.User == nil || c.ExpectErrorContains != "" || strings.Contains(string(c.User), "groups_generator") {
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			body := json.RawMessage(`{"enabled": true, "roles": ["granted"], "rules": ` + string(c.Rule) + `}`)
			r := resolver(t, map[string]json.RawMessage{"m": body})
			u := caseUser(t, c)
			var want bool
			if err := json.Unmarshal(c.Expect, &want); err != nil {
				t.Fatal(err)
			}
			for name, res := range map[string]resolve.Resolution{"indexed": r.Resolve(u), "plain": r.ResolvePlain(u)} {
				if res.Err != nil {
					t.Fatalf("%s: %v", name, res.Err)
				}
				if got := slices.Contains(res.Roles, "granted"); got != want {
					t.Errorf("%s: matched = %v, want %v", name, got, want)
				}
			}
		})
	}
}
