package eval

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLearningCurve(t *testing.T) {
	c := NewLearningCurve("macro_f1")
	c.Add(400, 0.7, 0.8, 0.75)
	c.Add(100, 0.5, 0.6)
	c.Add(200, 0.65)
	c.Add(400, 0.8, 0.8) // replaces
	c.Add(800, math.NaN(), 0.9)
	assert.Equal(t, []CurvePoint{
		{TrainSize: 100, Mean: 0.55, Std: 0.070710678119, Runs: 2},
		{TrainSize: 200, Mean: 0.65, Std: 0, Runs: 1},
		{TrainSize: 400, Mean: 0.8, Std: 0, Runs: 2},
		{TrainSize: 800, Mean: 0.45, Std: 0.636396103068, Runs: 2},
	}, roundPoints(c.Points))
	assert.Equal(t, 4, c.Len())
	x, y := c.XY(1)
	assert.Equal(t, [2]float64{200, 0.65}, [2]float64{x, y})
	lo, hi := c.YError(0)
	assert.InDelta(t, 0.0707106781186548, lo, 1e-12)
	assert.Equal(t, lo, hi)
}

func roundPoints(ps []CurvePoint) []CurvePoint {
	out := make([]CurvePoint, len(ps))
	for i, p := range ps {
		p.Mean = math.Round(p.Mean*1e12) / 1e12
		p.Std = math.Round(p.Std*1e12) / 1e12
		out[i] = p
	}
	return out
}
