package models

import (
	"fmt"
	"math"
	"strconv"

	"github.com/stancekit/stancekit/attribution"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/features/segment"
)

// Decoding modes of the sequence layer.
const (
	DecodePosterior = "posterior" // each sentence's most probable label under the chain
	DecodeViterbi   = "viterbi"   // the most probable label sequence
)

// Model is everything needed to reproduce predictions: the fitted feature
// pipeline, the sentence classifier, the optional stacking stage and
// sequence layer, the training options and what it was trained on.
type Model struct {
	Labels   []string
	Options  Options
	Pipeline *features.Pipeline
	Stage1   *Linear
	Stage2   *Linear      // nil unless stacked
	Chain    *Transitions // nil unless a sequence layer
	Conv     *ConvMember  // the vector member (convmember.go); nil without one
	Decode   string       // DecodePosterior or DecodeViterbi
	Trained  TrainInfo

	stagePairs *stagePairs // set by Decode and Train; nil: score stages apart
}

// TrainInfo records what a model was trained on.
type TrainInfo struct {
	Articles, Sentences int
	CorpusHash          string // SHA-256 of the training sentences and labels
}

// Prediction is one sentence's label and its probability per label (in
// Model.Labels order), and for a sentence labelled "quote" who is speaking
// (nil for other labels, or when the workspace's attribution is off).
type Prediction struct {
	Label       int
	Probs       []float64
	Attribution *attribution.Attribution
}

// Workspace holds one goroutine's buffers for Predict. Not safe for
// concurrent use.
type Workspace struct {
	m      *Model
	seg    *segment.Segmenter
	ex     *features.Extractor
	vecs   []features.Vector
	v2     features.Vector
	logp   []float64
	logp2  []float64
	stack  stackProbs
	chain  []float64
	path   []int
	probs  []float64
	preds  []Prediction
	at     *attribution.Attributor // nil: attribution off
	quote  int                     // index of the "quote" label, -1 if none
	appeal int                     // index of the "appeal" label, -1 if none
	fact   int                     // index of the "fact" label, -1 if none
	qa     []bool                  // Q&A answers of the article (see qa.go)
	attrs  []attribution.Attribution
	pairW  []float32   // both stages' weights interleaved (m.pairs), nil when not stacked
	conv   convScratch // the ordered-vector member's buffers
}

// NewWorkspace returns buffers for Predict. Attribution is on when the
// model has a "quote" label.
func (m *Model) NewWorkspace() *Workspace {
	w := &Workspace{m: m, seg: m.Segmenter(), ex: m.Pipeline.NewExtractor(), quote: -1, appeal: -1, fact: -1, pairW: m.pairs()}
	for c, l := range m.Labels {
		switch l {
		case "quote":
			w.quote = c
		case "appeal":
			w.appeal = c
		case "fact":
			w.fact = c
		}
	}
	w.SetAttribution(w.quote >= 0)
	return w
}

// SetAttribution turns the attribution of quote sentences on or off (it
// stays off for a model without a "quote" label).
func (w *Workspace) SetAttribution(on bool) {
	switch {
	case on && w.quote >= 0 && w.at == nil:
		w.at = attribution.New()
	case !on:
		w.at = nil
	}
}

// Segmenter returns the segmenter the model applies to raw text.
// Each call returns a new one.
func (m *Model) Segmenter() *segment.Segmenter {
	return segment.New()
}

