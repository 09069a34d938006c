package report

import (
	"bytes"
	"encoding/xml"
	"github.com/rolemap-lint/rolemap-lint/internal/safetext"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

func junitOf(t testing.TB, r *Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := JUnit(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJUnitGolden(t *testing.T) {
	checkGolden(t, "sample.junit.golden", junitOf(t, sampleResult(t)))
	checkGolden(t, "empty.junit.golden", junitOf(t, emptyResult()))
}

// parsedJUnit is the JUnit document as a consumer reads it.
type parsedJUnit struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Line      int    `xml:"line,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// parseJUnit decodes out strictly and checks that every count attribute
// matches the testcases.
func parseJUnit(t testing.TB, out []byte) parsedJUnit {
	t.Helper()
	var doc parsedJUnit
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, out)
	}
	tests, failures := 0, 0
	for _, s := range doc.Suites {
		f := 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f {
			t.Errorf("suite %q: tests=%d failures=%d, but %d cases with %d failures", s.Name, s.Tests, s.Failures, len(s.Cases), f)
		}
		tests += s.Tests
		failures += s.Failures
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != 0 {
		t.Errorf("testsuites: tests=%d failures=%d errors=%d, suites sum to %d and %d", doc.Tests, doc.Failures, doc.Errors, tests, failures)
	}
	return doc
}

func TestJUnitContent(t *testing.T) {
	res := sampleResult(t)
	doc := parseJUnit(t, junitOf(t, res))
	if len(doc.Suites) != 2 {
		t.Fatalf("%d suites", len(doc.Suites))
	}
	fixtures, lint := doc.Suites[0], doc.Suites[1]
	if fixtures.Tests != 3 || fixtures.Failures != 2 {
		t.Errorf("fixture suite tests=%d failures=%d", fixtures.Tests, fixtures.Failures)
	}
	bad := fixtures.Cases[1]
	if bad.Name != "contractors | never <superuser>" || bad.Classname != "tests/access_test.yaml" || bad.Line != 9 ||
		bad.Failure == nil || bad.Failure.Message != "missing roles [reader]; unexpected roles [superuser]" ||
		!strings.Contains(bad.Failure.Text, "superuser granted by mappings/a.json:1 a") {
		t.Errorf("failed test case = %+v", bad)
	}
	if fixtures.Cases[0].Failure != nil {
		t.Error("a passing test failed")
	}
	// errors and warnings fail; the info passes with its text in system-out
	if lint.Tests != len(res.Findings) || lint.Failures != len(res.Findings)-1 {
		t.Errorf("lint suite tests=%d failures=%d", lint.Tests, lint.Failures)
	}
	first := lint.Cases[0]
	if first.Name != "invalid-pattern 4:35" || first.Classname != "mappings/a.json" || first.Failure.Type != "error" ||
		first.Failure.Message != safetext.Escape(res.Findings[0].Message) {
		t.Errorf("first finding case = %+v", first)
	}
	if w := lint.Cases[2].Failure; w == nil || w.Type != "warning" {
		t.Errorf("warning case failure = %+v", w)
	}
	info := lint.Cases[4]
	if info.Failure != nil || info.SystemOut != "mappings/dup.yaml:4:3: info: mapping [m1] is disabled [disabled-mapping]" {
		t.Errorf("info case = %+v", info)
	}
	if got := lint.Cases[5].Failure.Text; got != "mappings/dup.yaml:3:1: error: duplicate mapping name [m1] [duplicate-name]\nfirst defined here: mappings/dup.yaml:1:1" {
		t.Errorf("related locations in failure text: %q", got)
	}
}

func TestJUnitEmpty(t *testing.T) {
	doc := parseJUnit(t, junitOf(t, emptyResult()))
	if doc.Tests != 1 || doc.Failures != 0 || doc.Suites[0].Tests != 0 {
		t.Fatalf("empty run: %+v", doc)
	}
	c := doc.Suites[1].Cases[0]
	if c.Name != "no findings" || c.SystemOut != "no findings in 5 mappings from 2 files" {
		t.Errorf("placeholder case = %+v", c)
	}
}

// TestJUnitControlCharacters: control characters and invalid UTF-8 from the
// repository are escaped visibly (\xNN, \n), so the XML is valid and steers
// no terminal; other characters XML 1.0 cannot carry become U+FFFD.
func TestJUnitControlCharacters(t *testing.T) {
	f := source.NewFile("a\x01.json", []byte("{}"))
	msg := "bell\x07 nul\x00 esc\x1b bad\xff ok\ttab\nline ]]> <&> \"q\" 'a' \uFFFE"
	res := &Result{Findings: []diag.Diagnostic{{Check: "schema", Level: diag.Error, Message: msg,
		Span: source.Span{File: f, Start: 0, End: 2}}},
		Tests: []TestResult{{Name: "t\x02", File: "x_test.yaml", Error: msg}}}
	out := junitOf(t, res)
	doc := parseJUnit(t, out)
	want := `bell\x07 nul\x00 esc\x1b bad\xff ok` + "\t" + `tab\nline ]]> <&> "q" 'a' ` + "\uFFFD"
	if got := doc.Suites[1].Cases[0].Failure.Message; got != want {
		t.Errorf("message attribute = %q, want %q", got, want)
	}
	if got := doc.Suites[1].Cases[0].Classname; got != `a\x01.json` {
		t.Errorf("classname = %q", got)
	}
	if got := doc.Suites[0].Cases[0].Name; got != `t\x02` {
		t.Errorf("test name = %q", got)
	}
}

// FuzzJUnit: any message and file name give well-formed XML with correct
// counts whose text reads back as the input escaped (safetext.Escape) with
// the characters XML cannot carry replaced.
func FuzzJUnit(f *testing.F) {
	f.Add("a.json", "msg", "name", true)
	f.Add("x\x00<y>.yaml", "]]>&\x1b\xff", "\r\n", false)
	f.Fuzz(func(t *testing.T, file, msg, name string, info bool) {
		level := diag.Warning
		if info {
			level = diag.Info
		}
		src := source.NewFile(file, []byte(msg))
		res := &Result{Findings: []diag.Diagnostic{{Check: "schema", Level: level, Message: msg,
			Span: source.Span{File: src, Start: 0, End: len(msg)}}},
			Tests: []TestResult{{Name: name, File: file, Missing: []string{msg}}}}
		doc := parseJUnit(t, junitOf(t, res))
		if got, want := doc.Suites[0].Cases[0].Name, xmlVisible(safetext.Escape(name)); got != want {
			t.Fatalf("test name %q read back as %q, want %q", name, got, want)
		}
	})
}

// xmlVisible is what an XML reader sees of s after the encoder's
// replacements: characters outside XML 1.0's Char production and invalid
// UTF-8 become U+FFFD (CR survives because the encoder writes &#xD;).
func xmlVisible(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if r == utf8.RuneError && size <= 1 || !(r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
			r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}
