package rolemapfile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// render prints a finding as "line:col-line:col level" for comparison.
func render(d diag.Diagnostic) string {
	r := d.Span.Range()
	return fmt.Sprintf("%d:%d-%d:%d %s", r.Start.Line, r.Start.Col, r.End.Line, r.End.Col, d.Level)
}

// finding is an expected finding: position, level and a message fragment.
type finding struct {
	at, msg string
}

func TestParseFindings(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		strict bool
		want   []finding
	}{
		{"valid list", "admin:\n  - \"cn=admins,dc=example,dc=com\"\n  - cn=root,dc=example,dc=com\n", false, nil},
		{"empty file", "", false, nil},
		{"comments only", "# roleA:\n#   - groupA-DN\n", false, nil},
		{"same DN for two roles", "a: [\"cn=x,dc=y\"]\nb: [\"CN=X, DC=Y\"]\n", false, nil},
		{"comma split scalar", "superuser: \"cn=admins,dc=example,dc=com\"\n", false, []finding{
			{"1:12-1:41 error", `role [superuser]: the string "cn=admins,dc=example,dc=com" is not a list, so Elasticsearch splits it on commas (Settings.getAsList) and reads 3 DNs [cn=admins], [dc=example], [dc=com] instead of one DN; write a YAML list: superuser: ["cn=admins,dc=example,dc=com"]`}}},
		{"comma split plain scalar", "r: cn=a, cn=b\n", false, []finding{{"1:4-1:14 error", "reads 2 DNs [cn=a], [cn=b]"}}},
		{"trailing comma is dropped", "r: \"cn=a,\"\n", false, nil},
		{"no comma no split", "r: cn=a\n", false, nil},
		{"wildcard", "ops:\n  - \"cn=*,ou=groups,dc=x\"\n", false, []finding{
			{"2:5-2:26 error", `role [ops]: "cn=*,ou=groups,dc=x" looks like a wildcard pattern, but role_mapping.yml has no patterns`}}},
		{"regex", "ops: [\"/cn=.*/\"]\n", false, []finding{{"1:7-1:16 error", "looks like a regular expression"}}},
		{"wildcard that is no DN either", "ops: [\"*,ou=x\"]\n", false, []finding{
			{"1:7-1:15 error", "; it is not even a valid DN: invalid DN [*,ou=x] found in role mappings [role_mapping.yml]. skipping..."}}},
		{"invalid DN lenient", "role: not-a-dn\n", false, []finding{
			{"1:7-1:15 warning", "invalid DN [not-a-dn] found in role mappings [role_mapping.yml]. skipping... Elasticsearch ignores this DN (it would refuse to start if the realm set files.role_mapping explicitly). Unable to parse string 'not-a-dn' as a DN because it does not have an equal sign after RDN attribute 'not-a-dn'."}}},
		{"invalid DN strict", "role:\n  - cn=ok\n  - not-a-dn\n", true, []finding{
			{"3:5-3:13 error", "invalid DN [not-a-dn] found in role mappings [role_mapping.yml]. Elasticsearch refuses to start: the realm sets files.role_mapping"}}},
		{"boolean scalar", "role: yes\n", false, []finding{
			{"1:7-1:10 warning", `invalid DN [true] found in role mappings [role_mapping.yml]. skipping... Elasticsearch ignores this DN (it would refuse to start if the realm set files.role_mapping explicitly). Unable to parse string 'true' as a DN because it does not have an equal sign after RDN attribute 'true'. (the unquoted value "yes" is a YAML 1.1 boolean for Elasticsearch's YAML parser, which reads it as [true]; quote DNs and write them as a YAML list)`}}},
		{"boolean in list keeps its text", "role: [yes]\n", false, []finding{{"1:8-1:11 warning", "invalid DN [yes]"}}},
		{"number in list", "role: [12]\n", false, []finding{{"1:8-1:10 warning", "the value is a YAML number, which Elasticsearch reads as [12]"}}},
		{"alias", "a: &x [cn=z]\nb: *x\n", false, []finding{
			{"2:4-2:6 warning", `the value is the YAML alias *x, which Elasticsearch's YAML parser does not expand: it reads the string "x"`}}},
		{"duplicate DN for one role", "r:\n  - cn=a,dc=x\n  - \"CN=A, DC=X\"\n", false, []finding{
			{"3:5-3:17 warning", `role [r]: DN "CN=A, DC=X" is already listed for this role at line 2 (both normalize to "cn=a,dc=x"); remove the duplicate`}}},
		{"null DN", "r: [\"\", \" \"]\n", false, []finding{
			{"1:5-1:7 warning", `role [r]: "" is the empty (null) DN`},
			{"1:9-1:12 warning", `role [r]: " " is the empty (null) DN`},
			{"1:9-1:12 warning", `DN " " is already listed for this role at line 1`}}},
		{"empty list", "r: []\n", false, []finding{{"1:4-1:6 info", "role [r] lists no DNs: it maps nothing"}}},
		{"empty string", "r: \"\"\n", false, []finding{{"1:4-1:6 info", "role [r] lists no DNs"}}},
		{"dotted role name", "kibana.admin: [cn=k]\n", false, []finding{
			{"1:1-1:13 error", "role name [kibana.admin] contains a dot: Elasticsearch flattens keys into dotted settings and takes role names from the part before the first dot ([kibana]), then reads no DN from [kibana.admin]"}}},
		{"nested mapping", "nest:\n  sub: [cn=n]\n", false, []finding{
			{"2:3-2:6 error", "the value of role [nest] is a mapping: Elasticsearch flattens it into the setting [nest.sub] and reads no DN from it"}}},
		{"numbered list with a gap", "r:\n  0: cn=a\n  2: cn=c\n", false, []finding{
			{"3:3-3:4 error", "[r.2] is not part of the numbered list [r]"}}},
		{"numbered list", "r:\n  0: cn=a\n  1: cn=b\n", false, nil},
		{"empty role name", "\"\": [cn=a]\n", false, []finding{{"1:1-1:3 warning", `the empty role name`}}},
		{"role name with spaces", "\" admin\": [cn=a]\n", false, []finding{{"1:1-1:9 warning", `role name " admin" has leading or trailing spaces`}}},
		{"invalid YAML", "a: [b\n", false, []finding{
			{"1:1-1:6 error", `Elasticsearch cannot read this role mapping file (invalid YAML: did not find expected ',' or ']'): it logs "failed to parse role mappings file [role_mapping.yml]. skipping/removing all mappings..." and maps no DN from it`}}},
		{"invalid YAML strict", "a: [b\n", true, []finding{
			{"1:1-1:6 error", "Elasticsearch cannot read this role mapping file and fails to start: could not read role mappings file [role_mapping.yml] (invalid YAML"}}},
		{"duplicate key", "a: [cn=x]\nb: [cn=y]\na: [cn=z]\n", false, []finding{
			{"3:1-3:2 error", "(Duplicate field 'a' (first defined at line 1))"}}},
		{"null value", "a: [cn=x]\nb:\n", true, []finding{
			{"2:3-2:3 error", "fails to start: null-valued setting found for key [b] found at line number [2], column number [3]"}}},
		{"second document", "a: [cn=x]\n---\nb: [cn=y]\n", false, []finding{{"3:1-3:2 error", "malformed, expected end of settings"}}},
		{"list of lists", "a: [[cn=x]]\n", false, []finding{{"1:5-1:6 error", "only value lists are allowed in serialized settings"}}},
		{"not a mapping", "- cn=x\n", false, []finding{{"1:1-1:2 error", "expecting token of type [START_OBJECT]"}}},
		{"columns count code points", "rôle: [\"cn=é*\"]\n", false, []finding{{"1:8-1:15 error", "looks like a wildcard pattern"}}},
		{"CRLF", "r:\r\n  - not-a-dn\r\n", false, []finding{{"2:5-2:13 warning", "invalid DN [not-a-dn]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse(source.NewFile("role_mapping.yml", []byte(tt.src)), tt.strict)
			if len(diags) != len(tt.want) {
				for _, d := range diags {
					t.Logf("%s %s", render(d), d.Message)
				}
				t.Fatalf("%d findings, want %d", len(diags), len(tt.want))
			}
			for i, d := range diags {
				if d.Check != Check {
					t.Errorf("finding %d: check %q", i, d.Check)
				}
				if got := render(d); got != tt.want[i].at || !strings.Contains(d.Message, tt.want[i].msg) {
					t.Errorf("finding %d:\n got %s %s\nwant %s …%s…", i, got, d.Message, tt.want[i].at, tt.want[i].msg)
				}
			}
		})
	}
}

