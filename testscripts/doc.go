// Package testscripts holds the command-line scenarios of rolemap-lint:
// each testdata/*.txtar file is a testscript run by `go test` against the
// real command (see script_test.go).
package testscripts