// Predict labels every sentence of a, segmenting it first when it has no
// sentences. The returned slice, its Probs and Attributions are reused by
// the next call on the same workspace.
func (w *Workspace) Predict(a *corpus.Article) []Prediction {
	m := w.m
	if len(a.Sentences) == 0 {
		w.seg.Segment(a)
	}
	n, k := len(a.Sentences), len(m.Labels)
	w.vecs = w.ex.Article(a, w.vecs)
	w.logp = grow(w.logp, n*k)
	final := w.logp
	if m.Stage2 == nil {
		for i := range w.vecs {
			m.Stage1.Scores(w.vecs[i], w.logp[i*k:(i+1)*k])
		}
		if m.Conv != nil {
			w.convScores(a) // the average mix: into stage 1's scores, which are final
		}
	} else {
		// Stage 2 scores the stage-1 features too: both stages read them
		// in one pass, and stage 2 then adds its stacking features.
		w.logp2 = grow(w.logp2, n*k)
		for i := range w.vecs {
			p1, p2 := w.logp[i*k:(i+1)*k], w.logp2[i*k:(i+1)*k]
			rawPaired(m.Stage1, m.Stage2, w.pairW, w.vecs[i], p1, p2)
			m.Stage1.finish(p1)
		}
		if m.Conv != nil {
			w.convScores(a) // mixes into stage 1's scores, or keeps its own for stage 2
		}
		w.stack.set(w.logp, n, k)
		for i := range w.vecs {
			p2 := w.logp2[i*k : (i+1)*k]
			w.v2.Reset()
			w.stack.appendTo(&w.v2, m.Stage1.Dim, a, i, k)
			if m.Conv != nil {
				w.convStack2(a, i)
			}
			m.Stage2.addRaw(w.v2, p2)
			m.Stage2.finish(p2)
		}
		final = w.logp2
	}
	w.probs = grow(w.probs, n*k)
	w.preds = w.preds[:0]
	if m.Chain != nil && m.Decode == DecodeViterbi {
		w.path = m.Chain.Viterbi(final, n, w.path)
	}
	if m.Chain != nil {
		w.chain = m.Chain.PosteriorsBuf(final, n, w.chain)
	}
	for i := 0; i < n; i++ {
		p := w.probs[i*k : (i+1)*k]
		best := 0
		for c := 0; c < k; c++ {
			p[c] = math.Exp(final[i*k+c])
			if p[c] > p[best] {
				best = c
			}
		}
		if m.Chain != nil && m.Decode == DecodeViterbi {
			best = w.path[i]
		}
		w.preds = append(w.preds, Prediction{Label: best, Probs: p})
	}
	w.relabelAnswers(a)
	w.relabelSubheadings(a)
	if w.at != nil {
		isQuote := func(i int) bool { return w.preds[i].Label == w.quote }
		if x := w.ex.Analysis(); x.Article() == a {
			w.attrs = w.at.Analysed(x, isQuote, w.attrs)
		} else { // a long article's tokens were released: tokenize again
			w.attrs = w.at.Article(a, isQuote, w.attrs)
		}
		for i := range w.preds {
			if w.preds[i].Label == w.quote {
				w.preds[i].Attribution = &w.attrs[i]
			}
		}
	}
	return w.preds
}

// Release drops the buffers of the last article except its predictions
// (which the caller may still be reading) when they are large, so that a
// long article's vectors and scores are not kept beside its encoded output,
// nor until the next article. Explain cannot be called for that article
// afterwards.
func (w *Workspace) Release() {
	w.ex.Release()
	if len(w.vecs) <= keepSentences {
		return
	}
	w.vecs, w.logp, w.logp2, w.chain, w.path = nil, nil, nil, nil, nil
	w.stack = stackProbs{}
}

// keepSentences is the most sentences whose buffers a Workspace keeps for
// reuse after Release.
const keepSentences = 1 << 12

// Explain returns the n features that pushed sentence i of the article last
// passed to Predict toward label c, with their names.
func (w *Workspace) Explain(a *corpus.Article, i, c, n int) []NamedContribution {
	m := w.m
	k := len(m.Labels)
	var cs []Contribution
	lin := m.Stage1
	if m.Stage2 != nil {
		lin = m.Stage2
		w.stack.vector(&w.v2, &w.vecs[i], m.Stage1.Dim, a, i, k)
		if m.Conv != nil {
			w.convStack2(a, i)
		}
		cs = lin.Explain(w.v2, c, n)
	} else {
		cs = lin.Explain(w.vecs[i], c, n)
	}
	out := make([]NamedContribution, len(cs))
	for j, x := range cs {
		out[j] = NamedContribution{Name: m.FeatureName(x.Feature), Weight: x.Weight}
	}
	return out
}

// NamedContribution is a feature's name and its push toward a label. Why
// and Because are filled by Workspace.Reasons (see reasons.go).
type NamedContribution struct {
	Name    string              `json:"feature"`
	Weight  float64             `json:"weight"`
	Why     string              `json:"why,omitempty"`
	Because []NamedContribution `json:"because,omitempty"`
}

// FeatureName names feature i of the final stage's input.
func (m *Model) FeatureName(i int) string {
	d := m.Stage1.Dim
	switch {
	case i < d:
		return m.Pipeline.FeatureName(i)
	case m.Stage2 != nil && i < d+stackDim(len(m.Labels)):
		return stackFeatureName(i-d, m.Labels)
	case m.Stage2 != nil && i < d+stackDim(len(m.Labels))+m.Conv.extraDim(len(m.Labels)):
		return "conv-" + stackFeatureName(i-d-stackDim(len(m.Labels)), m.Labels)
	}
	return "?" + strconv.Itoa(i)
}

func grow(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}

// Stacking features: for each offset in stackOffsets, the neighbour's
// stage-1 probabilities (plus a "no neighbour" flag); then the mean
// probabilities over the paragraph, over a window of ±3 and over the article.
var stackOffsets = []int{-2, -1, 0, 1, 2}

func stackDim(k int) int { return len(stackOffsets)*(k+1) + 3*k }

