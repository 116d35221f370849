package attribution_test

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/attribution"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/newsmodel"
)

func newsArticles(tb testing.TB, splits ...string) []*corpus.Article {
	tb.Helper()
	var paths []string
	for _, s := range splits {
		paths = append(paths, "../testdata/news/"+s+".jsonl")
	}
	r := corpus.Open(paths, corpus.ReaderOptions{})
	defer r.Close()
	var arts []*corpus.Article
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			return arts
		}
		require.NoError(tb, err)
		arts = append(arts, a)
	}
}

// On the model's tokens (Analysed, what Predict uses) and on its own
// (Article), the attribution is the same.
func TestAnalysedMatchesArticle(t *testing.T) {
	m, err := newsmodel.Load()
	require.NoError(t, err)
	ex := m.Pipeline.NewExtractor()
	at := attribution.New()
	for _, a := range newsArticles(t, "dev") {
		quote := func(i int) bool { return a.Sentences[i].Label == "quote" }
		ex.Article(a, nil)
		want := at.Article(a, quote, nil)
		got := at.Analysed(ex.Analysis(), quote, nil)
		require.Equal(t, want, got, a.ID)
	}
}

// BenchmarkAnalysed measures the work Predict adds per article: feature
// extraction alone, then with the attribution of the gold quote sentences
// of testdata/news on the extractor's tokens; the difference in ns/op is
// the cost of attribution. Compare with BenchmarkClassify's sentences/s.
func BenchmarkAnalysed(b *testing.B) {
	m, err := newsmodel.Load()
	require.NoError(b, err)
	arts := newsArticles(b, "train", "dev", "test")
	ex := m.Pipeline.NewExtractor()
	at := attribution.New()
	sentences := 0
	for _, a := range arts {
		sentences += len(a.Sentences)
	}
	for _, attribute := range []bool{false, true} {
		name := "extract"
		if attribute {
			name = "extract+attribute"
		}
		b.Run(name, func(b *testing.B) {
			var dst []attribution.Attribution
			var vecs []features.Vector
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range arts {
					vecs = ex.Article(a, vecs)
					if attribute {
						dst = at.Analysed(ex.Analysis(), func(i int) bool { return a.Sentences[i].Label == "quote" }, dst)
					}
				}
			}
			b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
