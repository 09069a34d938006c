package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/config"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
	"github.com/rolemap-lint/rolemap-lint/internal/model/catalog"
	"github.com/rolemap-lint/rolemap-lint/internal/model/esversion"
)

// VersionsMarkdown renders docs/elasticsearch-versions.md from the code's
// own tables: esversion.Changes and esversion.LuceneReleases (with the regex
// dialect automaton.DialectForVersion picks for each row), the realm types
// of config and the built-in roles of catalog. A test keeps the file equal
// to this output.
func VersionsMarkdown() string {
	var b strings.Builder
	b.WriteString("# Behaviour per Elasticsearch version\n\n")
	b.WriteString("Generated from rolemap-lint's own tables (`esversion.Changes`, `esversion.LuceneReleases`, the realm types " +
		"in `config` and the built-in roles in `catalog`); do not edit by hand. Regenerate with " +
		"`ROLEMAP_LINT_UPDATE=1 go test ./lint -run TestVersionsDocUpToDate`.\n\n")
	fmt.Fprintf(&b, "`es_version` in `.rolemap-lint.yaml` selects the behaviour below; versions from %s to %s are modelled, "+
		"and the default is %s. Each row names the first release with the new behaviour and the source that says so.\n\n",
		esversion.Oldest, esversion.Newest, esversion.Newest)

	b.WriteString("## Role mapping behaviour\n\n")
	b.WriteString("| since | area | before | from this release | source |\n|---|---|---|---|---|\n")
	for _, c := range esversion.Changes() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", c.Since, cell(c.Area), cell(c.Before), cell(c.After), cell(c.Source))
	}

	b.WriteString("\n## Lucene per release (regular expressions in rules)\n\n")
	b.WriteString("Regex rule values (`/…/`) are compiled by Lucene's `RegExp`; how much work determinization takes, and so " +
		"whether a pattern is too complex, depends on the Lucene release. The `~` complement operator is enabled in every " +
		"row. Each row holds until the next one.\n\n")
	b.WriteString("| Elasticsearch | Lucene | modelled as | source |\n|---|---|---|---|\n")
	for _, r := range esversion.LuceneReleases() {
		d := automaton.DialectForVersion(r.From.Major, r.From.Minor)
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.From, cell(r.Lucene), d, cell(r.Source))
	}

	b.WriteString("\n## Realm types (config, elasticsearch.yml)\n\n")
	b.WriteString("A realm of a type newer than `es_version` is a `config` error.\n\n")
	b.WriteString("| realm type | since |\n|---|---|\n")
	for _, t := range config.RealmTypes() {
		since := config.RealmTypeSince(t)
		if since == (esversion.Version{}) {
			continue
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", t, since)
	}

	b.WriteString("\n## Built-in roles (unknown-role, removed-role)\n\n")
	b.WriteString("Roles added after 7.2, deprecated or removed; every other built-in role exists in every modelled version. " +
		"The source of each row is the comment above it in `internal/model/catalog/builtin_table.go` (`ReservedRolesStore` at the " +
		"versions read, the built-in roles page, and the pull requests named there).\n\n")
	b.WriteString("| role | added | deprecated | removed | instead |\n|---|---|---|---|---|\n")
	roles := catalog.Builtin(esversion.Version{Major: 1000})
	sort.Slice(roles, func(i, j int) bool { return roles[i].Name < roles[j].Name })
	for _, r := range roles {
		if r.Added == nil && r.Deprecated == nil && r.Removed == nil {
			continue
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.Name, verCell(r.Added), verCell(r.Deprecated), verCell(r.Removed), cell(r.Replacement))
	}
	return b.String()
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ")
}

func verCell(v *esversion.Version) string {
	if v == nil {
		return ""
	}
	return v.String()
}
