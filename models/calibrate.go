package models

import (
	"math"

	"gonum.org/v1/gonum/optimize"
)

// fitTemperature finds the temperature T > 0 that minimizes the negative
// log-likelihood of the gold labels under softmax(raw / T) (Guo et al.
// 2017, temperature scaling). raw is n × K.
func fitTemperature(raw []float64, gold []int, k int) float64 {
	if len(gold) == 0 {
		return 1
	}
	nll := func(logT float64) float64 {
		t := math.Exp(logT)
		var sum float64
		row := make([]float64, k)
		for i, y := range gold {
			for c := 0; c < k; c++ {
				row[c] = raw[i*k+c] / t
			}
			sum -= row[y] - logSumExp(row)
		}
		return sum / float64(len(gold))
	}
	prob := optimize.Problem{Func: func(x []float64) float64 { return nll(x[0]) }}
	res, err := optimize.Minimize(prob, []float64{0}, &optimize.Settings{MajorIterations: 100}, &optimize.NelderMead{})
	if err != nil || res == nil || math.IsNaN(res.X[0]) {
		return 1
	}
	return math.Exp(math.Max(-5, math.Min(5, res.X[0])))
}
