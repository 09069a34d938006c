package lint_test

import (
	"fmt"
	"strings"
	"testing"
)

// mappingWith returns a mapping body granting roles (a JSON list) under rules.
func mappingWith(roles, rules string) string {
	return `{"enabled": true, "roles": ` + roles + `, "rules": ` + rules + `}`
}

func TestRedundantMapping(t *testing.T) {
	const (
		adminsLDAP = `{"all": [{"field": {"groups": "admins"}}, {"field": {"realm.name": "ldap1"}}]}`
		admins     = `{"field": {"groups": "admins"}}`
		staff      = `{"field": {"groups": ["admins", "staff"]}}`
	)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"narrower rules, same roles", map[string]string{
			"a.json": mappingWith(`["viewer"]`, adminsLDAP),
			"b.json": mappingWith(`["viewer", "editor"]`, admins)},
			[]string{"redundant-mapping a.json:1:1 warning"}},
		{"implication through values and patterns", map[string]string{
			"a.json": mappingWith(`["viewer"]`, `{"field": {"username": "svc-build"}}`),
			"b.json": mappingWith(`["viewer"]`, `{"field": {"username": "svc-*"}}`)},
			[]string{"redundant-mapping a.json:1:1 warning"}},
		{"value list", map[string]string{
			"a.json": mappingWith(`["viewer"]`, admins),
			"b.json": mappingWith(`["viewer"]`, staff)},
			[]string{"redundant-mapping a.json:1:1 warning"}},
		{"a role the other does not grant", map[string]string{
			"a.json": mappingWith(`["viewer", "monitor"]`, adminsLDAP),
			"b.json": mappingWith(`["viewer"]`, admins)}, nil},
		{"rules that match users the other does not", map[string]string{
			"a.json": mappingWith(`["viewer"]`, staff),
			"b.json": mappingWith(`["viewer"]`, admins)},
			[]string{"redundant-mapping b.json:1:1 warning"}},
		{"each matches users the other does not", map[string]string{
			"a.json": mappingWith(`["viewer"]`, `{"field": {"groups": ["admins", "ops"]}}`),
			"b.json": mappingWith(`["viewer"]`, staff)}, nil},
		{"several mappings in one file", map[string]string{
			"roles.json": `{"wide": ` + mappingWith(`["viewer"]`, staff) + `, "narrow": ` + mappingWith(`["viewer"]`, adminsLDAP) + `}`},
			[]string{"redundant-mapping roles.json:1:103 warning"}},
		{"except makes the rules incomparable", map[string]string{
			"a.json": mappingWith(`["viewer"]`, admins),
			"b.json": mappingWith(`["viewer"]`, `{"all": [{"field": {"groups": "*"}}, {"except": {"field": {"username": "root"}}}]}`)}, nil},
		{"copies: only the later one", map[string]string{
			"a.json": mappingWith(`["viewer"]`, admins),
			"b.json": mappingWith(`["viewer"]`, `{"any": [{"field": {"groups": "admins"}}]}`)},
			[]string{"redundant-mapping b.json:1:1 warning"}},
		{"a mapping that matches everyone makes nothing redundant (match-all's)", map[string]string{
			"a.json": mappingWith(`["viewer"]`, adminsLDAP),
			"b.json": mappingWith(`["viewer"]`, `{"field": {"username": "*"}}`)}, nil},
		{"a mapping no user matches is never-matches'", map[string]string{
			"a.json": mappingWith(`["viewer"]`, `{"all": [{"field": {"realm.name": "ldap1"}}, {"field": {"realm.name": "saml1"}}]}`),
			"b.json": mappingWith(`["viewer"]`, admins)}, nil},
		{"disabled mapping grants nothing", map[string]string{
			"a.json": mappingWith(`["viewer"]`, adminsLDAP),
			"b.json": `{"enabled": false, "roles": ["viewer"], "rules": ` + admins + `}`}, nil},
		{"role templates are left alone", map[string]string{
			"a.json": mappingWith(`["viewer"]`, adminsLDAP),
			"b.json": `{"enabled": true, "role_templates": [{"template": {"source": "viewer"}}], "rules": ` + admins + `}`}, nil},
		{"metadata only: not comparable to groups", map[string]string{
			"a.json": mappingWith(`["viewer"]`, `{"field": {"metadata.team": "ops"}}`),
			"b.json": mappingWith(`["viewer"]`, admins)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintFiles(t, "", tt.files, "redundant-mapping")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestRedundantMappingBudget: a question that runs out of the run's
// budget claims no redundancy; the budget check says what was not decided.
func TestRedundantMappingBudget(t *testing.T) {
	files := map[string]string{
		"a.json": mappingWith(`["viewer"]`, `{"field": {"username": "/svc-[a-z]+-[0-9]{2,4}/"}}`),
		"b.json": mappingWith(`["viewer"]`, `{"field": {"username": "/svc-[a-z0-9]+-.*/"}}`),
	}
	got := lintFiles(t, "limits:\n  analysis_states: 10\n", files, "redundant-mapping", "budget")
	for _, g := range got {
		if strings.HasPrefix(g, "redundant-mapping ") {
			t.Errorf("claimed redundancy without deciding it: %q", got)
		}
	}
	if len(got) == 0 {
		t.Errorf("no budget finding: %q", got)
	}
}

// TestRedundantMappingWidestFirst: a hundred narrow mappings and the wide
// one that covers them all: each narrow one is compared with the wide one
// first, so the pair budget (4096) is not spent on the narrow siblings.
func TestRedundantMappingWidestFirst(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&b, `"narrow-%d": %s, `, i, mappingWith(`["viewer"]`,
			fmt.Sprintf(`{"all": [{"field": {"groups": "g%d"}}, {"field": {"realm.name": "ldap1"}}]}`, i)))
	}
	b.WriteString(`"wide": ` + mappingWith(`["viewer"]`, `{"field": {"realm.name": "ldap1"}}`) + "}")
	got := lintFiles(t, "", map[string]string{"all.json": b.String()}, "redundant-mapping")
	if len(got) != 100 {
		t.Errorf("%d findings, want 100: %q", len(got), got)
	}
}
