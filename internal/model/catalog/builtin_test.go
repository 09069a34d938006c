package catalog

import (
	"slices"
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

func v(major, minor int) esversion.Version { return esversion.Version{Major: major, Minor: minor} }

func TestBuiltinLookupAcrossVersions(t *testing.T) {
	tests := []struct {
		role        string
		at          esversion.Version
		exists      bool
		removed     bool
		deprecated  bool
		replacement string
	}{
		{"kibana_dashboard_only_user", v(7, 5), true, false, false, ""},
		{"kibana_dashboard_only_user", v(7, 17), true, false, true, ""},
		{"kibana_dashboard_only_user", v(8, 0), false, true, false, ""},
		{"kibana_dashboard_only_user", v(9, 2), false, true, false, ""},
		{"kibana_user", v(7, 5), true, false, false, ""},
		{"kibana_user", v(7, 6), true, false, true, "kibana_admin"},
		{"kibana_user", v(9, 2), true, false, true, "kibana_admin"},
		{"kibana_admin", v(7, 5), false, false, false, ""},
		{"kibana_admin", v(7, 6), true, false, false, ""},
		{"viewer", v(7, 12), false, false, false, ""},
		{"viewer", v(7, 13), true, false, false, ""},
		{"editor", v(9, 2), true, false, false, ""},
		{"data_frame_transforms_admin", v(7, 4), true, false, false, ""},
		{"data_frame_transforms_admin", v(7, 5), true, false, true, "transform_admin"},
		{"data_frame_transforms_user", v(8, 19), true, false, true, "transform_user"},
		{"data_frame_transforms_user", v(9, 0), false, true, false, "transform_user"},
		{"transform_admin", v(7, 4), false, false, false, ""},
		{"transform_admin", v(7, 5), true, false, false, ""},
		{"apm_user", v(7, 12), true, false, false, ""},
		{"apm_user", v(7, 13), true, false, true, "editor, viewer"},
		{"apm_user", v(9, 0), false, true, false, "editor, viewer"},
		{"reporting_user", v(7, 13), true, false, false, ""},
		{"reporting_user", v(7, 14), true, false, true, ""},
		{"code_admin", v(7, 5), true, false, false, ""},
		{"code_user", v(7, 6), false, true, false, ""},
		{"inference_admin", v(8, 13), false, false, false, ""},
		{"inference_user", v(8, 14), true, false, false, ""},
		{"enrich_user", v(7, 4), false, false, false, ""},
		{"enrich_user", v(7, 5), true, false, false, ""},
		{"alertzero_threat_hunt", v(9, 2), false, false, false, ""},
		{"alertzero_threat_hunt", v(9, 6), true, false, false, ""},
		{"superuser", v(7, 2), true, false, false, ""},
		{"no_such_role", v(8, 0), false, false, false, ""},
	}
	for _, tt := range tests {
		c := New(tt.at, Options{Builtin: true})
		r, ok := c.Lookup(tt.role)
		if ok != tt.exists {
			t.Errorf("%s at %s: Lookup ok=%v, want %v", tt.role, tt.at, ok, tt.exists)
		}
		if ok && (!r.Builtin || r.Source != builtinSource) {
			t.Errorf("%s at %s: not marked built-in: %+v", tt.role, tt.at, r)
		}
		rr, removed := c.Removed(tt.role)
		if removed != tt.removed {
			t.Errorf("%s at %s: Removed=%v, want %v", tt.role, tt.at, removed, tt.removed)
		}
		_, dep := c.Deprecated(tt.role)
		if dep != tt.deprecated {
			t.Errorf("%s at %s: Deprecated=%v, want %v", tt.role, tt.at, dep, tt.deprecated)
		}
		if removed && rr.Replacement != tt.replacement {
			t.Errorf("%s at %s: replacement %q, want %q", tt.role, tt.at, rr.Replacement, tt.replacement)
		}
		if dep && r.Replacement != tt.replacement {
			t.Errorf("%s at %s: replacement %q, want %q", tt.role, tt.at, r.Replacement, tt.replacement)
		}
	}
}

func TestOnlySuperuserIsPrivilegedAmongBuiltins(t *testing.T) {
	for _, at := range []esversion.Version{v(7, 2), v(7, 17), v(8, 0), v(8, 19), v(9, 0), esversion.Newest, v(9, 6)} {
		c := New(at, Options{Builtin: true})
		var got []string
		for _, n := range c.Names() {
			if c.IsPrivileged(n) {
				got = append(got, n)
			}
		}
		if !slices.Equal(got, []string{"superuser"}) {
			t.Errorf("privileged built-ins at %s = %v, want [superuser]", at, got)
		}
		r, _ := c.Lookup("superuser")
		if !r.Privileges.ClusterAll || !r.Privileges.RunAsSuperuser || !r.Privileges.IndexAllOnAll {
			t.Errorf("superuser privileges at %s: %+v", at, r.Privileges)
		}
	}
}

func TestInternalRoles(t *testing.T) {
	c := New(esversion.Newest, Options{Builtin: true})
	for name, want := range map[string]bool{
		"kibana_system": true, "logstash_system": true, "beats_system": true, "apm_system": true,
		"remote_monitoring_collector": true, "remote_monitoring_agent": false, "superuser": false,
		"viewer": false, "kibana_admin": false,
	} {
		r, ok := c.Lookup(name)
		if !ok || r.Internal != want {
			t.Errorf("%s: ok=%v internal=%v, want internal=%v", name, ok, r.Internal, want)
		}
	}
	r, _ := c.Lookup("kibana_system")
	if !slices.Contains(r.Privileges.SecurityAdmin, "grant_api_key") || r.Privileged {
		t.Errorf("kibana_system: %+v", r)
	}
}

func TestBuiltinListsExistingAndRemoved(t *testing.T) {
	at := v(8, 0)
	roles := Builtin(at)
	if !slices.IsSortedFunc(roles, func(a, b Role) int { return compareStrings(a.Name, b.Name) }) {
		t.Error("Builtin(8.0) is not sorted by name")
	}
	byName := map[string]Role{}
	for _, r := range roles {
		byName[r.Name] = r
	}
	if r, ok := byName["kibana_dashboard_only_user"]; !ok || !r.RemovedAt(at) {
		t.Errorf("kibana_dashboard_only_user should be listed as removed at 8.0: %+v", r)
	}
	if _, ok := byName["inference_admin"]; ok {
		t.Error("inference_admin (8.14) listed at 8.0")
	}
	if r := byName["kibana_user"]; !r.DeprecatedAt(at) || r.RemovedAt(at) || !r.ExistsAt(at) {
		t.Errorf("kibana_user at 8.0: %+v", r)
	}
	// The returned roles are copies: changing them leaves the table alone.
	r := byName["kibana_user"]
	r.Deprecated.Major = 1
	if again, _ := New(at, Options{Builtin: true}).Deprecated("kibana_user"); again.Deprecated.Major != 7 {
		t.Error("Builtin exposes the table's version pointers")
	}
}

func TestBuiltinDisabled(t *testing.T) {
	c := New(esversion.Newest, Options{Builtin: false})
	if _, ok := c.Lookup("superuser"); ok {
		t.Error("superuser found with Builtin false")
	}
	if _, ok := c.Removed("kibana_dashboard_only_user"); ok {
		t.Error("removed role reported with Builtin false")
	}
	if c.IsPrivileged("superuser") || c.HasCustomCatalog() {
		t.Error("empty catalog claims privileged roles or a custom catalog")
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
