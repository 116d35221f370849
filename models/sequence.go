package models

import "math"

// Transitions scores label sequences: Start[y] is the log-probability that
// an article opens with label y, Trans[a*K+b] that label b follows label a,
// both estimated from gold sequences with add-one smoothing. Decoding adds
// Weight × these to each sentence's log-probabilities, a linear chain whose
// sentence potentials come from the classifier (a hybrid of a maximum-entropy
// Markov model and an HMM decoder).
type Transitions struct {
	K      int
	Start  []float64
	Trans  []float64
	Weight float64
}

// learnTransitions counts label bigrams over the gold sequences.
func learnTransitions(seqs [][]int, k int, weight float64) *Transitions {
	start := make([]float64, k)
	trans := make([]float64, k*k)
	for i := range start {
		start[i] = 1
	}
	for i := range trans {
		trans[i] = 1
	}
	for _, s := range seqs {
		for i, y := range s {
			if i == 0 {
				start[y]++
			} else {
				trans[s[i-1]*k+y]++
			}
		}
	}
	normLog(start)
	for a := 0; a < k; a++ {
		normLog(trans[a*k : (a+1)*k])
	}
	return &Transitions{K: k, Start: start, Trans: trans, Weight: weight}
}

func normLog(x []float64) {
	var s float64
	for _, v := range x {
		s += v
	}
	for i, v := range x {
		x[i] = math.Log(v / s)
	}
}

// Viterbi returns the best label sequence for per-sentence log-probabilities
// (n × K, row-major).
func (t *Transitions) Viterbi(logp []float64, n int, path []int) []int {
	k := t.K
	path = append(path[:0], make([]int, n)...)
	if n == 0 {
		return path
	}
	delta := make([]float64, n*k)
	back := make([]int, n*k)
	for y := 0; y < k; y++ {
		delta[y] = logp[y] + t.Weight*t.Start[y]
	}
	for i := 1; i < n; i++ {
		for y := 0; y < k; y++ {
			best, arg := math.Inf(-1), 0
			for a := 0; a < k; a++ {
				s := delta[(i-1)*k+a] + t.Weight*t.Trans[a*k+y]
				if s > best {
					best, arg = s, a
				}
			}
			delta[i*k+y] = best + logp[i*k+y]
			back[i*k+y] = arg
		}
	}
	best, arg := math.Inf(-1), 0
	for y := 0; y < k; y++ {
		if delta[(n-1)*k+y] > best {
			best, arg = delta[(n-1)*k+y], y
		}
	}
	path[n-1] = arg
	for i := n - 1; i > 0; i-- {
		path[i-1] = back[i*k+path[i]]
	}
	return path
}

// Posteriors replaces logp (n × K) by the log of each sentence's marginal
// label probability under the chain (forward-backward in log space).
func (t *Transitions) Posteriors(logp []float64, n int) {
	t.PosteriorsBuf(logp, n, nil)
}

// PosteriorsBuf is Posteriors with scratch space buf, returned grown for
// the next call. It runs forward-backward on probabilities rescaled at every
// sentence (Rabiner's scaling) rather than in log space: k exponentials and
// k logarithms per sentence instead of about 2k² + k of each.
func (t *Transitions) PosteriorsBuf(logp []float64, n int, buf []float64) []float64 {
	k := t.K
	if n == 0 {
		return buf
	}
	buf = grow(buf, 3*n*k+k*k)
	alpha, beta, emit, trans := buf[:n*k], buf[n*k:2*n*k], buf[2*n*k:3*n*k], buf[3*n*k:]
	// Transition factors, scaled so that the largest is 1 (a common factor
	// cancels when each row is normalized).
	mx := math.Inf(-1)
	for _, v := range t.Trans {
		mx = math.Max(mx, t.Weight*v)
	}
	for j, v := range t.Trans {
		trans[j] = math.Exp(t.Weight*v - mx)
	}
	// Emissions relative to each sentence's best label.
	for i := 0; i < n; i++ {
		row := logp[i*k : (i+1)*k]
		m := math.Inf(-1)
		for _, v := range row {
			m = math.Max(m, v)
		}
		for y, v := range row {
			emit[i*k+y] = math.Exp(v - m)
		}
	}
	ms := math.Inf(-1)
	for y := 0; y < k; y++ {
		ms = math.Max(ms, t.Weight*t.Start[y]+logp[y])
	}
	for y := 0; y < k; y++ {
		alpha[y] = math.Exp(t.Weight*t.Start[y] + logp[y] - ms)
	}
	normalize(alpha[:k])
	for i := 1; i < n; i++ {
		prev, cur := alpha[(i-1)*k:i*k], alpha[i*k:(i+1)*k]
		for y := 0; y < k; y++ {
			var s float64
			for a := 0; a < k; a++ {
				s += prev[a] * trans[a*k+y]
			}
			cur[y] = s * emit[i*k+y]
		}
		normalize(cur)
	}
	for y := 0; y < k; y++ {
		beta[(n-1)*k+y] = 1
	}
	for i := n - 2; i >= 0; i-- {
		next, cur := beta[(i+1)*k:(i+2)*k], beta[i*k:(i+1)*k]
		for a := 0; a < k; a++ {
			var s float64
			for y := 0; y < k; y++ {
				s += trans[a*k+y] * emit[(i+1)*k+y] * next[y]
			}
			cur[a] = s
		}
		normalize(cur)
	}
	for i := 0; i < n; i++ {
		row := logp[i*k : (i+1)*k]
		var z float64
		for y := 0; y < k; y++ {
			row[y] = alpha[i*k+y] * beta[i*k+y]
			z += row[y]
		}
		for y := range row {
			row[y] = math.Log(row[y] / z)
		}
	}
	return buf
}

// normalize scales x to sum 1 (x must have a positive entry).
func normalize(x []float64) {
	var s float64
	for _, v := range x {
		s += v
	}
	inv := 1 / s
	for i := range x {
		x[i] *= inv
	}
}

func logSumExp(x []float64) float64 {
	mx := math.Inf(-1)
	for _, v := range x {
		mx = math.Max(mx, v)
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	var s float64
	for _, v := range x {
		s += math.Exp(v - mx)
	}
	return mx + math.Log(s)
}
