package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// SARIF constants: the schema URI and version written, the tool's name,
// the base id relative artifact URIs resolve against, and the key of the
// partial fingerprint.
const (
	sarifSchemaURI     = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion       = "2.1.0"
	sarifToolName      = "rolemap-lint"
	sarifSrcRoot       = "%SRCROOT%"
	sarifFingerprintID = "rolemapLint/v1"
)

// SARIFOptions control the sarif format.
type SARIFOptions struct {
	// ToolVersion is the driver's version (omitted when empty).
	ToolVersion string
	// RepoURL is the project's web address: the driver's informationUri and
	// the base of every rule's helpUri (default DefaultRepoURL).
	RepoURL string
	// DocsRef is the git ref whose documentation helpUri links to
	// (default "main").
	DocsRef string
	// SrcRoot is the absolute directory that relative result paths are
	// relative to (the working directory). When set, it is recorded as
	// the file URI of %SRCROOT% in originalUriBaseIds; when empty,
	// %SRCROOT% is described but left unresolved, as SARIF allows.
	SrcRoot string
}

// repoFileURL is the web address of a file (with an optional #anchor) in
// the project's repository at DocsRef.
func (o SARIFOptions) repoFileURL(path string) string {
	return strings.TrimSuffix(o.repoURL(), "/") + "/blob/" + o.docsRef() + "/" + path
}

func (o SARIFOptions) repoURL() string {
	if o.RepoURL == "" {
		return DefaultRepoURL
	}
	return o.RepoURL
}

func (o SARIFOptions) docsRef() string {
	if o.DocsRef == "" {
		return "main"
	}
	return o.DocsRef
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

// sarifInvocation carries the findings that have no file, as tool
// execution notifications: GitHub code scanning rejects results without a
// location.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level          string       `json:"level"`
	Message        sarifMessage `json:"message"`
	AssociatedRule sarifRuleRef `json:"associatedRule"`
}

type sarifRuleRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]string `json:"properties,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	ID               int                    `json:"id,omitempty"`
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	Message          *sarifMessage          `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// SARIF writes the result as a SARIF 2.1.0 log that GitHub code scanning
// accepts: one run whose driver lists a rule per check (from rules, in
// their order, then the fixture-test rule), one result per finding and per
// failed fixture test. A finding without a file cannot be a result (code
// scanning requires a location): it becomes a tool execution notification
// of the run's invocation. Paths are relative URIs against %SRCROOT%; columns
// count Unicode code points; partialFingerprints hash the check, file,
// mapping, pointer and message (never line numbers), so a finding keeps
// its identity when lines above it move.
func SARIF(w io.Writer, r *Result, rules []RuleInfo, opt SARIFOptions) error {
	table := newRuleTable(rules, opt)
	fp := fingerprinter{}
	results := []sarifResult{}
	var notes []sarifNotification
	for _, d := range r.Findings {
		res := sarifFinding(d, table, fp)
		if len(res.Locations) == 0 {
			notes = append(notes, sarifNotification{Level: res.Level, Message: res.Message,
				AssociatedRule: sarifRuleRef{ID: res.RuleID, Index: res.RuleIndex}})
			continue
		}
		results = append(results, res)
	}
	for _, t := range r.Tests {
		if !t.Passed {
			results = append(results, sarifTest(t, table, fp))
		}
	}
	root := sarifArtifactLocation{Description: &sarifMessage{
		Text: "The directory rolemap-lint ran in; result paths are relative to it."}}
	if opt.SrcRoot != "" {
		root.URI = dirURI(opt.SrcRoot)
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{{
		Tool: sarifTool{Driver: sarifDriver{Name: sarifToolName, Version: opt.ToolVersion,
			InformationURI: opt.repoURL(), Rules: table.rules}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{sarifSrcRoot: root},
		Results:            results,
		ColumnKind:         "unicodeCodePoints",
	}}}
	if len(notes) > 0 {
		log.Runs[0].Invocations = []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: notes}}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func sarifFinding(d diag.Diagnostic, table *ruleTable, fp fingerprinter) sarifResult {
	level := sarifLevel(d.Level)
	idx := table.lookup(d.Check)
	if d.Level == diag.Default {
		level = table.rules[idx].DefaultConfiguration.Level
	}
	res := sarifResult{
		RuleID: d.Check, RuleIndex: idx, Level: level,
		Message:             sarifMessage{Text: nonEmpty(d.Message, d.Check)},
		PartialFingerprints: fp.of(d.Check, spanFile(d), d.Mapping, d.Pointer, d.Message),
	}
	if loc := spanLocation(d); loc != nil {
		res.Locations = []sarifLocation{{PhysicalLocation: loc}}
	}
	for _, rel := range d.Related {
		if rel.Span.File == nil {
			continue
		}
		loc := spanLocation(diag.Diagnostic{Span: rel.Span})
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID: len(res.RelatedLocations) + 1, PhysicalLocation: loc,
			Message: &sarifMessage{Text: nonEmpty(rel.Message, "related location")}})
	}
	props := map[string]string{}
	if d.Mapping != "" {
		props["mapping"] = d.Mapping
	}
	if d.Pointer != "" {
		props["pointer"] = d.Pointer
	}
	if d.Cluster != "" {
		props["cluster"] = d.Cluster
	}
	if len(props) > 0 {
		res.Properties = props
	}
	return res
}

func sarifTest(t TestResult, table *ruleTable, fp fingerprinter) sarifResult {
	msg := strings.Join(testFailureDetail(t), "\n")
	res := sarifResult{
		RuleID: FixtureTestCheck, RuleIndex: table.lookup(FixtureTestCheck), Level: "error",
		Message:             sarifMessage{Text: msg},
		PartialFingerprints: fp.of(FixtureTestCheck, t.File, "", t.Name, msg),
		Properties:          map[string]string{"test": t.Name},
	}
	if uri, base := artifactURI(t.File); uri != "" {
		loc := &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri, URIBaseID: base}}
		// Code scanning needs a region; a test without a line is reported
		// on its file's first line.
		loc.Region = &sarifRegion{StartLine: max(t.Line, 1)}
		res.Locations = []sarifLocation{{PhysicalLocation: loc}}
	}
	return res
}

// spanLocation is the physical location of a finding's span, or nil when
// the finding has no file.
func spanLocation(d diag.Diagnostic) *sarifPhysicalLocation {
	uri, base := artifactURI(spanFile(d))
	if uri == "" {
		return nil
	}
	rg := d.Span.Range()
	region := &sarifRegion{StartLine: 1}
	if rg.Start.IsValid() {
		region = &sarifRegion{StartLine: rg.Start.Line, StartColumn: rg.Start.Col}
		if rg.End.IsValid() && (rg.End.Line > rg.Start.Line || rg.End.Line == rg.Start.Line && rg.End.Col >= rg.Start.Col) {
			region.EndLine, region.EndColumn = rg.End.Line, rg.End.Col
		}
	}
	return &sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: uri, URIBaseID: base},
		Region:           region,
	}
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// fingerprinter hashes results' stable identities; identical identities
// within one run are told apart by their order of appearance.
type fingerprinter map[string]int

func (f fingerprinter) of(parts ...string) map[string]string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := hex.EncodeToString(h.Sum(nil))
	n := f[sum]
	f[sum] = n + 1
	if n > 0 {
		h.Write([]byte{byte(n), byte(n >> 8), byte(n >> 16), byte(n >> 24)})
		sum = hex.EncodeToString(h.Sum(nil))
	}
	return map[string]string{sarifFingerprintID: sum[:32]}
}
