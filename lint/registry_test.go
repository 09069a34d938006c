package lint

import "testing"

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range All() {
		if seen[a.Name] {
			t.Errorf("duplicate check %s", a.Name)
		}
		seen[a.Name] = true
		if a.Summary == "" || a.Doc == "" || a.Run == nil || a.Level < 2 {
			t.Errorf("check %s is incomplete", a.Name)
		}
		if Lookup(a.Name) != a {
			t.Errorf("Lookup(%s) failed", a.Name)
		}
	}
}
