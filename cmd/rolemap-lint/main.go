// Command rolemap-lint lints and tests Elasticsearch role mappings kept in
// a repository. See the README for usage.
package main

import (
	"os"

	"github.com/rolemap-lint/rolemap-lint/internal/cli"
)

func main() {
	cli.SetMemoryLimit()
	os.Exit(cli.Main(cli.Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
