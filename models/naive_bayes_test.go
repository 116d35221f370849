package models

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A 2-label, 3-feature count dataset: label a has rows (2,1,0) and (1,0,0),
// label b has (0,1,2). Per-label totals: N_a = (3,1,0), 4 in all; N_b =
// (0,1,2), 3 in all.
func nbToyData() *Dataset {
	return denseDataset([]string{"a", "b"}, [][]float64{{2, 1, 0}, {1, 0, 0}, {0, 1, 2}}, []int{0, 0, 1})
}

// θ_cj = (N_cj + α) / (N_c + 3α) and the posteriors below are worked out by
// hand as fractions. The bias is the add-one smoothed prior
// (n_c + 1) / (n + K): 3/5 for a, 2/5 for b.
func TestMNBByHand(t *testing.T) {
	type query struct {
		x  []float64
		pa float64 // p(a | x)
	}
	tests := []struct {
		alpha          float64
		thetaA, thetaB []float64
		queries        []query
	}{
		{
			alpha:  1,
			thetaA: []float64{4.0 / 7, 2.0 / 7, 1.0 / 7},
			thetaB: []float64{1.0 / 6, 2.0 / 6, 3.0 / 6},
			queries: []query{
				// a: 3/5·4/7·2/7·1/7 = 24/1715; b: 2/5·1/6·2/6·3/6 = 1/90.
				{[]float64{1, 1, 1}, (24.0 / 1715) / (24.0/1715 + 1.0/90)}, // = 432/775
				// a: 3/5·(1/7)² = 3/245; b: 2/5·(1/2)² = 1/10.
				{[]float64{0, 0, 2}, 6.0 / 55},
				// a: 3/5·(4/7)³ = 192/1715; b: 2/5·(1/6)³ = 1/540.
				{[]float64{3, 0, 0}, (192.0 / 1715) / (192.0/1715 + 1.0/540)},
			},
		},
		{
			alpha:  0.5,
			thetaA: []float64{7.0 / 11, 3.0 / 11, 1.0 / 11},
			thetaB: []float64{1.0 / 9, 3.0 / 9, 5.0 / 9},
			queries: []query{
				// a: 3/5·7·3·1/11³ = 63/6655; b: 2/5·1·3·5/9³ = 2/243.
				{[]float64{1, 1, 1}, 15309.0 / 28619},
				// a: 3/5·(1/11)² = 3/605; b: 2/5·(5/9)² = 10/81.
				{[]float64{0, 0, 2}, 243.0 / 6293},
			},
		},
	}
	for _, tt := range tests {
		opts := DefaultOptions()
		opts.Alpha = tt.alpha
		m, err := fitMNB(nbToyData(), opts)
		require.NoError(t, err)
		require.Equal(t, 3, m.Dim)
		for j := 0; j < 3; j++ {
			assert.InDelta(t, math.Log(tt.thetaA[j]), float64(m.W[j*2+0]), 1e-6, "α=%g log θ_a%d", tt.alpha, j)
			assert.InDelta(t, math.Log(tt.thetaB[j]), float64(m.W[j*2+1]), 1e-6, "α=%g log θ_b%d", tt.alpha, j)
		}
		assert.InDeltaSlice(t, []float64{math.Log(3.0 / 5), math.Log(2.0 / 5)}, m.B, 1e-12, "α=%g prior", tt.alpha)
		for _, q := range tt.queries {
			got := make([]float64, 2)
			m.Scores(dense(q.x...), got)
			assert.InDelta(t, math.Log(q.pa), got[0], 1e-6, "α=%g x=%v log p(a|x)", tt.alpha, q.x)
			assert.InDelta(t, math.Log1p(-q.pa), got[1], 1e-6, "α=%g x=%v log p(b|x)", tt.alpha, q.x)
		}
	}
}

