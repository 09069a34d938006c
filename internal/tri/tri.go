// Package tri is the three-valued answer of the analyses that decide over
// all users: the rule analysis (eval/decide) and the template analysis
// (produce.CanProduce). Unknown is the zero value: an analysis that could
// not tell claims nothing.
package tri

// Tri is yes, no, or unknown.
type Tri uint8

// Answers.
const (
	// Unknown: the analysis cannot tell.
	Unknown Tri = iota
	// Yes: proven to hold (for some user, or for the question asked).
	Yes
	// No: proven not to hold.
	No
)

// String names the answer.
func (t Tri) String() string {
	switch t {
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return "unknown"
}
