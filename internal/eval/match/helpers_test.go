package match

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/conformance"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
)

// parseRule parses a rules object through the real loader and parser; it
// returns an error for anything Elasticsearch would reject.
func parseRule(src string) (*rules.Expr, error) {
	v, diags := loader.ParseJSON(source.NewFile("rule.json", []byte(src)))
	if v == nil || len(diags) > 0 {
		return nil, fmt.Errorf("loader: %v", diags)
	}
	e, diags := rules.Parse(v, "rules", nil, rules.Options{})
	if e == nil || len(diags) > 0 {
		return nil, fmt.Errorf("rules: %v", diags)
	}
	return e, nil
}

func mustRule(t testing.TB, src string) *rules.Expr {
	t.Helper()
	e, err := parseRule(src)
	if err != nil {
		t.Fatalf("rule %s: %v", src, err)
	}
	return e
}

// decodeJSON decodes JSON keeping numbers as Jackson types them: integer
// literals become int64 (json.Number when beyond int64), others float64.
func decodeJSON(raw []byte, into any) error {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(into); err != nil {
		return err
	}
	return nil
}

func javaNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		s := string(x)
		if !strings.ContainsAny(s, ".eE") {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				return n
			}
			return x
		}
		f, _ := strconv.ParseFloat(s, 64)
		return f
	case []any:
		for i := range x {
			x[i] = javaNumbers(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = javaNumbers(x[k])
		}
	}
	return v
}

// caseUser converts a conformance case's user (nil: the zero user) to a
// user.User, expanding its groups generator and typing its metadata numbers
// as Jackson does.
func caseUser(u *conformance.User) *user.User {
	if u == nil {
		u = &conformance.User{}
	}
	out := &user.User{Username: u.Username, DN: u.DN, Groups: u.Groups, Metadata: map[string]any{},
		Realm: user.Realm{Name: u.Realm.Name, Type: u.Realm.Type}}
	if g := u.GroupsGenerator; g != nil {
		for i := g.From; i < g.ToExclusive; i++ {
			out.Groups = append(out.Groups, strings.ReplaceAll(g.Template, "{i}", strconv.Itoa(i)))
		}
	}
	if out.Groups == nil {
		out.Groups = []string{}
	}
	for k, v := range u.Metadata {
		out.Metadata[k] = javaNumbers(v)
	}
	return out
}

func decodeGeneric(raw []byte) (map[string]any, error) {
	var m map[string]any
	if err := decodeJSON(raw, &m); err != nil {
		return nil, err
	}
	for k, v := range m {
		m[k] = javaNumbers(v)
	}
	return m, nil
}

func strp(s string) *string { return &s }

func jsonString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func singleExpr(e *rules.Expr) []*rules.Expr { return []*rules.Expr{e} }
