package automaton

import (
	"fmt"
	"strings"
	"testing"
)

const emailRegexp = `[a-zA-Z0-9._%+\-]+\@[a-zA-Z0-9.\-]+\.[a-zA-Z]{2,}`

func BenchmarkMatch100(b *testing.B) {
	a, err := CompileRegexp(emailRegexp, Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat("x", 88) + "@example.com"
	if len(s) != 100 || !a.Match(s) {
		b.Fatal("benchmark input must be a 100-character match")
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		a.Match(s)
	}
}

func BenchmarkMatch100NonASCII(b *testing.B) {
	a, err := CompileWildcard("*é*ü", Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat("é", 50)
	b.ReportAllocs()
	for b.Loop() {
		a.Match(s)
	}
}

func BenchmarkCompileEmailRegexp(b *testing.B) {
	for _, d := range allDialects {
		b.Run(d.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := CompileRegexp(emailRegexp, Options{Dialect: d}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCompileWildcard(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CompileWildcard("*,ou=people,dc=example,dc=com", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTooComplex measures how fast a pattern over the work limit is
// rejected.
func BenchmarkTooComplex(b *testing.B) {
	for _, src := range []string{"(a|b)*a(a|b){13}", "(a|b)*a(a|b){20}", "[ac]*a[ac]{50,200}"} {
		for _, d := range allDialects {
			b.Run(d.String()+"/"+src, func(b *testing.B) {
				for b.Loop() {
					if _, err := CompileRegexp(src, Options{Dialect: d}); err == nil {
						b.Fatal("expected TooComplexError")
					}
				}
			})
		}
	}
}

func BenchmarkIntersect(b *testing.B) {
	x, _ := CompileRegexp("(a|b)*a(a|b){6}", Options{})
	y, _ := CompileRegexp("(a|b)*b(a|b){6}", Options{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Intersect(x, y); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileDNSubtree compiles the wildcards a DN subtree rule and a
// username prefix rule use, distinct each time as in a large repository.
func BenchmarkCompileDNSubtree(b *testing.B) {
	i := 0
	for b.Loop() {
		i++
		if _, err := CompileWildcard(fmt.Sprintf("*,ou=dept-%d,dc=example,dc=com", i), Options{}); err != nil {
			b.Fatal(err)
		}
		if _, err := CompileWildcard(fmt.Sprintf("svc-%d-*", i), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
