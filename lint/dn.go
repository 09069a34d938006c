package lint

import (
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func isDNField(f string) bool { return f == "dn" || f == "groups" }

// subtreeSuffix returns the DN of a `*,<dn>` pattern whose rest has no `*`.
func subtreeSuffix(v string) (string, bool) {
	rest, ok := strings.CutPrefix(v, "*,")
	if !ok || strings.Contains(rest, "*") {
		return "", false
	}
	return rest, true
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// spanWhere renders " (file:line)" for a config span, or "".
func spanWhere(s source.Span) string {
	if s.File == nil {
		return ""
	}
	return fmt.Sprintf(" (%s:%d)", s.File.Name, s.Range().Start.Line)
}
