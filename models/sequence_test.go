package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Counts worked out by hand, with one added to every cell. Sequences 0 0 1,
// 1 1 and 0: starts 0, 1, 0 → (1+2, 1+1) = (3, 2); bigrams 0→0, 0→1, 1→1 →
// row 0 (1+1, 1+1) = (2, 2), row 1 (1+0, 1+1) = (1, 2).
func TestLearnTransitions(t *testing.T) {
	tr := learnTransitions([][]int{{0, 0, 1}, {1, 1}, {0}}, 2, 0.5)
	assert.Equal(t, 2, tr.K)
	assert.Equal(t, 0.5, tr.Weight)
	assert.InDeltaSlice(t, []float64{math.Log(3.0 / 5), math.Log(2.0 / 5)}, tr.Start, 1e-15)
	assert.InDeltaSlice(t, []float64{math.Log(0.5), math.Log(0.5), math.Log(1.0 / 3), math.Log(2.0 / 3)}, tr.Trans, 1e-15)

	// No sequences at all: uniform.
	empty := learnTransitions(nil, 3, 1)
	for _, v := range append(append([]float64(nil), empty.Start...), empty.Trans...) {
		assert.InDelta(t, -math.Log(3), v, 1e-15)
	}
}

// handChain is a sticky 2-label chain, start (0.5, 0.5), stay 0.9, switch
// 0.1, over sentence probabilities (0.8, 0.2), (0.4, 0.6), (0.7, 0.3).
// The eight path probabilities, by hand:
//
//	000 .5·.8·.9·.4·.9·.7 = .09072    100 .5·.2·.1·.4·.9·.7 = .00252
//	001 .5·.8·.9·.4·.1·.3 = .00432    101 .5·.2·.1·.4·.1·.3 = .00012
//	010 .5·.8·.1·.6·.1·.7 = .00168    110 .5·.2·.9·.6·.1·.7 = .00378
//	011 .5·.8·.1·.6·.9·.3 = .00648    111 .5·.2·.9·.6·.9·.3 = .01458
//
// total .1242. The best path is 000, although sentence 2 alone says 1.
func handChain(weight float64) (*Transitions, []float64) {
	tr := &Transitions{
		K:      2,
		Start:  []float64{math.Log(0.5), math.Log(0.5)},
		Trans:  []float64{math.Log(0.9), math.Log(0.1), math.Log(0.1), math.Log(0.9)},
		Weight: weight,
	}
	logp := []float64{math.Log(0.8), math.Log(0.2), math.Log(0.4), math.Log(0.6), math.Log(0.7), math.Log(0.3)}
	return tr, logp
}

func TestViterbiByHand(t *testing.T) {
	tests := []struct {
		weight float64
		want   []int
	}{
		{1, []int{0, 0, 0}},
		{0, []int{0, 1, 0}}, // no chain: each sentence's own best label
	}
	for _, tt := range tests {
		tr, logp := handChain(tt.weight)
		assert.Equal(t, tt.want, tr.Viterbi(logp, 3, nil), "weight %g", tt.weight)
	}
	tr, logp := handChain(1)
	assert.Equal(t, []int{0}, tr.Viterbi(logp, 1, nil), "one sentence: .5·.8 > .5·.2")
	assert.Empty(t, tr.Viterbi(nil, 0, nil), "no sentences")
	buf := make([]int, 10)
	assert.Equal(t, []int{0, 0, 0}, tr.Viterbi(logp, 3, buf), "reused buffer")
}

func TestPosteriorsByHand(t *testing.T) {
	tr, logp := handChain(1)
	tr.Posteriors(logp, 3)
	// Marginals summed from the eight paths above.
	want := []float64{
		(.09072 + .00432 + .00168 + .00648) / .1242, (.00252 + .00012 + .00378 + .01458) / .1242,
		(.09072 + .00432 + .00252 + .00012) / .1242, (.00168 + .00648 + .00378 + .01458) / .1242,
		(.09072 + .00168 + .00252 + .00378) / .1242, (.00432 + .00648 + .00012 + .01458) / .1242,
	}
	for i, w := range want {
		assert.InDelta(t, w, math.Exp(logp[i]), 1e-12, "sentence %d label %d", i/2, i%2)
	}
}

