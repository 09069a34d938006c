package conformance

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// loadCases returns the project's cases of one kind; it fails the test
// when the file is missing or holds none.
func loadCases(t *testing.T, kind string) []Case {
	t.Helper()
	all, err := Load(filepath.Join("testdata", "es-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	out := Kind(all, kind)
	if len(out) == 0 {
		t.Fatalf("no %s cases", kind)
	}
	return out
}

// versionOf maps a case's version note to the modelled version.
func versionOf(c Case) esversion.Version {
	if v, err := esversion.Parse(c.Version); err == nil {
		return v
	}
	switch {
	case strings.Contains(c.Version, "older"):
		return esversion.Version{Major: 8, Minor: 15}
	default:
		return esversion.Newest
	}
}

// parseJSON loads raw JSON through the real loader.
func parseJSON(t *testing.T, raw []byte) *source.Value {
	t.Helper()
	f := source.NewFile("case.json", raw)
	v, diags := loader.ParseJSON(f)
	if v == nil || len(diags) > 0 {
		t.Fatalf("loader rejected case JSON %s: %v", raw, diags)
	}
	return v
}

// TestCaseCoversFormat checks that Case has a field for every key the
// project's es-cases.json uses, so that no expectation is silently dropped,
// and that Load keeps every case in file order.
func TestCaseCoversFormat(t *testing.T) {
	path := filepath.Join("testdata", "es-cases.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	ct := reflect.TypeFor[Case]()
	for i := range ct.NumField() {
		name, _, _ := strings.Cut(ct.Field(i).Tag.Get("json"), ",")
		known[name] = true
	}
	for _, obj := range raw {
		for key := range obj {
			if !known[key] {
				var id string
				_ = json.Unmarshal(obj["id"], &id)
				t.Errorf("case %s: key %q has no Case field", id, key)
			}
		}
	}
	cases, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != len(raw) {
		t.Fatalf("Load returned %d cases, the file holds %d", len(cases), len(raw))
	}
	for i, c := range cases {
		var id string
		if err := json.Unmarshal(raw[i]["id"], &id); err != nil || c.ID != id {
			t.Errorf("case %d: ID %q, want %q (%v)", i, c.ID, id, err)
		}
	}
}

func TestLoadDecodes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.json")
	src := `[
	  {"id": "p", "kind": "parse", "stage": "rest_put", "name": "m", "body": {"enabled": true},
	   "valid": false, "error_contains": "boom", "stored_scripts": {"s": {"lang": "mustache", "source": "{{x}}", "options": {"content_type": "application/json"}}},
	   "script_settings": {"script.allowed_types": "none"}},
	  {"id": "m", "kind": "match", "rule": {"any": []}, "user": {"username": "u", "dn": null}, "expect": null, "expect_error_contains": "bad"},
	  {"id": "d", "kind": "dn", "field": "dn", "value": "cn=a", "pattern": true, "expect": false},
	  {"id": "f", "kind": "file", "yaml": null, "settings": {"unmapped_groups_as_roles": true}, "expect_lenient_mappings_count": 0,
	   "expect_mappings": {"cn=a": ["r"]}, "expect_roles": null}
	]`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	str := func(s string) *string { return &s }
	no, zero := false, 0
	want := []Case{
		{ID: "p", Kind: "parse", Stage: "rest_put", Name: str("m"), Body: json.RawMessage(`{"enabled": true}`),
			Valid: &no, ErrorContains: "boom",
			StoredScripts:  map[string]StoredScript{"s": {Lang: "mustache", Source: "{{x}}", Options: map[string]string{"content_type": "application/json"}}},
			ScriptSettings: map[string]string{"script.allowed_types": "none"}},
		{ID: "m", Kind: "match", Rule: json.RawMessage(`{"any": []}`), User: json.RawMessage(`{"username": "u", "dn": null}`),
			Expect: json.RawMessage(`null`), ExpectErrorContains: "bad"},
		{ID: "d", Kind: "dn", Field: "dn", Value: str("cn=a"), Pattern: json.RawMessage(`true`), Expect: json.RawMessage(`false`)},
		{ID: "f", Kind: "file", Settings: FileSettings{UnmappedGroupsAsRoles: true}, ExpectLenientMappingsCount: &zero,
			ExpectMappings: map[string][]string{"cn=a": {"r"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		content  *string // nil: no file
		notExist bool
	}{
		{name: "missing", notExist: true},
		{name: "not-json", content: new("[{")},
		{name: "not-an-array", content: new(`{"id": "x"}`)},
		{name: "wrong-type", content: new(`[{"id": 1}]`)},
		{name: "value-not-string", content: new(`[{"id": "x", "value": ["a"]}]`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".json")
			if tc.content != nil {
				if err := os.WriteFile(path, []byte(*tc.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cases, err := Load(path)
			if err == nil {
				t.Fatalf("Load = %v, want an error", cases)
			}
			if errors.Is(err, fs.ErrNotExist) != tc.notExist {
				t.Errorf("errors.Is(%v, fs.ErrNotExist) = %v, want %v", err, !tc.notExist, tc.notExist)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
		})
	}
}

func TestKind(t *testing.T) {
	all := []Case{{ID: "a", Kind: "match"}, {ID: "b", Kind: "dn"}, {ID: "c", Kind: "match"}, {ID: "d", Kind: "file"}}
	tests := []struct {
		kind string
		want []string
	}{
		{"match", []string{"a", "c"}},
		{"dn", []string{"b"}},
		{"file", []string{"d"}},
		{"template", nil},
		{"", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, c := range Kind(all, tc.kind) {
			got = append(got, c.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Kind(%q) = %v, want %v", tc.kind, got, tc.want)
		}
	}
	if Kind(nil, "match") != nil {
		t.Error("Kind(nil) is not nil")
	}
}

func TestPath(t *testing.T) {
	t.Setenv(EnvPath, "")
	if got, want := Path(filepath.Join("..", "..")), filepath.Join("..", "..", "internal", "conformance", "testdata", "es-cases.json"); got != want {
		t.Errorf("Path(..) = %q, want %q", got, want)
	}
	t.Setenv(EnvPath, "/elsewhere/cases.json")
	if got := Path(".."); got != "/elsewhere/cases.json" {
		t.Errorf("with $%s set, Path = %q", EnvPath, got)
	}
}

func TestDecodeUser(t *testing.T) {
	dn := "cn=u,dc=example"
	tests := []struct {
		name    string
		raw     json.RawMessage
		want    *User
		wantErr bool
	}{
		{name: "absent"},
		{name: "null", raw: json.RawMessage(`null`)},
		{name: "full", raw: json.RawMessage(`{"username": "u", "dn": "cn=u,dc=example", "groups": ["g"],
			"realm": {"name": "ldap1", "type": "ldap"}, "metadata": {"n": 12345678901234567890, "f": 1.5, "s": "x", "l": [1]}}`),
			want: &User{Username: "u", DN: &dn, Groups: []string{"g"}, Realm: Realm{Name: "ldap1", Type: "ldap"},
				Metadata: map[string]any{"n": json.Number("12345678901234567890"), "f": json.Number("1.5"), "s": "x",
					"l": []any{json.Number("1")}}}},
		{name: "null-dn", raw: json.RawMessage(`{"username": "u", "dn": null, "groups": []}`),
			want: &User{Username: "u", Groups: []string{}}},
		{name: "generator", raw: json.RawMessage(`{"username": "u", "groups_generator": {"template": "g{i}", "from": 2, "to_exclusive": 5}}`),
			want: &User{Username: "u", GroupsGenerator: &GroupsGenerator{Template: "g{i}", From: 2, ToExclusive: 5}}},
		{name: "groups-not-strings", raw: json.RawMessage(`{"groups": [1]}`), wantErr: true},
		{name: "not-an-object", raw: json.RawMessage(`"u"`), wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{ID: "case-" + tc.name, User: tc.raw}
			got, err := c.DecodeUser()
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), c.ID) {
					t.Fatalf("DecodeUser = %v, %v; want an error naming %s", got, err, c.ID)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("DecodeUser (-want +got):\n%s", diff)
			}
		})
	}
}
