package dn

import (
	"strings"
	"testing"
)

func BenchmarkParseLongValue(b *testing.B) {
	s := "cn=" + strings.Repeat("Ab ", 1<<20/3)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseManyRDNs(b *testing.B) {
	s := strings.Repeat(" CN = A ; ", 1<<20/10) + "cn=a"
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseTypical(b *testing.B) {
	s := "CN=John Smith,OU=Sales, DC=example,DC=com"
	for i := 0; i < b.N; i++ {
		if _, err := Parse(s); err != nil {
			b.Fatal(err)
		}
	}
}
