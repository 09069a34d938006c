package produce

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/template"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/tri"
)

// Vars gives, for a user model field as a template names it ("username",
// "realm.name", "groups", "dn", "metadata.<key>"), the language of the
// values it can take for the users a mapping's rules match; nil means
// any value. Values are raw text, before escaping. For "groups" the
// language is that of every group name; for a metadata key, that of
// every scalar the value holds (the value itself, or the elements of a
// list), printed as Java prints it ("true", "3"). An empty language means
// no matched user has a value there (for "username" and "realm.name":
// no user matches at all). A nil Vars function means no constraint.
type Vars func(name string) *automaton.Automaton

// Answer is CanProduce's three-valued answer: the one type of the
// analyses (tri.Tri), named here for the template analysis.
type Answer = tri.Tri

// Answers.
const (
	// Unknown: the analysis cannot tell (a stored script, a template
	// beyond its bounds, or no example user found for a role it cannot
	// rule out).
	Unknown = tri.Unknown
	// Yes: some user gets the role; Production.User is one.
	Yes = tri.Yes
	// No: no user gets the role.
	No = tri.No
)

// Production is CanProduce's answer.
type Production struct {
	Answer Answer
	// Reason explains the answer for a message, citing the template's
	// tags, e.g. "{{#tojson}}groups{{/tojson}} turns group names into
	// roles: a user in group "superuser" gets role "superuser"".
	Reason string
	// User is, for Yes, a user who gets the role, with values Vars
	// allows (each field on its own: a check should still match it
	// against the mapping's rules).
	User *template.UserData
	// Uses are, for Yes, the template's uses of variables that put the
	// user's values into the role (empty when the role does not depend
	// on them); their spans locate a finding.
	Uses []VarUse
}

// analysis is what a template can produce, for every user at once.
type analysis struct {
	ctx  *langCtx
	uses []VarUse
	// none, when set, says why the template produces no role at all.
	none string
	// roles is a superset of the role names; nil when any name is
	// possible, for the reason in anyWhy.
	roles  *lang
	anyWhy string
	vals   *values
}

// analyze builds the language of a template's roles. It returns an
// *template.Error with template.StageOffline when the template cannot be known offline
// (a stored script, a template beyond the engine's bounds), and a
// *LimitError when the analysis exceeds its bounds.
func analyze(t *template.Template, vars Vars, ops automaton.Ops) (*analysis, error) {
	a := &analysis{ctx: newLangCtx(ops)}
	switch {
	case t.ParseErr() != nil:
		a.none = "Elasticsearch rejects this role template (" + t.ParseErr().Error() + "), so it produces no role"
		return a, nil
	case t.ScriptErr() != nil:
		a.none = "Elasticsearch rejects this role template's script (" + t.ScriptErr().Error() + "), so it produces no role"
		return a, nil
	}
	prog, enc, e := t.Program()
	if e != nil {
		if e.Stage == template.StageOffline {
			return nil, e
		}
		a.none = "Elasticsearch cannot compile this role template (" + e.Message + "), so it produces no role"
		return a, nil
	}
	if t.IsStored() {
		// Program only compiles stored scripts given their source.
		return nil, &template.Error{Stage: template.StageOffline, Message: "stored script [" + t.ID() + "] is not available offline"}
	}
	uses, index := variableUses(t)
	a.uses = uses
	a.vals = newValues(vars, t.Params())
	for _, f := range []string{fieldUsername, fieldRealm} {
		if l := a.vals.lang(f); l != nil && l.IsEmpty() {
			a.none = "no user matches the rules (they allow no " + f + "), so the template produces no role"
			return a, nil
		}
	}
	x := &absExec{vals: a.vals, uses: index, fields: make([][]string, len(uses)), pool: ops.Pool}
	x.enc, x.hasEnc = encoderOf(enc)
	out, err := x.codes(prog.Codes(), []*aval{a.vals.root})
	if err != nil {
		if errors.Is(err, errAnalysisSteps) {
			return nil, &LimitError{What: err.Error()}
		}
		return nil, err
	}
	for i := range a.uses {
		a.uses[i].Fields = x.fields[i]
	}
	if t.Format() == template.FormatString {
		a.roles = out
		return a, nil
	}
	roles, err := a.ctx.tokens(out)
	switch {
	case errors.Is(err, errUserStructure):
		a.anyWhy = "the JSON the template renders takes its structure from user values (an unescaped value, or a section that opens a string it does not close), so any role may come out"
	case err != nil:
		return nil, err
	default:
		a.roles = roles
	}
	return a, nil
}

