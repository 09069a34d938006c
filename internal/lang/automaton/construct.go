package automaton

var (
	emptyAutomaton = newAutomaton(&fa{})
	anyAutomaton   = newAutomaton(&fa{accept: []bool{true},
		trans: [][]ltr{{{0, surrogateMin - 1, 0}, {surrogateMax + 1, maxCodePoint, 0}}}})
)

// Empty returns the automaton that accepts nothing.
func Empty() *Automaton { return emptyAutomaton }

// Any returns the automaton that accepts every string.
func Any() *Automaton { return anyAutomaton }

// Literal returns the automaton that accepts exactly s (as code points;
// invalid UTF-8 bytes read as U+FFFD).
func Literal(s string) *Automaton {
	rs := []rune(s)
	return newAutomaton(makeString(rs))
}
