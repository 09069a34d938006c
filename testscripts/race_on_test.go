//go:build race

package testscripts

// raceScale stretches the processor-time bounds of `bounded` under the race
// detector, which slows the tool down several times (CI runs go test -race).
const raceScale = 10