// RoleLanguage returns an automaton accepting every role name the
// template can produce for some user whose fields take values in vars
// (a superset: it never misses a possible role, but variables with
// infinite languages are widened to their longest common prefix and
// suffix). A template Elasticsearch rejects produces nothing. Errors: an
// *template.Error with Stage template.StageOffline when the template cannot be known
// offline (a stored script: anything may come out); a *LimitError
// (errors.Is automaton.ErrBudget) past the analysis bounds or ops'
// budget.
func RoleLanguage(t *template.Template, vars Vars, ops automaton.Ops) (*automaton.Automaton, error) {
	a, err := analyze(t, vars, ops)
	if err != nil {
		return nil, err
	}
	switch {
	case a.none != "":
		return automaton.Empty(), nil
	case a.roles == nil:
		return automaton.Any(), nil
	}
	return a.ctx.automaton(a.roles)
}

// CanProduce reports whether some user whose fields take values in vars
// gets the role name role from this template. Both definite answers are
// reliable: No comes from a sound over-approximation of every rendering
// (variables are matched exactly against the role name); Yes comes with
// an example user for whom Elasticsearch's engine renders the role.
// Unknown when the template is a stored script, cannot be analyzed within
// the bounds, or no example was found for a role the analysis cannot rule
// out. The error is a *LimitError when a bound was hit (the answer is
// then Unknown).
func CanProduce(t *template.Template, role string, vars Vars, ops automaton.Ops) (Production, error) {
	return CanProduceWithin(t, role, vars, ops, nil)
}

// CanProduceWithin is CanProduce with the renderings of its search for an
// example user drawing from steps, the run's pool of template steps (nil:
// only the bound of each rendering). When the pool runs out the answer is
// Unknown and the error wraps the pool's *budget.Error.
func CanProduceWithin(t *template.Template, role string, vars Vars, ops automaton.Ops, steps *budget.Pool) (Production, error) {
	a, err := analyze(t, vars, ops)
	if err != nil {
		var te *template.Error
		if errors.As(err, &te) {
			return Production{Answer: Unknown, Reason: "cannot tell offline: " + te.Message}, nil
		}
		return Production{Answer: Unknown, Reason: "cannot tell: " + err.Error()}, err
	}
	if a.none != "" {
		return Production{Answer: No, Reason: a.none}, nil
	}
	if !utf8.ValidString(role) {
		return Production{Answer: No, Reason: "the role name is not valid UTF-8, which no template produces"}, nil
	}
	if utf8.RuneCountInString(role) > maxRoleRunes {
		return Production{Answer: Unknown, Reason: fmt.Sprintf("cannot tell: role names longer than %d characters are not analyzed", maxRoleRunes)}, nil
	}
	var cands []candidate
	if a.roles != nil {
		m := newMatcher(a.ctx, role)
		ok, err := m.matches(a.roles)
		if err != nil {
			return Production{Answer: Unknown, Reason: "cannot tell: " + err.Error()}, err
		}
		if !ok {
			return Production{Answer: No, Reason: a.noReason(role)}, nil
		}
		if cands, err = m.candidates(a.roles); err != nil {
			return Production{Answer: Unknown, Reason: "cannot tell: " + err.Error()}, err
		}
	}
	w := &witnessSearch{t: t, vals: a.vals, role: role, uses: a.uses, steps: steps}
	found := w.find(cands)
	if found == nil && w.budgetErr != nil {
		return Production{Answer: Unknown, Reason: "cannot tell: " + w.budgetErr.Error()}, w.budgetErr
	}
	if found != nil {
		p := Production{Answer: Yes, Reason: w.explain(found), User: &found.user}
		for _, i := range found.uses() {
			p.Uses = append(p.Uses, a.uses[i])
		}
		return p, nil
	}
	reason := "the analysis cannot rule out role " + quote(role) + " but found no user who gets it"
	if a.roles == nil {
		reason = a.anyWhy + "; no example user was found for role " + quote(role)
	}
	return Production{Answer: Unknown, Reason: reason}, nil
}

// noReason explains a No.
func (a *analysis) noReason(role string) string {
	var fields []string
	for _, u := range a.uses {
		fields = unionStrings(fields, u.Fields)
	}
	if len(fields) == 0 {
		return "the template produces role " + quote(role) + " for no user: the names it produces do not depend on the user"
	}
	return "no user gets role " + quote(role) + " from this template: no value of " + strings.Join(fields, ", ") +
		" (within what the rules allow) makes it come out"
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
