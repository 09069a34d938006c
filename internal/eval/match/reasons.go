package match

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/javatext"
	"github.com/rolemap-lint/rolemap-lint/internal/model/rules"
)

// closestLimit bounds how many groups Explain compares with a value to name
// the closest one, so explaining stays cheap for users with huge groups.
const closestLimit = 256

// missingReason explains a field the model does not define
// (NULL_PREDICATE: only a null value matches).
func missingReason(m *Model, field string, matched bool) string {
	var what string
	switch {
	case m.generic != nil:
		what = field + ": the model has no such field"
	case field == FieldDN:
		what = "dn: the user has no DN"
	case strings.HasPrefix(field, MetadataPrefix):
		what = field + ": user has no such field"
	default:
		what = field + ": no such field in Elasticsearch's user model, which has only username, dn, groups, realm.name and metadata.<key>"
	}
	if matched {
		return what + ", and null matches a missing field"
	}
	return what + " (only null matches a missing field)"
}

// genericSubject names the user's value of a generic field.
func genericSubject(field string, u jvalue) string {
	switch u.kind {
	case jString:
		return field + " " + quote(u.s)
	case jList:
		return field + ": the user's list " + u.display()
	}
	if u.kind == jNull {
		return field + ": user value null"
	}
	return fmt.Sprintf("%s: user value %s (%s)", field, u.display(), u.typeName())
}

// genericReason explains a field with the generic predicate.
func genericReason(e *rules.Expr, u jvalue, t *Trace) string {
	subject := genericSubject(e.Field, u)
	if t.Matched {
		v := t.Value
		if u.kind == jList {
			for _, el := range u.list {
				if ok, _ := testGeneric(el, v); ok {
					return fmt.Sprintf("%s: element %s of the user's list %s %s", e.Field, el.display(), u.display(), matchVerb(v))
				}
			}
		}
		return subject + " " + matchVerb(v)
	}
	if u.kind == jList && len(u.list) == 0 {
		return e.Field + ": the user's list is empty, which matches nothing"
	}
	whys := make([]string, 0, len(e.Values))
	for _, v := range e.Values {
		whys = append(whys, genericWhyNot(u, v))
	}
	if u.kind == jList {
		return fmt.Sprintf("%s: no element of the user's list %s matches: %s", e.Field, u.display(), strings.Join(whys, "; "))
	}
	return subject + " " + strings.Join(whys, "; ")
}

// matchVerb describes a matching rule value.
func matchVerb(v *rules.Value) string {
	if v.Automaton != nil {
		return "matches " + display(v)
	}
	return "equals " + display(v)
}

// kindCompatible reports whether a user value of kind k can ever equal a
// rule value of kind vk.
func kindCompatible(k jkind, v *rules.Value) bool {
	switch k {
	case jNull:
		return v.Kind == rules.NullValue
	case jBool:
		return v.Kind == rules.BoolValue
	case jLong, jDouble, jBig:
		return v.Kind == rules.LongValue
	case jString:
		return v.Kind == rules.StringValue
	}
	return true
}

// genericWhyNot explains why one rule value does not match the user value.
func genericWhyNot(u jvalue, v *rules.Value) string {
	if u.kind == jList {
		return "none " + matchVerb(v)
	}
	if !kindCompatible(u.kind, v) {
		if v.Kind == rules.NullValue {
			return "is not null (a null value matches only a missing field or a null user value)"
		}
		return fmt.Sprintf("never equals %s (%s): Elasticsearch does not convert types", display(v), v.Kind)
	}
	if v.Automaton != nil {
		return "does not match " + display(v)
	}
	msg := "does not equal " + display(v)
	if u.kind == jString {
		switch {
		case javatext.EqualsIgnoreCase(u.s, v.Str):
			msg += " (the comparison is case-sensitive)"
		case strings.TrimSpace(u.s) == strings.TrimSpace(v.Str):
			msg += " (they differ in leading or trailing spaces)"
		}
	}
	if u.kind == jDouble && u.d == 0 && v.Long == 0 {
		msg += " (-0.0 differs from 0 for Java's Double.compare)"
	}
	return msg
}

