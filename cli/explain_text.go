package cli

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

const (
	markYes  = "✓"
	markNo   = "✗"
	markSkip = "-"
)

// writeExplainText renders an explanation for a person.
func writeExplainText(w io.Writer, ex *Explanation, color bool) error {
	b := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + "\x1b[0m"
	}
	fmt.Fprintf(b, "user: %s\n", describeExplainedUser(ex.User))
	if ex.Error != "" {
		if ex.undecided {
			fmt.Fprintf(b, "%s %s\n", paint("\x1b[31m", "resolution undecided:"), ex.Error)
			fmt.Fprintln(b, "  (rolemap-lint could not evaluate it within its budget; this says nothing about Elasticsearch)")
		} else {
			fmt.Fprintf(b, "%s %s\n", paint("\x1b[31m", "resolution fails:"), ex.Error)
			fmt.Fprintln(b, "  (Elasticsearch fails the login: the user gets no roles)")
		}
	} else {
		fmt.Fprintf(b, "roles: %s\n", bracket(ex.Roles))
	}
	for _, m := range ex.Mappings {
		fmt.Fprintln(b)
		where := fmt.Sprintf("%s:%d", m.File, m.Line)
		switch {
		case !m.Applied:
			fmt.Fprintf(b, "%s mapping [%s] (%s, %s): not applied: %s\n", markSkip, m.Name, where, m.Origin, m.Skipped)
		case m.Matched:
			fmt.Fprintf(b, "%s mapping [%s] (%s, %s): matches, grants %s\n", paint("\x1b[32m", markYes), m.Name, where, m.Origin, bracket(m.Roles))
		default:
			fmt.Fprintf(b, "%s mapping [%s] (%s, %s): does not match\n", paint("\x1b[90m", markNo), m.Name, where, m.Origin)
		}
		if m.Rules != nil {
			writeRule(b, m.Rules, 1, paint)
		}
	}
	if len(ex.DNFiles) > 0 {
		fmt.Fprintln(b)
		fmt.Fprintln(b, "role_mapping.yml:")
		for _, g := range ex.DNFiles {
			fmt.Fprintf(b, "  %s %s: %s\n", markYes, g.Role, g.Source)
		}
	}
	if len(ex.Anon) > 0 {
		fmt.Fprintln(b)
		fmt.Fprintf(b, "anonymous roles (config): %s\n", bracket(ex.Anon))
	}
	return b.Flush()
}

func writeRule(b *bufio.Writer, r *explainedRule, depth int, paint func(string, string) string) {
	mark := paint("\x1b[32m", markYes)
	if !r.Matched {
		mark = paint("\x1b[31m", markNo)
	}
	reason := r.Reason
	if r.Error != "" {
		reason += " (error: " + r.Error + ")"
	}
	fmt.Fprintf(b, "%s%s %s (line %d): %s\n", strings.Repeat("    ", depth), mark, r.Rule, r.Line, reason)
	for _, c := range r.Children {
		writeRule(b, c, depth+1, paint)
	}
}

func bracket(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return "[" + strings.Join(s, ", ") + "]"
}

func describeExplainedUser(u explainedUser) string {
	parts := []string{fmt.Sprintf("%q", u.Username)}
	realm := u.Realm.Name
	if realm == "" {
		realm = "(none)"
	}
	if u.Realm.Type != "" {
		realm += " (" + u.Realm.Type + ")"
	}
	parts = append(parts, "realm "+realm)
	if u.DN != nil {
		parts = append(parts, fmt.Sprintf("dn %q", *u.DN))
	} else {
		parts = append(parts, "no dn")
	}
	if len(u.Groups) > 0 {
		qs := make([]string, len(u.Groups))
		for i, g := range u.Groups {
			qs[i] = fmt.Sprintf("%q", g)
		}
		parts = append(parts, "groups ["+strings.Join(qs, ", ")+"]")
	}
	if len(u.Metadata) > 0 {
		keys := make([]string, 0, len(u.Metadata))
		for k := range u.Metadata {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		md := make([]string, len(keys))
		for i, k := range keys {
			md[i] = fmt.Sprintf("%s=%v", k, u.Metadata[k])
		}
		parts = append(parts, "metadata {"+strings.Join(md, ", ")+"}")
	}
	return strings.Join(parts, ", ")
}
