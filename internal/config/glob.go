package config

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Glob is a compiled path pattern with doublestar semantics:
//
//   - `*` matches any run of characters except `/`;
//   - `?` matches one character except `/`;
//   - `[abc]`, `[a-z]`, `[!a-z]` (or `[^a-z]`) match one character of a class;
//   - `{a,b}` matches either alternative (alternatives may hold `/` and nest);
//   - `**` as a whole path segment matches zero or more segments, so
//     `vendor/**` matches `vendor` and everything below it (elsewhere `**`
//     acts like `*`);
//   - `\` escapes the next character.
//
// Patterns are relative to the config file's directory and are matched
// against slash-separated relative paths; dot files get no special treatment.
// ".." may only lead a pattern (`../common/roles.yml`): where a pattern is
// expanded to files (roles.files), what it reaches must lie inside the
// repository (see Config.ExpandGlobs).
type Glob struct {
	// Pattern is the pattern as written in the config.
	Pattern string
	// Span is where the pattern is written (zero for built-in patterns).
	Span source.Span
	alts [][]string // brace-expanded alternatives, split into segments
}

// Limits that keep hostile patterns cheap.
const (
	maxGlobLen          = 4096
	maxGlobAlternatives = 1024
	maxGlobExpansion    = 64 << 10 // total bytes of all alternatives
)

// CompileGlob checks a pattern's syntax and compiles it.
func CompileGlob(pattern string) (*Glob, error) {
	switch {
	case pattern == "":
		return nil, errors.New("empty glob pattern")
	case len(pattern) > maxGlobLen:
		return nil, fmt.Errorf("glob pattern longer than %d bytes", maxGlobLen)
	case !utf8.ValidString(pattern):
		return nil, errors.New("glob pattern is not valid UTF-8")
	case strings.HasPrefix(pattern, "/") || filepath.IsAbs(pattern):
		return nil, fmt.Errorf("glob pattern %q is absolute; patterns are relative to the config file's directory", pattern)
	}
	alts, err := expandBraces(pattern)
	if err != nil {
		return nil, fmt.Errorf("glob pattern %q: %w", pattern, err)
	}
	g := &Glob{Pattern: pattern}
	total := 0
	for _, alt := range alts {
		if total += len(alt); total > maxGlobExpansion {
			return nil, fmt.Errorf("glob pattern %q expands to more than %d bytes of alternatives", pattern, maxGlobExpansion)
		}
		var segs []string
		for _, s := range strings.Split(alt, "/") {
			if s == "" || s == "." {
				continue
			}
			if s == ".." && len(segs) > 0 && segs[len(segs)-1] != ".." {
				return nil, fmt.Errorf("glob pattern %q: \"..\" may only lead a pattern (as in ../roles/*.yml); the files it reaches must lie inside the repository", pattern)
			}
			if err := checkSegment(s); err != nil {
				return nil, fmt.Errorf("glob pattern %q: %w", pattern, err)
			}
			// Consecutive ** segments mean the same as one.
			if s == "**" && len(segs) > 0 && segs[len(segs)-1] == "**" {
				continue
			}
			segs = append(segs, s)
		}
		g.alts = append(g.alts, segs)
	}
	return g, nil
}

// String returns the pattern as written.
func (g *Glob) String() string { return g.Pattern }

// Match reports whether a slash-separated relative path matches the pattern.
// The path is cleaned first ("./a//b" is "a/b").
func (g *Glob) Match(relPath string) bool {
	if g == nil {
		return false
	}
	segs := splitPath(relPath)
	for _, alt := range g.alts {
		if matchSegments(alt, segs) {
			return true
		}
	}
	return false
}

// splitPath cleans a relative path and splits it into segments.
func splitPath(p string) []string {
	p = path.Clean(filepath.ToSlash(p))
	if p == "." || p == "/" {
		return nil
	}
	return strings.Split(strings.TrimPrefix(p, "/"), "/")
}

// expandBraces expands `{a,b}` groups into the list of alternatives.
func expandBraces(p string) ([]string, error) {
	open := -1
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			// Braces and commas inside a class are literal.
			if end := classEnd(p, i); end > 0 {
				i = end
			}
		case '{':
			open = i
		}
		if open >= 0 {
			break
		}
	}
	if open < 0 {
		return []string{p}, nil
	}
	// Find the matching close brace and the top-level commas.
	depth, parts, start := 0, []string(nil), open+1
	closeAt := -1
scan:
	for i := open; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			if end := classEnd(p, i); end > 0 {
				i = end
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				parts = append(parts, p[start:i])
				closeAt = i
				break scan
			}
		case ',':
			if depth == 1 {
				parts = append(parts, p[start:i])
				start = i + 1
			}
		}
	}
	if closeAt < 0 {
		return nil, errors.New("unterminated '{'")
	}
	prefix, rest := p[:open], p[closeAt+1:]
	tails, err := expandBraces(rest)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, part := range parts {
		heads, err := expandBraces(part)
		if err != nil {
			return nil, err
		}
		for _, h := range heads {
			for _, t := range tails {
				out = append(out, prefix+h+t)
				if len(out) > maxGlobAlternatives {
					return nil, fmt.Errorf("more than %d alternatives", maxGlobAlternatives)
				}
			}
		}
	}
	return out, nil
}

