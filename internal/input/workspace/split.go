package workspace

import "github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"

// defaults fills the options a caller left zero.
func (opt *Options) defaults() {
	if opt.Excluded == nil {
		opt.Excluded = func(string) bool { return false }
	}
	if opt.Patterns == nil {
		opt.Patterns = &automaton.Cache{}
	}
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
}

// Build recognizes the shape of every file read by Read and parses its
// mappings with the options' version and DN file settings, then reports
// duplicate names among them. Call it once per workspace.
func (ws *Workspace) Build(opt Options) {
	opt.defaults()
	ws.build(opt)
	ws.sortDecisions()
}

// Subset returns a workspace of the given files (read by Read, not yet
// built), to be built on its own: the files of one cluster.
func Subset(files []*File) *Workspace {
	return &Workspace{Files: files}
}
