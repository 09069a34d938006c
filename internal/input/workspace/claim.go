package workspace

import (
	"fmt"
	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/suggest"
)

// Which files are role mappings (docs/usage.md, "Which files are role
// mappings"): explicit is strict, discovered is conservative. A file the
// config claims (`mappings`, `role_mapping_files`, a realm's
// `role_mapping_file`) is read whole and anything in it that is not a
// role mapping source is a finding. Any other JSON/YAML file — found by a
// walk or named on the command line alike — is read only when its content
// carries a role-mapping signature (signature.go); otherwise it is skipped
// and counted, and its parse problems are none of rolemap-lint's business.

// Verdict is what becomes of one JSON/YAML file.
type Verdict uint8

// Verdicts.
const (
	// Skipped files are not read as anything.
	Skipped Verdict = iota
	// MappingVerdict files are read as role mapping sources.
	MappingVerdict
	// DNVerdict files are read as DN role mapping files.
	DNVerdict
	// FixtureVerdict files are read as fixture files.
	FixtureVerdict
)

// Decision says whether one JSON/YAML file is read, and why.
type Decision struct {
	// File is the path as reports name it.
	File    string
	Verdict Verdict
	// Reason is why, e.g. "signature found: a role_templates member".
	Reason string
}

// String renders the decision as -v lists it: "path: verdict: reason".
func (d Decision) String() string {
	what := "skipped"
	switch d.Verdict {
	case MappingVerdict:
		what = "role mapping source"
	case DNVerdict:
		what = "DN role mapping file"
	case FixtureVerdict:
		what = "fixture file"
	}
	if d.Reason == "" {
		return d.File + ": " + what
	}
	return d.File + ": " + what + ": " + d.Reason
}

// Check ids owned by discovery.
const (
	// CheckFixtureName reports a file shaped like a fixture file whose name
	// does not make it one.
	CheckFixtureName = "fixture-name"
)

// IsConfigName reports whether a file is named like rolemap-lint's own
// config (.rolemap-lint.yaml or .rolemap-lint.yml): never a role mapping,
// whether it is the active config or not.
func IsConfigName(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	return base == config.FileName || base == config.AltFileName
}

// newFile makes the File of a candidate, with the claim its name and the
// config give it.
func newFile(rel string, explicit bool, role FileRole) *File {
	f := &File{Source: source.NewFile(rel, nil), Explicit: explicit, Kind: kindFor(rel, role)}
	switch {
	case f.Kind == DNMappingFile && strings.EqualFold(filepath.Base(rel), "role_mapping.yml"):
		f.Claim = Decision{File: rel, Verdict: DNVerdict, Reason: "named role_mapping.yml"}
	case f.Kind == DNMappingFile:
		f.Claim = Decision{File: rel, Verdict: DNVerdict, Reason: "claimed by the config (role_mapping_files or a realm's role_mapping_file)"}
	case f.Kind == FixtureFile:
		f.Claim = Decision{File: rel, Verdict: FixtureVerdict, Reason: "named *_test.yaml, *_test.yml or *_test.json"}
	case role == ClaimedMapping:
		f.strict = true
		f.Claim = Decision{File: rel, Verdict: MappingVerdict, Reason: "claimed by the config (mappings)"}
	}
	return f
}

// ignoredReason says why a file the config or its name rules out is never
// read as a mapping, or "" when it is not ruled out.
func ignoredReason(rel string, role FileRole) string {
	switch {
	case IsConfigName(rel):
		return "a rolemap-lint config file"
	case role == IgnoredRolesFile:
		return "a roles file (config roles.files)"
	case role == Ignored:
		return "named by the config (the config itself or its elasticsearch_yml)"
	}
	return ""
}

// HasMappingSources reports whether any file is read as a role mapping
// source or a DN role mapping file (claimed, even if it has syntax errors).
func (ws *Workspace) HasMappingSources() bool {
	for _, f := range ws.Files {
		if f.Kind == MappingSource || f.Kind == DNMappingFile {
			return true
		}
	}
	return false
}

// sortDecisions lists every file's decision in path order.
func (ws *Workspace) sortDecisions() {
	for _, f := range ws.Files {
		ws.Decisions = append(ws.Decisions, f.Claim)
	}
	sort.SliceStable(ws.Decisions, func(i, j int) bool { return ws.Decisions[i].File < ws.Decisions[j].File })
}

