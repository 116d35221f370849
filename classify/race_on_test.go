//go:build race

package main

// raceEnabled is true under the race detector, which slows the child
// process of the signal tests several-fold.
const raceEnabled = true
