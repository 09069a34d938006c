package config

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseESBoolean parses a setting value the way Elasticsearch's
// Booleans.parseBoolean does: exactly "true" or "false", nothing else (no
// case folding, no yes/no, no trimming). The error text is Elasticsearch's.
func ParseESBoolean(s string) (bool, error) {
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("Failed to parse value [%s] as only [true] or [false] are allowed.", s)
}

// parseJavaInt parses like Java's Integer.parseInt: an optional sign and
// ASCII digits, within the int32 range.
func parseJavaInt(s string) (int, bool) {
	t := strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if t == "" || len(s)-len(t) > 1 {
		return 0, false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, false
	}
	return int(n), true
}

// hasPlaceholder reports whether a setting value holds a ${...} environment
// placeholder, which Elasticsearch substitutes at startup; such values are
// kept as written and not validated.
func hasPlaceholder(s string) bool {
	i := strings.Index(s, "${")
	return i >= 0 && strings.Contains(s[i:], "}")
}
