package models

import "math"

// featureTotals sums feature values per class: t[c*dim+j]. Values are
// non-negative for every pipeline in this project; negative ones are
// clipped to 0 because counts cannot be negative.
func featureTotals(d *Dataset) []float64 {
	k := len(d.Labels)
	t := make([]float64, k*d.Dim)
	for i := 0; i < d.Len(); i++ {
		c := d.Y[i]
		for j := d.Ptr[i]; j < d.Ptr[i+1]; j++ {
			if v := float64(d.Value[j]); v > 0 {
				t[c*d.Dim+int(d.Index[j])] += v
			}
		}
	}
	return t
}

// fitMNB trains multinomial naive Bayes (McCallum & Nigam 1998):
// log θ_cj = log (N_cj + α) / (N_c + α·dim), with the class prior as bias.
func fitMNB(d *Dataset, opts Options) (*Linear, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	k, dim := len(d.Labels), d.Dim
	t := featureTotals(d)
	m := &Linear{LabelNames: d.Labels, Dim: dim, W: make([]float32, k*dim), B: make([]float64, k), Temperature: 1}
	counts := d.classCounts()
	for c := 0; c < k; c++ {
		var total float64
		for _, v := range t[c*dim : (c+1)*dim] {
			total += v
		}
		den := math.Log(total + opts.Alpha*float64(dim))
		for j := 0; j < dim; j++ {
			m.W[j*k+c] = float32(math.Log(t[c*dim+j]+opts.Alpha) - den)
		}
		m.B[c] = math.Log(float64(counts[c]+1) / float64(d.Len()+k))
	}
	return m, nil
}

// fitCNB trains complement naive Bayes with weight normalization (Rennie,
// Shih, Teevan & Karger 2003): each class is scored by the negated,
// normalized log-likelihood of the features under all the other classes.
func fitCNB(d *Dataset, opts Options) (*Linear, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	k, dim := len(d.Labels), d.Dim
	t := featureTotals(d)
	all := make([]float64, dim)
	for c := 0; c < k; c++ {
		for j := 0; j < dim; j++ {
			all[j] += t[c*dim+j]
		}
	}
	var grand float64
	for _, v := range all {
		grand += v
	}
	m := &Linear{LabelNames: d.Labels, Dim: dim, W: make([]float32, k*dim), B: make([]float64, k), Temperature: 1}
	w := make([]float64, dim)
	for c := 0; c < k; c++ {
		var classTotal float64
		for _, v := range t[c*dim : (c+1)*dim] {
			classTotal += v
		}
		den := grand - classTotal + opts.Alpha*float64(dim)
		var norm float64
		for j := 0; j < dim; j++ {
			w[j] = math.Log((all[j] - t[c*dim+j] + opts.Alpha) / den)
			norm += math.Abs(w[j])
		}
		if norm == 0 {
			continue // every complement probability is 1: no evidence either way
		}
		for j := 0; j < dim; j++ {
			// Scores are -Σ x w / ‖w‖₁; scaled by dim so the temperature
			// starts near a useful range.
			m.W[j*k+c] = float32(-w[j] / norm * float64(dim))
		}
	}
	return m, nil
}

