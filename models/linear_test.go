package models

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
)

// Expected values worked out by hand: log softmax(s)_i = s_i − ln Σ_j e^{s_j}.
func TestLogSoftmax(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		in   []float64
		want []float64
	}{
		{"one entry is certain", []float64{-3.7}, []float64{0}},
		{"two equal", []float64{0, 0}, []float64{-math.Ln2, -math.Ln2}},
		{"shift invariant", []float64{5, 5, 5, 5}, []float64{-2 * math.Ln2, -2 * math.Ln2, -2 * math.Ln2, -2 * math.Ln2}},
		// ln(1 + e) = 1.3132616875182228.
		{"0 and 1", []float64{0, 1}, []float64{-math.Log1p(math.E), 1 - math.Log1p(math.E)}},
		// ln(e + e² + e³) = 3 + ln(1 + e⁻¹ + e⁻²) = 3.40760596444438.
		{"1, 2, 3", []float64{1, 2, 3}, []float64{-2.40760596444438, -1.40760596444438, -0.40760596444438}},
		// e⁻¹⁰⁰⁰ underflows: exact in float64 when the maximum is subtracted first.
		{"large scores do not overflow", []float64{1000, 0}, []float64{0, -1000}},
		{"very negative scores do not underflow to NaN", []float64{-1000, -1001}, []float64{-math.Log1p(math.Exp(-1)), -1 - math.Log1p(math.Exp(-1))}},
		{"impossible label stays impossible", []float64{-inf, 0}, []float64{-inf, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := append([]float64(nil), tt.in...)
			logSoftmax(got)
			require.Len(t, got, len(tt.want))
			for i := range got {
				if math.IsInf(tt.want[i], 0) {
					assert.Equal(t, tt.want[i], got[i], "entry %d", i)
					continue
				}
				assert.InDelta(t, tt.want[i], got[i], 1e-12, "entry %d", i)
			}
		})
	}
}

// A 2-label, 2-feature model; scores worked out by hand.
func TestLinearScores(t *testing.T) {
	m := &Linear{
		LabelNames: []string{"a", "b"},
		Dim:        2,
		// Feature-major: feature 0 → (1, −1), feature 1 → (0.5, 2).
		W: []float32{1, -1, 0.5, 2},
		B: []float64{0.1, -0.2},
	}
	// x = (1, 2): raw a = 0.1 + 1 + 1 = 2.1, raw b = −0.2 − 1 + 4 = 2.8.
	x := vec(0, 1, 1, 2)
	tests := []struct {
		name string
		temp float64
		v    features.Vector
		raw  []float64
		want []float64 // log softmax(raw / T)
	}{
		// T = 1: b − a = 0.7, so log p(a) = −ln(1 + e^0.7), log p(b) = −ln(1 + e^−0.7).
		{"T=1", 1, x, []float64{2.1, 2.8}, []float64{-math.Log1p(math.Exp(0.7)), -math.Log1p(math.Exp(-0.7))}},
		// T = 2 halves the gap to 0.35.
		{"T=2", 2, x, []float64{2.1, 2.8}, []float64{-math.Log1p(math.Exp(0.35)), -math.Log1p(math.Exp(-0.35))}},
		// An unset temperature means 1.
		{"T=0 means 1", 0, x, []float64{2.1, 2.8}, []float64{-math.Log1p(math.Exp(0.7)), -math.Log1p(math.Exp(-0.7))}},
		// Features past Dim (here 7) are ignored, as a model sees a
		// vector from a larger pipeline.
		{"feature past Dim ignored", 1, vec(0, 1, 1, 2, 7, 100), []float64{2.1, 2.8}, []float64{-math.Log1p(math.Exp(0.7)), -math.Log1p(math.Exp(-0.7))}},
		// The empty vector scores the bias alone: b − a = −0.3.
		{"bias only", 1, features.Vector{}, []float64{0.1, -0.2}, []float64{-math.Log1p(math.Exp(-0.3)), -math.Log1p(math.Exp(0.3))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m.Temperature = tt.temp
			raw := make([]float64, 2)
			m.Raw(tt.v, raw)
			assert.InDeltaSlice(t, tt.raw, raw, 1e-6) // float32 weights
			got := make([]float64, 2)
			m.Scores(tt.v, got)
			assert.InDeltaSlice(t, tt.want, got, 1e-6)
			assert.InDelta(t, 1, math.Exp(got[0])+math.Exp(got[1]), 1e-12, "probabilities sum to 1")
		})
	}
}

