package automaton

import (
	"errors"
	"math/rand"
	"strings"
	"testing"
)

// genRegex builds a random expression over a tiny alphabet using every
// operator the parser knows.
func genRegex(r *rand.Rand, depth int) string {
	atoms := []string{"a", "b", "0", "1", ".", "[ab]", "[^a]", "[a-b]", "[0-1a]", "@", "#", `"ab"`, "()",
		"<0-12>", "<01-10>", `\d`, `\w`, `\s`, `[\d]`, `\-`, `\.`}
	if depth <= 0 {
		return atoms[r.Intn(len(atoms))]
	}
	switch r.Intn(10) {
	case 0:
		return genRegex(r, depth-1) + "|" + genRegex(r, depth-1)
	case 1:
		return genRegex(r, depth-1) + "&" + genRegex(r, depth-1)
	case 2:
		return "~" + genRegex(r, depth-1)
	case 3:
		return "(" + genRegex(r, depth-1) + ")" + []string{"?", "*", "+", "{2}", "{1,}", "{0,2}", "{1,3}"}[r.Intn(7)]
	case 4:
		return "(" + genRegex(r, depth-1) + ")"
	default:
		return genRegex(r, depth-1) + genRegex(r, depth-1)
	}
}

// allStrings returns every string over alphabet up to length max.
func allStrings(alphabet string, max int) []string {
	out := []string{""}
	level := []string{""}
	for l := 1; l <= max; l++ {
		var next []string
		for _, p := range level {
			for _, c := range alphabet {
				next = append(next, p+string(c))
			}
		}
		out = append(out, next...)
		level = next
	}
	return out
}

func TestPropertyRegexAgainstOracles(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	inputs := allStrings("ab01", 4)
	inputs = append(inputs, "0012", "12", "010", "abab0", " ", "a b", "ba0x1")
	iterations := 400
	if testing.Short() {
		iterations = 60
	}
	for it := 0; it < iterations; it++ {
		src := genRegex(r, 1+r.Intn(3))
		for _, d := range []Dialect{DialectES9, DialectES9_0, DialectES8} {
			opt := Options{Dialect: d}
			re, err := ParseRegexp(src, opt)
			if err != nil {
				t.Fatalf("%v: parse %q: %v", d, src, err)
			}
			c := newCtx(opt)
			nfa, err := c.buildNode(re.root)
			if err != nil {
				var tc *TooComplexError
				if errors.As(err, &tc) {
					continue
				}
				t.Fatalf("%v: build %q: %v", d, src, err)
			}
			a, err := re.Compile()
			if err != nil {
				var tc *TooComplexError
				if errors.As(err, &tc) {
					continue
				}
				t.Fatalf("%v: compile %q: %v", d, src, err)
			}
			zero := func(n *node) bool {
				a, err := newCtx(opt).buildNode(n)
				return err == nil && a.numStates() == 0
			}
			for _, s := range inputs {
				want := oracleMatch(re.root, s, zero)
				if got := a.Match(s); got != want {
					t.Fatalf("%v: %q on %q: automaton says %v, oracle %v (tree %s)", d, src, s, got, want, re)
				}
				if got := nfaMatch(nfa, s); got != want {
					t.Fatalf("%v: %q on %q: Lucene-shaped NFA says %v, oracle %v", d, src, s, got, want)
				}
			}
		}
	}
}

// TestPropertyDialectsAgree checks that the three dialects, which build
// differently shaped automata, accept the same language for expressions
// whose meaning did not change between Lucene versions.
func TestPropertyDialectsAgree(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for it := 0; it < 200; it++ {
		src := genRegex(r, 2+r.Intn(2))
		var prev *Automaton
		for _, d := range []Dialect{DialectES9, DialectES9_0, DialectES8} {
			a, err := CompileRegexp(src, Options{Dialect: d})
			if err != nil {
				prev = nil
				break
			}
			if prev != nil && !prev.Equal(a) {
				t.Fatalf("%q: %v differs from the previous dialect", src, d)
			}
			prev = a
		}
	}
}

func TestPropertyMinimizersAgree(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	saved := maxValmariTransitions
	defer func() { maxValmariTransitions = saved }()
	for it := 0; it < 150; it++ {
		src := genRegex(r, 2+r.Intn(2))
		maxValmariTransitions = saved
		a, err := CompileRegexp(src, Options{})
		if err != nil {
			continue
		}
		maxValmariTransitions = 0 // force Moore refinement
		b, err := CompileRegexp(src, Options{})
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if !a.Equal(b) {
			t.Fatalf("%q: Valmari and Moore minimization disagree (%d vs %d states)", src, a.NumStates(), b.NumStates())
		}
	}
}

func TestPropertyWildcardAgainstRegex(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	pieces := []string{"a", "b", "*", "?", `\*`, `\?`, `\\`, "."}
	toRegex := map[string]string{"a": "a", "b": "b", "*": ".*", "?": ".", `\*`: `\*`, `\?`: `\?`, `\\`: `\\`, ".": `\.`}
	inputs := allStrings("ab*?.\\", 3)
	for it := 0; it < 300; it++ {
		var w, re strings.Builder
		for k := 1 + r.Intn(5); k > 0; k-- {
			p := pieces[r.Intn(len(pieces))]
			w.WriteString(p)
			re.WriteString(toRegex[p])
		}
		wa, err := CompileWildcard(w.String(), Options{})
		if err != nil {
			t.Fatalf("wildcard %q: %v", w.String(), err)
		}
		ra, err := CompileRegexp(re.String(), Options{})
		if err != nil {
			t.Fatalf("regex %q: %v", re.String(), err)
		}
		if !wa.Equal(ra) {
			for _, s := range inputs {
				if wa.Match(s) != ra.Match(s) {
					t.Fatalf("wildcard %q and regex %q differ on %q", w.String(), re.String(), s)
				}
			}
			t.Fatalf("wildcard %q and regex %q: automata differ", w.String(), re.String())
		}
	}
}
