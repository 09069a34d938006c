package schema

import "testing"

func BenchmarkValidate(b *testing.B) {
	benches := []struct{ name, body string }{
		{"valid", `{"enabled": true, "roles": ["superuser"], "rules": {"all": [
			{"any": [{"field": {"dn": "*,ou=admin,dc=example,dc=com"}}, {"field": {"username": ["es-admin", "es-system"]}}]},
			{"field": {"groups": "cn=people,dc=example,dc=com"}},
			{"except": {"field": {"metadata.terminated_date": null}}}]}, "metadata": {"version": 1}}`},
		{"invalid", `{"enabled": "yes", "roles": [null, 1], "rules": [], "run_as": ["bob"], "metadata": null}`},
	}
	for _, bb := range benches {
		body := mustTree(b, bb.body)
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Validate(body)
			}
		})
	}
}
