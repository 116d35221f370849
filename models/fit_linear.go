package models

import (
	"fmt"
	"math"
	"sync"

	"gonum.org/v1/gonum/optimize"
)

// lossKind selects the loss minimized by fitLinear.
type lossKind int

const (
	softmaxLoss  lossKind = iota // multinomial logistic regression
	squaredHinge                 // one-vs-rest L2-loss linear SVM
)

// linearProblem is one regularized empirical-risk problem over a dataset.
// Parameters are laid out as W feature-major (x[j*K+c], so that one
// feature's weights for all labels share a cache line) followed by b (K).
type linearProblem struct {
	d    *Dataset
	loss lossKind
	// The objective is (½‖W‖² + C Σ wᵢ lossᵢ) / (C n): scikit-learn's C,
	// scaled so that its size does not grow with n.
	lambda  float64   // 1 / (C n)
	scale   float64   // 1 / n
	weight  []float64 // per-class weight
	workers int
	k       int

	raw    []float64 // per row × K: scores, then residuals dloss/dscore
	rowsLo []float64 // per row loss

	// The optimizer asks for the value and the gradient at the same point
	// in two calls; lastX and lastF let the second reuse the first's pass.
	lastX []float64
	lastF float64
	evals int
}

func newLinearProblem(d *Dataset, loss lossKind, c float64, classWeight []float64, workers int) *linearProblem {
	k := len(d.Labels)
	n := float64(d.Len())
	return &linearProblem{
		d: d, loss: loss, lambda: 1 / (c * n), scale: 1 / n, weight: classWeight, workers: max(1, workers), k: k,
		raw: make([]float64, d.Len()*k), rowsLo: make([]float64, d.Len()),
	}
}

// evaluate computes the objective and, when grad is not nil, its gradient.
// Rows are split among workers for the scores (each row's result does not
// depend on the split), the loss is summed in row order, and the gradient is
// accumulated per class in row order: the same bits with any worker count.
func (p *linearProblem) evaluate(x, grad []float64) float64 {
	d, k := p.d, p.k
	dim := d.Dim
	n := d.Len()
	if p.lastX != nil && floatsEqual(p.lastX, x) {
		if grad != nil {
			p.gradient(x, grad)
		}
		return p.lastF
	}
	p.evals++
	p.parallel(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := p.raw[i*k : (i+1)*k]
			if k == 4 {
				p.scores4(x, i, s)
				p.rowsLo[i] = p.rowLoss(s, d.Y[i])
				continue
			}
			for c := 0; c < k; c++ {
				s[c] = x[k*dim+c]
			}
			for j := d.Ptr[i]; j < d.Ptr[i+1]; j++ {
				idx, v := int(d.Index[j]), float64(d.Value[j])
				w := x[idx*k : idx*k+k]
				for c, wc := range w {
					s[c] += wc * v
				}
			}
			p.rowsLo[i] = p.rowLoss(s, d.Y[i])
		}
	})
	var f float64
	for _, l := range p.rowsLo {
		f += l
	}
	f *= p.scale
	var reg float64
	for _, w := range x[:k*dim] {
		reg += w * w
	}
	f += 0.5 * p.lambda * reg
	p.lastX = append(p.lastX[:0], x...)
	p.lastF = f
	if grad != nil {
		p.gradient(x, grad)
	}
	return f
}

// gradient writes the gradient at the point of the last evaluation.
func (p *linearProblem) gradient(x, grad []float64) {
	d, k := p.d, p.k
	dim := d.Dim
	n := d.Len()
	// One pass over the rows in order: the same sums with any worker count.
	for j, w := range x[:k*dim] {
		grad[j] = p.lambda * w
	}
	gb := grad[k*dim:]
	for c := range gb {
		gb[c] = 0
	}
	if k == 4 {
		p.gradient4(grad)
		return
	}
	for i := 0; i < n; i++ {
		r := p.raw[i*k : (i+1)*k]
		for c := range r {
			gb[c] += p.scale * r[c]
		}
		for j := d.Ptr[i]; j < d.Ptr[i+1]; j++ {
			idx, v := int(d.Index[j]), p.scale*float64(d.Value[j])
			g := grad[idx*k : idx*k+k]
			for c := range g {
				g[c] += r[c] * v
			}
		}
	}
}

func floatsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// rowLoss returns the weighted loss of one row and leaves its residuals
// (derivative of the loss by each score) in s.
func (p *linearProblem) rowLoss(s []float64, y int) float64 {
	w := p.weight[y]
	switch p.loss {
	case softmaxLoss:
		mx := s[0]
		for _, v := range s[1:] {
			if v > mx {
				mx = v
			}
		}
		var sum float64
		for _, v := range s {
			sum += math.Exp(v - mx)
		}
		lse := mx + math.Log(sum)
		l := w * (lse - s[y])
		for c := range s {
			pr := math.Exp(s[c] - lse)
			if c == y {
				pr--
			}
			s[c] = w * pr
		}
		return l
	default: // squared hinge, one-vs-rest
		var l float64
		for c := range s {
			t := -1.0
			if c == y {
				t = 1
			}
			m := 1 - t*s[c]
			if m > 0 {
				l += w * m * m
				s[c] = -2 * w * t * m
			} else {
				s[c] = 0
			}
		}
		return l
	}
}

func (p *linearProblem) parallel(n int, fn func(lo, hi int)) {
	w := min(p.workers, n)
	if w <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + w - 1) / w
	for lo := 0; lo < n; lo += chunk {
		hi := min(n, lo+chunk)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// lbfgsStore is the L-BFGS history length: 5 pairs keep the per-iteration
// cost low on wide sparse problems at no measurable loss (see BENCHMARKS.md).
const lbfgsStore = 5

// fitLinear minimizes the problem with L-BFGS from zero weights.
func fitLinear(d *Dataset, loss lossKind, opts Options) (*Linear, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	k := len(d.Labels)
	p := newLinearProblem(d, loss, opts.C, opts.classWeights(d), opts.Workers)
	prob := optimize.Problem{
		Func: func(x []float64) float64 { return p.evaluate(x, nil) },
		Grad: func(grad, x []float64) { p.evaluate(x, grad) },
	}
	x0 := make([]float64, k*d.Dim+k)
	settings := &optimize.Settings{
		MajorIterations:   opts.MaxIter,
		GradientThreshold: opts.Tol,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-10, Relative: 1e-8, Iterations: 5},
	}
	res, err := optimize.Minimize(prob, x0, settings, &optimize.LBFGS{Store: lbfgsStore})
	if res == nil {
		return nil, fmt.Errorf("models: optimizer: %w", err)
	}
	// Running out of iterations still leaves a usable model.
	m := &Linear{LabelNames: d.Labels, Dim: d.Dim, W: make([]float32, k*d.Dim), B: make([]float64, k), Temperature: 1}
	for i := range m.W {
		m.W[i] = float32(res.X[i])
	}
	copy(m.B, res.X[k*d.Dim:])
	return m, nil
}
