package models

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features/vectors"
)

// handNet is the network of TestConvForwardByHand: 2-dimensional vectors,
// windows of 2 rows, 2 filters, 2 labels.
func handNet() *ConvNet {
	return &ConvNet{Dim: 2, Width: 2, Filters: 2, K: 2,
		// filter 0 reads x[t][0] + x[t+1][1]; filter 1 reads −x[t][1] − x[t+1][0]
		W: []float32{1, 0, 0, 1, 0, -1, -1, 0},
		B: []float32{-1, -2},
		V: []float32{1, 1, -1, 0.5},
		C: []float32{0, 0.5},
	}
}

// A forward pass worked out by hand. Input rows [0 0] [1 2] [3 −1] [0 0]
// (a two-word sentence with its edge rows), three windows:
//
//	filter 0: 0+2 = 2, 1−1 = 0, 3+0 = 3 → max 3 at window 2, +b −1 → h₀ = 2
//	filter 1: 0−1 = −1, −2−3 = −5, 1−0 = 1 → max 1 at window 2, +b −2 → −1 → h₁ = 0
//	logits: 0 + 1·2 + 1·0 = 2; 0.5 − 1·2 + 0.5·0 = −1.5
//	log-softmax: −log(1+e^−3.5) = −0.0297502, −3.5 − 0.0297502
func TestConvForwardByHand(t *testing.T) {
	n := handNet()
	x := []float32{0, 0, 1, 2, 3, -1, 0, 0}
	var a convActs
	n.forward(x, &a)
	assert.Equal(t, []float32{2, 0}, a.h)
	assert.Equal(t, []int{2, 2}, a.arg)
	lse := math.Log1p(math.Exp(-3.5))
	assert.InDelta(t, -lse, a.logits[0], 1e-6)
	assert.InDelta(t, -3.5-lse, a.logits[1], 1e-6)

	// Backward for gold label 0: p = (0.970688, 0.029312), dlogits = p − (1, 0).
	// dV[c][f] = dlogit_c · h_f; dh₀ = 1·(p₀−1) − 1·p₁ = −2·p₁; filter 1
	// is off (h₁ = 0), so only filter 0's window 2 rows [3 −1] [0 0] get
	// dW₀ = dh₀ · (3, −1, 0, 0), and dB₀ = dh₀.
	g := newConvGrad(n)
	loss := n.backward(x, &a, nil, 0, g)
	p1 := math.Exp(-3.5 - lse)
	assert.InDelta(t, lse, loss, 1e-6)
	assert.InDelta(t, -p1, g.C[0], 1e-6)
	assert.InDelta(t, p1, g.C[1], 1e-6)
	assert.InDeltaSlice(t, []float64{-2 * p1, 0, 2 * p1, 0}, f64(g.V), 1e-6)
	assert.InDeltaSlice(t, []float64{-2 * p1, 0}, f64(g.B), 1e-6)
	assert.InDeltaSlice(t, []float64{-6 * p1, 2 * p1, 0, 0, 0, 0, 0, 0}, f64(g.W), 1e-6)
}

func f64(x []float32) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

// convInput pads a sentence with an edge row on each side, and short
// ones to a full window; a sentence without known words is zeros.
func TestConvInput(t *testing.T) {
	table, err := vectors.Quantize([]string{"a", "b"}, [][]float32{{1, -1}, {0.5, 1}}, 2)
	require.NoError(t, err)
	a, b := table.Vector(0), table.Vector(1)
	tests := []struct {
		name  string
		rows  []int32
		width int
		want  []float32
	}{
		{"two words", []int32{0, 1}, 3, slices.Concat([]float32{0, 0}, a, b, []float32{0, 0})},
		{"one word, wide window", []int32{1}, 5, slices.Concat([]float32{0, 0}, b, []float32{0, 0, 0, 0, 0, 0})},
		{"no word", nil, 3, []float32{0, 0, 0, 0, 0, 0}},
		{"repeated word", []int32{0, 0}, 2, slices.Concat([]float32{0, 0}, a, a, []float32{0, 0})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := convInput(table, tc.rows, tc.width, []float32{9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9})
			assert.Equal(t, tc.want, got)
		})
	}
}

// The gradient of backward matches finite differences of the loss, for
// every parameter of a small random network on a random sentence.
func TestConvGradientCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := newConvNet(3, 2, 4, 3, rng)
	for i := range n.B {
		n.B[i] = float32(rng.NormFloat64() * 0.3)
	}
	for i := range n.C {
		n.C[i] = float32(rng.NormFloat64() * 0.3)
	}
	x := make([]float32, 6*3) // 6 rows: 4 words and the edges
	for i := range x[3 : 5*3] {
		x[3+i] = float32(rng.NormFloat64())
	}
	const y = 1
	var a convActs
	loss := func() float64 {
		n.forward(x, &a)
		return -a.logits[y]
	}
	loss()
	g := newConvGrad(n)
	n.backward(x, &a, nil, y, g)
	grads := [4][]float32{g.W, g.B, g.V, g.C}
	names := []string{"W", "B", "V", "C"}
	const eps = 1e-2
	for pi, p := range n.params() {
		for j := range p {
			orig := p[j]
			p[j] = orig + eps
			up := loss()
			p[j] = orig - eps
			down := loss()
			p[j] = orig
			num := (up - down) / (2 * eps)
			assert.InDelta(t, num, float64(grads[pi][j]), 2e-3, "%s[%d]", names[pi], j)
		}
	}
}

