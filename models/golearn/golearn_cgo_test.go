//go:build cgo

// golearn's knn and ensemble packages need cgo (knn's optimised Euclidean
// search is C; ensemble links linear_models, which wraps liblinear), so
// this package does not import them; these tests compare against them
// where cgo is on.

package golearn

import (
	"testing"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/ensemble"
	"github.com/sjwhitworth/golearn/knn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/models"
)

// golearnGrid is d in the classifier's schema, class included.
func golearnGrid(c *Classifier, d *models.Dataset) *base.DenseInstances {
	x := denseRows(d, c.opts.Columns)
	return tinyGrid(c.schema, x, d.Y)
}

func TestKNNMatchesGolearnKNNClassifier(t *testing.T) {
	t.Parallel()
	train, test := newsSubset(t)
	test = head(test, 120)
	const k = 9
	c, err := Fit(train, KNN, Options{K: k}, 1)
	require.NoError(t, err)

	// Linear search with golearn's C Euclidean distances: another search
	// than the k-d tree's, the same neighbours.
	ref := knn.NewKnnClassifier("euclidean", "linear", k)
	require.NoError(t, ref.Fit(golearnGrid(c, train)))
	pred, err := ref.Predict(golearnGrid(c, test))
	require.NoError(t, err)

	compared := 0
	out := make([]float64, len(c.Labels()))
	x := make([]float64, c.opts.Columns)
	for i := 0; i < test.Len(); i++ {
		v := test.Row(i)
		densify(&v, x)
		// golearn breaks ties between labels, and between rows at the k-th
		// distance, by map and sort order: compare only rows without them.
		_, dists := c.knn.search(x, k+1)
		c.Scores(v, out)
		if dists[k]-dists[k-1] < 1e-9 || !uniqueMax(out) {
			continue
		}
		compared++
		assert.Equal(t, base.GetClass(pred, i), c.Labels()[argmax(out)], "row %d", i)
	}
	t.Logf("compared %d of %d rows", compared, test.Len())
	assert.Greater(t, compared, test.Len()/3)
}

func uniqueMax(s []float64) bool {
	m := argmax(s)
	for k, x := range s {
		if k != m && x == s[m] {
			return false
		}
	}
	return true
}

func TestForestNoWorseThanGolearnRandomForest(t *testing.T) {
	t.Parallel()
	// ensemble.RandomForest draws from math/rand's global generator in
	// concurrent goroutines and cannot be seeded, so only accuracy is
	// compared. Its trees cast hard votes with ties between labels going by
	// map order, where this package averages leaf class fractions, so it
	// should not do better. On the full subset golearn gave 0.635 to 0.668
	// over five runs, this package 0.675 to 0.701 over seeds 1 to 6.
	train, test := newsSubset(t)
	train = head(train, 400) // golearn's views make its forest slow under -race
	o := Options{Trees: 10, Features: 20, Workers: 2}
	c, err := Fit(train, Forest, o, 1)
	require.NoError(t, err)
	ours := accuracy(c, test)

	rf := ensemble.NewRandomForest(o.Trees, o.Features)
	require.NoError(t, rf.Fit(golearnGrid(c, train)))
	pred, err := rf.Predict(golearnGrid(c, test))
	require.NoError(t, err)
	correct := 0
	for i := 0; i < test.Len(); i++ {
		if base.GetClass(pred, i) == c.Labels()[test.Y[i]] {
			correct++
		}
	}
	theirs := float64(correct) / float64(test.Len())
	t.Logf("accuracy on %d sentences: this package %.3f, ensemble.RandomForest %.3f", test.Len(), ours, theirs)
	assert.LessOrEqual(t, theirs, ours+0.05)
	assert.Greater(t, theirs, majorityShare(test)+0.1, "golearn's forest should learn something")
}
