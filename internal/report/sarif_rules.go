package report

import (
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// DefaultRepoURL is the project's home page: the SARIF driver's
// informationUri and the base of each rule's helpUri.
const DefaultRepoURL = "https://github.com/rolemap-lint/rolemap-lint"

// RuleInfo describes one check for the sarif format. Callers fill it from
// lint.All(); report does not import lint.
type RuleInfo struct {
	// ID is the stable check id.
	ID string
	// Summary is the one-line description.
	Summary string
	// Doc is the Markdown documentation.
	Doc string
	// Level is the check's default level.
	Level diag.Level
	// Security marks checks whose findings are security hazards.
	Security bool
	// HelpPath overrides where the documentation lives, as a path in the
	// repository with an optional #anchor (default "docs/checks.md#ID").
	HelpPath string
}

// fixtureTestRule describes the fixture-test pseudo-check.
var fixtureTestRule = RuleInfo{
	ID:      FixtureTestCheck,
	Summary: "a fixture test failed: the mappings do not grant the roles it expects",
	Doc: "A fixture test (a `*_test.yaml`, `*_test.yml` or `*_test.json` file) declares a user and the roles " +
		"Elasticsearch must give them. The test failed: the user's effective roles, computed from every enabled, " +
		"valid mapping, miss an expected role, include an excluded or unexpected one, or resolution did not fail " +
		"with the expected error. The message lists the missing and unexpected roles and the mappings that granted them.",
	Level:    diag.Error,
	HelpPath: "docs/usage.md#fixtures",
}

// sarifRule is a reportingDescriptor.
type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

// sarifText is a multiformatMessageString (text, optionally Markdown).
type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// sarifRuleConfig is a reportingConfiguration.
type sarifRuleConfig struct {
	Level string `json:"level"`
}

// sarifRuleProps are a rule's properties as GitHub code scanning reads them.
type sarifRuleProps struct {
	Tags []string `json:"tags"`
	// SecuritySeverity is GitHub's 0.0–10.0 score, as a string; only for
	// security checks.
	SecuritySeverity string `json:"security-severity,omitempty"`
}

// ruleTable is the run's rules with their indexes by id.
type ruleTable struct {
	rules []sarifRule
	index map[string]int
}

// newRuleTable builds the rules from infos (in their order), then the
// fixture-test rule unless infos has one.
func newRuleTable(infos []RuleInfo, opt SARIFOptions) *ruleTable {
	t := &ruleTable{index: map[string]int{}}
	for _, info := range append(infos[:len(infos):len(infos)], fixtureTestRule) {
		path := info.HelpPath
		if path == "" {
			path = "docs/checks.md#" + info.ID
		}
		t.add(info, opt.repoFileURL(path))
	}
	return t
}

// add appends info, documented at help, unless a rule with its id exists.
func (t *ruleTable) add(info RuleInfo, help string) int {
	if i, ok := t.index[info.ID]; ok {
		return i
	}
	t.index[info.ID] = len(t.rules)
	t.rules = append(t.rules, buildRule(info, help))
	return len(t.rules) - 1
}

// lookup returns the index of the rule id, adding a bare rule for a check
// the caller did not describe so that every result has a ruleIndex.
func (t *ruleTable) lookup(id string) int {
	if i, ok := t.index[id]; ok {
		return i
	}
	return t.add(RuleInfo{ID: id, Level: diag.Warning}, "")
}

func buildRule(info RuleInfo, help string) sarifRule {
	summary := strings.TrimSpace(info.Summary)
	if summary == "" {
		summary = info.ID
	}
	doc := strings.TrimSpace(info.Doc)
	if doc == "" {
		doc = summary
	}
	r := sarifRule{
		ID:                   info.ID,
		ShortDescription:     sarifText{Text: summary},
		FullDescription:      sarifText{Text: plainText(firstParagraph(doc)), Markdown: firstParagraph(doc)},
		Help:                 sarifText{Text: plainText(doc), Markdown: doc},
		HelpURI:              help,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(info.Level)},
		Properties:           sarifRuleProps{Tags: []string{"elasticsearch", "role-mapping"}},
	}
	// The friendly name must differ from the id (multitool SARIF1001
	// compares them ignoring case); a one-word id has none.
	if name := pascalCase(info.ID); !strings.EqualFold(name, info.ID) {
		r.Name = name
	}
	if help != "" {
		r.Help.Text += "\n\nDocumentation: " + help
		r.Help.Markdown += "\n\n[Documentation](" + help + ")"
	}
	if info.Security {
		r.Properties.Tags = append(r.Properties.Tags, "security")
		r.Properties.SecuritySeverity = securitySeverity(info.Level)
	}
	return r
}

// securitySeverity scores a security check by its default level on
// GitHub's scale (over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
// 0.1–3.9 low): errors high, warnings medium, infos low.
func securitySeverity(l diag.Level) string {
	switch l {
	case diag.Error:
		return "8.0"
	case diag.Info:
		return "2.0"
	}
	return "5.0"
}

// sarifLevel maps a level to a SARIF result level.
func sarifLevel(l diag.Level) string {
	switch l {
	case diag.Error:
		return "error"
	case diag.Info:
		return "note"
	case diag.Off:
		return "none"
	}
	return "warning" // SARIF's default level (§3.27.10)
}

// pascalCase turns a kebab-case id into the friendly rule name SARIF
// recommends ("invalid-pattern" → "InvalidPattern").
func pascalCase(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		switch {
		case r == '-' || r == '_' || r == ' ':
			upper = true
		case upper:
			b.WriteString(strings.ToUpper(string(r)))
			upper = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// firstParagraph is the text up to the first blank line.
func firstParagraph(doc string) string {
	if i := strings.Index(doc, "\n\n"); i >= 0 {
		return strings.TrimSpace(doc[:i])
	}
	return doc
}

// plainText drops the code-span backticks of check documentation, the only
// Markdown it uses inline.
func plainText(md string) string {
	return strings.ReplaceAll(md, "`", "")
}
