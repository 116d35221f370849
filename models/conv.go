package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/stancekit/stancekit/features/vectors"
)

// ConvNet is a small sentence classifier that reads the sentence's word
// vectors in order (issue 12, item 3): one 1-D convolution of Filters
// filters over windows of Width consecutive words, max-over-time pooling
// with a ReLU, and a softmax layer over the labels. The word vectors are
// the pipeline's pruned table, fixed (not fine-tuned): a few thousand
// labelled sentences are far too few to move 100-dimensional embeddings.
//
// A sentence of T words with vectors is read as the rows
// [0, x₁, …, x_T, 0], zero-padded on the right to at least Width rows: the
// zero rows mark the sentence's edges, so a filter can fire on its first
// or last words, and a sentence with no known word still has one window.
type ConvNet struct {
	Dim     int       // word-vector dimension
	Width   int       // words per window
	Filters int       // convolution filters
	K       int       // labels
	W       []float32 // Filters × (Width·Dim): filter f's weight on component j of window row r is W[f·Width·Dim + r·Dim + j]
	B       []float32 // Filters: filter biases
	V       []float32 // K × Filters: output weights
	C       []float32 // K: output biases
}

// ConvOptions configure the ordered-vector member. Filters 0 is off.
type ConvOptions struct {
	Filters int     // convolution filters (e.g. 64)
	Width   int     // words per window (default 3)
	Epochs  int     // passes over the training sentences (default 5)
	Batch   int     // sentences per Adam step (default 32)
	Rate    float64 // Adam step size (default 1e-3)
	L2      float64 // weight decay added to every weight's gradient (default 1e-5)
	Dropout float64 // share of pooled features dropped while training (0: none; train's -conv-dropout default is 0.25)
	Mix     string  // how the member joins the linear model: ConvMixAverage or ConvMixStack
	Seed    uint64  // initial weights, order of the sentences and dropout
}

// How the convolution joins the linear model.
const (
	// ConvMixAverage: stage 1's log-probabilities become a weighted mean
	// of the linear model's and the convolution's (then renormalized), the
	// weight chosen on out-of-fold scores; stage 2 reads the mixture.
	ConvMixAverage = "avg"
	// ConvMixStack: stage 2 reads the convolution's out-of-fold
	// probabilities as features of their own, in the stacking layout
	// (the sentence's, its neighbours', paragraph, window and article means).
	ConvMixStack = "stack"
)

// withDefaults fills the zero fields of o with the documented defaults.
func (o ConvOptions) withDefaults() ConvOptions {
	if o.Width == 0 {
		o.Width = 3
	}
	if o.Epochs == 0 {
		o.Epochs = 5
	}
	if o.Batch == 0 {
		o.Batch = 32
	}
	if o.Rate == 0 {
		o.Rate = 1e-3
	}
	if o.L2 == 0 {
		o.L2 = 1e-5
	}
	if o.Mix == "" {
		o.Mix = ConvMixAverage
	}
	return o
}

// validate reports options that cannot work (after withDefaults).
func (o ConvOptions) validate() error {
	switch {
	case o.Filters < 0 || o.Filters > 1<<12:
		return fmt.Errorf("models: conv: %d filters (want 0 to %d)", o.Filters, 1<<12)
	case o.Width < 1 || o.Width > 16:
		return fmt.Errorf("models: conv: window of %d words (want 1 to 16)", o.Width)
	case o.Epochs < 1:
		return fmt.Errorf("models: conv: %d epochs (want at least 1)", o.Epochs)
	case o.Batch < 1:
		return fmt.Errorf("models: conv: batch of %d (want at least 1)", o.Batch)
	case !(o.Rate > 0) || math.IsInf(o.Rate, 0):
		return fmt.Errorf("models: conv: step size %g (want positive)", o.Rate)
	case !(o.L2 >= 0) || math.IsInf(o.L2, 0):
		return fmt.Errorf("models: conv: weight decay %g (want ≥ 0)", o.L2)
	case !(o.Dropout >= 0 && o.Dropout < 1):
		return fmt.Errorf("models: conv: dropout %g (want in [0, 1))", o.Dropout)
	case o.Mix != ConvMixAverage && o.Mix != ConvMixStack:
		return fmt.Errorf("models: conv: mix %q (want %s or %s)", o.Mix, ConvMixAverage, ConvMixStack)
	}
	return nil
}

