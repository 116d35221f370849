package models

import (
	"fmt"
	"math"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/features/vectors"
)

// ConvMember is a model's vector member (ConvNet) and how it joins the
// linear model: see ConvMixAverage and ConvMixStack. The default options
// have one (DefaultConv); Options.WithConv(ConvOptions{}) leaves it out,
// and a model without it is the linear model alone, written as format
// version 1.
type ConvMember struct {
	Net         ConvNet
	Mix         string      // ConvMixAverage or ConvMixStack
	Weight      float64     // ConvMixAverage: the convolution's share of stage 1's log-probabilities
	Temperature float64     // divides the network's log-probabilities (fitted out of fold)
	Options     ConvOptions // what it was trained with

	// Out-of-fold stage-1 macro-F1 (argmax) of the network alone, of the
	// linear model alone and of the mixture (ConvMixAverage; else the
	// linear model's): a record of why Weight is what it is.
	F1Conv, F1Linear, F1Mixed float64

	proj *wordProjection // Net's responses per word (width 1), set by Decode and Train; nil: run Net
}

// convWeights are the shares of the convolution tried for ConvMixAverage
// on out-of-fold scores; 0 (the linear model alone) is among them, so the
// mixture is never worse than stage 1 alone on those scores.
var convWeights = []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6}

// extraDim is the number of stage-2 features the member adds.
func (c *ConvMember) extraDim(k int) int {
	if c == nil || c.Mix != ConvMixStack {
		return 0
	}
	return stackDim(k)
}

// convSentences returns, for every sentence of the articles in order, the
// rows of its words in the fitted pipeline's vector table.
func convSentences(pipe *features.Pipeline, articles []*corpus.Article) [][]int32 {
	ex := pipe.NewExtractor()
	var vecs []features.Vector
	var out [][]int32
	for _, a := range articles {
		vecs = ex.Article(a, vecs)
		x := ex.Analysis()
		for i := range a.Sentences {
			out = append(out, pipe.WordRows(x, i, nil))
		}
	}
	return out
}

// fitConvMember trains the member: one network per fold of folds for
// out-of-fold log-probabilities (the same folds as stage 1's, so stage 2
// sees both members on text they were not trained on), then one on every
// sentence. It returns the member and its calibrated out-of-fold
// log-probabilities (rows × k), and for ConvMixAverage replaces logp1 (the
// linear model's) by the mixture, its weight chosen for out-of-fold
// macro-F1.
func fitConvMember(pipe *features.Pipeline, articles []*corpus.Article, y, starts, folds []int, logp1 []float64, k int, opts Options) (*ConvMember, []float64, error) {
	co := opts.conv
	t := pipe.VectorTable()
	if t == nil {
		return nil, nil, fmt.Errorf("models: conv: the pipeline has no word vectors")
	}
	sents := convSentences(pipe, articles)
	if len(sents) != len(y) {
		return nil, nil, fmt.Errorf("models: conv: %d sentences for %d labels", len(sents), len(y))
	}
	raw := make([]float64, len(y)*k)
	nFolds := 0
	for _, f := range folds {
		nFolds = max(nFolds, f+1)
	}
	var acts convActs
	var x []float32
	for f := 0; f < nFolds; f++ {
		var trainS [][]int32
		var trainY []int
		for ai := range folds {
			if folds[ai] == f {
				continue
			}
			trainS = append(trainS, sents[starts[ai]:starts[ai+1]]...)
			trainY = append(trainY, y[starts[ai]:starts[ai+1]]...)
		}
		if len(trainS) == 0 {
			continue
		}
		o := co
		o.Seed = co.Seed + uint64(f) + 1 // each fold's network starts elsewhere
		net := trainConv(t, trainS, trainY, k, o, opts.Workers)
		for ai := range folds {
			if folds[ai] != f {
				continue
			}
			for r := starts[ai]; r < starts[ai+1]; r++ {
				x = net.scores(t, sents[r], &acts, x, raw[r*k:(r+1)*k])
			}
		}
	}
	temp := fitTemperature(raw, y, k)
	oof := scaledLogp(raw, k, temp)
	mem := &ConvMember{Net: *trainConv(t, sents, y, k, co, opts.Workers), Mix: co.Mix, Temperature: temp, Options: co,
		F1Conv: argmaxF1(oof, y, k), F1Linear: argmaxF1(logp1, y, k)}
	mem.F1Mixed = mem.F1Linear
	mem.proj = newWordProjection(&mem.Net, t)
	if co.Mix == ConvMixAverage {
		best, bestF := 0.0, -1.0
		mixed := make([]float64, len(logp1))
		for _, w := range convWeights {
			mixConv(mixed, logp1, oof, w, k)
			if f := argmaxF1(mixed, y, k); f > bestF+1e-9 {
				best, bestF = w, f
			}
		}
		mem.Weight, mem.F1Mixed = best, bestF
		mixConv(logp1, logp1, oof, best, k)
	}
	return mem, oof, nil
}

