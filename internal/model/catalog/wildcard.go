package catalog

import "unicode/utf8"

// wildcardMatch reports whether s matches an Elasticsearch wildcard
// (Automatons.wildcard): '*' matches any string, '?' one character, '\'
// escapes the next character (a trailing '\' is literal). Matching is on
// code points. It runs in O(len(pattern) × len(s)) time at worst with no
// allocation beyond two rune slices, so hostile patterns stay cheap when s
// is short, which is how the package uses it.
func wildcardMatch(pattern, s string) bool {
	type tok struct {
		r    rune
		kind byte // 'l' literal, '*' any string, '?' any rune
	}
	toks := make([]tok, 0, len(pattern))
	for i := 0; i < len(pattern); {
		r, n := utf8.DecodeRuneInString(pattern[i:])
		i += n
		switch r {
		case '*':
			if len(toks) == 0 || toks[len(toks)-1].kind != '*' {
				toks = append(toks, tok{kind: '*'})
			}
		case '?':
			toks = append(toks, tok{kind: '?'})
		case '\\':
			if i < len(pattern) {
				r, n = utf8.DecodeRuneInString(pattern[i:])
				i += n
			}
			toks = append(toks, tok{r: r, kind: 'l'})
		default:
			toks = append(toks, tok{r: r, kind: 'l'})
		}
	}
	text := []rune(s)
	// Classic greedy matching with backtracking to the last star.
	ti, pi := 0, 0
	star, mark := -1, 0
	for ti < len(text) {
		switch {
		case pi < len(toks) && (toks[pi].kind == '?' || (toks[pi].kind == 'l' && toks[pi].r == text[ti])):
			ti++
			pi++
		case pi < len(toks) && toks[pi].kind == '*':
			star, mark = pi, ti
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			ti = mark
		default:
			return false
		}
	}
	for pi < len(toks) && toks[pi].kind == '*' {
		pi++
	}
	return pi == len(toks)
}