// newConvNet returns a network with He-initialized filters (they feed a
// ReLU), Glorot-initialized output weights and zero biases.
func newConvNet(dim, width, filters, k int, rng *rand.Rand) *ConvNet {
	n := &ConvNet{Dim: dim, Width: width, Filters: filters, K: k,
		W: make([]float32, filters*width*dim), B: make([]float32, filters),
		V: make([]float32, k*filters), C: make([]float32, k)}
	sw := math.Sqrt(2 / float64(width*dim))
	for i := range n.W {
		n.W[i] = float32(rng.NormFloat64() * sw)
	}
	sv := math.Sqrt(6 / float64(filters+k))
	for i := range n.V {
		n.V[i] = float32((2*rng.Float64() - 1) * sv)
	}
	return n
}

// convInput lays out the rows of a sentence for the network: the padded
// sequence described at ConvNet, as len/Dim rows of Dim components.
func convInput(t *vectors.Table, rows []int32, width int, dst []float32) []float32 {
	d := t.Dim
	n := max(len(rows)+2, width)
	if cap(dst) < n*d {
		dst = make([]float32, n*d)
	}
	dst = dst[:n*d]
	clear(dst)
	for i, r := range rows {
		t.AddTo(dst[(i+1)*d:(i+2)*d], int(r), 1)
	}
	return dst
}

// convActs is one sentence's forward pass: the pooled features and, for
// each filter, the window where its maximum was.
type convActs struct {
	h      []float32 // Filters: ReLU of the maximum over windows
	arg    []int     // Filters: the window of the maximum
	logits []float64 // K
}

func (a *convActs) size(f, k int) {
	if cap(a.h) < f {
		a.h, a.arg = make([]float32, f), make([]int, f)
	}
	a.h, a.arg = a.h[:f], a.arg[:f]
	if cap(a.logits) < k {
		a.logits = make([]float64, k)
	}
	a.logits = a.logits[:k]
}

// forward runs the network over a padded input (convInput) and leaves the
// log-probabilities in a.logits. The maximum is taken before the ReLU: the
// two commute, and it saves a comparison per window.
func (n *ConvNet) forward(x []float32, a *convActs) {
	a.size(n.Filters, n.K)
	span := n.Width * n.Dim
	windows := len(x)/n.Dim - n.Width + 1
	for f := 0; f < n.Filters; f++ {
		w := n.W[f*span : (f+1)*span]
		best, arg := float32(math.Inf(-1)), 0
		for t := 0; t < windows; t++ {
			if z := dot32(w, x[t*n.Dim:t*n.Dim+span]); z > best {
				best, arg = z, t
			}
		}
		a.h[f], a.arg[f] = max(0, best+n.B[f]), arg
	}
	n.output(a)
}

// output computes the log-softmax of the output layer over a.h.
func (n *ConvNet) output(a *convActs) {
	for c := 0; c < n.K; c++ {
		a.logits[c] = float64(n.C[c]) + float64(dot32(n.V[c*n.Filters:(c+1)*n.Filters], a.h))
	}
	logSoftmax(a.logits)
}

