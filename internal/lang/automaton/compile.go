package automaton

import (
	"errors"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"strings"
	"unicode/utf16"
)

// CompileRegexp compiles src, the text between the slashes of a /regex/
// rule value, as Elasticsearch does: new RegExp(src) with every optional
// operator, toAutomaton, then Operations.determinize with the work limit.
// Errors: *SyntaxError (Lucene's IllegalArgumentException, including an
// unknown <name>), *TooComplexError (TooComplexToDeterminizeException, with
// Lucene's message), *LimitError (this package's own bounds).
func CompileRegexp(src string, opt Options) (*Automaton, error) {
	return compileRegexp(src, opt, nil)
}

func compileRegexp(src string, opt Options, pool *budget.Pool) (*Automaton, error) {
	r, err := ParseRegexp(src, opt)
	if err != nil {
		return nil, err
	}
	return r.compile(pool)
}

// Compile builds the automaton for a parsed expression; see CompileRegexp.
func (r *Regexp) Compile() (*Automaton, error) { return r.compile(nil) }

func (r *Regexp) compile(pool *budget.Pool) (*Automaton, error) {
	c := newCtx(r.opt)
	c.pool = pool
	a, err := c.buildNode(r.root)
	if err != nil {
		var tc *TooComplexError
		if c.prof.lucene9 && errors.As(err, &tc) && !tc.Wrapped {
			// Lucene 9's RegExp.toAutomaton rethrows with the expression.
			return nil, &TooComplexError{Wrapped: true, Regexp: r.src, States: tc.States,
				Transitions: tc.Transitions, Limit: tc.Limit}
		}
		return nil, err
	}
	d, err := c.determinize(a, c.workLimit, false)
	if err != nil {
		return nil, err
	}
	return c.minimized(d)
}

// CompileWildcard compiles an Elasticsearch wildcard as
// Automatons.wildcard does: '*' is any string, '?' any one character, '\'
// makes the next character literal (a trailing '\' is itself literal),
// everything else is literal. Like Elasticsearch it reads the pattern as
// UTF-16 code units, so a supplementary character in the pattern can never
// match. The concatenation is determinized with the work limit, so a
// pattern such as "*a??????????????" returns a *TooComplexError. The empty
// pattern accepts nothing, as in Lucene (Elasticsearch never builds it: a
// value without '*' is not a wildcard).
func CompileWildcard(pattern string, opt Options) (*Automaton, error) {
	return compileWildcard(pattern, opt, nil)
}

func compileWildcard(pattern string, opt Options, pool *budget.Pool) (*Automaton, error) {
	if pattern == "*" {
		return Any(), nil
	}
	c := newCtx(opt)
	c.pool = pool
	if a, ok, err := directWildcard(pattern, opt, c); ok {
		return a, err
	}
	units := utf16.Encode([]rune(pattern))
	list := make([]*fa, 0, len(units))
	for i := 0; i < len(units); i++ {
		switch u := units[i]; u {
		case '*':
			list = append(list, makeAnyString())
		case '?':
			list = append(list, makeAnyChar())
		case '\\':
			if i+1 < len(units) {
				i++
				list = append(list, makeChar(int32(units[i])))
			} else {
				list = append(list, makeChar('\\'))
			}
		default:
			list = append(list, makeChar(int32(u)))
		}
	}
	a, err := c.concatenate(list)
	if err != nil {
		return nil, err
	}
	d, err := c.determinize(a, c.workLimit, false)
	if err != nil {
		return nil, err
	}
	return c.minimized(d)
}

// IsRegexValue is Automatons.isLuceneRegex: longer than one character,
// starting and ending with '/'.
func IsRegexValue(v string) bool {
	return utf16Len([]rune(v)) > 1 && strings.HasPrefix(v, "/") && strings.HasSuffix(v, "/")
}

// IsWildcardValue is Regex.isSimpleMatchPattern: the value contains '*'.
func IsWildcardValue(v string) bool { return strings.Contains(v, "*") }

// CompileValue compiles a string rule value the way a role-mapping field
// value is turned into a predicate (FieldValue.buildAutomaton and
// Automatons.patterns): a value containing '*' or written as /regex/ is a
// pattern; any other value matches only itself. pattern reports which case
// applied. A value that starts with '/' and contains '*' but does not end
// with '/' gives an *InvalidPatternError; regex errors are those of
// CompileRegexp, with SyntaxError.Offset counted from the start of v.
func CompileValue(v string, opt Options) (a *Automaton, pattern bool, err error) {
	return compileValue(v, opt, nil)
}

// compileValue is CompileValue charging its construction work to pool.
func compileValue(v string, opt Options, pool *budget.Pool) (a *Automaton, pattern bool, err error) {
	if !IsWildcardValue(v) && !IsRegexValue(v) {
		return Literal(v), false, nil
	}
	if err := pool.Exhausted(); err != nil {
		return nil, true, err
	}
	if strings.HasPrefix(v, "/") {
		if utf16Len([]rune(v)) == 1 || !strings.HasSuffix(v, "/") {
			return nil, true, &InvalidPatternError{Value: v}
		}
		a, err := compileRegexp(v[1:len(v)-1], opt, pool)
		var se *SyntaxError
		if errors.As(err, &se) {
			shifted := *se
			shifted.Offset++
			err = &shifted
		}
		return a, true, err
	}
	a, err = compileWildcard(v, opt, pool)
	return a, true, err
}

// minimized is fromLucene, charging the minimization to the run's pool
// first (it costs about as much as building the automaton once more).
func (c *ctx) minimized(d *fa) (*Automaton, error) {
	if err := c.pool.Take(2 * (int64(d.numStates()) + int64(d.numTransitions()))); err != nil {
		return nil, err
	}
	return fromLucene(d), nil
}