// classEnd returns the index of the ']' closing the class that starts at
// p[i] == '[', or -1 when it is not closed.
func classEnd(p string, i int) int {
	j := i + 1
	if j < len(p) && (p[j] == '!' || p[j] == '^') {
		j++
	}
	first := true
	for ; j < len(p); j++ {
		switch p[j] {
		case '\\':
			j++
		case ']':
			if !first {
				return j
			}
			return -1 // "[]" is an empty class: invalid
		case '/':
			return -1
		}
		first = false
	}
	return -1
}

// checkSegment validates the syntax of one path segment of a pattern.
func checkSegment(s string) error {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 >= len(s) {
				return errors.New("trailing '\\'")
			}
			i++
		case '[':
			end := classEnd(s, i)
			if end < 0 {
				if i+1 < len(s) && s[i+1] == ']' || i+2 < len(s) && (s[i+1] == '!' || s[i+1] == '^') && s[i+2] == ']' {
					return errors.New("empty character class '[]'")
				}
				return errors.New("unterminated '['")
			}
			if err := checkClass(s[i+1 : end]); err != nil {
				return err
			}
			i = end
		case '}':
			return errors.New("unmatched '}'")
		}
	}
	return nil
}

// checkClass validates the body of a character class (without brackets).
func checkClass(body string) error {
	if body != "" && (body[0] == '!' || body[0] == '^') {
		body = body[1:]
	}
	var items []rune
	for i := 0; i < len(body); {
		if body[i] == '\\' {
			i++
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		items = append(items, r)
		i += size
	}
	for i := 1; i+1 < len(items); i++ {
		if items[i] == '-' && items[i-1] > items[i+1] {
			return fmt.Errorf("invalid range %c-%c in character class", items[i-1], items[i+1])
		}
	}
	return nil
}

// matchSegments matches pattern segments against path segments; `**`
// segments match any number of path segments. It is a dynamic program over
// (pattern prefix, path prefix) kept one row at a time: time
// O(len(pats)*len(segs)) segment matches, memory O(len(segs)).
func matchSegments(pats, segs []string) bool {
	row := make([]bool, len(segs)+1) // row[j]: pats[:i] matches segs[:j]
	next := make([]bool, len(segs)+1)
	row[0] = true
	for _, p := range pats {
		if p == "**" {
			reached := false
			for j := range row {
				reached = reached || row[j]
				next[j] = reached
			}
		} else {
			next[0] = false
			for j := 1; j <= len(segs); j++ {
				next[j] = row[j-1] && matchSegment(p, segs[j-1])
			}
		}
		row, next = next, row
	}
	return row[len(segs)]
}

// matchSegment matches one pattern segment against one path segment. Stars
// backtrack to the latest star only, which keeps the cost at
// O(len(pat)*len(name)).
func matchSegment(pat, name string) bool {
	px, nx := 0, 0
	starPx, starNx := -1, -1
	for px < len(pat) || nx < len(name) {
		if px < len(pat) {
			switch c := pat[px]; c {
			case '*':
				for px < len(pat) && pat[px] == '*' {
					px++
				}
				starPx, starNx = px, nx
				continue
			case '?':
				if nx < len(name) {
					_, size := utf8.DecodeRuneInString(name[nx:])
					px++
					nx += size
					continue
				}
			case '[':
				if nx < len(name) {
					r, size := utf8.DecodeRuneInString(name[nx:])
					end := classEnd(pat, px)
					if end > 0 && matchClass(pat[px+1:end], r) {
						px = end + 1
						nx += size
						continue
					}
				}
			default:
				lit, litSize := c, 1
				if c == '\\' && px+1 < len(pat) {
					lit, litSize = pat[px+1], 2
				}
				if nx < len(name) && name[nx] == lit {
					px += litSize
					nx++
					continue
				}
			}
		}
		if starPx >= 0 && starNx < len(name) {
			_, size := utf8.DecodeRuneInString(name[starNx:])
			starNx += size
			px, nx = starPx, starNx
			continue
		}
		return false
	}
	return true
}

// matchClass reports whether r belongs to the class body (without brackets).
func matchClass(body string, r rune) bool {
	neg := false
	if body != "" && (body[0] == '!' || body[0] == '^') {
		neg, body = true, body[1:]
	}
	var items []rune
	for i := 0; i < len(body); {
		if body[i] == '\\' {
			i++
		}
		c, size := utf8.DecodeRuneInString(body[i:])
		items = append(items, c)
		i += size
	}
	in := false
	for i := 0; i < len(items); i++ {
		if i+2 < len(items) && items[i+1] == '-' {
			if items[i] <= r && r <= items[i+2] {
				in = true
			}
			i += 2
			continue
		}
		if items[i] == r {
			in = true
		}
	}
	return in != neg
}

// staticPrefix returns the leading segments of an alternative that hold no
// wildcard, unescaped.
func staticPrefix(segs []string) []string {
	var out []string
	for _, s := range segs {
		if strings.ContainsAny(s, "*?[") {
			break
		}
		out = append(out, unescapeGlob(s))
	}
	return out
}

// unescapeGlob removes backslash escapes.
func unescapeGlob(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
