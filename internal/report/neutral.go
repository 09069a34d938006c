package report

import "github.com/rolemap-lint/rolemap-lint/internal/safetext"

// esc makes text taken from the repository (file names, messages quoting
// keys and values, role and test names) safe for a human-readable report:
// see safetext.Escape. JSON and SARIF encode such text themselves and do
// not use it.
func esc(s string) string { return safetext.Escape(s) }

// escLines is esc for text whose line breaks the format itself encodes
// (workflow command data, Markdown cells, XML text).
func escLines(s string) string { return safetext.EscapeLines(s) }
