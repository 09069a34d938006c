package cli

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/safetext"
)

const (
	markYes  = "✓"
	markNo   = "✗"
	markSkip = "-"
)

// writeExplainText renders an explanation for a person. Names, values and
// messages from the repository are escaped (esc), and no line can start
// as a CI runner command (safetext.Guard).
func writeExplainText(w io.Writer, ex *Explanation, color bool) error {
	g := safetext.NewGuard(w)
	b := bufio.NewWriter(g)
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + "\x1b[0m"
	}
	fmt.Fprintf(b, "user: %s\n", describeExplainedUser(ex.User))
	if ex.Error != "" {
		if ex.undecided {
			fmt.Fprintf(b, "%s %s\n", paint("\x1b[31m", "resolution undecided:"), esc(ex.Error))
			fmt.Fprintln(b, "  (rolemap-lint could not evaluate it within its budget; this says nothing about Elasticsearch)")
		} else {
			fmt.Fprintf(b, "%s %s\n", paint("\x1b[31m", "resolution fails:"), esc(ex.Error))
			fmt.Fprintln(b, "  (Elasticsearch fails the login: the user gets no roles)")
		}
	} else {
		fmt.Fprintf(b, "roles: %s\n", bracket(ex.Roles))
	}
	for _, m := range ex.Mappings {
		fmt.Fprintln(b)
		where := fmt.Sprintf("%s:%d", esc(m.File), m.Line)
		name, origin := esc(m.Name), esc(m.Origin)
		switch {
		case !m.Applied:
			fmt.Fprintf(b, "%s mapping [%s] (%s, %s): not applied: %s\n", markSkip, name, where, origin, esc(m.Skipped))
		case m.Error != "":
			fmt.Fprintf(b, "%s mapping [%s] (%s, %s): %s\n", markSkip, name, where, origin, esc(m.Error))
		case m.Matched:
			fmt.Fprintf(b, "%s mapping [%s] (%s, %s): matches, grants %s\n", paint("\x1b[32m", markYes), name, where, origin, bracket(m.Roles))
		default:
			fmt.Fprintf(b, "%s mapping [%s] (%s, %s): does not match\n", paint("\x1b[90m", markNo), name, where, origin)
		}
		if m.Rules != nil {
			writeRule(b, m.Rules, 1, paint)
		}
	}
	if len(ex.DNFiles) > 0 {
		fmt.Fprintln(b)
		fmt.Fprintln(b, "role_mapping.yml:")
		for _, g := range ex.DNFiles {
			fmt.Fprintf(b, "  %s %s: %s\n", markYes, esc(g.Role), esc(g.Source))
		}
	}
	if len(ex.Anon) > 0 {
		fmt.Fprintln(b)
		fmt.Fprintf(b, "anonymous roles (config): %s\n", bracket(ex.Anon))
	}
	if err := b.Flush(); err != nil {
		return err
	}
	return g.Flush()
}

func esc(s string) string { return safetext.Escape(s) }

func writeRule(b *bufio.Writer, r *explainedRule, depth int, paint func(string, string) string) {
	mark := paint("\x1b[32m", markYes)
	if !r.Matched {
		mark = paint("\x1b[31m", markNo)
	}
	reason := esc(r.Reason)
	if r.Error != "" {
		reason += " (error: " + esc(r.Error) + ")"
	}
	fmt.Fprintf(b, "%s%s %s (line %d): %s\n", strings.Repeat("    ", depth), mark, esc(r.Rule), r.Line, reason)
	for _, c := range r.Children {
		writeRule(b, c, depth+1, paint)
	}
}

func bracket(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = esc(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func describeExplainedUser(u explainedUser) string {
	parts := []string{fmt.Sprintf("%q", u.Username)}
	realm := esc(u.Realm.Name)
	if realm == "" {
		realm = "(none)"
	}
	if u.Realm.Type != "" {
		realm += " (" + esc(u.Realm.Type) + ")"
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
			md[i] = esc(fmt.Sprintf("%s=%v", k, u.Metadata[k]))
		}
		parts = append(parts, "metadata {"+strings.Join(md, ", ")+"}")
	}
	return strings.Join(parts, ", ")
}
