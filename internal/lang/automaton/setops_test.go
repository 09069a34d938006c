package automaton

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func mustRegexp(t *testing.T, src string) *Automaton {
	t.Helper()
	a, err := CompileRegexp(src, Options{})
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	return a
}

func TestConstructors(t *testing.T) {
	if !Empty().IsEmpty() || Empty().Match("") || Empty().IsTotal() {
		t.Error("Empty")
	}
	if !Any().IsTotal() || !Any().Match("") || !Any().Match("😀x") || Any().IsEmpty() {
		t.Error("Any")
	}
	l := Literal("héllo")
	if !l.Match("héllo") || l.Match("hello") || l.Match("") {
		t.Error("Literal")
	}
	if s, ok := l.IsLiteral(); !ok || s != "héllo" {
		t.Errorf("IsLiteral = %q, %v", s, ok)
	}
	var nilA *Automaton
	if nilA.Match("") || !nilA.IsEmpty() || nilA.NumStates() != 0 {
		t.Error("nil automaton must accept nothing")
	}
	if !mustRegexp(t, "@").Equal(Any()) || !mustRegexp(t, "#").Equal(Empty()) || !mustRegexp(t, "abc").Equal(Literal("abc")) {
		t.Error("regex constructors differ from the direct ones")
	}
	if !mustRegexp(t, ".*").IsTotal() || mustRegexp(t, ".+").IsTotal() {
		t.Error("IsTotal")
	}
}

func TestSetOperations(t *testing.T) {
	ab := mustRegexp(t, "a.*")
	xb := mustRegexp(t, ".*b")
	inter, err := Intersect(ab, xb)
	if err != nil {
		t.Fatal(err)
	}
	if !inter.Equal(mustRegexp(t, "a.*&.*b")) {
		t.Error("Intersect")
	}
	un, err := Union(ab, xb, Literal("zz"))
	if err != nil {
		t.Fatal(err)
	}
	if !un.Equal(mustRegexp(t, "a.*|.*b|zz")) {
		t.Error("Union")
	}
	if u, err := Union(); err != nil || !u.IsEmpty() {
		t.Error("Union of nothing")
	}
	mi, err := Minus(ab, xb)
	if err != nil {
		t.Fatal(err)
	}
	if !mi.Equal(mustRegexp(t, "a.*&~(.*b)")) || mi.Match("ab") || !mi.Match("a") {
		t.Error("Minus")
	}
	co := Complement(ab)
	if !co.Equal(mustRegexp(t, "~(a.*)")) || co.Match("abc") || !co.Match("") || !co.Match("😀") {
		t.Error("Complement")
	}
	if !Complement(Empty()).IsTotal() || !Complement(Any()).IsEmpty() {
		t.Error("Complement of the extremes")
	}
	if !Complement(Complement(xb)).Equal(xb) {
		t.Error("double complement")
	}
	// complement stays within Unicode scalar values
	if w, ok := Complement(mustRegexp(t, "[^\uD7FF]")).Witness(); !ok || w != "" {
		t.Errorf("witness of complement = %q", w)
	}
}

func TestSubsetOf(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"abc", "a.*", true},
		{"a.*", "abc", false},
		{"#", "abc", true},
		{"abc", "#", false},
		{"(ab)+", "(ab)*", true},
		{"(ab)*", "(ab)+", false},
		{"[a-c]+", "[a-z]*", true},
		{"<1-10>", "[0-9]+", true},
		{"[0-9]+", "<1-10>", false},
		{".*", "@", true},
	}
	for _, tc := range tests {
		got, err := mustRegexp(t, tc.a).SubsetOf(mustRegexp(t, tc.b))
		if err != nil || got != tc.want {
			t.Errorf("%q ⊆ %q: %v, %v", tc.a, tc.b, got, err)
		}
	}
}

func TestBudget(t *testing.T) {
	a := mustRegexp(t, "(a|b)*a(a|b){10}")
	b := mustRegexp(t, "(a|b)*b(a|b){10}")
	ops := Ops{MaxStates: 50}
	if _, err := ops.Intersect(a, b); !errors.Is(err, ErrBudget) {
		t.Errorf("Intersect: got %v", err)
	}
	if _, err := ops.Union(a, b); !errors.Is(err, ErrBudget) {
		t.Errorf("Union: got %v", err)
	}
	if _, err := ops.Minus(a, b); !errors.Is(err, ErrBudget) {
		t.Errorf("Minus: got %v", err)
	}
	_, err := ops.SubsetOf(a, mustRegexp(t, "[ab]*"))
	var be *BudgetError
	if !errors.As(err, &be) || be.MaxStates != 50 {
		t.Errorf("SubsetOf: got %v", err)
	}
	if _, err := (Ops{}).Intersect(a, b); err != nil {
		t.Errorf("default budget: %v", err)
	}
}

