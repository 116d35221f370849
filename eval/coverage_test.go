package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Worked by hand: five items of confidence 0.9 (right), 0.8 (wrong),
// 0.7 (right), 0.6 (right), 0.5 (wrong), and one without probabilities.
func TestCoverage(t *testing.T) {
	p := func(c float64) []float64 { return []float64{c, 1 - c} }
	items := []Item{
		{Gold: 0, Pred: 0, Probs: p(0.6)},
		{Gold: 1, Pred: 0, Probs: p(0.8)},
		{Gold: 0, Pred: 0, Probs: p(0.9)},
		{Gold: 1, Pred: 0, Probs: p(0.5)},
		{Gold: 0, Pred: 0, Probs: p(0.7)},
		{Gold: 0, Pred: 1},
	}
	c := coverageOf(items, 0.65)
	require.NotNil(t, c)
	assert.Equal(t, 5, c.N, "the item without probabilities is left out")
	assert.Equal(t, 3, c.Covered, "0.9, 0.8 and 0.7 reach 0.65")
	assert.InDelta(t, 0.6, c.Coverage, 1e-12)
	assert.InDelta(t, 2.0/3, c.Accuracy, 1e-12)
	// Five items, 20 steps: each item is a step of 20%.
	require.Len(t, c.Curve, 5)
	want := []CoveragePoint{
		{Coverage: 0.2, Covered: 1, Confidence: 0.9, Accuracy: 1},
		{Coverage: 0.4, Covered: 2, Confidence: 0.8, Accuracy: 0.5},
		{Coverage: 0.6, Covered: 3, Confidence: 0.7, Accuracy: 2.0 / 3},
		{Coverage: 0.8, Covered: 4, Confidence: 0.6, Accuracy: 0.75},
		{Coverage: 1, Covered: 5, Confidence: 0.5, Accuracy: 0.6},
	}
	for i, w := range want {
		g := c.Curve[i]
		assert.Equal(t, w.Covered, g.Covered, i)
		assert.InDelta(t, w.Coverage, g.Coverage, 1e-12, i)
		assert.InDelta(t, w.Confidence, g.Confidence, 1e-12, i)
		assert.InDelta(t, w.Accuracy, g.Accuracy, 1e-12, i)
	}

	// A floor above every confidence keeps nothing, and says accuracy 0.
	c = coverageOf(items, 0.95)
	assert.Equal(t, 0, c.Covered)
	assert.Zero(t, c.Accuracy)
	// No floor keeps everything.
	c = coverageOf(items, 0)
	assert.Equal(t, 5, c.Covered)
	assert.InDelta(t, 0.6, c.Accuracy, 1e-12)
	assert.Nil(t, coverageOf([]Item{{Gold: 0, Pred: 0}}, 0.5), "no probabilities, no coverage")

	r := Evaluate([]string{"a", "b"}, items, Options{MinConfidence: 0.65})
	require.NotNil(t, r.Coverage)
	assert.Equal(t, 3, r.Coverage.Covered)
	assert.Contains(t, r.coverageTable().Note, "Confidence floor 0.6500: coverage 0.6000 (3 sentences), accuracy 0.6667 above it.")
}
