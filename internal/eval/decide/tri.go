package decide

// Tri is a three-valued answer.
type Tri uint8

// Answers.
const (
	Unknown Tri = iota
	Yes
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
