package attribution

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// BenchmarkArticle attributes the gold quote sentences of every article of
// testdata/news (all splits), the work classify adds per article.
func BenchmarkArticle(b *testing.B) {
	r := corpus.Open([]string{"../testdata/news/train.jsonl", "../testdata/news/dev.jsonl", "../testdata/news/test.jsonl"}, corpus.ReaderOptions{})
	defer r.Close()
	var arts []*corpus.Article
	sentences := 0
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(b, err)
		arts = append(arts, a)
		sentences += len(a.Sentences)
	}
	at := New()
	var dst []Attribution
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			dst = at.Article(a, func(i int) bool { return a.Sentences[i].Label == "quote" }, dst)
		}
	}
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