// mixConv writes into dst (which may be lin) the renormalized mixture
// (1−w)·lin + w·conv of two rows × k log-probability tables.
func mixConv(dst, lin, conv []float64, w float64, k int) {
	for i := range dst {
		dst[i] = (1-w)*lin[i] + w*conv[i]
	}
	for i := 0; i < len(dst); i += k {
		logSoftmax(dst[i : i+k])
	}
}

// argmaxF1 is the macro-F1 of each row's most probable label.
func argmaxF1(logp []float64, y []int, k int) float64 {
	conf := make([]int, k*k)
	for i, g := range y {
		conf[g*k+argmax(logp[i*k:(i+1)*k])]++
	}
	return macroF1(conf, k)
}

// stack2 appends the member's stacking features of sentence i, from offset
// off, to stage 2's vector v2 with ConvMixStack; sp holds the article's
// convolution log-probabilities.
func (c *ConvMember) stack2(sp *stackProbs, v2 *features.Vector, off int, a *corpus.Article, i, k int) {
	if c == nil || c.Mix != ConvMixStack {
		return
	}
	sp.appendTo(v2, off, a, i, k)
}

// convScratch is a workspace's buffers for the member.
type convScratch struct {
	rows []int32
	x    []float32
	acts convActs
	logp []float64
	sp   stackProbs
}

// convScores runs the member over the article last extracted: with
// ConvMixAverage it mixes its log-probabilities into w.logp (stage 1's),
// with ConvMixStack it keeps them for convStack2.
func (w *Workspace) convScores(a *corpus.Article) {
	m := w.m
	c := m.Conv
	n, k := len(a.Sentences), len(m.Labels)
	s := &w.conv
	s.logp = grow(s.logp, n*k)
	x := w.ex.Analysis()
	t := m.Pipeline.VectorTable()
	proj := c.proj
	if proj != nil && proj.net != &c.Net {
		proj = nil // a copy of the member: its cache belongs to the original
	}
	for i := 0; i < n; i++ {
		s.rows = m.Pipeline.WordRows(x, i, s.rows[:0])
		out := s.logp[i*k : (i+1)*k]
		if proj != nil {
			if cap(s.x) < t.Dim {
				s.x = make([]float32, t.Dim)
			}
			proj.forward(s.rows, &s.acts, s.x[:t.Dim])
			copy(out, s.acts.logits)
		} else {
			s.x = c.Net.scores(t, s.rows, &s.acts, s.x, out)
		}
		for j := range out {
			out[j] /= c.Temperature
		}
		logSoftmax(out)
	}
	switch c.Mix {
	case ConvMixAverage:
		mixConv(w.logp[:n*k], w.logp[:n*k], s.logp, c.Weight, k)
	case ConvMixStack:
		s.sp.set(s.logp, n, k)
	}
}

// convStack2 adds the member's stage-2 features of sentence i to w.v2.
func (w *Workspace) convStack2(a *corpus.Article, i int) {
	m := w.m
	k := len(m.Labels)
	m.Conv.stack2(&w.conv.sp, &w.v2, m.Stage1.Dim+stackDim(k), a, i, k)
}

// check reports a member that cannot belong to a model with k labels over
// the vector table t.
func (c *ConvMember) check(k int, t *vectors.Table, stacked bool) error {
	switch {
	case t == nil:
		return fmt.Errorf("%w: a convolution member without word vectors", ErrCorrupt)
	case !stacked && c.Mix == ConvMixStack:
		return fmt.Errorf("%w: a convolution member for a stacking stage the model does not have", ErrCorrupt)
	case c.Mix != ConvMixAverage && c.Mix != ConvMixStack:
		return fmt.Errorf("%w: convolution mix %q", ErrCorrupt, c.Mix)
	case !(c.Weight >= 0 && c.Weight <= 1):
		return fmt.Errorf("%w: convolution weight %g", ErrCorrupt, c.Weight)
	case !(c.Temperature > 0) || math.IsInf(c.Temperature, 0):
		return fmt.Errorf("%w: convolution temperature %g", ErrCorrupt, c.Temperature)
	}
	return c.Net.check(k, t.Dim)
}

// checkConv reports an ordered-vector member that cannot be trained with
// the rest of the options.
func (o Options) checkConv() error {
	c := o.conv
	if c.Filters == 0 {
		return nil
	}
	if err := c.validate(); err != nil {
		return err
	}
	switch {
	case o.Features.Vectors == "":
		return fmt.Errorf("models: conv: needs word vectors (-vectors); WithConv(ConvOptions{}) drops the member")
	case !o.Stack && c.Mix == ConvMixStack:
		return fmt.Errorf("models: conv: the stack mix needs the stacking stage; use the avg mix, or WithConv(ConvOptions{}) to drop the member")
	}
	return nil
}

// FileVersion is the model file format version WriteTo writes for m:
// FormatVersionConv with the ordered-vector member, else FormatVersion.
func (m *Model) FileVersion() int {
	if m.Conv != nil {
		return FormatVersionConv
	}
	return FormatVersion
}

// TrainingOptions are the options m was trained with, the vector
// member's included (a model file keeps those with the member, not in
// Options).
func (m *Model) TrainingOptions() Options {
	if m.Conv == nil {
		return m.Options
	}
	return m.Options.WithConv(m.Conv.Options)
}
