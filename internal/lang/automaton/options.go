package automaton

import "github.com/rolemap-lint/rolemap-lint/internal/model/esversion"

// DefaultWorkLimit is Lucene's Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
// the limit Elasticsearch uses for role-mapping regexes and wildcards.
const DefaultWorkLimit = 10000

// Dialect selects which Lucene generation is mirrored: the grammar details,
// the automaton constructions and therefore the determinization effort.
type Dialect uint8

const (
	// DialectES9 mirrors Lucene 10.2 and later (Elasticsearch 9.1 onwards):
	// RegExp builds an NFA without minimizing, Elasticsearch determinizes it
	// once; '~' is enabled through RegExp.DEPRECATED_COMPLEMENT; character
	// classes are single nodes. It is the zero value and the default.
	DialectES9 Dialect = iota
	// DialectES9_0 mirrors Lucene 10.0/10.1 (Elasticsearch 9.0): like
	// DialectES9 but with the older character-class parser and constructions.
	DialectES9_0
	// DialectES8 mirrors Lucene 9.x (Elasticsearch 8.x): RegExp minimizes
	// every sub-expression and checks bounded repeats against the limit.
	DialectES8
)

// String names the dialect.
func (d Dialect) String() string {
	switch d {
	case DialectES9:
		return "es9 (Lucene 10.2+)"
	case DialectES9_0:
		return "es9.0 (Lucene 10.1)"
	case DialectES8:
		return "es8 (Lucene 9)"
	}
	return "unknown dialect"
}

// DialectForVersion returns the dialect that models the given Elasticsearch
// version: the Regexp column of the Lucene row that holds for it
// (esversion.LuceneReleases, which cites version.properties per row).
// Lucene 8 (7.x) builds role-mapping automata like Lucene 9; Lucene 10.3 and
// 10.4 (9.2 onwards) are modelled by the 10.2 constructions.
func DialectForVersion(major, minor int) Dialect {
	switch esversion.LuceneFor(esversion.Version{Major: major, Minor: minor}).Regexp {
	case "lucene9":
		return DialectES8
	case "lucene10.1":
		return DialectES9_0
	default:
		return DialectES9
	}
}

// Options configures regex and wildcard compilation. The zero value is what
// the newest modelled Elasticsearch does.
type Options struct {
	// Dialect selects the Lucene generation; see Dialect.
	Dialect Dialect
	// NoComplement parses '~' as a literal character, which is what
	// new RegExp(s) does on Lucene 10 without DEPRECATED_COMPLEMENT (and on
	// Lucene 11, where the flag is gone). Elasticsearch 8.x and 9.x enable
	// the complement operator, so the default is false.
	NoComplement bool
	// WorkLimit is the determinization work limit; 0 means DefaultWorkLimit.
	WorkLimit int
}

func (o Options) workLimit() int {
	if o.WorkLimit <= 0 {
		return DefaultWorkLimit
	}
	return o.WorkLimit
}

// profile lists the construction details that differ between Lucene
// generations.
type profile struct {
	lucene9            bool // minimize every node, repeat pre-checks, wrapped errors
	iterativeParse     bool // left-associative folding of | & and concatenation
	repeatRangeError   bool // {n,m} with n>m is a syntax error
	charClassNode      bool // 10.2 character-class parser and CHAR_CLASS nodes
	optimizedOptional  bool // 10.0 Operations.optional
	optimizedRepeat    bool // 10.0 Operations.repeat(a)
	repeatRemoveDead   bool // 10.2 repeat removes dead states
	concatCleanup      bool // 10.2 concatenate returns makeEmpty early and removes dead states
	unionMergeAccept   bool // 10.2 union merges accept states without transitions
	intervalRemoveDead bool // 10.2 makeDecimalInterval removes dead states
	complement         bool // '~' is an operator
}

func (o Options) profile() profile {
	var p profile
	switch o.Dialect {
	case DialectES8:
		p = profile{lucene9: true}
	case DialectES9_0:
		p = profile{iterativeParse: true, repeatRangeError: true,
			optimizedOptional: true, optimizedRepeat: true}
	default:
		p = profile{iterativeParse: true, repeatRangeError: true, charClassNode: true,
			optimizedOptional: true, optimizedRepeat: true, repeatRemoveDead: true,
			concatCleanup: true, unionMergeAccept: true, intervalRemoveDead: true}
	}
	p.complement = !o.NoComplement
	return p
}