// Explain's contributions worked out by hand on the model of
// TestLinearScores: feature j's push toward label c is
// (w_jc − mean_l w_jl) × x_j / T.
func TestLinearExplain(t *testing.T) {
	m := &Linear{LabelNames: []string{"a", "b"}, Dim: 2, W: []float32{1, -1, 0.5, 2}, B: []float64{0.1, -0.2}, Temperature: 2}
	x := vec(0, 1, 1, 2)
	// Toward b: feature 0 (−1 − 0) × 1 / 2 = −0.5 (dropped, it pushes
	// away), feature 1 (2 − 1.25) × 2 / 2 = 0.75.
	assert.Equal(t, []Contribution{{Feature: 1, Weight: 0.75}}, m.Explain(x, 1, 5))
	// Toward a: feature 0 (1 − 0) × 1 / 2 = 0.5, feature 1 negative.
	assert.Equal(t, []Contribution{{Feature: 0, Weight: 0.5}}, m.Explain(x, 0, 5))
	assert.Empty(t, m.Explain(x, 0, 0), "n = 0 asks for nothing")
}

// rawPaired must be the same bits as two Raw calls: Predict relies on it
// to score both stages in one pass. Stage b is wider (stacking features past
// a.Dim), and v holds an index past both dimensions, which both ignore.
func TestRawPairEqualsRaw(t *testing.T) {
	a := &Linear{LabelNames: []string{"x", "y", "z"}, Dim: 4, B: []float64{0.1, -0.2, 0.3},
		W: []float32{0.5, -1, 2, 0.25, 0.125, -0.75, 3, 1e-3, -2, 7, 0.3, 0.1}}
	b := &Linear{LabelNames: a.LabelNames, Dim: 6, B: []float64{-1, 0, 1},
		W: []float32{1, 2, 3, -4, 5, -6, 0.7, 0.8, 0.9, 1e-4, -1e-4, 2e-4, 9, 8, 7, 6, 5, 4}}
	v := features.Vector{Index: []uint32{0, 2, 3, 5, 9}, Value: []float32{0.3, -1.7, 0.11, 2, 5}}
	wantA, wantB := make([]float64, 3), make([]float64, 3)
	a.Raw(v, wantA)
	b.Raw(v, wantB)
	m := &Model{Stage1: a, Stage2: b, stagePairs: &stagePairs{}}
	w := m.pairs()
	require.Len(t, w, 2*3*a.Dim)
	assert.Equal(t, []float32{0.5, -1, 2, 1, 2, 3}, w[:6], "feature 0: a's row, then b's")
	assert.Equal(t, w, (&Model{Stage1: a, Stage2: b}).pairs(), "a model built by hand gets its own copy")
	assert.Nil(t, (&Model{Stage1: a}).pairs(), "not stacked")
	gotA, gotB := make([]float64, 3), make([]float64, 3)
	rawPaired(a, b, w, v, gotA, gotB)
	assert.Equal(t, wantA, gotA)
	assert.Equal(t, wantB, gotB)
	// Worked by hand for label x of a (W is feature-major, rows of 3):
	// 0.1 + 0.5·0.3 + 3·(−1.7) + 7·0.11 = −4.08.
	assert.InDelta(t, -4.08, gotA[0], 1e-6)
}

// The four-label path (the news model's) keeps its sums in registers: the
// same bits as Raw, over random weights and a vector with features past
// stage 1 (stacking) and past both stages.
func TestRawPairedFourLabels(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	labels := []string{"a", "b", "c", "d"}
	lin := func(dim int) *Linear {
		l := &Linear{LabelNames: labels, Dim: dim, B: []float64{r.NormFloat64(), r.NormFloat64(), r.NormFloat64(), r.NormFloat64()}}
		for range 4 * dim {
			l.W = append(l.W, float32(r.NormFloat64()))
		}
		return l
	}
	a, b := lin(50), lin(60)
	var v features.Vector
	for i := uint32(0); i < 70; i += 1 + uint32(r.IntN(3)) {
		v.Add(i, float32(r.NormFloat64()))
	}
	wantA, wantB := make([]float64, 4), make([]float64, 4)
	a.Raw(v, wantA)
	b.Raw(v, wantB)
	m := &Model{Stage1: a, Stage2: b, stagePairs: &stagePairs{}}
	gotA, gotB := make([]float64, 4), make([]float64, 4)
	rawPaired(a, b, m.pairs(), v, gotA, gotB)
	assert.Equal(t, wantA, gotA)
	assert.Equal(t, wantB, gotB)
}
