package models

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// vec builds a sparse vector from index/value pairs given in index order.
func vec(pairs ...float64) features.Vector {
	var v features.Vector
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(uint32(pairs[i]), float32(pairs[i+1]))
	}
	return v
}

// dense builds a sparse vector from a dense one, skipping zeros.
func dense(x ...float64) features.Vector {
	var v features.Vector
	for j, xj := range x {
		if xj != 0 {
			v.Add(uint32(j), float32(xj))
		}
	}
	return v
}

// denseDataset builds a dataset from dense rows and their label indexes.
func denseDataset(labels []string, rows [][]float64, y []int) *Dataset {
	d := NewDataset(len(rows[0]), labels)
	for i, r := range rows {
		v := dense(r...)
		d.Append(&v, y[i])
	}
	return d
}

// Vocabularies of the synthetic corpus: made-up words, so that no cue
// lexicon fires on them and only the n-grams carry the label.
var (
	synthVocab = map[string][]string{
		"pro": {"zorbit", "quellan", "mivex", "dravic", "plontar", "svelk", "oomba", "frindle"},
		"con": {"grommet", "brastle", "yindle", "corvash", "tuplin", "wexmor", "splaid", "harbek"},
	}
	synthNeutral = []string{"lorem", "ipsum", "dolor", "sitam", "consec", "adipis", "elitra", "sedum", "tempor", "incidu"}
	synthLabels  = []string{"con", "pro"}
)

// synthArticle makes an article of n ≥ 3 sentences in one paragraph: the
// first sentence carries words of its label, the middle ones only neutral
// words but copy the first one's label, and the last one has a label of its
// own with words of that label. A sentence classifier alone cannot tell the
// middle sentences apart; one that sees its neighbours can.
func synthArticle(rng *rand.Rand, id string, n int) *corpus.Article {
	first := synthLabels[rng.IntN(2)]
	last := synthLabels[rng.IntN(2)]
	a := &corpus.Article{ID: id}
	for i := 0; i < n; i++ {
		label, vocab, nw := first, synthVocab[first], 4
		switch {
		case i == n-1:
			label, vocab = last, synthVocab[last]
		case i > 0:
			vocab, nw = nil, 0
		}
		var words []string
		for j := 0; j < nw; j++ {
			words = append(words, vocab[rng.IntN(len(vocab))])
		}
		for j := 0; j < 4; j++ {
			words = append(words, synthNeutral[rng.IntN(len(synthNeutral))])
		}
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		text := strings.ToUpper(words[0][:1]) + words[0][1:] + " " + strings.Join(words[1:], " ") + "."
		a.Sentences = append(a.Sentences, corpus.Sentence{Text: text, Label: label})
	}
	a.BuildText()
	return a
}

// synthCorpus makes n articles of 4 sentences from a fixed seed.
func synthCorpus(seed uint64, n int) []*corpus.Article {
	rng := rand.New(rand.NewPCG(seed, 0))
	out := make([]*corpus.Article, n)
	for i := range out {
		out[i] = synthArticle(rng, fmt.Sprintf("synth-%d-%d", seed, i), 4)
	}
	return out
}

// quickOptions are options that train in well under a second on a synthetic
// corpus: bag of words, few iterations, no second stage.
func quickOptions(model string) Options {
	o := DefaultOptions()
	o.Model = model
	o.Features = features.BagOfWordsConfig()
	o.MaxIter = 30
	o.Stack, o.Sequence, o.Calibrate = false, false, false
	o.StackFolds = 3
	o.Workers = 1
	return o.WithConv(ConvOptions{}) // the vector member has tests of its own
}

// readArticles reads a JSONL corpus under testdata, at most max articles
// (all when max ≤ 0).
func readArticles(tb testing.TB, path string, max int) []*corpus.Article {
	tb.Helper()
	r := corpus.Open([]string{path}, corpus.ReaderOptions{})
	defer r.Close()
	var out []*corpus.Article
	for max <= 0 || len(out) < max {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(tb, err)
		out = append(out, a)
	}
	return out
}

// cloneArticles copies articles deeply enough that Predict may segment or
// otherwise change them without touching the originals.
func cloneArticles(as []*corpus.Article) []*corpus.Article {
	out := make([]*corpus.Article, len(as))
	for i, a := range as {
		c := *a
		c.Sentences = append([]corpus.Sentence(nil), a.Sentences...)
		c.Paras = append([]corpus.Span(nil), a.Paras...)
		out[i] = &c
	}
	return out
}