func TestParseRealmMessages(t *testing.T) {
	src := source.NewFile("config/role_mapping.yml", []byte("role: not-a-dn\n"))
	opts := Options{Strict: true, RealmType: "ldap", RealmName: "corp", Path: "/etc/es/role_mapping.yml"}
	f, diags := ParseOptions(src, opts)
	want := "invalid DN [not-a-dn] found in [ldap] role mappings [/etc/es/role_mapping.yml] for realm [ldap/corp]."
	if f.StrictError != want {
		t.Errorf("StrictError = %q, want %q", f.StrictError, want)
	}
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Message, want) || diags[0].Level != diag.Error {
		t.Errorf("findings = %v", diags)
	}

	f, diags = ParseOptions(source.NewFile("config/role_mapping.yml", []byte("a: [b\n")), opts)
	if want := "could not read realm [ldap/corp] role mappings file [/etc/es/role_mapping.yml]"; f.StrictError != want {
		t.Errorf("StrictError = %q, want %q", f.StrictError, want)
	}
	if f.Readable || len(f.Mappings) != 0 || len(diags) != 1 {
		t.Errorf("unreadable file: readable %v, mappings %v, findings %v", f.Readable, f.Mappings, diags)
	}

	opts.Path = "/etc/es/role_mapping.txt"
	f, diags = ParseOptions(source.NewFile("config/role_mapping.txt", []byte("a: [cn=x]\n")), opts)
	if want := "unable to detect content type from resource name [role_mapping.txt]"; f.StrictError != want {
		t.Errorf("StrictError = %q, want %q", f.StrictError, want)
	}
	if len(f.Mappings) != 0 || len(diags) != 1 || render(diags[0]) != "1:1-1:2 error" {
		t.Errorf("unknown extension: mappings %v, findings %v", f.Mappings, diags)
	}
	for _, name := range []string{"role_mapping.yaml", "roles.json", "x.yml"} {
		if f, _ := ParseOptions(source.NewFile(name, []byte("a: [cn=x]\n")), Options{}); len(f.Mappings) != 1 {
			t.Errorf("%s: mappings %v", name, f.Mappings)
		}
	}
	if f, _ := ParseOptions(source.NewFile("ROLE_MAPPING.YML", []byte("a: [cn=x]\n")), Options{}); len(f.Mappings) != 0 || f.StrictError == "" {
		t.Errorf("Java's endsWith is case-sensitive: %v %q", f.Mappings, f.StrictError)
	}
}

