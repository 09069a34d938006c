package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *jsonschema.Schema
	sarifSchemaErr  error
)

// validateSARIF checks out against the official SARIF 2.1.0 schema
// (testdata/sarif-schema-2.1.0.json, errata01), formats asserted.
func validateSARIF(t testing.TB, out []byte) {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
		if err != nil {
			sarifSchemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			sarifSchemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
			sarifSchemaErr = err
			return
		}
		sarifSchema, sarifSchemaErr = c.Compile("sarif-schema-2.1.0.json")
	})
	if sarifSchemaErr != nil {
		t.Fatalf("loading the SARIF schema: %v", sarifSchemaErr)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, out)
	}
	if err := sarifSchema.Validate(inst); err != nil {
		t.Fatalf("SARIF output fails the 2.1.0 schema: %v", err)
	}
}

func sarifOf(t testing.TB, r *Result, rules []RuleInfo, opt SARIFOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, r, rules, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSARIFGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		res    *Result
		rules  []RuleInfo
		opt    SARIFOptions
	}{
		{"sample.sarif.golden", sampleResult(t), sampleRules(), SARIFOptions{ToolVersion: "1.2.3"}},
		{"empty.sarif.golden", emptyResult(), nil, SARIFOptions{SrcRoot: "/home/ci/work space",
			RepoURL: "https://example.com/fork/", DocsRef: "v1.0.0"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			out := sarifOf(t, tc.res, tc.rules, tc.opt)
			validateSARIF(t, out)
			checkGolden(t, tc.golden, out)
		})
	}
}