// dot32 is the dot product of two equally long vectors, four partial sums
// at a time (the convolution spends nearly all its time here).
func dot32(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// convGrad holds gradients with the network's shapes.
type convGrad struct {
	W, B, V, C []float32
}

func newConvGrad(n *ConvNet) *convGrad {
	return &convGrad{W: make([]float32, len(n.W)), B: make([]float32, len(n.B)), V: make([]float32, len(n.V)), C: make([]float32, len(n.C))}
}

func (g *convGrad) zero() {
	clear(g.W)
	clear(g.B)
	clear(g.V)
	clear(g.C)
}

func (g *convGrad) add(o *convGrad) {
	for _, p := range [][2][]float32{{g.W, o.W}, {g.B, o.B}, {g.V, o.V}, {g.C, o.C}} {
		for i, v := range p[1] {
			p[0][i] += v
		}
	}
}

// backward adds to g the gradient of the cross-entropy of label y at the
// forward pass a over input x, and returns the loss. keep, when not nil,
// is the dropout mask the forward pass applied to a.h (0 or 1/(1-p)).
// Max pooling routes each filter's gradient to its best window only, so
// backward costs Filters·Width·Dim, not the forward's times the windows.
func (n *ConvNet) backward(x []float32, a *convActs, keep []float32, y int, g *convGrad) float64 {
	span := n.Width * n.Dim
	loss := -a.logits[y]
	for c := 0; c < n.K; c++ {
		d := float32(math.Exp(a.logits[c]))
		if c == y {
			d--
		}
		g.C[c] += d
		vs := g.V[c*n.Filters : (c+1)*n.Filters]
		for f, h := range a.h {
			vs[f] += d * h
		}
	}
	for f := 0; f < n.Filters; f++ {
		if a.h[f] <= 0 {
			continue // the ReLU is off: no gradient reaches the filter
		}
		var dh float32
		for c := 0; c < n.K; c++ {
			dh += n.V[c*n.Filters+f] * (float32(math.Exp(a.logits[c])) - b2f(c == y))
		}
		if keep != nil {
			dh *= keep[f]
		}
		g.B[f] += dh
		gw := g.W[f*span : (f+1)*span]
		xs := x[a.arg[f]*n.Dim : a.arg[f]*n.Dim+span]
		for j, v := range xs {
			gw[j] += dh * v
		}
	}
	return loss
}

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// adam is the Adam optimizer's state (Kingma and Ba 2015) over the
// network's parameters, in the order W, B, V, C.
type adam struct {
	m, v  [4][]float32
	step  int
	rate  float64
	decay float32
}

func newAdam(n *ConvNet, rate, l2 float64) *adam {
	a := &adam{rate: rate, decay: float32(l2)}
	for i, p := range n.params() {
		a.m[i], a.v[i] = make([]float32, len(p)), make([]float32, len(p))
	}
	return a
}

func (n *ConvNet) params() [4][]float32 { return [4][]float32{n.W, n.B, n.V, n.C} }

// update takes one step along the gradient g (a sum over scale sentences).
func (a *adam) update(n *ConvNet, g *convGrad, scale int) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	a.step++
	c1 := 1 - math.Pow(b1, float64(a.step))
	c2 := 1 - math.Pow(b2, float64(a.step))
	lr := float32(a.rate * math.Sqrt(c2) / c1)
	inv := 1 / float32(scale)
	grads := [4][]float32{g.W, g.B, g.V, g.C}
	for i, p := range n.params() {
		m, v, gr := a.m[i], a.v[i], grads[i]
		decay := a.decay
		if i == 1 || i == 3 {
			decay = 0 // biases are not decayed
		}
		for j := range p {
			d := gr[j]*inv + decay*p[j]
			m[j] = b1*m[j] + (1-b1)*d
			v[j] = b2*v[j] + (1-b2)*d*d
			p[j] -= lr * m[j] / (float32(math.Sqrt(float64(v[j]))) + eps)
		}
	}
}

// convChunks is the number of parts a mini-batch's gradient is computed
// in, each by its own goroutine, then summed in order: fixed, so that the
// result does not depend on the number of workers.
const convChunks = 4

