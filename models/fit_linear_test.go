package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// separableData: three labels, each row has its label's marker feature
// plus a little of the shared features 3 and 4, so a linear model exists
// that classifies every row right.
func separableData() *Dataset {
	rng := rand.New(rand.NewPCG(7, 7))
	var rows [][]float64
	var y []int
	for i := 0; i < 30; i++ {
		c := i % 3
		r := make([]float64, 5)
		r[c] = 0.5 + rng.Float64()
		r[3] = rng.Float64()
		r[4] = rng.Float64()
		rows = append(rows, r)
		y = append(y, c)
	}
	return denseDataset([]string{"x", "y", "z"}, rows, y)
}

func TestFitLinearSeparable(t *testing.T) {
	for _, tc := range []struct {
		name string
		loss lossKind
	}{{"logreg", softmaxLoss}, {"svm", squaredHinge}} {
		t.Run(tc.name, func(t *testing.T) {
			d := separableData()
			opts := DefaultOptions()
			opts.C, opts.MaxIter, opts.Workers = 10, 200, 2
			m, err := fitLinear(d, tc.loss, opts)
			require.NoError(t, err)
			require.Equal(t, d.Dim, m.Dim)
			require.Len(t, m.W, 3*d.Dim)
			raw := make([]float64, 3)
			for i := 0; i < d.Len(); i++ {
				m.Raw(d.Row(i), raw)
				assert.Equal(t, d.Y[i], argmax(raw), "row %d scores %v", i, raw)
			}
		})
	}
}

// The analytic gradient of linearProblem.evaluate agrees with central
// finite differences, for both losses and unequal class weights.
func TestLinearProblemGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n, dim, k = 12, 6, 3
	var rows [][]float64
	var y []int
	for i := 0; i < n; i++ {
		r := make([]float64, dim)
		for j := range r {
			if rng.Float64() < 0.6 {
				// float32-representable, since the dataset stores float32.
				r[j] = float64(float32(rng.NormFloat64()))
			}
		}
		rows = append(rows, r)
		y = append(y, i%k)
	}
	d := denseDataset([]string{"a", "b", "c"}, rows, y)
	weights := []float64{1, 2.5, 0.7}
	for _, tc := range []struct {
		name string
		loss lossKind
		c    float64
	}{{"softmax C=0.5", softmaxLoss, 0.5}, {"softmax C=10", softmaxLoss, 10}, {"squared hinge C=0.5", squaredHinge, 0.5}, {"squared hinge C=10", squaredHinge, 10}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newLinearProblem(d, tc.loss, tc.c, weights, 1)
			x := make([]float64, k*dim+k)
			for i := range x {
				x[i] = 0.5 * rng.NormFloat64()
			}
			grad := make([]float64, len(x))
			f := p.evaluate(x, grad)
			require.False(t, math.IsNaN(f))
			const h = 1e-5
			xp := append([]float64(nil), x...)
			for i := range x {
				xp[i] = x[i] + h
				fp := p.evaluate(xp, nil)
				xp[i] = x[i] - h
				fm := p.evaluate(xp, nil)
				xp[i] = x[i]
				num := (fp - fm) / (2 * h)
				// Relative, with a small floor for components near zero
				// (squared hinge rows past the margin contribute nothing).
				tol := 1e-5*math.Max(math.Abs(num), math.Abs(grad[i])) + 1e-9
				assert.InDelta(t, num, grad[i], tol, "parameter %d (%s)", i, paramName(i, dim, k))
			}
			// The second call at the same point reuses the first pass and
			// must give the same value and gradient.
			g2 := make([]float64, len(x))
			assert.Equal(t, f, p.evaluate(x, g2))
			assert.Equal(t, grad, g2)
		})
	}
}

func paramName(i, dim, k int) string {
	if i >= k*dim {
		return fmt.Sprintf("b[%d]", i-k*dim)
	}
	return fmt.Sprintf("W[feature %d][label %d]", i/k, i%k)
}

// The objective at zero weights is known in closed form: softmax loss
// ln K per row, squared hinge 1 per label per row, weighted and averaged.
func TestLinearProblemAtZero(t *testing.T) {
	d := denseDataset([]string{"a", "b", "c"}, [][]float64{{1, 0}, {0, 1}, {1, 1}, {0, 0}}, []int{0, 1, 2, 2})
	w := []float64{1, 2, 3}
	x := make([]float64, 3*2+3)
	// Σ weights over rows = 1 + 2 + 3 + 3 = 9; mean over 4 rows.
	assert.InDelta(t, 9*math.Log(3)/4, newLinearProblem(d, softmaxLoss, 1, w, 1).evaluate(x, nil), 1e-12)
	assert.InDelta(t, 9*3.0/4, newLinearProblem(d, squaredHinge, 1, w, 1).evaluate(x, nil), 1e-12)
}

// evaluate gives the same bits with any number of workers.
func TestLinearProblemWorkers(t *testing.T) {
	d := separableData()
	x := make([]float64, 3*d.Dim+3)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	for _, loss := range []lossKind{softmaxLoss, squaredHinge} {
		g1 := make([]float64, len(x))
		f1 := newLinearProblem(d, loss, 1, []float64{1, 1, 1}, 1).evaluate(x, g1)
		for _, w := range []int{2, 3, 4, 64} {
			g := make([]float64, len(x))
			f := newLinearProblem(d, loss, 1, []float64{1, 1, 1}, w).evaluate(x, g)
			assert.Equal(t, math.Float64bits(f1), math.Float64bits(f), "loss %d workers %d", loss, w)
			assert.Equal(t, g1, g, "loss %d workers %d", loss, w)
		}
	}
}
