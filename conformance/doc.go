// Package conformance runs the cases taken from Elasticsearch's own tests
// (testdata/es-cases.json, copied from the shared conformance suite) against
// rolemap-lint's loaders, parsers, matcher and template evaluator. The
// package has no code of its own: everything is in its tests.
package conformance
