package template

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

func TestHostileTemplates(t *testing.T) {
	groups := make([]string, 10000)
	for i := range groups {
		groups[i] = fmt.Sprintf("cn=group-%05d,ou=groups,dc=example,dc=com", i)
	}
	many := UserData{Username: "u", Groups: groups, RealmName: "r"}

	t.Run("deep nesting", func(t *testing.T) {
		src := strings.Repeat("{{#a}}", 5000) + strings.Repeat("{{/a}}", 5000)
		tmpl, diags := Parse(mustLoad(t, `{"template": {"source": "`+src+`"}}`))
		if len(diags) != 1 || diags[0].Level != diag.Warning || !strings.Contains(diags[0].Message, "nested more than") {
			t.Fatalf("diagnostics %v", diags)
		}
		if err := tmpl.ValidateAtPut(); err != nil {
			t.Errorf("ValidateAtPut = %v (Elasticsearch may accept it)", err)
		}
		if _, err := tmpl.Roles(many.Model()); err == nil || err.(*Error).Stage != StageOffline {
			t.Errorf("Roles = %v, want an offline error", err)
		}
	})
	t.Run("deep unclosed nesting", func(t *testing.T) {
		src := strings.Repeat("{{#a}}", 100000)
		tmpl, _ := Parse(mustLoad(t, `{"template": {"source": "`+src+`"}}`))
		if _, err := tmpl.Roles(many.Model()); err == nil {
			t.Errorf("Roles succeeded")
		}
	})
	t.Run("output cap", func(t *testing.T) {
		start := time.Now()
		tmpl, diags := Parse(mustLoad(t, `{"template": {"source": "{{#groups}}{{#groups}}{{#groups}}{{.}}{{/groups}}{{/groups}}{{/groups}}"}}`))
		if len(diags) != 0 {
			t.Fatal(diags)
		}
		_, err := tmpl.Roles(many.Model())
		if err == nil || err.Error() != "Mustache script result size limit exceeded" || err.(*Error).Stage != StageRuntime {
			t.Errorf("Roles = %v, want the output limit", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	})
	t.Run("silent repetition", func(t *testing.T) {
		start := time.Now()
		tmpl, _ := Parse(mustLoad(t, `{"template": {"source": "{{#groups}}{{#groups}}{{^groups}}x{{/groups}}{{/groups}}{{/groups}}"}}`))
		_, err := tmpl.Roles(many.Model())
		if err == nil || err.(*Error).Stage != StageOffline {
			t.Errorf("Roles = %v, want an offline (work limit) error", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	})
	t.Run("partials refused", func(t *testing.T) {
		for _, src := range []string{"{{> /etc/passwd}}", "{{#groups}}{{>/etc/passwd}}{{/groups}}", "{{=<% %>=}}<%> /etc/passwd%>", "{{<../../etc/passwd}}{{/../../etc/passwd}}"} {
			tmpl, diags := Parse(mustLoad(t, `{"template": {"source": "`+src+`"}}`))
			if len(diags) != 1 || !strings.Contains(diags[0].Message, "not found") {
				t.Errorf("%s: diagnostics %v", src, diags)
			}
			roles, err := tmpl.Roles(many.Model())
			if err == nil || strings.Contains(strings.Join(roles, ""), "root:") {
				t.Errorf("%s: Roles = %q, %v", src, roles, err)
			}
		}
	})
	t.Run("large json output", func(t *testing.T) {
		tmpl, _ := Parse(mustLoad(t, `{"template": {"source": "{{#tojson}}groups{{/tojson}}"}, "format": "json"}`))
		roles, err := tmpl.Roles(many.Model())
		if err != nil || len(roles) != len(groups) {
			t.Errorf("Roles: %d roles, %v", len(roles), err)
		}
	})
}