// fitNBSVM trains NBSVM (Wang & Manning 2012), one-vs-rest: for each class,
// features are scaled by the log-count ratio r = log((p/‖p‖₁)/(q/‖q‖₁)) with
// p, q the smoothed feature totals inside and outside the class, an L2-loss
// SVM is trained on the scaled features, and its weights are interpolated
// toward their mean magnitude, w' = (1-β)·mean|w| + β·w. The result is folded
// back into a Linear model over the unscaled features: w'_j·r_j.
func fitNBSVM(d *Dataset, opts Options) (*Linear, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	k, dim := len(d.Labels), d.Dim
	t := featureTotals(d)
	out := &Linear{Kind: NBSVM, LabelNames: d.Labels, Dim: dim, W: make([]float32, k*dim), B: make([]float64, k), Temperature: 1}
	r := make([]float64, dim)
	p := make([]float64, dim)
	q := make([]float64, dim)
	// Log-count ratios are defined for count-like features; a feature that
	// is negative anywhere (a component of a word vector) is passed through
	// unscaled (r = 1) and left out of the class totals.
	signed := make([]bool, dim)
	for j, idx := range d.Index {
		if d.Value[j] < 0 {
			signed[idx] = true
		}
	}
	// With two labels the two one-vs-rest problems mirror each other (r and
	// the targets change sign: same w, opposite b), so train label 1 against
	// label 0 once, as Wang & Manning's binary NBSVM; column 0 stays zero.
	classes := k
	if k == 2 {
		classes = 1
	}
	for ci := 0; ci < classes; ci++ {
		c := ci
		if k == 2 {
			c = 1
		}
		var pSum, qSum float64
		for j := 0; j < dim; j++ {
			if signed[j] {
				continue
			}
			p[j], q[j] = opts.Alpha, opts.Alpha
			for o := 0; o < k; o++ {
				if o == c {
					p[j] += t[o*dim+j]
				} else {
					q[j] += t[o*dim+j]
				}
			}
			pSum += p[j]
			qSum += q[j]
		}
		for j := 0; j < dim; j++ {
			if signed[j] {
				r[j] = 1
				continue
			}
			r[j] = math.Log((p[j] / pSum) / (q[j] / qSum))
		}
		// Binary problem: class c against the rest, on scaled features.
		bin := &Dataset{Dim: dim, Labels: []string{"rest", d.Labels[c]}, Ptr: d.Ptr, Index: d.Index, Value: make([]float32, len(d.Value)), Y: make([]int, d.Len())}
		for j, idx := range d.Index {
			bin.Value[j] = d.Value[j] * float32(r[idx])
		}
		for i, y := range d.Y {
			if y == c {
				bin.Y[i] = 1
			}
		}
		svm, err := fitLinear(bin, squaredHinge, opts)
		if err != nil {
			return nil, err
		}
		// A binary one-vs-rest SVM has two mirrored rows; the class's margin
		// is the difference, halved.
		var meanAbs float64
		w := make([]float64, dim)
		for j := 0; j < dim; j++ {
			w[j] = (float64(svm.W[2*j+1]) - float64(svm.W[2*j])) / 2
			meanAbs += math.Abs(w[j])
		}
		meanAbs /= float64(dim)
		for j := 0; j < dim; j++ {
			wj := (1-opts.Beta)*meanAbs + opts.Beta*w[j]
			out.W[j*k+c] = float32(wj * r[j])
		}
		// The SVM's bias fits w, not the interpolated weights, whose scale
		// is different (mostly (1-β)·mean|w|): refit it.
		out.B[c] = refitBias(d, bin.Y, out.W, k, c)
	}
	return out, nil
}

// refitBias returns the bias b that minimizes the squared hinge loss
// Σ max(0, 1 − tᵢ(sᵢ + b))² of the scores sᵢ = W[·][c]·xᵢ on the training
// rows, tᵢ = +1 where y[i] == 1: a convex function of one variable, whose
// increasing derivative is bisected.
func refitBias(d *Dataset, y []int, W []float32, k, c int) float64 {
	n := d.Len()
	s := make([]float64, n)
	t := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := d.Ptr[i]; j < d.Ptr[i+1]; j++ {
			s[i] += float64(W[int(d.Index[j])*k+c]) * float64(d.Value[j])
		}
		t[i] = -1
		if y[i] == 1 {
			t[i] = 1
		}
	}
	deriv := func(b float64) float64 {
		var g float64
		for i := range s {
			if m := 1 - t[i]*(s[i]+b); m > 0 {
				g -= 2 * t[i] * m
			}
		}
		return g
	}
	// Below −max(s)−1 every positive row is inside its margin and the
	// derivative is negative; above −min(s)+1 every negative row is and it
	// is positive: the minimum lies in between.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range s {
		lo, hi = math.Min(lo, -x-1), math.Max(hi, -x+1)
	}
	for it := 0; it < 100 && hi-lo > 1e-12*(1+math.Abs(lo)); it++ {
		mid := (lo + hi) / 2
		if deriv(mid) > 0 {
			hi = mid
		} else {
			lo = mid
		}
	}
	return (lo + hi) / 2
}
