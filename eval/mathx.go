package eval

import (
	"math"
	"slices"
)

// div is a/b with 0/0 (and any division by 0) taken as 0, the package's rule.
func div(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func sqrt(x float64) float64 { return math.Sqrt(x) }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// finite maps NaN and ±Inf to 0 so that nothing non-finite leaves the package.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// meanStd returns the mean and the sample standard deviation (n−1) of xs;
// (0, 0) for no values and std 0 for one.
func meanStd(xs []float64) (mean, std float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) == 1 {
		return mean, 0
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}

// quantile returns the p-quantile of sorted xs, interpolating linearly
// between order statistics (numpy's default, Hyndman & Fan type 7). It is
// not gonum's stat.Quantile, which offers Empirical (type 1) and LinInterp
// (type 4) only: type 7 is what numpy and scikit-learn users compare with.
func quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	h := p * float64(n-1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// percentileInterval returns the central level interval of xs; xs is sorted
// in place.
func percentileInterval(xs []float64, level float64) Interval {
	slices.Sort(xs)
	a := (1 - level) / 2
	return Interval{Lo: quantile(xs, a), Hi: quantile(xs, 1-a)}
}
