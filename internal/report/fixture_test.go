package report

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func TestFixtureResult(t *testing.T) {
	f := source.NewFile("mappings/admins_test.yaml", nil)
	test := &fixtures.Test{Name: "admins", File: f, Line: 3}
	tests := []struct {
		name string
		res  fixtures.Result
		want TestResult
		json string
	}{
		{"failure", fixtures.Result{Roles: []string{"user"}, Missing: []string{"superuser"}},
			TestResult{Name: "admins", File: "mappings/admins_test.yaml", Line: 3, Roles: []string{"user"},
				Missing: []string{"superuser"}, Unexpected: []string{}},
			`{"name":"admins","file":"mappings/admins_test.yaml","line":3,"passed":false,"roles":["user"],"missing":["superuser"],"unexpected":[],"error":""}`},
		{"resolution error", fixtures.Result{Error: "boom"},
			TestResult{Name: "admins", File: "mappings/admins_test.yaml", Line: 3, Roles: []string{},
				Missing: []string{}, Unexpected: []string{}, Error: "boom"},
			`{"name":"admins","file":"mappings/admins_test.yaml","line":3,"passed":false,"roles":[],"missing":[],"unexpected":[],"error":"boom"}`},
		{"pass", fixtures.Result{Passed: true, Roles: []string{"a"}},
			TestResult{Name: "admins", File: "mappings/admins_test.yaml", Line: 3, Passed: true, Roles: []string{"a"},
				Missing: []string{}, Unexpected: []string{}},
			`{"name":"admins","file":"mappings/admins_test.yaml","line":3,"passed":true,"roles":["a"],"missing":[],"unexpected":[],"error":""}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FixtureResult(test, tc.res)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("FixtureResult (-want +got):\n%s", diff)
			}
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.json {
				t.Errorf("json:\n got  %s\n want %s", b, tc.json)
			}
		})
	}
}
