package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/safetext"
)

// Explanation is the JSON form of explain's answer.
type Explanation struct {
	// Config and Cluster name what the answer is for when the PATHs hold
	// several configs or clusters (each is its own Elasticsearch cluster).
	Config   string             `json:"config,omitempty"`
	Cluster  string             `json:"cluster,omitempty"`
	User     ExplainedUser      `json:"user"`
	Roles    []string           `json:"roles"`
	Error    string             `json:"error"`
	Mappings []ExplainedMapping `json:"mappings"`
	DNFiles  []ExplainedGrant   `json:"role_mapping_files"`
	Anon     []string           `json:"anonymous_roles"`

	// Undecided is set when Error is this tool's budget running out, not
	// Elasticsearch failing the resolution.
	Undecided bool `json:"-"`
}

// ExplainedUser is the user explain resolved.
type ExplainedUser struct {
	Username string         `json:"username"`
	DN       *string        `json:"dn"`
	Groups   []string       `json:"groups"`
	Realm    ExplainedRealm `json:"realm"`
	Metadata map[string]any `json:"metadata"`
}

// ExplainedRealm is the user's realm in explain's JSON.
type ExplainedRealm struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// ExplainedMapping is one mapping: whether it applies, matches, what it grants.
type ExplainedMapping struct {
	Name    string         `json:"name"`
	Origin  string         `json:"origin"`
	File    string         `json:"file"`
	Line    int            `json:"line"`
	Applied bool           `json:"applied"`
	Skipped string         `json:"skipped,omitempty"`
	Matched bool           `json:"matched"`
	Roles   []string       `json:"roles"`
	Rules   *ExplainedRule `json:"rules,omitempty"`
	// Error says why the mapping was not evaluated: Elasticsearch failed
	// the user's role resolution while building the user's model
	// (ExpressionModel.buildPredicate), before any rule ran.
	Error string `json:"error,omitempty"`
}

// ExplainedRule is one rule node's outcome for the user.
type ExplainedRule struct {
	Rule     string           `json:"rule"`
	Matched  bool             `json:"matched"`
	Reason   string           `json:"reason"`
	Line     int              `json:"line"`
	Column   int              `json:"column"`
	Error    string           `json:"error,omitempty"`
	Children []*ExplainedRule `json:"children,omitempty"`
}

// ExplainedGrant is a role granted by a role_mapping.yml file.
type ExplainedGrant struct {
	Role   string `json:"role"`
	Source string `json:"source"`
}

const (
	markYes  = "✓"
	markNo   = "✗"
	markSkip = "-"
)

// ExplainText renders an explanation for a person. Names, values and
// messages from the repository are escaped (esc), and no line can start
// as a CI runner command (safetext.Guard).
func ExplainText(w io.Writer, ex *Explanation, color bool) error {
	g := safetext.NewGuard(w)
	b := bufio.NewWriter(g)
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + "\x1b[0m"
	}
	if ex.Cluster != "" || ex.Config != "" {
		fmt.Fprintf(b, "%s\n", paint("\x1b[1m", "== "+explainedUnit(ex)))
	}
	fmt.Fprintf(b, "user: %s\n", describeExplainedUser(ex.User))
	if ex.Error != "" {
		if ex.Undecided {
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

func writeRule(b *bufio.Writer, r *ExplainedRule, depth int, paint func(string, string) string) {
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

func describeExplainedUser(u ExplainedUser) string {
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

// explainedUnit names the config and cluster an explanation is for.
func explainedUnit(ex *Explanation) string {
	config := ex.Config
	if config == "" {
		config = "no config file"
	}
	if ex.Cluster == "" {
		return esc(config)
	}
	return "cluster " + esc(ex.Cluster) + " (" + esc(config) + ")"
}