// trainConv fits a network on sentences (their word rows in t) with labels
// y. Everything random comes from opts.Seed, and the gradient of a batch is
// summed in a fixed order whatever workers is, so the same inputs give the
// same weights, bit for bit.
func trainConv(t *vectors.Table, sents [][]int32, y []int, k int, opts ConvOptions, workers int) *ConvNet {
	rng := rand.New(rand.NewPCG(opts.Seed, 0xc0417))
	n := newConvNet(t.Dim, opts.Width, opts.Filters, k, rng)
	opt := newAdam(n, opts.Rate, opts.L2)
	type part struct {
		g    *convGrad
		acts convActs
		x    []float32
		keep []float32
	}
	parts := make([]*part, convChunks)
	for i := range parts {
		parts[i] = &part{g: newConvGrad(n), keep: make([]float32, n.Filters)}
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	// Dropout masks are drawn up front, per sentence of the batch in
	// order, so the goroutines need no random source of their own.
	masks := make([]float32, opts.Batch*n.Filters)
	keepScale := float32(1 / (1 - opts.Dropout))
	sem := make(chan struct{}, max(1, workers))
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for lo := 0; lo < len(order); lo += opts.Batch {
			batch := order[lo:min(lo+opts.Batch, len(order))]
			for i := range masks[:len(batch)*n.Filters] {
				masks[i] = 0
				if opts.Dropout == 0 || rng.Float64() >= opts.Dropout {
					masks[i] = keepScale
				}
			}
			var wg sync.WaitGroup
			per := (len(batch) + convChunks - 1) / convChunks
			for ci, p := range parts {
				p.g.zero()
				from, to := min(ci*per, len(batch)), min((ci+1)*per, len(batch))
				if from == to {
					continue
				}
				wg.Add(1)
				sem <- struct{}{}
				go func() {
					defer func() { <-sem; wg.Done() }()
					for bi := from; bi < to; bi++ {
						s := batch[bi]
						p.x = convInput(t, sents[s], n.Width, p.x)
						n.forward(p.x, &p.acts)
						keep := masks[bi*n.Filters : (bi+1)*n.Filters]
						for f := range p.acts.h {
							p.acts.h[f] *= keep[f]
						}
						n.output(&p.acts)
						n.backward(p.x, &p.acts, keep, y[s], p.g)
					}
				}()
			}
			wg.Wait()
			for _, p := range parts[1:] {
				parts[0].g.add(p.g)
			}
			opt.update(n, parts[0].g, len(batch))
		}
	}
	return n
}

// Scores writes the log-probabilities of a sentence (its word rows in t)
// into out (length K); x is a reusable input buffer, returned.
func (n *ConvNet) scores(t *vectors.Table, rows []int32, a *convActs, x []float32, out []float64) []float32 {
	x = convInput(t, rows, n.Width, x)
	n.forward(x, a)
	copy(out, a.logits)
	return x
}

// check reports a network whose shapes disagree with the model's, or with
// weights that are not finite (a damaged or forged file).
func (n *ConvNet) check(k, dim int) error {
	switch {
	case n.K != k:
		return fmt.Errorf("%w: convolution for %d labels, model has %d", ErrCorrupt, n.K, k)
	case n.Dim != dim:
		return fmt.Errorf("%w: convolution over %d-dimensional vectors, the table has %d", ErrCorrupt, n.Dim, dim)
	case n.Width < 1 || n.Width > 16 || n.Filters < 1 || n.Filters > 1<<12:
		return fmt.Errorf("%w: convolution of %d filters of width %d", ErrCorrupt, n.Filters, n.Width)
	case len(n.W) != n.Filters*n.Width*n.Dim || len(n.B) != n.Filters || len(n.V) != n.K*n.Filters || len(n.C) != n.K:
		return fmt.Errorf("%w: convolution weight shapes %d/%d/%d/%d", ErrCorrupt, len(n.W), len(n.B), len(n.V), len(n.C))
	}
	for _, p := range n.params() {
		for i, v := range p {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return fmt.Errorf("%w: convolution weight %d is %g", ErrCorrupt, i, v)
			}
		}
	}
	return nil
}
