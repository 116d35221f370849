package models

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// Train fits a model on labelled, segmented articles (every sentence must
// have a label). The label set is the sorted set of labels seen.
func Train(articles []*corpus.Article, opts Options) (*Model, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	labels, err := labelSet(articles)
	if err != nil {
		return nil, err
	}
	return TrainWithLabels(articles, labels, opts)
}

// TrainWithLabels is Train with a given label order (for cross-validation,
// where a fold may miss a rare label).
func TrainWithLabels(articles []*corpus.Article, labels []string, opts Options) (*Model, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if len(labels) < 2 {
		return nil, fmt.Errorf("models: need at least two labels, have %v", labels)
	}
	if err := opts.checkConv(); err != nil {
		return nil, err
	}
	index := make(map[string]int, len(labels))
	for i, l := range labels {
		index[l] = i
	}
	src := opts.vectorTable
	if opts.Features.Vectors != "" && src == nil {
		var err error
		if src, err = features.LoadVectors(opts.Features.Vectors); err != nil {
			return nil, err
		}
	}
	pipe, err := features.NewPipelineWithVectors(opts.Features, src)
	if err != nil {
		return nil, err
	}
	pipe.Fit(articles)
	m := &Model{Labels: labels, Options: opts, Pipeline: pipe, Decode: DecodePosterior, stagePairs: &stagePairs{}}
	m.Trained = trainInfo(articles)

	// Sentence rows, and for each article its first row.
	data := NewDataset(pipe.Dim(), labels)
	starts := make([]int, len(articles)+1)
	ex := pipe.NewExtractor()
	var vecs []features.Vector
	for ai, a := range articles {
		starts[ai] = data.Len()
		vecs = ex.Article(a, vecs)
		for i := range vecs {
			y, ok := index[a.Sentences[i].Label]
			if !ok {
				return nil, fmt.Errorf("models: %s: sentence %d: label %q not in %v", where(a), i, a.Sentences[i].Label, labels)
			}
			data.Append(&vecs[i], y)
		}
	}
	starts[len(articles)] = data.Len()
	k := len(labels)

	if m.Stage1, err = fitClassifier(data, opts); err != nil {
		return nil, err
	}
	needOOF := opts.Stack || opts.Calibrate || opts.conv.Filters > 0
	if !needOOF {
		m.finishChain(articles, index, nil, opts)
		return m, nil
	}
	folds := articleFolds(len(articles), opts.StackFolds, opts.Seed)
	oofRaw1, err := outOfFold(data, starts, folds, opts)
	if err != nil {
		return nil, err
	}
	if !opts.Stack {
		if opts.Calibrate {
			m.Stage1.Temperature = fitTemperature(oofRaw1, data.Y, k)
		}
		logp1 := scaledLogp(oofRaw1, k, m.Stage1.Temperature)
		if opts.conv.Filters > 0 { // the average mix (checkConv): the mixture replaces logp1
			if m.Conv, _, err = fitConvMember(pipe, articles, data.Y, starts, folds, logp1, k, opts); err != nil {
				return nil, err
			}
		}
		m.finishChain(articles, index, logp1, opts)
		return m, nil
	}
	// Stage 2 reads the neighbours' out-of-fold stage-1 probabilities, so
	// that it learns how much to trust them on unseen text.
	t1 := fitTemperature(oofRaw1, data.Y, k)
	logp1 := scaledLogp(oofRaw1, k, t1)
	var convLogp []float64 // the ordered-vector member's, out of fold (see convmember.go)
	if opts.conv.Filters > 0 {
		if m.Conv, convLogp, err = fitConvMember(pipe, articles, data.Y, starts, folds, logp1, k, opts); err != nil {
			return nil, err
		}
	}
	data2 := NewDataset(data.Dim+stackDim(k)+m.Conv.extraDim(k), labels)
	var v2 features.Vector
	var sp, cp stackProbs
	for ai, a := range articles {
		sp.set(logp1[starts[ai]*k:], len(a.Sentences), k)
		if m.Conv.extraDim(k) > 0 {
			cp.set(convLogp[starts[ai]*k:], len(a.Sentences), k)
		}
		for i := range a.Sentences {
			row := starts[ai] + i
			v := data.Row(row)
			sp.vector(&v2, &v, data.Dim, a, i, k)
			m.Conv.stack2(&cp, &v2, data.Dim+stackDim(k), a, i, k)
			data2.Append(&v2, data.Y[row])
		}
	}
	if m.Stage2, err = fitClassifier(data2, opts); err != nil {
		return nil, err
	}
	var logp2 []float64
	if opts.Calibrate || opts.Sequence {
		oofRaw2, err := outOfFold(data2, starts, folds, opts)
		if err != nil {
			return nil, err
		}
		if opts.Calibrate {
			m.Stage2.Temperature = fitTemperature(oofRaw2, data.Y, k)
		}
		logp2 = scaledLogp(oofRaw2, k, m.Stage2.Temperature)
	}
	// Stage 1 at prediction time is the model trained on everything; give
	// it the temperature its out-of-fold copies had.
	m.Stage1.Temperature = t1
	m.finishChain(articles, index, logp2, opts)
	return m, nil
}