// Complement naive Bayes (Rennie et al. 2003, weight-normalized), worked out
// by hand. Rows: a = (2,1,0), b = (0,1,3); α = 1, 3 features, 7 counts.
//
//	a's complement is b: θ̃_a = (0+1, 1+1, 3+1) / (4+3) = (1/7, 2/7, 4/7)
//	b's complement is a: θ̃_b = (2+1, 1+1, 0+1) / (3+3) = (1/2, 1/3, 1/6)
//
// The weight of feature j for label c is −ln θ̃_cj / Σ_i |ln θ̃_ci| × dim.
func TestCNBByHand(t *testing.T) {
	d := denseDataset([]string{"a", "b"}, [][]float64{{2, 1, 0}, {0, 1, 3}}, []int{0, 1})
	opts := DefaultOptions()
	opts.Alpha = 1
	m, err := fitCNB(d, opts)
	require.NoError(t, err)
	normA := math.Log(343.0 / 8) // ln 7 + ln 7/2 + ln 7/4
	normB := math.Log(36)        // ln 2 + ln 3 + ln 6
	want := [][2]float64{
		{3 * math.Log(7) / normA, 3 * math.Log(2) / normB},
		{3 * math.Log(3.5) / normA, 3 * math.Log(3) / normB},
		{3 * math.Log(1.75) / normA, 3 * math.Log(6) / normB},
	}
	for j, w := range want {
		assert.InDelta(t, w[0], float64(m.W[j*2]), 1e-6, "feature %d label a", j)
		assert.InDelta(t, w[1], float64(m.W[j*2+1]), 1e-6, "feature %d label b", j)
	}
	assert.Equal(t, []float64{0, 0}, m.B, "no prior: CNB corrects for class imbalance by construction")

	// Feature 0 is rare in a's complement, so it votes a (1.553 vs 0.580);
	// feature 2 is rare in b's complement (0.447 vs 1.5).
	raw := make([]float64, 2)
	m.Raw(dense(1, 0, 0), raw)
	assert.InDeltaSlice(t, []float64{want[0][0], want[0][1]}, raw, 1e-6)
	assert.Equal(t, 0, argmax(raw))
	m.Raw(dense(0, 0, 1), raw)
	assert.Equal(t, 1, argmax(raw))
}

// NBSVM (Wang & Manning 2012) on a toy set where feature 0 marks a,
// feature 1 marks b and feature 2 is shared.
//
// Totals: N_a = (4,0,2), N_b = (0,4,2). With α = 1, for label b:
// p = (1,5,3), q = (5,1,3), ‖p‖₁ = ‖q‖₁ = 9, so r = (ln 1/5, ln 5, 0).
func TestNBSVM(t *testing.T) {
	d := denseDataset([]string{"a", "b"},
		[][]float64{{2, 0, 1}, {1, 0, 1}, {1, 0, 0}, {0, 2, 1}, {0, 1, 1}, {0, 1, 0}},
		[]int{0, 0, 0, 1, 1, 1})
	opts := DefaultOptions()
	opts.Alpha, opts.Beta, opts.C, opts.Workers = 1, 0.25, 1, 1
	m, err := fitNBSVM(d, opts)
	require.NoError(t, err)
	assert.Equal(t, NBSVM, m.Kind)

	raw := make([]float64, 2)
	for i := 0; i < d.Len(); i++ {
		m.Raw(d.Row(i), raw)
		assert.Equal(t, d.Y[i], argmax(raw), "training row %d", i)
	}

	// Rebuild label b's weight for feature 1 from its definition: the SVM
	// on features scaled by r, its weights interpolated toward their mean
	// magnitude, times r_1.
	r := []float64{math.Log(1.0 / 5), math.Log(5), 0}
	bin := denseDataset([]string{"rest", "b"},
		[][]float64{{2 * r[0], 0, 0}, {r[0], 0, 0}, {r[0], 0, 0}, {0, 2 * r[1], 0}, {0, r[1], 0}, {0, r[1], 0}},
		[]int{0, 0, 0, 1, 1, 1})
	svm, err := fitLinear(bin, squaredHinge, opts)
	require.NoError(t, err)
	w := make([]float64, 3)
	var meanAbs float64
	for j := range w {
		w[j] = (float64(svm.W[2*j+1]) - float64(svm.W[2*j])) / 2
		meanAbs += math.Abs(w[j]) / 3
	}
	require.Greater(t, w[1], 0.0, "feature 1 scaled by r_1 > 0 votes b")
	interp := (1-opts.Beta)*meanAbs + opts.Beta*w[1]
	assert.InDelta(t, interp*r[1], float64(m.W[1*2+1]), 1e-5, "W[feature 1][b] = r_1 × interpolated w_1")
	assert.InDelta(t, 0, float64(m.W[2*2+1]), 1e-12, "r_2 = 0 zeroes the shared feature")
	assert.InDelta(t, (svm.B[1]-svm.B[0])/2, m.B[1], 1e-12)
}

