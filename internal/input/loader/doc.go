// Package loader parses one input file's bytes into position-carrying
// source.Value trees, reporting every problem as a diag.Diagnostic.
//
// # JSON
//
// ParseJSON reads a document the way Elasticsearch's JSON parser (Jackson
// with ALLOW_COMMENTS and STRICT_DUPLICATE_DETECTION) does: // and /* */
// comments are accepted, a UTF-8 byte order mark is skipped, nesting deeper
// than 1000 levels is rejected, and duplicate object keys are reported (both
// members are kept in the tree so later stages can still look at them).
// Content after the top-level value is reported; the tree is still returned.
// UTF-16 and UTF-32 files and invalid UTF-8 are rejected with one finding.
//
// # YAML
//
// ParseYAML reads every document of a YAML stream with go.yaml.in/yaml/v3
// and resolves scalars itself from the node tags that library assigns, which
// follow the YAML 1.2 core schema with yaml.v3's extensions:
//
//   - !!str, !!binary and !!timestamp become strings holding the text as
//     written (a date such as 2024-01-02 stays "2024-01-02"; it is never
//     turned into a time value);
//   - !!int and !!float become numbers whose literal is normalized to JSON
//     decimal syntax: 0x1F → 31, 0o17 → 15, 0b101 → 5, 1_000 → 1000,
//     +1.5 → 1.5, .5 → 0.5, 1. → 1, and a leading-zero integer such as 0777
//     is read as the decimal 777 (YAML 1.2), never as octal;
//   - .inf and .nan cannot be written in JSON: they are kept as strings;
//   - !!bool becomes a boolean (only true/True/TRUE/false/False/FALSE);
//   - !!null (null, Null, NULL, ~ or nothing) becomes null;
//   - any other explicit tag (!foo) is a syntax finding; the value is kept
//     as a string, object or array according to its node kind.
//
// Keys that are not strings (1: x, true: x, null: x) become the key's text
// as written, which is also what Elasticsearch's YAML parser does. A mapping
// or sequence used as a key is a syntax finding and the pair is dropped.
//
// Because YAML 1.1 parsers (Elasticsearch's Jackson/SnakeYAML, Kubernetes'
// go-yaml, PyYAML) read some plain scalars differently, the loader adds an
// "ambiguous-yaml" warning for unquoted yes/no/on/off/y/n (any case),
// sexagesimal numbers such as 1:30, leading-zero octal such as 0777, .inf and
// .nan, for merge keys (<<), which are kept as ordinary keys and never
// applied, and for aliases: the loader expands an alias into a copy of the
// anchored value, while Elasticsearch's YAML parser reads *name as the
// string "name". Warnings are given for values, not for keys, whose text is
// used as written by every parser.
//
// Alias expansion is bounded: a document may produce at most
// min(1,000,000, max(100 × its node count, 10,000)) values; beyond that the
// remaining aliases are left unexpanded (null) and a syntax finding is
// reported. Recursive aliases are reported and read as null. Nesting deeper
// than 1000 levels (after alias expansion) is a syntax finding and drops the
// document. Duplicate keys are reported at the second key in every mapping.
//
// A YAML parse error makes the whole stream unusable: ParseYAML then returns
// no documents. Empty documents are skipped; an empty stream yields no
// documents and no findings.
//
// Spans are byte ranges in source.File.Content: JSON strings include their
// quotes, containers span their brackets; YAML nodes start where yaml.v3
// places them (at an anchor or tag if the node has one) and end at the end
// of the scalar text, the closing quote, the last line of a block scalar,
// the closing bracket of a flow collection or the end of the last entry of
// a block collection.
package loader

import "github.com/rolemap-lint/rolemap-lint/internal/diag"

// Check ids used by the loader's findings.
const (
	// CheckSyntax owns invalid JSON/YAML, duplicate keys, bad encodings and
	// exceeded limits.
	CheckSyntax = diag.Syntax
	// CheckAmbiguousYAML owns YAML constructs that YAML 1.1 and YAML 1.2
	// parsers (or Elasticsearch's parser and this tool) read differently.
	CheckAmbiguousYAML = "ambiguous-yaml"
)

// maxDepth is Elasticsearch's (Jackson's) maximum nesting depth.
const maxDepth = 1000
