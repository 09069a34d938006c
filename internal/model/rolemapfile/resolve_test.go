package rolemapfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/dn"
)

const resolveSrc = `security:
  - "cn=avengers,ou=marvel,o=superheros"
  - "cn=shield,ou=marvel,o=superheros"
avenger:
  - "cn=avengers,ou=marvel,o=superheros"
  - "cn=Horatio Hornblower,ou=people,o=sevenSeas"
monitoring: ["cn=ops,dc=example,dc=com"]
skipped: [not-a-dn]
`

func str(s string) *string { return &s }

func TestResolve(t *testing.T) {
	f, _ := Parse(source.NewFile("config/role_mapping.yml", []byte(resolveSrc)), false)
	tests := []struct {
		name     string
		userDN   *string
		groups   []string
		unmapped bool
		want     []string
		wantErr  string
	}{
		{"no groups, no DN", nil, nil, false, []string{}, ""},
		{"one group", nil, []string{"cn=shield,ou=marvel,o=superheros"}, false, []string{"security"}, ""},
		{"many-to-many", nil, []string{"cn=avengers,ou=marvel,o=superheros"}, false, []string{"avenger", "security"}, ""},
		{"case and spacing", nil, []string{"CN=Shield , OU=Marvel,  O=SuperHeros"}, false, []string{"security"}, ""},
		{"semicolon separator", nil, []string{"cn=ops;dc=example;dc=com"}, false, []string{"monitoring"}, ""},
		{"unmapped group ignored", nil, []string{"cn=nobody,dc=x"}, false, []string{}, ""},
		{"unmapped group as role keeps raw case", nil, []string{"CN=Nobody,DC=x"}, true, []string{"Nobody"}, ""},
		{"mapped group gives no relative name", nil, []string{"cn=shield,ou=marvel,o=superheros"}, true, []string{"security"}, ""},
		{"relative names of odd RDNs", nil, []string{"groupName = billionaire , ou = acme", "cn=a+sn=b,o=x"}, true, []string{"a+sn", "billionaire"}, ""},
		{"user DN", str("cn=Horatio Hornblower,ou=people,o=sevenSeas"), nil, false, []string{"avenger"}, ""},
		{"user DN normalized", str("CN=horatio hornblower, OU=People, O=SevenSeas"), nil, false, []string{"avenger"}, ""},
		{"user DN and groups merge", str("cn=Horatio Hornblower,ou=people,o=sevenSeas"), []string{"cn=ops,dc=example,dc=com", "cn=avengers,ou=marvel,o=superheros"}, false, []string{"avenger", "monitoring", "security"}, ""},
		{"empty user DN is the null DN", str(""), nil, false, []string{}, ""},
		{"skipped invalid DN maps nothing", str("not-a-dn"), nil, false, nil, "invalid DN [not-a-dn]"},
		{"invalid group fails", str("cn=Horatio Hornblower,ou=people,o=sevenSeas"), []string{"cn=shield,ou=marvel,o=superheros", "admins"}, false, nil, "invalid DN [admins]: Unable to parse string 'admins' as a DN"},
		{"invalid group fails without unmapped", nil, []string{"admins"}, true, nil, "invalid DN [admins]"},
		{"relative name of empty RDN value", nil, []string{"cn=,dc=x"}, true, nil, "unmapped_groups_as_roles: group [cn=,dc=x]: relative name of \"cn=\""},
		{"relative name of the null DN", nil, []string{""}, true, nil, "java.lang.NullPointerException"},
		{"null DN group without unmapped", nil, []string{""}, false, []string{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := f.Resolve(tt.userDN, tt.groups, tt.unmapped)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveInvalidDNError(t *testing.T) {
	f, _ := Parse(source.NewFile("role_mapping.yml", []byte(resolveSrc)), false)
	_, err := f.Resolve(nil, []string{"admins"}, false)
	var ide *InvalidDNError
	if !errors.As(err, &ide) || ide.Input != "admins" {
		t.Fatalf("err = %#v, want *InvalidDNError", err)
	}
	var pe *dn.ParseError
	if !errors.As(err, &pe) || pe.Key != dn.KeyNoEqualSign {
		t.Errorf("cause = %#v, want UnboundID's no-equal-sign error", err)
	}
	if _, err := f.Resolve(nil, []string{""}, true); !errors.Is(err, dn.ErrNullDN) {
		t.Errorf("null DN relative name: err = %v", err)
	}
}

func TestResolveNilFile(t *testing.T) {
	var f *File
	got, err := f.Resolve(str("cn=a"), []string{"cn=Shield,o=x", "ou=b"}, true)
	if err != nil || !cmp.Equal(got, []string{"Shield", "b"}) {
		t.Errorf("nil File: %v, %v", got, err)
	}
	if _, err := f.Resolve(nil, []string{"bad"}, false); err == nil {
		t.Error("nil File: invalid group accepted")
	}
}

func TestExplain(t *testing.T) {
	f, _ := Parse(source.NewFile("config/role_mapping.yml", []byte(resolveSrc)), false)
	grants, err := f.Explain(str("cn=Horatio Hornblower,ou=people,o=sevenSeas"),
		[]string{"CN=Avengers,OU=Marvel,O=Superheros", "cn=hulk,o=x"}, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range grants {
		got = append(got, g.Role+": "+g.String())
	}
	want := []string{
		`avenger: granted by config/role_mapping.yml:5 (group "CN=Avengers,OU=Marvel,O=Superheros")`,
		`security: granted by config/role_mapping.yml:2 (group "CN=Avengers,OU=Marvel,O=Superheros")`,
		`hulk: granted by unmapped_groups_as_roles (group "cn=hulk,o=x" is not in the role mapping file)`,
		`avenger: granted by config/role_mapping.yml:6 (user DN "cn=Horatio Hornblower,ou=people,o=sevenSeas")`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grants (-want +got):\n%s", diff)
	}
	if grants[0].Kind != ByGroup || grants[2].Kind != ByUnmappedGroup || grants[3].Kind != ByUserDN {
		t.Errorf("kinds %v %v %v", grants[0].Kind, grants[2].Kind, grants[3].Kind)
	}
	if grants[0].Normalized != "cn=avengers,ou=marvel,o=superheros" || len(grants[2].Entries) != 0 {
		t.Errorf("grant details %+v %+v", grants[0], grants[2])
	}
}

func TestExplainDuplicateEntries(t *testing.T) {
	f, _ := Parse(source.NewFile("rm.yml", []byte("r:\n  - cn=a,o=x\n  - CN=A,O=X\n")), false)
	grants, err := f.Explain(nil, []string{"cn=a,o=x"}, false)
	if err != nil || len(grants) != 1 || len(grants[0].Entries) != 2 || grants[0].Entries[1].Location() != "rm.yml:3" {
		t.Fatalf("grants %+v, err %v", grants, err)
	}
}