// claim decides whether a discovered file (not claimed by the config) is a
// role mapping source, and returns the reason; "" means it is not.
func (f *File) claim() string {
	for i, doc := range f.Docs {
		if s := docSignature(doc); s != "" {
			return "signature found: " + s + docSuffix(f, i)
		}
	}
	hint := f.hintPath
	if hint == "" {
		hint = f.Source.Name
	}
	hinted := pathSaysRoleMapping(hint)
	if hinted {
		for i, doc := range f.Docs {
			if s := weakDocSignature(doc); s != "" {
				return "its path names role mappings and it has " + s + docSuffix(f, i)
			}
		}
	}
	if !hasSyntaxError(f.parseDiags) || isTemplated(f.Source.Content) {
		return ""
	}
	if hinted {
		return "its path names role mappings (it has syntax errors)"
	}
	if s := textSignature(f.Source.Content); s != "" {
		return "signature found: " + s + " (it has syntax errors)"
	}
	return ""
}

// skipReason says why a discovered file is skipped.
func (f *File) skipReason() string {
	if f.tooLarge {
		return "larger than the file size limit, so no signature could be read"
	}
	if hasSyntaxError(f.parseDiags) && isTemplated(f.Source.Content) {
		return "a Helm or Jinja template (not plain JSON/YAML), no role-mapping signature"
	}
	return "no role-mapping signature"
}

func docSuffix(f *File, i int) string {
	if len(f.Docs) < 2 {
		return ""
	}
	return fmt.Sprintf(" (document %d)", i+1)
}

func hasSyntaxError(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		// A file cut short by the YAML budget was not read whole either:
		// its text decides, as for a file that does not parse.
		if d.Check == CheckSyntax || d.Check == loader.CheckBudget {
			return true
		}
	}
	return false
}

// isFixture reports whether a file named like a fixture file is one: a
// document has a top-level `tests` member that is empty or not a list, or
// a list with an entry that has a fixture key (see hasUserKey),
// and nothing marks it as another tool's test file (helm-unittest's
// `suite`, `it`/`asserts` entries). A file that does not parse is one when
// its text has `tests` and `user` keys.
func (f *File) isFixture() bool {
	if len(f.Docs) == 0 {
		keys := textKeys(f.Source.Content)
		return keys["tests"] && keys["user"] && !keys["asserts"]
	}
	for _, doc := range f.Docs {
		if doc == nil || doc.Kind != source.Object || doc.Has("suite") {
			continue
		}
		tests := doc.Get("tests")
		if tests == nil {
			continue
		}
		if tests.Kind != source.Array || len(tests.Items) == 0 {
			return true // a broken fixture file: its problems are reported
		}
		if slices.ContainsFunc(tests.Items, func(it *source.Value) bool {
			return it != nil && it.Kind == source.Object && (it.Has("asserts") || it.Has("it"))
		}) {
			continue
		}
		if slices.ContainsFunc(tests.Items, hasUserKey) {
			return true
		}
	}
	return false
}

// fixtureKeys are the keys of a fixture entry that other tools' test
// vectors do not use.
var fixtureKeys = []string{"user", "username", "roles", "includes", "excludes"}

// hasUserKey reports whether a fixture entry has a `user` (or `username`,
// `roles`, `includes`, `excludes`), or a key one edit away from one: a
// misspelled fixture is still a fixture.
func hasUserKey(it *source.Value) bool {
	if it == nil || it.Kind != source.Object {
		return false
	}
	for _, m := range it.Members {
		for _, k := range fixtureKeys {
			if suggest.Distance(strings.ToLower(m.Key), k) <= 1 {
				return true
			}
		}
	}
	return false
}

// readDoc says whether a document of a claimed file is read as a mapping
// source: every document of a file the config claims; in a discovered file,
// documents with a signature, or with a role mapping field when no
// Kubernetes resource (a ConfigMap beside an ECK policy is not a mapping).
func (f *File) readDoc(doc *source.Value) bool {
	if doc == nil || doc.IsNull() {
		return false
	}
	if f.strict {
		return true
	}
	return weakDocSignature(doc) != ""
}

// fixtureNameFinding reports a document shaped like a fixture file in a
// file whose name does not make it one, or returns false.
func fixtureNameFinding(f *File, doc *source.Value) (diag.Diagnostic, bool) {
	m := fixtureShaped(doc)
	if m == nil {
		return diag.Diagnostic{}, false
	}
	name := f.Source.Name
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if ext == "" {
		ext = ".yaml"
	}
	return diag.Diagnostic{Check: CheckFixtureName, Span: m.KeySpan, Pointer: "/tests",
		Message: fmt.Sprintf("this file looks like a fixture file (a top-level tests: list of user entries), but only files named *_test.yaml, *_test.yml or *_test.json are run as fixtures, so its tests never run; rename it to %s_test%s", stem, ext)}, true
}
