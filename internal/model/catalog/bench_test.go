package catalog

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// bigRolesYML is a roles.yml with n roles using regex run_as patterns.
func bigRolesYML(n int) *source.File {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "role_%d:\n  cluster: [monitor, 'cluster:admin/*']\n  run_as: ['/u[0-9]+/', 'e*']\n"+
			"  indices:\n    - names: ['*']\n      privileges: [all]\n", i)
	}
	return source.NewFile("roles.yml", []byte(sb.String()))
}

func BenchmarkReadRolesFile(b *testing.B) {
	f := bigRolesYML(5000)
	b.SetBytes(int64(len(f.Content)))
	for b.Loop() {
		if rf, _ := ReadRolesFile(f); len(rf.Roles) != 5000 {
			b.Fatalf("%d roles", len(rf.Roles))
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	rf, _ := ReadRolesFile(bigRolesYML(5000))
	c := New(esversion.Newest, Options{Builtin: true, Files: []*RolesFile{rf}})
	for b.Loop() {
		c.Suggest("role_123x")
	}
}
