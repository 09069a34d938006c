// Package conformance runs the cases taken from Elasticsearch's own tests
// (testdata/es-cases.json, copied from the shared conformance suite) against
// rolemap-lint's loaders, parsers, matcher, template evaluator and resolver.
// Its only code, cases.go, reads the cases; the tests of every package that
// checks itself against Elasticsearch share it.
package conformance
