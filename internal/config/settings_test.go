package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// flat renders settings as key=value lines (lists as [a|b]) for comparison.
func flat(s *Settings) []string {
	var out []string
	for _, k := range s.Keys() {
		set, _ := s.Get(k)
		if set.IsList {
			out = append(out, k+"=["+strings.Join(set.List, "|")+"]")
		} else {
			out = append(out, k+"="+set.Value)
		}
	}
	return out
}

func TestParseSettingsFlattening(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", nil},
		{"comments only", "# cluster.name: x\n", nil},
		{"flat", "cluster.name: prod\nnode.name: n1\n", []string{"cluster.name=prod", "node.name=n1"}},
		{"nested", "xpack:\n  security:\n    enabled: true\n", []string{"xpack.security.enabled=true"}},
		{"mixed nested and dotted", "xpack.security.authc:\n  realms.ldap.ldap1:\n    order: 0\n    url: ldap://x\nxpack.security.authc.realms.ldap.ldap1.bind_dn: cn=a\n",
			[]string{"xpack.security.authc.realms.ldap.ldap1.bind_dn=cn=a", "xpack.security.authc.realms.ldap.ldap1.order=0", "xpack.security.authc.realms.ldap.ldap1.url=ldap://x"}},
		{"flow mapping", "a: {b: {c: 1}, d: x}\n", []string{"a.b.c=1", "a.d=x"}},
		{"lists stay lists", "discovery.seed_hosts: [h1, h2]\nb:\n  - 1\n  - true\n  - \"q\"\n", []string{"b=[1|true|q]", "discovery.seed_hosts=[h1|h2]"}},
		{"empty list", "a: []\n", []string{"a=[]"}},
		{"empty mapping adds nothing", "a: {}\nb: 1\n", []string{"b=1"}},
		{"yaml 1.1 booleans", "a: yes\nb: Off\nc: TRUE\nd: \"yes\"\ne: y\nf: !!bool Y\ng: !!bool maybe\n",
			[]string{"a=true", "b=false", "c=true", "d=yes", "e=y", "f=true", "g=maybe"}},
		{"booleans in lists keep their text", "a: [yes, True, off]\n", []string{"a=[yes|True|off]"}},
		{"numbers keep their literal", "a: 0x1F\nb: 1_000\nc: 1.50\nd: -0\n", []string{"a=0x1F", "b=1_000", "c=1.50", "d=-0"}},
		{"quoted empty string", "a: \"\"\n", []string{"a="}},
		{"aliases read as their name", "a: &anchor value\nb: *anchor\nc: [*anchor]\n", []string{"a=value", "b=anchor", "c=[anchor]"}},
		{"merge key is a plain key", "base: &b {x: 1}\nderived:\n  <<: *b\n", []string{"base.x=1", "derived.<<=b"}},
		{"placeholders kept", "node.name: ${HOSTNAME}\n", []string{"node.name=${HOSTNAME}"}},
		{"timestamps are strings", "a: 2001-12-14\n", []string{"a=2001-12-14"}},
		{"later form wins", "a.b: 1\na:\n  b: 2\n", []string{"a.b=2"}},
		{"legacy numbered list", "x.0: a\nx:\n  1: b\n  3: d\n", []string{"x=[a|b]", "x.3=d"}},
		{"legacy numbered list of lists", "x.0: [a, b]\n", []string{"x=[[a, b]]"}},
		{"block scalar", "a: |\n  line1\n  line2\n", []string{"a=line1\nline2\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSettings(source.NewFile("elasticsearch.yml", []byte(tt.src)))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, flat(s)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSettingsErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"duplicate field", "a: 1\nb: 2\na: 3\n", "elasticsearch.yml:3:1: Duplicate field 'a' (first defined at line 1)"},
		{"duplicate nested field", "x:\n  a: 1\n  a: 2\n", "elasticsearch.yml:3:3: Duplicate field 'a' (first defined at line 2)"},
		{"null value", "a:\nb: 1\n", "elasticsearch.yml:1:3: null-valued setting found for key [a] found at line number [1], column number [3]"},
		{"null tilde", "x:\n  y: ~\n", "elasticsearch.yml:2:6: null-valued setting found for key [x.y] found at line number [2], column number [6]"},
		{"null in list", "a: [1, null]\n", "elasticsearch.yml:1:8: only value lists are allowed in serialized settings (key [a] holds null)"},
		{"object in list", "a:\n  - {b: 1}\n", "elasticsearch.yml:2:5: only value lists are allowed in serialized settings (key [a] holds a mapping)"},
		{"not an object", "- a\n", "elasticsearch.yml:1:1: Failed to parse object: expecting token of type [START_OBJECT] but found [START_ARRAY]"},
		{"scalar document", "hello\n", "elasticsearch.yml:1:1: Failed to parse object: expecting token of type [START_OBJECT] but found [VALUE_STRING]"},
		{"null document", "---\n", "elasticsearch.yml:2:1: Failed to parse object: expecting token of type [START_OBJECT] but found [VALUE_NULL]"},
		{"second document", "a: 1\n---\nb: 2\n", "elasticsearch.yml:3:1: malformed, expected end of settings but encountered additional content starting at line number: [3], column number: [1]"},
		{"mapping key", "? [a]\n: 1\n", "elasticsearch.yml:1:3: Expected a field name (Scalar value in YAML), got a list instead"},
		{"binary", "a: !!binary aGVsbG8=\n", "elasticsearch.yml:1:4: Failed to parse object: unexpected token [VALUE_EMBEDDED_OBJECT] for key [a]"},
		{"legacy list conflict", "x: a\nx.0: b\n", "elasticsearch.yml:2:1: settings builder can't contain values for [x=a] and [x.0=b]"},
		{"invalid yaml", "a: [b\n", "elasticsearch.yml:1: invalid YAML: did not find expected ',' or ']'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSettings(source.NewFile("elasticsearch.yml", []byte(tt.src)))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestParseSettingsDepthLimit(t *testing.T) {
	src := strings.Repeat("{a: ", maxSettingsDepth+1) + "1" + strings.Repeat("}", maxSettingsDepth+1)
	_, err := ParseSettings(source.NewFile("deep.yml", []byte("x: "+src)))
	if err == nil || !strings.Contains(err.Error(), "nesting depth") {
		t.Fatalf("err = %v", err)
	}
}

func TestGetAsList(t *testing.T) {
	s, err := ParseSettings(source.NewFile("e.yml", []byte(
		"a: \"x, y ,z\"\nb: [\" x \", y]\nc: \"\"\nd: \"x,,y,,\"\ne: \",\"\nf: \" , \"\ng: single\n")))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key  string
		want []string
		ok   bool
	}{
		{"a", []string{"x", "y", "z"}, true},
		{"b", []string{" x ", "y"}, true},
		{"c", []string{}, true},
		{"d", []string{"x", "", "y"}, true},
		{"e", []string{}, true},
		{"f", []string{"", ""}, true},
		{"g", []string{"single"}, true},
		{"missing", nil, false},
	}
	for _, tt := range tests {
		got, ok := s.GetAsList(tt.key)
		if ok != tt.ok || !cmp.Equal(got, tt.want) {
			t.Errorf("GetAsList(%q) = %q, %v; want %q, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSettingsNamesAndSpans(t *testing.T) {
	src := "xpack.security.authc.realms:\n  ldap.ldap1.order: 0\n  ldap.ldap2.order: 1\n  saml.s1.order: 2\n"
	s, err := ParseSettings(source.NewFile("e.yml", []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Names(RealmsPrefix); !cmp.Equal(got, []string{"ldap", "saml"}) {
		t.Errorf("Names(types) = %v", got)
	}
	if got := s.Names(RealmsPrefix + "ldap."); !cmp.Equal(got, []string{"ldap1", "ldap2"}) {
		t.Errorf("Names(ldap) = %v", got)
	}
	set, _ := s.Get(RealmsPrefix + "saml.s1.order")
	if r := set.KeySpan.Range(); r.Start.Line != 4 || r.Start.Col != 3 || r.End.Col != 16 {
		t.Errorf("key span %v", r)
	}
	if r := set.ValueSpan.Range(); r.Start.Line != 4 || r.Start.Col != 18 || r.End.Col != 19 {
		t.Errorf("value span %v", r)
	}
	if s.Len() != 3 {
		t.Errorf("Len = %d", s.Len())
	}
}

func TestSettingsOverridesRecorded(t *testing.T) {
	s, err := ParseSettings(source.NewFile("e.yml", []byte("a.b: 1\na:\n  b: 2\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Overridden) != 1 || s.Overridden[0].Key != "a.b" || s.Overridden[0].First.Value != "1" || s.Overridden[0].Later.Value != "2" {
		t.Errorf("Overridden = %+v", s.Overridden)
	}
}

func TestParseESBoolean(t *testing.T) {
	for in, want := range map[string]bool{"true": true, "false": false} {
		if got, err := ParseESBoolean(in); err != nil || got != want {
			t.Errorf("ParseESBoolean(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"TRUE", "yes", "", " true", "1", "off"} {
		_, err := ParseESBoolean(in)
		want := "Failed to parse value [" + in + "] as only [true] or [false] are allowed."
		if err == nil || err.Error() != want {
			t.Errorf("ParseESBoolean(%q) err = %v", in, err)
		}
	}
}
