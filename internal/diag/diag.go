// Package diag defines the finding that every stage reports: a check id, a
// level, a message and the exact place in a source file.
package diag

import (
	"fmt"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Level is how serious a finding is. The zero value means "use the check's
// default level".
type Level int

// Levels, in increasing order of severity. Off disables a check.
const (
	Default Level = iota
	Off
	Info
	Warning
	Error
)

// String returns the level's name as written in reports and config.
func (l Level) String() string {
	switch l {
	case Off:
		return "off"
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "default"
}

// ParseLevel reads a level name (error, warning, info, off, or "false" for off).
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	case "off", "false":
		return Off, nil
	}
	return Default, fmt.Errorf("unknown level %q (want error, warning, info or off)", s)
}

// Related points at another place that explains a finding (for example the
// first of two duplicate keys).
type Related struct {
	Span    source.Span
	Message string
}

// Diagnostic is one finding.
type Diagnostic struct {
	// Check is the stable kebab-case id of the check that owns the problem.
	Check string
	// Level is the finding's level; Default means the check's default.
	Level Level
	// Message says what is wrong, what Elasticsearch would say, and what
	// to do instead.
	Message string
	// Span is the offending key or value.
	Span source.Span
	// Mapping is the name of the role mapping the finding is about, if any.
	Mapping string
	// Pointer is the JSON pointer of the offending value inside its
	// document, if known.
	Pointer string
	// Related lists other places worth showing.
	Related []Related
	// Cluster names the cluster of the config's `clusters` the finding was
	// made in ("" when the config declares none, or for a finding true in
	// every cluster that saw the file).
	Cluster string
}

// At builds a diagnostic for check at span with a formatted message.
func At(check string, span source.Span, format string, args ...any) Diagnostic {
	return Diagnostic{Check: check, Span: span, Message: fmt.Sprintf(format, args...)}
}