// nonStringDN explains a number, boolean or null against a DN field.
func nonStringDN(field string, v *rules.Value) string {
	if v.Kind == rules.NullValue {
		if field == FieldDN {
			return "vs null: null only matches a user without a DN"
		}
		return "vs null: null never matches groups"
	}
	return fmt.Sprintf("vs %s: never equals a %s: DNs and groups are strings", display(v), v.Kind)
}

// dnReason explains the dn field of a user who has a DN.
func dnReason(d *dnValue, rs []*dnRule, t *Trace) string {
	subject := "dn " + quote(d.raw)
	if t.Matched {
		for i, ok := range t.ValueMatched {
			if ok {
				return subject + " " + testDN(d, rs[i]).how(d, rs[i])
			}
		}
	}
	whys := make([]string, 0, len(rs))
	for _, r := range rs {
		if r.v.Automaton == nil && r.v.Kind != rules.StringValue {
			whys = append(whys, nonStringDN(FieldDN, r.v))
			continue
		}
		whys = append(whys, "vs "+quote(r.v.Str)+": "+whyNot(d, r))
	}
	return subject + " " + strings.Join(whys, "; ")
}

// groupsReason explains the groups field.
func groupsReason(m *Model, rs []*dnRule, t *Trace) string {
	if len(m.groups) == 0 {
		return "groups: the user has no groups, which never match anything (not even null)"
	}
	if t.Matched {
		for i, ok := range t.ValueMatched {
			if !ok {
				continue
			}
			for _, g := range m.groups {
				if s := testDN(g, rs[i]); s.matched() {
					return "groups: group " + quote(g.raw) + " " + s.how(g, rs[i])
				}
			}
		}
	}
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		if r.v.Automaton == nil && r.v.Kind != rules.StringValue {
			parts = append(parts, nonStringDN(FieldGroups, r.v))
			continue
		}
		part := fmt.Sprintf("no group matches %s", quote(r.v.Str))
		if len(m.groups) > 1 {
			part = fmt.Sprintf("none of %d groups matches %s", len(m.groups), quote(r.v.Str))
		}
		g := closestGroup(m.groups, r)
		label := "closest"
		if len(m.groups) == 1 {
			label = "the group"
		} else if len(m.groups) > closestLimit {
			label = fmt.Sprintf("closest of the first %d", closestLimit)
		}
		part += fmt.Sprintf("; %s: %s %s", label, quote(g.raw), whyNot(g, r))
		parts = append(parts, part)
	}
	return "groups: " + strings.Join(parts, " | ")
}

// closestGroup picks, among the first closestLimit groups, the one most
// similar to the rule value: for a subtree pattern the longest common
// ending with the subtree's DN, otherwise the longest common beginning and
// ending of the case-folded (normalized, for DNs) forms.
func closestGroup(groups []*dnValue, r *dnRule) *dnValue {
	target := javatext.FoldKey(r.v.Str)
	subtree := false
	if r.v.Automaton != nil {
		if sub, _, ns, ok := r.subtreeInfo(); sub && ok {
			target, subtree = ns, true
		}
	} else if nv, ok := r.normalized(); ok {
		target = nv
	}
	best, bestScore := groups[0], -1
	for i, g := range groups {
		if i == closestLimit {
			break
		}
		form := g.caseForms().fold
		if g.isDN {
			form = g.norm
		}
		score := commonSuffix(form, target)
		if !subtree {
			score += commonPrefix(form, target)
		}
		if score > bestScore {
			best, bestScore = g, score
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// display renders a rule value as written (rules.Value.Display, which
// needs the value's source for numbers).
func display(v *rules.Value) string {
	if v.Kind == rules.LongValue && v.Src == nil {
		return strconv.FormatInt(v.Long, 10)
	}
	return v.Display()
}