func TestWitness(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"", ""},
		{"abc", "abc"},
		{".*", ""},
		{".+", "a"},
		{"[^a-z]", "0"},
		{"[^a-zA-Z0-9]", "."},
		{"[!-/]", "."},
		{"[\x00-\x1f]", "\x00"},
		{"[é-ë]", "é"},
		{"x{3}|yy", "yy"},
		{`.*\@example\.com`, "@example.com"},
		{"~(.*a)", ""},
		{".*admin.*&~(admin)", "aadmin"},
	}
	for _, tc := range tests {
		a := mustRegexp(t, tc.src)
		got, ok := a.Witness()
		if !ok || got != tc.want {
			t.Errorf("%q: witness %q, %v; want %q", tc.src, got, ok, tc.want)
		}
		if ok && !a.Match(got) {
			t.Errorf("%q: witness %q is not accepted", tc.src, got)
		}
	}
	if _, ok := Empty().Witness(); ok {
		t.Error("empty language has a witness")
	}
}

func TestFiniteAndStrings(t *testing.T) {
	tests := []struct {
		src    string
		finite bool
		limit  int
		want   []string
		ok     bool
	}{
		{src: "a|b|cd", finite: true, limit: 10, want: []string{"a", "b", "cd"}, ok: true},
		{src: "a|b|cd", finite: true, limit: 2},
		{src: "#", finite: true, limit: 1, want: nil, ok: true},
		{src: "", finite: true, limit: 1, want: []string{""}, ok: true},
		{src: "<8-11>", finite: false, limit: 100},
		{src: "<08-11>", finite: true, limit: 100, want: []string{"08", "09", "10", "11"}, ok: true},
		{src: "a*", finite: false, limit: 100},
		{src: ".", finite: true, limit: 1000},
		{src: "[a-c]{2}", finite: true, limit: 9, want: []string{"aa", "ab", "ac", "ba", "bb", "bc", "ca", "cb", "cc"}, ok: true},
		{src: "..........", finite: true, limit: 1 << 30},
	}
	for _, tc := range tests {
		a := mustRegexp(t, tc.src)
		if a.IsFinite() != tc.finite {
			t.Errorf("%q: IsFinite = %v", tc.src, a.IsFinite())
		}
		got, ok := a.Strings(tc.limit)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("%q: Strings(%d) = %q, %v; want %q, %v", tc.src, tc.limit, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := mustRegexp(t, "a|b").IsLiteral(); ok {
		t.Error("a|b is not a literal")
	}
	if s, ok := mustRegexp(t, `"x@y"`).IsLiteral(); !ok || s != "x@y" {
		t.Error(`"x@y" is a literal`)
	}
}

func TestEqualIsCanonical(t *testing.T) {
	pairs := [][2]string{
		{"(a|b)*", "(a*b*)*"},
		{"a+", "aa*"},
		{"<1-10>", "0*([1-9]|10)"},
		{"<1-3>", "[1-3]"},
		{"~(~(x.*))", "x.*"},
		{"[^\u0000-\U0010FFFF]", "#"},
	}
	for _, p := range pairs {
		if !mustRegexp(t, p[0]).Equal(mustRegexp(t, p[1])) {
			t.Errorf("%q and %q should be equal", p[0], p[1])
		}
	}
	if mustRegexp(t, "a+").Equal(mustRegexp(t, "a*")) {
		t.Error("a+ equals a*")
	}
}

func TestLongLiteral(t *testing.T) {
	long := strings.Repeat("abc", 50000)
	a := Literal(long)
	if s, ok := a.IsLiteral(); !ok || s != long {
		t.Fatal("IsLiteral of a long literal")
	}
	if w, ok := a.Witness(); !ok || w != long {
		t.Fatal("Witness of a long literal")
	}
	if !a.IsFinite() || a.Match(long[1:]) || !a.Match(long) {
		t.Fatal("long literal")
	}
}
