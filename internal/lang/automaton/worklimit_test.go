package automaton

import (
	"errors"
	"strings"
	"testing"
)

func TestWorkLimit(t *testing.T) {
	tests := []struct {
		src     string
		dialect Dialect
		opt     Options
		msg     string // "" = compiles
	}{
		// (a|b)*a(a|b){n} needs 2^(n+1) states; n=12 fits the limit, 13 not
		{src: "(a|b)*a(a|b){12}", dialect: DialectES9},
		{src: "(a|b)*a(a|b){12}", dialect: DialectES9_0},
		{src: "(a|b)*a(a|b){12}", dialect: DialectES8},
		{src: "(a|b)*a(a|b){13}", dialect: DialectES9,
			msg: "Determinizing automaton with 15 states and 15 transitions would require more than 10000 effort."},
		{src: "(a|b)*a(a|b){13}", dialect: DialectES9_0,
			msg: "Determinizing automaton with 43 states and 80 transitions would require more than 10000 effort."},
		// Lucene 9's RegExp names the expression
		{src: "(a|b)*a(a|b){13}", dialect: DialectES8,
			msg: "Determinizing (a|b)*a(a|b){13} would require more than 10000 effort."},
		// Lucene's own LUCENE-6046 example
		{src: "[ac]*a[ac]{50,200}", dialect: DialectES8,
			msg: "Determinizing [ac]*a[ac]{50,200} would require more than 10000 effort."},
		{src: "[ac]*a[ac]{50,200}", dialect: DialectES9,
			msg: "Determinizing automaton with 202 states and 403 transitions would require more than 10000 effort."},
		// Lucene 9 checks bounded repeats before building them and reports
		// (states-1)*count as the limit
		{src: "a{20000}", dialect: DialectES8, msg: "Determinizing a{20000} would require more than 20000 effort."},
		{src: "(ab){6000}", dialect: DialectES8, msg: "Determinizing (ab){6000} would require more than 12000 effort."},
		{src: "a{10000}", dialect: DialectES8},
		{src: "(ab){2,6000}", dialect: DialectES8, msg: "Determinizing (ab){2,6000} would require more than 12000 effort."},
		// Lucene 10 has no such check and the chain is deterministic
		{src: "a{20000}", dialect: DialectES9},
		{src: "(ab){6000}", dialect: DialectES9_0},
		// a nullable piece repeated makes quadratic transitions
		{src: "x?{1000}", dialect: DialectES9,
			msg: "Determinizing automaton with 1001 states and 500500 transitions would require more than 10000 effort."},
		// the limit is configurable, except for Lucene 10's deprecated
		// complement, which always uses the default
		{src: "(a|b)*a(a|b){7}", dialect: DialectES9, opt: Options{WorkLimit: 100},
			msg: "Determinizing automaton with 9 states and 9 transitions would require more than 100 effort."},
		{src: "(a|b)*a(a|b){13}", dialect: DialectES9, opt: Options{WorkLimit: 1000000}},
		{src: "~((a|b)*a(a|b){13})", dialect: DialectES8, opt: Options{WorkLimit: 1000000}},
		{src: "~((a|b)*a(a|b){13})", dialect: DialectES9, opt: Options{WorkLimit: 1000000},
			msg: "Determinizing automaton with 15 states and 15 transitions would require more than 10000 effort."},
	}
	for _, tc := range tests {
		opt := tc.opt
		opt.Dialect = tc.dialect
		a, err := CompileRegexp(tc.src, opt)
		if tc.msg == "" {
			if err != nil {
				t.Errorf("%v %q: %v", tc.dialect, tc.src, err)
			} else if a.IsEmpty() {
				t.Errorf("%v %q: empty", tc.dialect, tc.src)
			}
			continue
		}
		var tce *TooComplexError
		if !errors.As(err, &tce) {
			t.Errorf("%v %q: got %v, want TooComplexError", tc.dialect, tc.src, err)
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("%v %q:\n got  %s\n want %s", tc.dialect, tc.src, err, tc.msg)
		}
	}
}

// Patterns Elasticsearch would build without a limit and run out of memory
// on get a LimitError instead of hanging.
func TestResourceLimits(t *testing.T) {
	for _, src := range []string{
		"(ab){0,1073741824}", // Java int overflow defeats Lucene 9's check
		"(a*){0,1000000000}", // one-state piece: the check computes 0
		"#{1000000000}",
		"a{2000000}",
		"(a|b){0,2000000}",
	} {
		for _, d := range allDialects {
			_, err := CompileRegexp(src, Options{Dialect: d})
			if err == nil {
				t.Errorf("%v %q: compiled", d, src)
				continue
			}
			var tce *TooComplexError
			if !errors.Is(err, ErrTooLarge) && !errors.As(err, &tce) {
				t.Errorf("%v %q: got %v", d, src, err)
			}
		}
	}
	_, err := CompileRegexp("(ab){0,1073741824}", Options{Dialect: DialectES8})
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "too large to analyze") {
		t.Errorf("want LimitError, got %v", err)
	}
}

func TestDialectForVersion(t *testing.T) {
	tests := []struct {
		major, minor int
		want         Dialect
	}{
		{7, 17, DialectES8}, {8, 0, DialectES8}, {8, 19, DialectES8},
		{9, 0, DialectES9_0}, {9, 1, DialectES9}, {9, 2, DialectES9}, {9, 3, DialectES9}, {9, 4, DialectES9}, {10, 0, DialectES9},
	}
	for _, tc := range tests {
		if got := DialectForVersion(tc.major, tc.minor); got != tc.want {
			t.Errorf("%d.%d: %v, want %v", tc.major, tc.minor, got, tc.want)
		}
	}
	for _, d := range allDialects {
		if strings.Contains(d.String(), "unknown") {
			t.Errorf("dialect %d has no name", d)
		}
	}
}
