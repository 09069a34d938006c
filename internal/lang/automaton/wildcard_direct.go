package automaton

import (
	"slices"
	"strings"
	"unicode/utf16"
)

// The wildcards of real role mappings are nearly all one of three shapes:
// "prefix*" (usernames, groups), "*suffix" (DN subtrees, e-mail domains)
// and "*infix*". For those, the minimal automaton is known in closed form
// (a chain, or the Knuth–Morris–Pratt automaton of the literal), so it is
// built directly in time linear in the pattern times its distinct
// characters, instead of through concatenation, Lucene's subset
// construction and minimization (which cost about a hundred times more).
// The result is the same canonical minimal automaton the general path
// returns (minimal automata are unique up to numbering, and canonical fixes
// the numbering).
//
// Lucene's determinization may give up on a long repetitive literal
// ("*aaaa…"): directWildcard is only used when that cannot happen. For
// these shapes the subset construction builds at most 2(n+3) state sets of
// at most n+3 states each, so its effort stays below 2(n+3)², and the
// direct path is taken only when that is below Lucene's effort limit (ten
// times the work limit), where the general path could not have failed.

// directWildcardEnabled is false only in tests that compare the direct
// path with the general one.
var directWildcardEnabled = true

// directWildcard returns the automaton of pattern when it has one of the
// three shapes and no Lucene limit can apply, or ok=false.
func directWildcard(pattern string, opt Options, c *ctx) (a *Automaton, ok bool, err error) {
	if !directWildcardEnabled {
		return nil, false, nil
	}
	lead := strings.HasPrefix(pattern, "*")
	body := pattern
	if lead {
		body = body[1:]
	}
	trail := strings.HasSuffix(body, "*") && !escapedAt(body, len(body)-1)
	if trail {
		body = body[:len(body)-1]
	}
	if !lead && !trail {
		return nil, false, nil
	}
	lit, plain := literalUnits(body)
	if !plain || len(lit) == 0 {
		return nil, false, nil
	}
	n := int64(len(lit))
	if 2*(n+3)*(n+3) >= 10*int64(opt.workLimit()) {
		return nil, false, nil
	}
	var d *fa
	switch {
	case lead && trail:
		d = kmpAutomaton(lit, true)
	case lead:
		d = kmpAutomaton(lit, false)
	default:
		d = prefixAutomaton(lit)
	}
	if err := c.chargeFA(d); err != nil {
		return nil, true, err
	}
	// Already in canonical numbering: from state i the only state not seen
	// before is i+1, so breadth-first order is 0, 1, …, n.
	return newAutomaton(d), true, nil
}

// escapedAt reports whether the byte at i is escaped by an odd run of
// backslashes before it.
func escapedAt(s string, i int) bool {
	k := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		k++
	}
	return k%2 == 1
}

// literalUnits returns the UTF-16 code units body stands for when it holds
// no wildcard ('*' or '?', unescaped) and no surrogate (plain=false
// otherwise). A backslash escapes the next unit; a trailing one is itself.
func literalUnits(body string) (units []int32, plain bool) {
	src := utf16.Encode([]rune(body))
	units = make([]int32, 0, len(src))
	for i := 0; i < len(src); i++ {
		u := src[i]
		switch u {
		case '*', '?':
			return nil, false
		case '\\':
			if i+1 < len(src) {
				i++
				u = src[i]
			}
		}
		if u >= surrogateMin && u <= surrogateMax {
			return nil, false
		}
		units = append(units, int32(u))
	}
	return units, true
}

// anyTransitions is every code point but the surrogates, to state to.
func anyTransitions(to int32) []ltr {
	return []ltr{{0, surrogateMin - 1, to}, {surrogateMax + 1, maxCodePoint, to}}
}

// prefixAutomaton accepts lit followed by anything: a chain of len(lit)
// states and an accepting state that loops on every code point.
func prefixAutomaton(lit []int32) *fa {
	n := len(lit)
	d := &fa{accept: make([]bool, n+1), trans: make([][]ltr, n+1)}
	for i, c := range lit {
		d.trans[i] = []ltr{{c, c, int32(i + 1)}}
	}
	d.accept[n] = true
	d.trans[n] = anyTransitions(int32(n))
	return d
}

// kmpAutomaton accepts the strings ending in lit (infix=false) or holding
// lit (infix=true): state i means the longest suffix of the input that is a
// prefix of lit has length i; state n accepts, and for an infix loops on
// every code point.
func kmpAutomaton(lit []int32, infix bool) *fa {
	n := len(lit)
	alphabet := slices.Clone(lit)
	slices.Sort(alphabet)
	alphabet = slices.Compact(alphabet)
	fail := make([]int, n+1) // fail[i]: the longest proper border of lit[:i]
	for i, k := 1, 0; i < n; i++ {
		for k > 0 && lit[i] != lit[k] {
			k = fail[k]
		}
		if lit[i] == lit[k] {
			k++
		}
		fail[i+1] = k
	}
	na := len(alphabet)
	next := make([]int32, (n+1)*na) // next[i*na+j]: the state after alphabet[j]
	for i := 0; i <= n; i++ {
		for j, c := range alphabet {
			switch {
			case i < n && lit[i] == c:
				next[i*na+j] = int32(i + 1)
			case i == 0:
				next[i*na+j] = 0
			default:
				next[i*na+j] = next[fail[i]*na+j]
			}
		}
	}
	d := &fa{accept: make([]bool, n+1), trans: make([][]ltr, n+1)}
	d.accept[n] = true
	// The rows are built in a scratch buffer, then copied into one array
	// of exactly their size: the automaton is held for the whole run, and
	// most rows have a few ranges where the worst case has 2*na+2.
	scratch := make([]ltr, 0, (n+1)*(2*na+2))
	ends := make([]int, n+1)
	for i := 0; i <= n; i++ {
		if infix && i == n {
			scratch = append(scratch, anyTransitions(int32(n))...)
		} else {
			scratch = overrideRow(scratch, alphabet, next[i*na:(i+1)*na], 0)
		}
		ends[i] = len(scratch)
	}
	backing := slices.Clone(scratch)
	start := 0
	for i, end := range ends {
		d.trans[i] = backing[start:end:end]
		start = end
	}
	return d
}

// overrideRow appends to out the transitions of one state in the sorted,
// merged form of a deterministic automaton: alphabet[j] (sorted, distinct, no
// surrogate) goes to to[j], every other code point but the surrogates to
// other.
func overrideRow(out []ltr, alphabet, to []int32, other int32) []ltr {
	first := len(out)
	add := func(lo, hi, to int32) { // appends in label order, merging
		if k := len(out) - 1; k >= first && out[k].to == to && out[k].hi+1 == lo {
			out[k].hi = hi
			return
		}
		out = append(out, ltr{lo, hi, to})
	}
	emit := func(lo, hi int32) { // the other code points in lo..hi
		if lo <= surrogateMin-1 {
			add(lo, min(hi, surrogateMin-1), other)
		}
		if hi >= surrogateMax+1 {
			add(max(lo, surrogateMax+1), hi, other)
		}
	}
	lo := int32(0)
	for j, c := range alphabet {
		if c > lo {
			emit(lo, c-1)
		}
		add(c, c, to[j])
		lo = c + 1
	}
	if lo <= maxCodePoint {
		emit(lo, maxCodePoint)
	}
	return out
}
