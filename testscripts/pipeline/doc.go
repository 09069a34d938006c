// Package pipeline tests the files that plug rolemap-lint into other
// people's pipelines: the pre-commit hook manifest (.pre-commit-hooks.yaml),
// the GitHub Action (action.yml) and this repository's own workflow
// (.github/workflows/ci.yml). It has no code of its own; its tests parse
// those files, check them against what pre-commit and GitHub Actions
// require, run the action's script against a stand-in binary, and — when
// the pre-commit command is installed — run the hooks for real with
// `pre-commit try-repo`.
package pipeline