func TestParseMappings(t *testing.T) {
	src := `# comment
security:
  - "cn=avengers,ou=marvel,o=superheros"
  - "cn=shield,ou=marvel,o=superheros"
avenger:
  - "CN=Avengers, OU=Marvel, O=Superheros"
  - "cn=Horatio Hornblower,ou=people,o=sevenSeas"
split: "cn=a,dc=b"
kibana.admin: ["cn=lost"]
nest: {x: ["cn=lost2"]}
numbered: {0: "cn=n0", 1: "cn=n1"}
bad: [not-a-dn, "cn=*,dc=x"]
`
	f, _ := Parse(source.NewFile("role_mapping.yml", []byte(src)), false)
	want := map[string][]string{
		"cn=avengers,ou=marvel,o=superheros":          {"avenger", "security"},
		"cn=shield,ou=marvel,o=superheros":            {"security"},
		"cn=horatio hornblower,ou=people,o=sevenseas": {"avenger"},
		"cn=a":      {"split"},
		"dc=b":      {"split"},
		"cn=n0":     {"numbered"},
		"cn=n1":     {"numbered"},
		"cn=*,dc=x": {"bad"},
	}
	if diff := cmp.Diff(want, f.Mappings); diff != "" {
		t.Errorf("mappings (-want +got):\n%s", diff)
	}
	var names []string
	for _, r := range f.Roles {
		names = append(names, fmt.Sprintf("%s@%d:%d/%d", r.Name, r.KeySpan.Range().Start.Line, r.KeySpan.Range().Start.Col, len(r.Entries)))
	}
	wantNames := []string{"security@2:1/2", "avenger@5:1/2", "split@8:1/2", "kibana@9:1/0", "nest@10:1/0", "numbered@11:1/2", "bad@12:1/2"}
	if diff := cmp.Diff(wantNames, names); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
	var entries []string
	for _, e := range f.Entries {
		r := e.Span.Range()
		entries = append(entries, fmt.Sprintf("%s %d:%d-%d:%d %v", e.Text, r.Start.Line, r.Start.Col, r.End.Line, r.End.Col, e.Valid()))
	}
	wantEntries := []string{
		"cn=avengers,ou=marvel,o=superheros 3:5-3:41 true",
		"cn=shield,ou=marvel,o=superheros 4:5-4:39 true",
		"CN=Avengers, OU=Marvel, O=Superheros 6:5-6:43 true",
		"cn=Horatio Hornblower,ou=people,o=sevenSeas 7:5-7:50 true",
		"cn=a 8:9-8:13 true",
		"dc=b 8:14-8:18 true",
		"cn=n0 11:15-11:22 true",
		"cn=n1 11:27-11:34 true",
		"not-a-dn 12:7-12:15 false",
		"cn=*,dc=x 12:17-12:28 true",
	}
	if diff := cmp.Diff(wantEntries, entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if got := f.EntriesFor("cn=avengers,ou=marvel,o=superheros", "avenger"); len(got) != 1 || got[0].Location() != "role_mapping.yml:6" {
		t.Errorf("EntriesFor = %v", got)
	}
	if want := "invalid DN [not-a-dn] found in role mappings [role_mapping.yml]."; f.StrictError != want {
		t.Errorf("StrictError = %q, want %q", f.StrictError, want)
	}
}

func TestParseUTF16(t *testing.T) {
	// DnRoleMapperTests writes "aldlfkjldjdflkjd" in UTF-16: unreadable.
	f, diags := Parse(source.NewFile("role_mapping.yml", caseContent(t, "<UTF-16 encoded 'aldlfkjldjdflkjd'>")), true)
	if f.Readable || len(f.Mappings) != 0 || !strings.Contains(f.StrictError, "could not read") {
		t.Errorf("readable %v, mappings %v, strict error %q", f.Readable, f.Mappings, f.StrictError)
	}
	if len(diags) != 1 || diags[0].Level != diag.Error {
		t.Errorf("findings %v", diags)
	}
}

func TestParseNilFile(t *testing.T) {
	f, diags := Parse(nil, false)
	if f == nil || len(f.Mappings) != 0 || len(diags) != 0 {
		t.Errorf("Parse(nil) = %v, %v", f, diags)
	}
}

func TestMissingFile(t *testing.T) {
	tests := []struct {
		strict bool
		want   string
		level  diag.Level
	}{
		{true, "Role mapping file [/etc/es/rm.yml] for realm [ldap1] does not exist.", diag.Error},
		{false, "Role mapping file [/etc/es/rm.yml] for realm [ldap1] does not exist. Role mapping will be skipped.", diag.Info},
	}
	for _, tt := range tests {
		if got := MissingFileMessage("/etc/es/rm.yml", "ldap1", tt.strict); got != tt.want {
			t.Errorf("MissingFileMessage(strict=%v) = %q, want %q", tt.strict, got, tt.want)
		}
		d := MissingFileDiagnostic(source.Span{}, "/etc/es/rm.yml", "ldap1", tt.strict)
		if d.Check != Check || d.Level != tt.level || !strings.HasSuffix(d.Message, tt.want) {
			t.Errorf("MissingFileDiagnostic(strict=%v) = %+v", tt.strict, d)
		}
	}
}