func TestNaiveBayesRejectsBadData(t *testing.T) {
	opts := DefaultOptions()
	one := denseDataset([]string{"a"}, [][]float64{{1, 0}}, []int{0})
	empty := NewDataset(2, []string{"a", "b"})
	badY := denseDataset([]string{"a", "b"}, [][]float64{{1, 0}}, []int{2})
	for name, fit := range map[string]func(*Dataset, Options) (*Linear, error){"mnb": fitMNB, "cnb": fitCNB, "nbsvm": fitNBSVM} {
		for what, d := range map[string]*Dataset{"one label": one, "empty": empty, "label out of range": badY} {
			_, err := fit(d, opts)
			assert.Error(t, err, "%s: %s", name, what)
		}
	}
}

// With one feature every complement probability is 1, so every log is 0
// and the weight normalization divides 0 by 0.
func TestCNBSingleFeature(t *testing.T) {
	d := denseDataset([]string{"a", "b"}, [][]float64{{1}, {2}}, []int{0, 1})
	m, err := fitCNB(d, DefaultOptions())
	require.NoError(t, err)
	for i, w := range m.W {
		assert.False(t, math.IsNaN(float64(w)), "weight %d", i)
	}
}

// The bias of NBSVM minimizes the squared hinge loss of the interpolated
// weights on the training rows (the SVM's own bias fits other weights), on
// a set whose labels are unbalanced so that the minimum is not at 0.
func TestNBSVMBiasRefit(t *testing.T) {
	d := denseDataset([]string{"a", "b"},
		[][]float64{{2, 0, 1}, {1, 0, 1}, {1, 0, 0}, {1, 1, 1}, {0, 2, 1}, {0, 1, 1}},
		[]int{0, 0, 0, 0, 1, 1})
	opts := DefaultOptions()
	opts.Alpha, opts.Beta, opts.C, opts.Workers = 1, 0.25, 1, 1
	m, err := fitNBSVM(d, opts)
	require.NoError(t, err)
	loss := func(b float64) float64 {
		var l float64
		for i := 0; i < d.Len(); i++ {
			var s float64
			for j := d.Ptr[i]; j < d.Ptr[i+1]; j++ {
				s += float64(m.W[int(d.Index[j])*2+1]) * float64(d.Value[j])
			}
			tg := -1.0
			if d.Y[i] == 1 {
				tg = 1
			}
			if mg := 1 - tg*(s+b); mg > 0 {
				l += mg * mg
			}
		}
		return l
	}
	b := m.B[1]
	assert.NotZero(t, b)
	assert.LessOrEqual(t, loss(b), loss(b+1e-3))
	assert.LessOrEqual(t, loss(b), loss(b-1e-3))
	assert.Equal(t, []float32{0, 0, 0}, []float32{m.W[0], m.W[2], m.W[4]}, "two labels: one problem, label 0's column stays zero")
	assert.Zero(t, m.B[0])
}
