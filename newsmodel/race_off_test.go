//go:build !race

package newsmodel_test

const raceEnabled = false
