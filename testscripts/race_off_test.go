//go:build !race

package testscripts

// raceScale stretches the processor-time bounds of `bounded` under the race
// detector; without it the bounds are as written.
const raceScale = 1
