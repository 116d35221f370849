//go:build race

package newsmodel_test

// raceEnabled is true when the tests run under the race detector, which
// slows numeric code about fifty-fold.
const raceEnabled = true
