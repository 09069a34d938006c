package report

import (
	"path/filepath"
	"strings"
)

// artifactURI turns a report path into a SARIF artifact URI: a relative
// path becomes a relative URI reference against %SRCROOT%, an absolute one
// a file URI without a base. An empty name has no URI.
func artifactURI(name string) (uri, baseID string) {
	if name == "" {
		return "", ""
	}
	slashed := filepath.ToSlash(name)
	switch {
	case strings.HasPrefix(slashed, "/"):
		return "file://" + escapeURIPath(slashed), ""
	case filepath.IsAbs(name) && len(slashed) >= 2 && slashed[1] == ':': // a Windows drive path
		return "file:///" + slashed[:2] + escapeURIPath(slashed[2:]), ""
	}
	for strings.HasPrefix(slashed, "./") {
		slashed = slashed[2:]
	}
	return escapeURIPath(slashed), sarifSrcRoot
}

// dirURI is the file URI of an absolute directory, with the trailing slash
// SARIF requires of a base URI (§3.14.14).
func dirURI(dir string) string {
	uri, _ := artifactURI(dir)
	if !strings.Contains(uri, "://") {
		uri = "file:///" + uri // not absolute: best effort, still a file URI
	}
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

// escapeURIPath percent-encodes every byte of p except RFC 3986 unreserved
// characters and "/". ":" is always encoded, so a relative path can never
// be mistaken for a scheme; non-ASCII characters are encoded as UTF-8
// bytes, as RFC 3987 maps IRIs to URIs.
func escapeURIPath(p string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || c == '-' || c == '.' || c == '_' || c == '~' ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}
