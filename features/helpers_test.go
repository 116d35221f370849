package features

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// article builds a segmented article from paragraphs of sentences.
func article(paras ...[]string) *corpus.Article {
	a := &corpus.Article{ID: "t"}
	for p, ss := range paras {
		for _, s := range ss {
			a.Sentences = append(a.Sentences, corpus.Sentence{Text: s, Para: p})
		}
	}
	a.BuildText()
	return a
}

// fitted returns a pipeline of cfg fitted on the articles.
func fittedPipeline(t *testing.T, cfg Config, arts ...*corpus.Article) *Pipeline {
	t.Helper()
	p, err := NewPipeline(cfg)
	require.NoError(t, err)
	p.Fit(arts)
	return p
}

// named returns the vector of sentence i as feature name → value.
func named(p *Pipeline, a *corpus.Article, i int) map[string]float32 {
	vs := p.NewExtractor().Article(a, nil)
	out := map[string]float32{}
	for k, idx := range vs[i].Index {
		out[p.FeatureName(int(idx))] = vs[i].Value[k]
	}
	return out
}