// stackVector writes into dst the stage-1 vector v followed, from offset
// dim, by the stacking features of sentence i (for one sentence; a whole
// article goes through stackProbs once).
func stackVector(dst, v *features.Vector, dim int, logp []float64, a *corpus.Article, i, k int) {
	var s stackProbs
	s.set(logp, len(a.Sentences), k)
	s.vector(dst, v, dim, a, i, k)
}

// stackProbs caches, for one article, the stage-1 probabilities and the
// article-wide sums, so that the stacking features of all its sentences
// cost O(n) exponentials, not O(n²). Training and prediction both use it,
// so the features are the same bits in both.
type stackProbs struct {
	p   []float64 // exp(logp), n × k
	sum []float64 // Σ_j p[j][c] over the article, summed in sentence order

	// The mean over the last paragraph asked for, sentences paraLo..paraHi
	// (paraHi < paraLo: none yet). Every sentence of a paragraph has the
	// same mean; computing it once per paragraph keeps one long paragraph
	// linear, not quadratic, in its sentences (issue 13).
	paraLo, paraHi int
	paraMean       []float64
	paraSums       int // paragraph means computed (a test checks one per paragraph)
}

func (s *stackProbs) set(logp []float64, n, k int) {
	s.p = grow(s.p, n*k)
	for j := range s.p {
		s.p[j] = math.Exp(logp[j])
	}
	s.sum = grow(s.sum, k)
	for c := 0; c < k; c++ {
		var t float64
		for j := 0; j < n; j++ {
			t += s.p[j*k+c]
		}
		s.sum[c] = t
	}
	s.paraLo, s.paraHi = 0, -1
}

// vector writes the stacking features of sentence i over the cached
// probabilities (see stackVector).
func (s *stackProbs) vector(dst, v *features.Vector, dim int, a *corpus.Article, i, k int) {
	dst.CopyFrom(v)
	s.appendTo(dst, dim, a, i, k)
}

// appendTo appends the stacking features of sentence i, from index dim.
func (s *stackProbs) appendTo(dst *features.Vector, dim int, a *corpus.Article, i, k int) {
	n := len(a.Sentences)
	off := uint32(dim)
	for _, d := range stackOffsets {
		j := i + d
		if j < 0 || j >= n {
			dst.Add(off+uint32(k), 1)
		} else {
			for c := 0; c < k; c++ {
				dst.Add(off+uint32(c), float32(s.p[j*k+c]))
			}
		}
		off += uint32(k + 1)
	}
	if i < s.paraLo || i > s.paraHi {
		s.setPara(a, i, k)
	}
	for c := 0; c < k; c++ {
		dst.Add(off+uint32(c), float32(s.paraMean[c]))
	}
	off += uint32(k)
	s.addMean(dst, max(0, i-3), min(n-1, i+3), k, &off)
	inv := 1 / float64(n)
	for c := 0; c < k; c++ {
		dst.Add(off+uint32(c), float32(s.sum[c]*inv))
	}
}

// setPara caches the mean probabilities of sentence i's paragraph, summed
// in sentence order like addMean.
func (s *stackProbs) setPara(a *corpus.Article, i, k int) {
	para := a.Sentences[i].Para
	lo, hi := i, i
	for lo > 0 && a.Sentences[lo-1].Para == para {
		lo--
	}
	for hi+1 < len(a.Sentences) && a.Sentences[hi+1].Para == para {
		hi++
	}
	s.paraLo, s.paraHi = lo, hi
	s.paraSums++
	s.paraMean = grow(s.paraMean, k)
	inv := 1 / float64(hi-lo+1)
	for c := 0; c < k; c++ {
		var t float64
		for j := lo; j <= hi; j++ {
			t += s.p[j*k+c]
		}
		s.paraMean[c] = t * inv
	}
}

func (s *stackProbs) addMean(dst *features.Vector, lo, hi, k int, off *uint32) {
	inv := 1 / float64(hi-lo+1)
	for c := 0; c < k; c++ {
		var t float64
		for j := lo; j <= hi; j++ {
			t += s.p[j*k+c]
		}
		dst.Add(*off+uint32(c), float32(t*inv))
	}
	*off += uint32(k)
}

func stackFeatureName(i int, labels []string) string {
	k := len(labels)
	block := k + 1
	if i < len(stackOffsets)*block {
		d := stackOffsets[i/block]
		if c := i % block; c < k {
			return fmt.Sprintf("stack%+d:p(%s)", d, labels[c])
		}
		return fmt.Sprintf("stack%+d:none", d)
	}
	i -= len(stackOffsets) * block
	scope := []string{"para", "window", "article"}[i/k]
	return fmt.Sprintf("stack-%s:p(%s)", scope, labels[i%k])
}
