package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/fixtures"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/resolve"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"github.com/rolemap-lint/rolemap-lint/internal/input/workspace"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
)

// otherReading returns the workspace as the other YAML reader reads it
// (mapping.ReconcileReadings) and a name for that reading, or nil when
// every mapping reads the same whichever reader turns the YAML into
// Elasticsearch's input.
func otherReading(ws *workspace.Workspace) (*workspace.Workspace, string) {
	var alt []*mapping.Mapping
	differs := false
	readers := map[loader.Reader]bool{}
	for _, m := range ws.Mappings {
		if m.AltReading == nil {
			alt = append(alt, m)
			continue
		}
		differs = true
		readers[m.AltReader] = true
		a := *m.AltReading
		// Names are shared by both readings: a duplicate stays one.
		a.Problems = slices.Clone(a.Problems)
		for _, p := range m.Problems {
			if p.Check == workspace.CheckDuplicateName {
				a.Problems = append(a.Problems, p)
			}
		}
		alt = append(alt, &a)
	}
	if !differs {
		return nil, ""
	}
	c := *ws
	c.Mappings = alt
	name := "the other reading"
	switch {
	case len(readers) == 1 && readers[loader.ReaderElasticsearch]:
		name = "Elasticsearch's own YAML reader (the file sent as YAML)"
	case len(readers) == 1 && readers[loader.ReaderYAML12]:
		name = "a YAML 1.2 converter (the file turned into JSON first)"
	}
	return &c, name
}

// runTestsBothReadings runs the fixtures against the mappings as read, and,
// when some YAML mapping reads differently for Elasticsearch's own YAML
// reader and a YAML 1.2 converter, against the other reading too: a test
// passes only when it passes under both, and a difference is shown in the
// test's error.
func runTestsBothReadings(u *Project, res *resolve.Resolver, tests []*fixtures.Test) []fixtures.Outcome {
	out := fixtures.Run(res, tests)
	altWS, name := otherReading(u.Workspace)
	if altWS == nil {
		return out
	}
	alt := fixtures.Run(resolve.New(altWS, u.ResolverOptions()), tests)
	for i := range out {
		a, o := alt[i], &out[i]
		if a.Passed == o.Passed && slices.Equal(a.Roles, o.Roles) && a.Error == o.Error {
			continue
		}
		got := "roles [" + strings.Join(a.Roles, ", ") + "]"
		if a.Error != "" && len(a.Roles) == 0 {
			got = "the error: " + a.Error
		}
		verdict := "passes"
		if !a.Passed {
			verdict = "fails"
		}
		note := fmt.Sprintf("a YAML mapping reads differently for Elasticsearch's own YAML reader and a YAML 1.2 converter (see the ambiguous-yaml findings; set yaml_reader in the config if you know which one applies): with %s the user gets %s and the test %s", name, got, verdict)
		if o.Error != "" {
			note = o.Error + "; " + note
		}
		o.Error = note
		o.Passed = o.Passed && a.Passed
	}
	return out
}
