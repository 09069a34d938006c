package loader

import (
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// TestApplyReader: a known reader settles every value whose readings
// differ and drops the ambiguous-yaml findings about them; the merge-key
// warning, which is not about a value, stays.
func TestApplyReader(t *testing.T) {
	src := "a: yes\nb: &x [1]\nc: *x\nd: NO\ne: y\n"
	tests := []struct {
		reader   Reader
		a, c, d  string // rendered values
		warnings int
	}{
		{ReaderEither, `"yes"`, `[1]`, `"NO"`, 4},
		{ReaderElasticsearch, `true`, `"x"`, `false`, 1},
		{ReaderYAML12, `"yes"`, `[1]`, `"NO"`, 1},
	}
	for _, tt := range tests {
		f := source.NewFile("m.yaml", []byte(src))
		docs, diags := ParseYAML(f)
		diags = ApplyReader(docs, diags, tt.reader)
		v := docs[0]
		for key, want := range map[string]string{"a": tt.a, "c": tt.c, "d": tt.d} {
			if got := renderPlain(v.Get(key)); got != want {
				t.Errorf("%s: %s = %s, want %s", tt.reader, key, got, want)
			}
		}
		if tt.reader != ReaderEither && HasAlt(v) {
			t.Errorf("%s: values still have two readings", tt.reader)
		}
		if len(diags) != tt.warnings {
			t.Errorf("%s: %d findings, want %d: %v", tt.reader, len(diags), tt.warnings, diags)
		}
	}
}

// TestElasticsearchReading leaves the tree alone and substitutes readings.
func TestElasticsearchReading(t *testing.T) {
	f := source.NewFile("m.yaml", []byte("a: on\nb: [off, x]\n"))
	docs, _ := ParseYAML(f)
	es := ElasticsearchReading(docs[0])
	if renderPlain(es.Get("a")) != "true" || renderPlain(es.Get("b")) != `[false, "x"]` {
		t.Errorf("Elasticsearch reading %s %s", renderPlain(es.Get("a")), renderPlain(es.Get("b")))
	}
	if renderPlain(docs[0].Get("a")) != `"on"` {
		t.Error("the YAML 1.2 tree was changed")
	}
}

func TestParseReader(t *testing.T) {
	for in, want := range map[string]Reader{"": ReaderEither, "either": ReaderEither, "elasticsearch": ReaderElasticsearch, "yaml-1.2": ReaderYAML12} {
		if got, err := ParseReader(in); err != nil || got != want || (in != "" && got.String() != in) {
			t.Errorf("ParseReader(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseReader("yaml-1.1"); err == nil {
		t.Error("want an error")
	}
}

// renderPlain renders a value without positions.
func renderPlain(v *source.Value) string {
	if v == nil {
		return "<nil>"
	}
	switch v.Kind {
	case source.String:
		return `"` + v.Str + `"`
	case source.Bool:
		if v.Bool {
			return "true"
		}
		return "false"
	case source.Array:
		s := "["
		for i, it := range v.Items {
			if i > 0 {
				s += ", "
			}
			s += renderPlain(it)
		}
		return s + "]"
	case source.Null:
		return "null"
	}
	return v.Str
}

func FuzzApplyReader(f *testing.F) {
	for _, s := range []string{"a: yes\nb: &x {c: on}\nd: *x\n", "- *a\n", "a: &a [*a]\n", "x: [NO, No, no, y]\n<<: *m\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, r := range []Reader{ReaderElasticsearch, ReaderYAML12} {
			file := source.NewFile("fuzz.yaml", []byte(src))
			docs, diags := ParseYAML(file)
			_ = ElasticsearchReading(firstOrNil(docs))
			diags = ApplyReader(docs, diags, r)
			for _, d := range docs {
				if HasAlt(d) {
					t.Fatalf("%s left two readings", r)
				}
			}
			fuzzCheck(t, file, docs, diags)
		}
	})
}

func firstOrNil(docs []*source.Value) *source.Value {
	if len(docs) == 0 {
		return nil
	}
	return docs[0]
}
