package lint

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/decide"
	"github.com/rolemap-lint/rolemap-lint/internal/eval/match"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/mapping"
	"github.com/rolemap-lint/rolemap-lint/internal/model/user"
	"github.com/rolemap-lint/rolemap-lint/internal/template"
	"github.com/rolemap-lint/rolemap-lint/internal/template/produce"
)

var templateRoleInjection = &Analyzer{
	Name:     "template-role-injection",
	Level:    diag.Warning,
	Security: true,
	Summary:  "a template that turns user-controlled values into role names, so whoever controls them can pick a privileged role",
	Doc: "A role template renders user attributes (`groups`, `username`, `metadata.*`, `dn`) into role names. Whoever " +
		"controls those values — the identity provider, a directory administrator, a user who can name a group — then " +
		"chooses roles: `{{#tojson}}groups{{/tojson}}` gives a user in a group named `superuser` the `superuser` role. " +
		"rolemap-lint computes every role name the template can produce (its literal text plus the values the rules allow " +
		"for each variable) and warns when a privileged role (`superuser`, catalog roles with cluster `all` or " +
		"`manage_security`, the config's `privileged_roles`) is among them. A fixed prefix (`_user_{{username}}`) or rules " +
		"pinning `username`/`realm.name` to literals rule it out.",
	Run: runTemplateRoleInjection,
}

// privilegedNames lists the privileged role names of the run.
func (p *Pass) privilegedNames() []string {
	set := map[string]bool{}
	for _, n := range p.Settings.Catalog.Names() {
		if p.Settings.Catalog.IsPrivileged(n) {
			set[n] = true
		}
	}
	for _, n := range p.Settings.Config.PrivilegedRoles {
		set[n] = true
	}
	set["superuser"] = true
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func runTemplateRoleInjection(p *Pass) {
	privileged := p.privilegedNames()
	ops := automaton.Ops{Pool: p.Settings.Budget.States()}
	for _, m := range p.Workspace.Mappings {
		if !m.Valid() || !m.Enabled || m.Rules == nil || len(m.Templates) == 0 {
			continue
		}
		vars := func(name string) *automaton.Automaton { return decide.Pinned(m.Rules, name, ops) }
		for i, t := range m.Templates {
			if t.IsStored() || t.ParseErr() != nil {
				continue
			}
			var produced []string
			var first produce.Production
			for _, role := range privileged {
				prod, err := produce.CanProduceWithin(t, role, vars, ops, p.Settings.Budget.Templates())
				if errors.Is(err, budget.ErrExhausted) {
					p.undecided(m, fmt.Sprintf("whether role template %d can produce [%s]", i+1, role), err)
					break
				}
				if err != nil || prod.Answer != produce.Yes || len(prod.Uses) == 0 {
					continue // a constant output is privileged-broad-grant's
				}
				if len(produced) == 0 {
					first = prod
				}
				produced = append(produced, role)
			}
			if len(produced) == 0 {
				continue
			}
			span := t.SourceSpan()
			if len(first.Uses) > 0 && first.Uses[0].Span.IsValid() {
				span = first.Uses[0].Span
			}
			msg := fmt.Sprintf("role template %d can produce the privileged role%s %s: %s", i+1, plural(len(produced)), bracketList(produced), first.Reason)
			if ex := p.injectionExample(m, first.User, produced[0]); ex != "" {
				msg += "; " + ex
			}
			msg += "; whoever controls those values (the identity provider, a directory admin) picks the role: add a fixed prefix (\"_user_{{username}}\") or pin the values in the rules"
			p.Report(at(m, span, "%s", msg))
		}
	}
}

// injectionExample builds a user the mapping's rules match who gets the
// role, by combining a user the rules accept with the template's example.
func (p *Pass) injectionExample(m *mapping.Mapping, tu *template.UserData, role string) string {
	if tu == nil {
		return ""
	}
	base := &user.User{Username: "someone", Groups: []string{}, Metadata: map[string]any{}, Realm: user.Realm{Name: "any-realm"}}
	if sat := p.satisfiable(m.Rules); sat.Satisfiable == decide.Yes && sat.Witness != nil {
		base = sat.Witness
	}
	u := *base
	if tu.Username != "" {
		u.Username = tu.Username
	}
	if tu.RealmName != "" {
		u.Realm.Name = tu.RealmName
	}
	if tu.DN != nil {
		u.DN = tu.DN
	}
	u.Groups = append(append([]string{}, base.Groups...), tu.Groups...)
	u.Metadata = map[string]any{}
	for k, v := range base.Metadata {
		u.Metadata[k] = v
	}
	for k, v := range tu.Metadata {
		u.Metadata[k] = v
	}
	model, err := match.NewModel(&u, nil)
	if err != nil {
		return ""
	}
	if ok, err := match.Eval(m.Rules, model); err != nil || !ok {
		return ""
	}
	return "e.g. " + describeUser(&u) + " gets " + role
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func bracketList(s []string) string { return "[" + strings.Join(s, ", ") + "]" }
