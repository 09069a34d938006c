package config

import (
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// TestClusters checks that a cluster's keys replace the top-level ones and
// every other key is inherited.
func TestClusters(t *testing.T) {
	c, err := parseTest(t, `es_version: "9.1"
roles:
  names: [base]
checks:
  match-all: off
ignore:
  - {check: match-all, reason: r}
clusters:
  prod:
    paths: ["envs/prod/**"]
    es_version: "8.15"
  staging:
    paths: ["envs/staging"]
    roles: {names: [stage]}
    ignore:
      - {check: unknown-role, reason: s}
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.ClusterNames(); strings.Join(got, ",") != "prod,staging" {
		t.Fatalf("clusters = %v", got)
	}
	prod, staging := c.Cluster("prod").Config, c.Cluster("staging").Config
	tests := []struct {
		name      string
		got, want any
	}{
		{"prod es_version overridden", prod.ESVersion, esversion.Version{Major: 8, Minor: 15}},
		{"prod roles inherited", strings.Join(prod.Roles.Names, ","), "base"},
		{"prod checks inherited", prod.Checks["match-all"], diag.Off},
		{"prod shares the top-level ignore entries", prod.Ignores[0] == c.Ignores[0], true},
		{"staging es_version inherited", staging.ESVersion, esversion.Version{Major: 9, Minor: 1}},
		{"staging roles overridden", strings.Join(staging.Roles.Names, ","), "stage"},
		{"staging ignore overridden", staging.Ignores[0].Check, "unknown-role"},
		{"clusters do not nest", len(prod.Clusters), 0},
		{"top level keeps its own", c.ESVersion, esversion.Version{Major: 9, Minor: 1}},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// TestClusterMembers checks membership by path: a pattern matching a
// folder holds everything below it, and a file may be in several clusters.
func TestClusterMembers(t *testing.T) {
	c, err := parseTest(t, `clusters:
  prod: {paths: ["envs/prod/**", "shared"]}
  staging: {paths: ["envs/staging", "shared/**"]}
`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{"envs/prod/a.json", "prod"},
		{"envs/prod/deep/a.json", "prod"},
		{"envs/staging/a.json", "staging"},
		{"envs/stagingx/a.json", ""},
		{"shared/a.json", "prod,staging"},
		{"other/a.json", ""},
	}
	for _, tc := range tests {
		var names []string
		for _, cl := range c.Members(tc.path) {
			names = append(names, cl.Name)
		}
		if got := strings.Join(names, ","); got != tc.want {
			t.Errorf("Members(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestClusterErrors checks the exact text of cluster errors.
func TestClusterErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"not a mapping", "clusters: [a]\n", `.rolemap-lint.yaml:1:11: clusters: want a mapping, got a list`},
		{"no paths", "clusters:\n  prod: {es_version: \"9.1\"}\n",
			`.rolemap-lint.yaml:2:3: clusters.prod: missing required key "paths" (the files that belong to the cluster, e.g. ["envs/prod/**"])`},
		{"empty paths", "clusters:\n  prod: {paths: []}\n",
			`.rolemap-lint.yaml:2:17: clusters.prod.paths: list at least one pattern of the files that belong to the cluster`},
		{"exclude per cluster", "clusters:\n  prod:\n    paths: [a]\n    exclude: [b]\n",
			`.rolemap-lint.yaml:4:5: clusters.prod: "exclude" cannot be set per cluster (set it at the top level)`},
		{"unknown key", "clusters:\n  prod:\n    paths: [a]\n    checkz: {}\n",
			`.rolemap-lint.yaml:4:5: unknown key "checkz" in clusters.prod (did you mean "checks"?)`},
		{"bad override value", "clusters:\n  prod:\n    paths: [a]\n    es_version: \"nine\"\n",
			`.rolemap-lint.yaml:4:17: clusters.prod: es_version: invalid Elasticsearch version "nine" (want MAJOR.MINOR, e.g. "8.15")`},
		{"duplicate cluster", "clusters:\n  prod: {paths: [a]}\n  prod: {paths: [b]}\n",
			`.rolemap-lint.yaml:3:3: duplicate cluster "prod" in clusters (first defined at line 2)`},
		{"empty name", "clusters:\n  \"\": {paths: [a]}\n",
			`.rolemap-lint.yaml:2:3: clusters: keys must be cluster names (non-empty strings), got the string ""`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseTest(t, tc.src)
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			if got := err.Error(); !strings.Contains(got, tc.want) {
				t.Errorf("error:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}
