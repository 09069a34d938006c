package source

import "strings"

// Pointer is a JSON pointer (RFC 6901) under construction: a list of
// unescaped reference tokens.
type Pointer []string

// Append returns a new pointer with tok added; the receiver is not changed.
func (p Pointer) Append(tok ...string) Pointer {
	out := make(Pointer, len(p), len(p)+len(tok))
	copy(out, p)
	return append(out, tok...)
}

// String renders the pointer in RFC 6901 syntax ("" for the root).
func (p Pointer) String() string {
	var b strings.Builder
	for _, t := range p {
		b.WriteByte('/')
		t = strings.ReplaceAll(t, "~", "~0")
		t = strings.ReplaceAll(t, "/", "~1")
		b.WriteString(t)
	}
	return b.String()
}
