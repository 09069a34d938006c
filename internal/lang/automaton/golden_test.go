package automaton

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The golden files in testdata hold the answers of the real Lucene
// (lucene-core 8.7.0, whose RegExp grammar, messages and automaton
// constructions are those of Lucene 9 except for the \d-style classes and
// the work-limit formula). They keep the Lucene 9 dialect honest without a
// JVM in CI.

// unescapeGolden undoes the %XX escaping of the golden files.
func unescapeGolden(t *testing.T, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				t.Fatalf("bad escape in %q", s)
			}
			b.WriteRune(rune(v))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func readGolden(t *testing.T, name string) [][]string {
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestGoldenLuceneLanguage(t *testing.T) {
	rows := readGolden(t, "lucene87-language.tsv")
	if rows[0][0] != "inputs" {
		t.Fatal("first row must list the inputs")
	}
	var inputs []string
	for _, s := range rows[0][1:] {
		inputs = append(inputs, unescapeGolden(t, s))
	}
	for _, row := range rows[1:] {
		src := unescapeGolden(t, row[0])
		want := row[1]
		a, err := CompileRegexp(src, Options{Dialect: DialectES8, WorkLimit: 1000000})
		var got strings.Builder
		if err != nil {
			got.WriteString("ERR " + err.Error())
		} else {
			got.WriteString("OK ")
			for _, s := range inputs {
				if a.Match(s) {
					got.WriteByte('1')
				} else {
					got.WriteByte('0')
				}
			}
		}
		if got.String() != want {
			t.Errorf("%q:\n got  %s\n want %s", src, got.String(), want)
		}
	}
}

func TestGoldenLuceneDeterminizedSizes(t *testing.T) {
	for _, row := range readGolden(t, "lucene87-determinized-states.tsv") {
		src := unescapeGolden(t, row[0])
		re, err := ParseRegexp(src, Options{Dialect: DialectES8})
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		c := newCtx(Options{Dialect: DialectES8, WorkLimit: 1 << 30})
		if _, err := c.buildNode(re.root); err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if got := strconv.Itoa(max(c.peakDFA, 1)); got != row[1] {
			t.Errorf("%q: largest determinized automaton %s, Lucene %s", src, got, row[1])
		}
	}
}
