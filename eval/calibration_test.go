package eval

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Worked by hand. Bins of width 0.1; confidence 1 falls in the last bin.
//
//	bin 0.9–1.0: confidences .95 (right), .95 (wrong), 1 (right): conf .9667, acc .6667, gap .3
//	bin 0.6–0.7: three at .65, all right: gap .35
//	bin 0.3–0.4: one at .35, wrong: gap .35
//
// ECE = (3·.3 + 3·.35 + 1·.35)/7 = 2.3/7, MCE = .35. Brier: .005 + 1.805 + 0 +
// 3·.185 + .6938 = 3.0588 over 7. The item without probabilities is skipped.
func TestCalibration(t *testing.T) {
	labels := []string{"a", "b", "c"}
	items := []Item{
		{Gold: 0, Pred: 0, Probs: []float64{0.95, 0.05, 0}},
		{Gold: 1, Pred: 0, Probs: []float64{0.95, 0.05, 0}},
		{Gold: 0, Pred: 0, Probs: []float64{1, 0, 0}},
		{Gold: 2, Pred: 2, Probs: []float64{0.2, 0.15, 0.65}},
		{Gold: 2, Pred: 2, Probs: []float64{0.2, 0.15, 0.65}},
		{Gold: 2, Pred: 2, Probs: []float64{0.2, 0.15, 0.65}},
		{Gold: 0, Pred: 1, Probs: []float64{0.32, 0.35, 0.33}},
		{Gold: 0, Pred: 1},
	}
	c := Evaluate(labels, items, Options{}).Calibration
	require.NotNil(t, c)
	assert.Equal(t, 7, c.N)
	assert.InDelta(t, 2.3/7, c.ECE, 1e-12)
	assert.InDelta(t, 0.35, c.MCE, 1e-12)
	assert.InDelta(t, 3.0588/7, c.Brier, 1e-12)
	require.Len(t, c.Bins, 10)
	want := map[int]Bin{
		3: {Lo: 0.3, Hi: 0.4, Count: 1, Confidence: 0.35, Accuracy: 0},
		6: {Lo: 0.6, Hi: 0.7, Count: 3, Confidence: 0.65, Accuracy: 1},
		9: {Lo: 0.9, Hi: 1, Count: 3, Confidence: 2.9 / 3, Accuracy: 2.0 / 3},
	}
	for i, b := range c.Bins {
		w, ok := want[i]
		if !ok {
			w = Bin{Lo: float64(i) / 10, Hi: float64(i+1) / 10}
		}
		assert.InDelta(t, w.Lo, b.Lo, 1e-12, "bin %d", i)
		assert.InDelta(t, w.Hi, b.Hi, 1e-12, "bin %d", i)
		assert.Equal(t, w.Count, b.Count, "bin %d", i)
		assert.InDelta(t, w.Confidence, b.Confidence, 1e-12, "bin %d", i)
		assert.InDelta(t, w.Accuracy, b.Accuracy, 1e-12, "bin %d", i)
	}
}

func TestCalibrationAbsentAndBins(t *testing.T) {
	items := []Item{{Gold: 0, Pred: 0}, {Gold: 1, Pred: 0}}
	assert.Nil(t, Evaluate([]string{"a", "b"}, items, Options{}).Calibration, "no probabilities, no calibration")

	items = []Item{{Gold: 0, Pred: 0, Probs: []float64{0.7, 0.3}}, {Gold: 1, Pred: 0, Probs: []float64{0.9, 0.1}}}
	c := Evaluate([]string{"a", "b"}, items, Options{Bins: 2}).Calibration
	require.Len(t, c.Bins, 2)
	assert.Equal(t, 2, c.Bins[1].Count)
	// Worked by hand: one bin, confidence .8, accuracy .5.
	assert.InDelta(t, 0.3, c.ECE, 1e-12)
}

func TestCalibrationBadProbs(t *testing.T) {
	// NaN and Inf probabilities do not leak into the report.
	nan, inf := math.NaN(), math.Inf(1)
	items := []Item{{Gold: 0, Pred: 0, Probs: []float64{nan, 0.4}}, {Gold: 1, Pred: 0, Probs: []float64{inf, 0.1}}}
	c := Evaluate([]string{"a", "b"}, items, Options{}).Calibration
	require.NotNil(t, c)
	for _, x := range []float64{c.ECE, c.MCE, c.Brier} {
		assert.False(t, math.IsNaN(x) || math.IsInf(x, 0), "%v", x)
	}
}
