package features

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tf-idf worked by hand for two sentences, "alpha beta" and "alpha":
// idf = ln((1+n)/(1+df)) + 1 with n = 2, so idf(alpha) = 1 and
// idf(beta) = ln(3/2) + 1 = 1.4054651; L2-normalizing (1, 1.4054651)
// gives (0.5797386, 0.8148024). scikit-learn's TfidfVectorizer(smooth_idf,
// sublinear_tf) gives the same numbers.
func TestNgramTFIDFByHand(t *testing.T) {
	a := article([]string{"alpha beta", "alpha"})
	p := fittedPipeline(t, Config{WordNgrams: 2, Weighting: TFIDF, MinCount: 1}, a)
	assert.Equal(t, 3, p.Dim(), "alpha, beta, alpha beta")
	got := named(p, a, 0)
	idfB := float32(math.Log(1.5) + 1)
	idfAB := idfB
	norm := float32(math.Sqrt(float64(1 + idfB*idfB + idfAB*idfAB)))
	assert.InDelta(t, 1/norm, got["alpha"], 1e-6)
	assert.InDelta(t, idfB/norm, got["beta"], 1e-6)
	assert.InDelta(t, idfAB/norm, got["alpha beta"], 1e-6)
	one := named(p, a, 1)
	assert.Equal(t, map[string]float32{"alpha": 1}, one)
}

func TestNgramMinCountAndBuckets(t *testing.T) {
	a := article([]string{"red fox", "red hen"})
	p := fittedPipeline(t, Config{WordNgrams: 1, Weighting: TF, MinCount: 2, NoNormalize: true}, a)
	assert.Equal(t, 1, p.Dim(), "only red is in two sentences")
	assert.Equal(t, "red", p.FeatureName(0))

	b := fittedPipeline(t, Config{WordNgrams: 1, Weighting: TF, Buckets: 8, NoNormalize: true}, a)
	assert.Equal(t, 8, b.Dim())
	vs := b.NewExtractor().Article(a, nil)
	var sum float32
	for _, x := range vs[0].Value {
		sum += x
	}
	assert.Equal(t, float32(2), sum, "two words hashed into buckets, counts kept")
	for _, idx := range vs[0].Index {
		assert.Less(t, int(idx), 8)
	}
	require.Contains(t, b.FeatureName(int(vs[0].Index[0])), "bucket#")
}
