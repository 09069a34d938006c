// Package budget bounds the work of a whole run. Per-operation bounds
// (states of one automaton operation, steps of one template rendering)
// stop a single pathological value, but an input can repeat a value that
// stays just under them thousands of times; the pools here are shared by
// every operation of a run, so the total cost of a run is bounded whatever
// the input. When a pool runs out, the operation that asked fails with an
// *Error naming the configuration setting that raises the limit, and the
// caller reports that it could not decide within the budget instead of
// deciding.
package budget
