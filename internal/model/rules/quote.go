package rules

import (
	"bytes"
	"encoding/json"
)

// quote renders s as a JSON string literal, without HTML escaping.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return `"` + s + `"`
	}
	return string(bytes.TrimRight(b.Bytes(), "\n"))
}