// sarifDoc is the part of a SARIF log the tests inspect.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID                   string                 `json:"id"`
					Name                 string                 `json:"name"`
					HelpURI              string                 `json:"helpUri"`
					ShortDescription     sarifText              `json:"shortDescription"`
					FullDescription      sarifText              `json:"fullDescription"`
					Help                 sarifText              `json:"help"`
					DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
					Properties           map[string]any         `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		ColumnKind string `json:"columnKind"`
		Results    []struct {
			RuleID              string `json:"ruleId"`
			RuleIndex           int    `json:"ruleIndex"`
			Level               string `json:"level"`
			Message             struct{ Text string }
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region map[string]int `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			RelatedLocations []json.RawMessage `json:"relatedLocations"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t testing.TB, out []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(doc.Runs))
	}
	return doc
}

func TestSARIFContent(t *testing.T) {
	res := sampleResult(t)
	doc := decodeSARIF(t, sarifOf(t, res, sampleRules(), SARIFOptions{ToolVersion: "1.2.3", SrcRoot: "/work/repo"}))
	run := doc.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///work/repo/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	d := run.Tool.Driver
	if d.Version != "1.2.3" || d.InformationURI != DefaultRepoURL {
		t.Errorf("driver version/informationUri = %q, %q", d.Version, d.InformationURI)
	}
	ids := []string{}
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	// Caller's rules in order, then fixture-test, then checks no rule described.
	wantIDs := "invalid-pattern privileged-broad-grant schema disabled-mapping duplicate-name fixture-test undocumented-check"
	if strings.Join(ids, " ") != wantIDs {
		t.Errorf("rules = %v, want %s", ids, wantIDs)
	}
	ip := d.Rules[0]
	if ip.HelpURI != DefaultRepoURL+"/blob/main/docs/checks.md#invalid-pattern" || ip.Name != "InvalidPattern" ||
		ip.DefaultConfiguration.Level != "error" || ip.FullDescription.Text != "A value starting with / must end with /." ||
		!strings.Contains(ip.Help.Markdown, "Second paragraph with `code`.") || !strings.Contains(ip.Help.Text, "Documentation: "+ip.HelpURI) {
		t.Errorf("invalid-pattern rule = %+v", ip)
	}
	if sev := d.Rules[1].Properties["security-severity"]; sev != "8.0" {
		t.Errorf("security-severity of a security error = %v, want \"8.0\"", sev)
	}
	if tags := d.Rules[1].Properties["tags"].([]any); tags[len(tags)-1] != "security" {
		t.Errorf("security rule tags = %v", tags)
	}
	if _, ok := d.Rules[0].Properties["security-severity"]; ok {
		t.Error("a non-security rule has a security-severity")
	}
	if d.Rules[2].FullDescription.Text != "unknown top-level field" {
		t.Errorf("rule without Doc: fullDescription = %q, want the summary", d.Rules[2].FullDescription.Text)
	}
	if d.Rules[3].DefaultConfiguration.Level != "note" {
		t.Errorf("info rule level = %q", d.Rules[3].DefaultConfiguration.Level)
	}
	if ft := d.Rules[5]; ft.HelpURI != DefaultRepoURL+"/blob/main/docs/usage.md#fixtures" {
		t.Errorf("fixture-test helpUri = %q", ft.HelpURI)
	}
	if un := d.Rules[6]; un.HelpURI != "" || un.ShortDescription.Text != "undocumented-check" {
		t.Errorf("undescribed check's rule = %+v", un)
	}

	// One result per finding, then one per failed test.
	if len(run.Results) != len(res.Findings)+res.Summary.Failed {
		t.Fatalf("%d results, want %d", len(run.Results), len(res.Findings)+res.Summary.Failed)
	}
	for i, r := range run.Results {
		if d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d is %s, ruleId %s", i, r.RuleIndex, d.Rules[r.RuleIndex].ID, r.RuleID)
		}
		if len(r.PartialFingerprints["rolemapLint/v1"]) != 32 {
			t.Errorf("result %d: fingerprints %v", i, r.PartialFingerprints)
		}
	}
	first := run.Results[0]
	loc := first.Locations[0].PhysicalLocation
	wantRegion := map[string]int{"startLine": 4, "startColumn": 35, "endLine": 4, "endColumn": 44}
	if loc.ArtifactLocation.URI != "mappings/a.json" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || !equalRegion(loc.Region, wantRegion) {
		t.Errorf("first location = %+v", loc)
	}
	if first.Level != "error" || first.Message.Text != res.Findings[0].Message {
		t.Errorf("first result level/message = %q, %q", first.Level, first.Message.Text)
	}
	if got := run.Results[2].Locations[0].PhysicalLocation.Region; !equalRegion(got, map[string]int{"startLine": 5, "startColumn": 15, "endLine": 5, "endColumn": 25}) {
		t.Errorf("non-ASCII columns count code points: region %v", got)
	}
	if got := run.Results[3].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "mappings/odd%3Aname%2C1%20%C3%A9.yaml" {
		t.Errorf("escaped URI = %q", got)
	}
	if got := run.Results[3].Locations[0].PhysicalLocation.Region; !equalRegion(got, map[string]int{"startLine": 3, "startColumn": 3, "endLine": 4, "endColumn": 12}) {
		t.Errorf("multi-line region = %v", got)
	}
	if run.Results[4].Level != "note" || len(run.Results[5].RelatedLocations) != 1 {
		t.Errorf("info level %q, related locations %d", run.Results[4].Level, len(run.Results[5].RelatedLocations))
	}
	tests := run.Results[len(res.Findings):]
	if tests[0].RuleID != FixtureTestCheck || tests[0].Level != "error" ||
		!strings.Contains(tests[0].Message.Text, "missing roles [reader]; unexpected roles [superuser]") ||
		!strings.Contains(tests[0].Message.Text, "superuser granted by mappings/a.json:1 a") {
		t.Errorf("failed test result = %+v", tests[0])
	}
	if got := tests[0].Locations[0].PhysicalLocation.Region; !equalRegion(got, map[string]int{"startLine": 9}) {
		t.Errorf("test region = %v", got)
	}
}

func equalRegion(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

// TestSARIFFingerprintStable: moving a finding to other lines keeps its
// fingerprint; changing its identity or repeating it changes it.
func TestSARIFFingerprintStable(t *testing.T) {
	fingerprint := func(content, msg string, extra int) []string {
		f := source.NewFile("m.json", []byte(content))
		var ds []diag.Diagnostic
		for i := 0; i <= extra; i++ {
			ds = append(ds, diag.Diagnostic{Check: "schema", Level: diag.Error, Message: msg, Mapping: "m",
				Pointer: "/x", Span: spanOf(t, f, `"x"`)})
		}
		doc := decodeSARIF(t, sarifOf(t, &Result{Findings: ds}, nil, SARIFOptions{}))
		var out []string
		for _, r := range doc.Runs[0].Results {
			out = append(out, r.PartialFingerprints["rolemapLint/v1"])
		}
		return out
	}
	base := fingerprint(`{"x": 1}`, "unknown field", 0)[0]
	if moved := fingerprint("\n\n\n{\n  \"y\": 2,\n  \"x\": 1}", "unknown field", 0)[0]; moved != base {
		t.Errorf("fingerprint changed when the finding moved: %s vs %s", moved, base)
	}
	if other := fingerprint(`{"x": 1}`, "another message", 0)[0]; other == base {
		t.Error("fingerprint ignores the message")
	}
	twice := fingerprint(`{"x": 1}`, "unknown field", 1)
	if twice[0] != base || twice[1] == base {
		t.Errorf("repeated finding fingerprints = %v (base %s)", twice, base)
	}
}

func TestArtifactURI(t *testing.T) {
	for _, tc := range []struct{ name, uri, base string }{
		{"a.json", "a.json", "%SRCROOT%"},
		{"./dir/a b.json", "dir/a%20b.json", "%SRCROOT%"},
		{"c:x.json", "c%3Ax.json", "%SRCROOT%"},
		{"../up/x#y?.yaml", "../up/x%23y%3F.yaml", "%SRCROOT%"},
		{"ü/100%.yml", "%C3%BC/100%25.yml", "%SRCROOT%"},
		{"/abs/p.json", "file:///abs/p.json", ""},
		{"", "", ""},
	} {
		uri, base := artifactURI(tc.name)
		if uri != tc.uri || base != tc.base {
			t.Errorf("artifactURI(%q) = %q, %q; want %q, %q", tc.name, uri, base, tc.uri, tc.base)
		}
	}
	if got := dirURI("/home/ci/src"); got != "file:///home/ci/src/" {
		t.Errorf("dirURI = %q", got)
	}
}

// TestSARIFNoFile: a finding without a file becomes a tool execution
// notification, since code scanning rejects results without a location; a
// default level takes the rule's.
func TestSARIFNoFile(t *testing.T) {
	res := &Result{Findings: []diag.Diagnostic{{Check: "disabled-mapping", Message: ""}}}
	out := sarifOf(t, res, sampleRules(), SARIFOptions{})
	validateSARIF(t, out)
	var doc struct {
		Runs []struct {
			Results     []any `json:"results"`
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level          string
					Message        struct{ Text string }
					AssociatedRule struct {
						ID    string
						Index int
					} `json:"associatedRule"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if len(run.Results) != 0 || len(run.Invocations) != 1 || len(run.Invocations[0].ToolExecutionNotifications) != 1 {
		t.Fatalf("run = %+v", run)
	}
	n := run.Invocations[0].ToolExecutionNotifications[0]
	if !run.Invocations[0].ExecutionSuccessful || n.Level != "note" || n.Message.Text != "disabled-mapping" ||
		n.AssociatedRule.ID != "disabled-mapping" || n.AssociatedRule.Index != 3 {
		t.Errorf("notification = %+v", n)
	}
}

// FuzzSARIF: any message, file name and span gives schema-valid SARIF.
func FuzzSARIF(f *testing.F) {
	f.Add("a.json", "{\"x\": 1}", "msg", 1, 4)
	f.Add("odd:name,é.yaml", "a: \"<&>\"\n\x00\xff", "100%\n\r<x>", 0, 9)
	f.Add("/abs/x y.json", "", "", 0, 0)
	f.Fuzz(func(t *testing.T, name, content, msg string, start, end int) {
		file := source.NewFile(name, []byte(content))
		start = clamp(start, len(content))
		end = clamp(end, len(content))
		res := &Result{Findings: []diag.Diagnostic{{Check: "schema", Level: diag.Error, Message: msg,
			Span: source.Span{File: file, Start: start, End: end}, Mapping: msg, Pointer: name}},
			Tests: []TestResult{{Name: msg, File: name, Line: start, Missing: []string{msg}}}}
		validateSARIF(t, sarifOf(t, res, []RuleInfo{{ID: "schema", Summary: msg, Doc: msg}}, SARIFOptions{SrcRoot: name}))
	})
}

func clamp(n, limit int) int {
	if n < 0 {
		n = -n
	}
	if limit == 0 {
		return 0
	}
	return n % (limit + 1)
}
