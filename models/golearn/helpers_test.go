package golearn

import (
	"errors"
	"io"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/models"
)

// readNews reads the first n articles of testdata/news/<name>.jsonl.
func readNews(t testing.TB, name string, n int) []*corpus.Article {
	t.Helper()
	r := corpus.Open([]string{filepath.Join("..", "..", "testdata", "news", name+".jsonl")}, corpus.ReaderOptions{})
	defer r.Close()
	var out []*corpus.Article
	for len(out) < n {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		out = append(out, a)
	}
	require.NotEmpty(t, out)
	return out
}

// datasets fits a pipeline of cfg on train and returns the train and test
// sentences as datasets over the sorted labels of train.
func datasets(t testing.TB, cfg features.Config, train, test []*corpus.Article) (*models.Dataset, *models.Dataset) {
	t.Helper()
	p, err := features.NewPipeline(cfg)
	require.NoError(t, err)
	p.Fit(train)
	seen := map[string]bool{}
	for _, a := range train {
		for _, s := range a.Sentences {
			seen[s.Label] = true
		}
	}
	var labels []string
	for l := range seen {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	build := func(articles []*corpus.Article) *models.Dataset {
		d := models.NewDataset(p.Dim(), labels)
		ex := p.NewExtractor()
		var vecs []features.Vector
		for _, a := range articles {
			vecs = ex.Article(a, vecs)
			for i := range vecs {
				y, ok := index[a.Sentences[i].Label]
				require.True(t, ok, "label %q unseen in training", a.Sentences[i].Label)
				d.Append(&vecs[i], y)
			}
		}
		return d
	}
	return build(train), build(test)
}

// accuracy is the share of rows of d whose highest score is the gold label.
func accuracy(c models.Classifier, d *models.Dataset) float64 {
	out := make([]float64, len(c.Labels()))
	correct := 0
	for i := 0; i < d.Len(); i++ {
		c.Scores(d.Row(i), out)
		if argmax(out) == d.Y[i] {
			correct++
		}
	}
	return float64(correct) / float64(d.Len())
}

func argmax(s []float64) int {
	best := 0
	for k, x := range s {
		if x > s[best] {
			best = k
		}
	}
	return best
}
