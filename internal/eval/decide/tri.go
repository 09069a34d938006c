package decide

import "github.com/rolemap-lint/rolemap-lint/internal/tri"

// Tri is the rule analysis' three-valued answer: the one type of the
// analyses (tri.Tri), named here for rule analysis.
type Tri = tri.Tri

// Answers.
const (
	Unknown = tri.Unknown
	Yes     = tri.Yes
	No      = tri.No
)