// bruteMarginals enumerates all K^n label sequences and sums their
// probabilities ∝ exp(Σ logp + w·(start + Σ trans)) per sentence and label.
func bruteMarginals(tr *Transitions, logp []float64, n int) []float64 {
	k := tr.K
	marg := make([]float64, n*k)
	path := make([]int, n)
	var total float64
	paths := int(math.Pow(float64(k), float64(n)))
	for p := 0; p < paths; p++ {
		q := p
		for i := n - 1; i >= 0; i-- {
			path[i] = q % k
			q /= k
		}
		s := logp[path[0]] + tr.Weight*tr.Start[path[0]]
		for i := 1; i < n; i++ {
			s += logp[i*k+path[i]] + tr.Weight*tr.Trans[path[i-1]*k+path[i]]
		}
		e := math.Exp(s)
		total += e
		for i, y := range path {
			marg[i*k+y] += e
		}
	}
	for i := range marg {
		marg[i] /= total
	}
	return marg
}

func bruteViterbi(tr *Transitions, logp []float64, n int) []int {
	k := tr.K
	best, bestS := make([]int, n), math.Inf(-1)
	path := make([]int, n)
	paths := int(math.Pow(float64(k), float64(n)))
	for p := 0; p < paths; p++ {
		q := p
		for i := n - 1; i >= 0; i-- {
			path[i] = q % k
			q /= k
		}
		s := logp[path[0]] + tr.Weight*tr.Start[path[0]]
		for i := 1; i < n; i++ {
			s += logp[i*k+path[i]] + tr.Weight*tr.Trans[path[i-1]*k+path[i]]
		}
		if s > bestS {
			bestS = s
			copy(best, path)
		}
	}
	return best
}

// Forward-backward and Viterbi agree with enumeration of every path on
// random chains (random, unnormalized start and transition scores).
func TestPosteriorsMatchEnumeration(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, tc := range []struct{ k, n int }{{2, 1}, {2, 2}, {2, 6}, {3, 5}, {4, 4}, {5, 3}} {
		for trial := 0; trial < 5; trial++ {
			t.Run(fmt.Sprintf("K=%d/n=%d/%d", tc.k, tc.n, trial), func(t *testing.T) {
				k, n := tc.k, tc.n
				tr := &Transitions{K: k, Start: make([]float64, k), Trans: make([]float64, k*k), Weight: []float64{0, 0.7, 1, 2.5}[trial%4]}
				for i := range tr.Start {
					tr.Start[i] = 2 * rng.NormFloat64()
				}
				for i := range tr.Trans {
					tr.Trans[i] = 2 * rng.NormFloat64()
				}
				logp := make([]float64, n*k)
				for i := 0; i < n; i++ {
					for c := 0; c < k; c++ {
						logp[i*k+c] = 3 * rng.NormFloat64()
					}
					logSoftmax(logp[i*k : (i+1)*k])
				}
				want := bruteMarginals(tr, logp, n)
				wantPath := bruteViterbi(tr, logp, n)
				assert.Equal(t, wantPath, tr.Viterbi(logp, n, nil))
				got := append([]float64(nil), logp...)
				tr.Posteriors(got, n)
				for i := range got {
					assert.InDelta(t, want[i], math.Exp(got[i]), 1e-9, "sentence %d label %d", i/k, i%k)
				}
			})
		}
	}
}

// A label that the classifier rules out (log-probability −Inf) stays ruled
// out and does not turn the marginals into NaN.
func TestPosteriorsImpossibleLabel(t *testing.T) {
	tr, logp := handChain(1)
	logp[3] = math.Inf(-1) // sentence 1 cannot be label 1
	tr.Posteriors(logp, 3)
	for i, v := range logp {
		require.False(t, math.IsNaN(v), "entry %d", i)
	}
	assert.Equal(t, math.Inf(-1), logp[3])
	assert.InDelta(t, 1, math.Exp(logp[2]), 1e-12)
}
