package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// quoteMax is the longest string quote renders whole; a longer one (a
// megabyte regex) is shown by its start and end, so that no finding
// copies it.
const quoteMax = 1000

// quote renders s as a JSON string literal, without HTML escaping; a
// string longer than quoteMax bytes keeps its first and last 200 bytes
// (cut at character boundaries) and says how many bytes it left out.
func quote(s string) string {
	if len(s) > quoteMax {
		head, tail := 200, len(s)-200
		for head > 0 && !utf8.RuneStart(s[head]) {
			head--
		}
		for tail < len(s) && !utf8.RuneStart(s[tail]) {
			tail++
		}
		q := quote(s[:head] + "…" + s[tail:])
		return fmt.Sprintf("%s (%d bytes, %d of them left out here)", q, len(s), tail-head)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return `"` + s + `"`
	}
	return string(bytes.TrimRight(b.Bytes(), "\n"))
}