// orderTable has four words whose vectors are the unit vectors, so that
// the mean of a sentence's vectors says which words it has, not in which
// order.
func orderTable(t *testing.T) *vectors.Table {
	t.Helper()
	table, err := vectors.Quantize([]string{"a", "b", "c", "d"},
		[][]float32{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, 4)
	require.NoError(t, err)
	return table
}

// orderData: label 1 when "a" comes right before "b", 0 when "b" comes
// right before "a"; both orders have the same words, so only a model that
// reads the order can separate them.
func orderData(rng *rand.Rand, n int) ([][]int32, []int) {
	var sents [][]int32
	var y []int
	for i := 0; i < n; i++ {
		label := i % 2
		pair := []int32{1, 0}
		if label == 1 {
			pair = []int32{0, 1}
		}
		s := []int32{}
		for j := rng.IntN(3); j > 0; j-- {
			s = append(s, 2+rng.Int32N(2))
		}
		s = append(s, pair...)
		for j := rng.IntN(3); j > 0; j-- {
			s = append(s, 2+rng.Int32N(2))
		}
		sents = append(sents, s)
		y = append(y, label)
	}
	return sents, y
}

func convAccuracy(n *ConvNet, table *vectors.Table, sents [][]int32, y []int) float64 {
	var a convActs
	var x []float32
	out := make([]float64, n.K)
	right := 0
	for i, s := range sents {
		x = n.scores(table, s, &a, x, out)
		if argmax(out) == y[i] {
			right++
		}
	}
	return float64(right) / float64(len(sents))
}

// The network learns word order, which pooled vectors cannot see.
func TestConvLearnsOrder(t *testing.T) {
	table := orderTable(t)
	rng := rand.New(rand.NewPCG(7, 7))
	train, ytrain := orderData(rng, 400)
	test, ytest := orderData(rng, 200)
	o := ConvOptions{Filters: 8, Width: 2, Epochs: 30, Batch: 16, Rate: 1e-2, Mix: ConvMixAverage, Seed: 1}.withDefaults()
	require.NoError(t, o.validate())
	n := trainConv(table, train, ytrain, 2, o, 1)
	assert.GreaterOrEqual(t, convAccuracy(n, table, test, ytest), 0.99)
}

// Same seed, same weights bit for bit, whatever the number of workers; a
// different seed gives different weights.
func TestConvDeterministic(t *testing.T) {
	table := orderTable(t)
	sents, y := orderData(rand.New(rand.NewPCG(1, 2)), 100)
	o := ConvOptions{Filters: 6, Epochs: 3, Batch: 10, Dropout: 0.3, Seed: 5}.withDefaults()
	n1 := trainConv(table, sents, y, 2, o, 1)
	n1again := trainConv(table, sents, y, 2, o, 1)
	n4 := trainConv(table, sents, y, 2, o, 4)
	for _, other := range []*ConvNet{n1again, n4} {
		assert.Equal(t, n1.params(), other.params())
	}
	o.Seed = 6
	n6 := trainConv(table, sents, y, 2, o, 1)
	assert.NotEqual(t, n1.W, n6.W)
}

func TestConvOptionsValidate(t *testing.T) {
	good := ConvOptions{Filters: 8}.withDefaults()
	require.NoError(t, good.validate())
	assert.Equal(t, ConvOptions{Filters: 8, Width: 3, Epochs: 5, Batch: 32, Rate: 1e-3, L2: 1e-5, Mix: ConvMixAverage}, good)
	tests := []struct {
		name string
		edit func(*ConvOptions)
		want string
	}{
		{"negative filters", func(o *ConvOptions) { o.Filters = -1 }, "filters"},
		{"window too wide", func(o *ConvOptions) { o.Width = 17 }, "window"},
		{"no epochs", func(o *ConvOptions) { o.Epochs = -1 }, "epochs"},
		{"NaN rate", func(o *ConvOptions) { o.Rate = math.NaN() }, "step size"},
		{"dropout 1", func(o *ConvOptions) { o.Dropout = 1 }, "dropout"},
		{"unknown mix", func(o *ConvOptions) { o.Mix = "max" }, "mix"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := good
			tc.edit(&o)
			err := o.validate()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// mixConv with weight 0 is the linear model, with weight 1 the network;
// in between, the renormalized weighted mean of the log-probabilities.
func TestMixConv(t *testing.T) {
	lin := []float64{math.Log(0.5), math.Log(0.5)}
	conv := []float64{math.Log(0.8), math.Log(0.2)}
	dst := make([]float64, 2)
	mixConv(dst, lin, conv, 0, 2)
	assert.InDeltaSlice(t, lin, dst, 1e-12)
	mixConv(dst, lin, conv, 1, 2)
	assert.InDeltaSlice(t, conv, dst, 1e-12)
	// w = 0.5: 0.5^0.5·0.8^0.5 = √0.4 and 0.5^0.5·0.2^0.5 = √0.1, whose
	// shares are 2/3 and 1/3.
	mixConv(dst, lin, conv, 0.5, 2)
	assert.InDeltaSlice(t, []float64{math.Log(2.0 / 3), math.Log(1.0 / 3)}, dst, 1e-12)
}

// The cost of one sentence of 16 words (the mean of train.jsonl's
// sentences) through the network, at the sizes BENCHMARKS.md 9b reports.
func BenchmarkConvForward(b *testing.B) {
	for _, filters := range []int{64, 128} {
		b.Run(strconv.Itoa(filters), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			n := newConvNet(100, 3, filters, 4, rng)
			x := make([]float32, 18*100)
			for i := range x[100 : 17*100] {
				x[100+i] = float32(rng.NormFloat64())
			}
			var a convActs
			b.ReportAllocs()
			for b.Loop() {
				n.forward(x, &a)
			}
		})
	}
}