// finishChain adds the sequence layer when asked; with out-of-fold
// log-probabilities it picks the transition weight that maximizes their
// macro-F1 when opts.SeqWeight is negative.
func (m *Model) finishChain(articles []*corpus.Article, index map[string]int, oofLogp []float64, opts Options) {
	if !opts.Sequence {
		return
	}
	seqs := make([][]int, len(articles))
	for ai, a := range articles {
		seqs[ai] = make([]int, len(a.Sentences))
		for i, s := range a.Sentences {
			seqs[ai][i] = index[s.Label]
		}
	}
	k := len(m.Labels)
	m.Chain = learnTransitions(seqs, k, opts.SeqWeight)
	if opts.SeqWeight >= 0 || oofLogp == nil {
		m.Chain.Weight = max(0, opts.SeqWeight)
		return
	}
	best, bestF := 0.0, -1.0
	for _, w := range []float64{0, 0.25, 0.5, 0.75, 1, 1.5} {
		m.Chain.Weight = w
		f := m.chainF1(seqs, oofLogp)
		if f > bestF+1e-9 {
			best, bestF = w, f
		}
	}
	m.Chain.Weight = best
}

// chainF1 decodes out-of-fold log-probabilities with the chain and returns
// the macro-F1 against the gold sequences.
func (m *Model) chainF1(seqs [][]int, logp []float64) float64 {
	k := len(m.Labels)
	conf := make([]int, k*k)
	off := 0
	buf := []float64{}
	for _, s := range seqs {
		n := len(s)
		buf = append(buf[:0], logp[off*k:(off+n)*k]...)
		m.Chain.Posteriors(buf, n)
		for i, y := range s {
			conf[y*k+argmax(buf[i*k:(i+1)*k])]++
		}
		off += n
	}
	return macroF1(conf, k)
}

// macroF1 of a k × k confusion matrix (rows gold), 0/0 counted as 0.
func macroF1(conf []int, k int) float64 {
	var sum float64
	for c := 0; c < k; c++ {
		tp := conf[c*k+c]
		var gold, pred int
		for o := 0; o < k; o++ {
			gold += conf[c*k+o]
			pred += conf[o*k+c]
		}
		if gold+pred > 0 {
			sum += 2 * float64(tp) / float64(gold+pred)
		}
	}
	return sum / float64(k)
}

// outOfFold trains on all folds but one and scores the held-out fold, for
// each fold; it returns raw scores (n × K) for every row.
func outOfFold(data *Dataset, starts, folds []int, opts Options) ([]float64, error) {
	k := len(data.Labels)
	raw := make([]float64, data.Len()*k)
	nFolds := 0
	for _, f := range folds {
		nFolds = max(nFolds, f+1)
	}
	for f := 0; f < nFolds; f++ {
		var train, test []int
		for ai := range folds {
			for r := starts[ai]; r < starts[ai+1]; r++ {
				if folds[ai] == f {
					test = append(test, r)
				} else {
					train = append(train, r)
				}
			}
		}
		if len(test) == 0 {
			continue
		}
		sub := data.Subset(train)
		if !hasTwoLabels(sub) {
			continue
		}
		c, err := fitClassifier(sub, opts)
		if err != nil {
			return nil, fmt.Errorf("models: fold %d: %w", f, err)
		}
		for _, r := range test {
			c.Raw(data.Row(r), raw[r*k:(r+1)*k])
		}
	}
	return raw, nil
}

func hasTwoLabels(d *Dataset) bool {
	n := 0
	for _, c := range d.classCounts() {
		if c > 0 {
			n++
		}
	}
	return n >= 2
}

func scaledLogp(raw []float64, k int, t float64) []float64 {
	out := make([]float64, len(raw))
	for i, x := range raw {
		out[i] = x / t
	}
	for i := 0; i < len(out); i += k {
		logSoftmax(out[i : i+k])
	}
	return out
}

// articleFolds assigns each article to one of f folds: a seeded shuffle,
// then round robin.
func articleFolds(n, f int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	perm := rng.Perm(n)
	folds := make([]int, n)
	for pos, ai := range perm {
		folds[ai] = pos % f
	}
	return folds
}

// fitClassifier dispatches to the trainer named in opts.
func fitClassifier(d *Dataset, opts Options) (*Linear, error) {
	var m *Linear
	var err error
	switch opts.Model {
	case LogReg:
		m, err = fitLinear(d, softmaxLoss, opts)
	case SVM:
		m, err = fitLinear(d, squaredHinge, opts)
	case MNB:
		m, err = fitMNB(d, opts)
	case CNB:
		m, err = fitCNB(d, opts)
	case NBSVM:
		m, err = fitNBSVM(d, opts)
	default:
		return nil, fmt.Errorf("models: unknown model %q", opts.Model)
	}
	if err != nil {
		return nil, err
	}
	m.Kind = opts.Model
	return m, nil
}

func labelSet(articles []*corpus.Article) ([]string, error) {
	seen := map[string]bool{}
	for _, a := range articles {
		if len(a.Sentences) == 0 {
			return nil, fmt.Errorf("models: %s: article has no sentences (training data must be labelled sentences)", where(a))
		}
		for i, s := range a.Sentences {
			if s.Label == "" {
				return nil, fmt.Errorf("models: %s: sentence %d has no label", where(a), i)
			}
			seen[s.Label] = true
		}
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) < 2 {
		return nil, fmt.Errorf("models: need at least two labels in the training data, found %v", labels)
	}
	return labels, nil
}

func where(a *corpus.Article) string {
	if a.File != "" && a.Line > 0 {
		return a.File + ":" + strconv.Itoa(a.Line) + " (" + a.ID + ")"
	}
	return a.ID
}

func trainInfo(articles []*corpus.Article) TrainInfo {
	h := sha256.New()
	n := 0
	for _, a := range articles {
		for _, s := range a.Sentences {
			fmt.Fprintf(h, "%d\t%s\t%s\n", s.Para, s.Label, s.Text)
			n++
		}
		h.Write([]byte{0})
	}
	return TrainInfo{Articles: len(articles), Sentences: n, CorpusHash: hex.EncodeToString(h.Sum(nil))}
}
