package features

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/vectors"
)

// A table of three words in frequency order: rain (1,0), fell (0,1),
// said (1,1); components ±1 quantize exactly (scale 1/127, q = 127).
func tinyTable(t *testing.T) *vectors.Table {
	tb, err := vectors.Quantize([]string{"rain", "fell", "said"}, [][]float32{{1, 0}, {0, 1}, {1, 1}}, 2)
	require.NoError(t, err)
	return tb
}

func TestWordVectorsMeanAndSIF(t *testing.T) {
	tb := tinyTable(t)
	cfg := Config{Vectors: "tiny", VectorPools: PoolMean | PoolSIF}
	a := article([]string{"Rain fell.", "Nothing here."}, []string{"He said."})
	p, err := NewPipelineWithVectors(cfg, tb)
	require.NoError(t, err)
	p.Fit([]*corpus.Article{a})
	require.Equal(t, 4, p.Dim(), "two pools of dimension 2")
	vs := p.NewExtractor().Article(a, nil)

	// Mean of (1,0) and (0,1), normalized: (1/√2, 1/√2).
	h := math.Log(3) + 0.5772
	w0 := 1e-3 / (1e-3 + 1/(1*h)) // SIF weight of rank 0 (rain)
	w1 := 1e-3 / (1e-3 + 1/(2*h)) // rank 1 (fell)
	n := math.Hypot(w0, w1)
	got := named(p, a, 0)
	assert.InDelta(t, 1/math.Sqrt2, got["vec-mean:0"], 1e-6)
	assert.InDelta(t, 1/math.Sqrt2, got["vec-mean:1"], 1e-6)
	assert.InDelta(t, w0/n, got["vec-sif:0"], 1e-6)
	assert.InDelta(t, w1/n, got["vec-sif:1"], 1e-6)
	assert.Empty(t, vs[1].Index, "no word of sentence 1 has a vector")
	// "said" alone: (1,1)/√2 in both pools.
	assert.InDelta(t, 1/math.Sqrt2, named(p, a, 2)["vec-sif:0"], 1e-6)
}

func TestWordVectorsMaxContextAndScale(t *testing.T) {
	tb := tinyTable(t)
	cfg := Config{Vectors: "tiny", VectorPools: PoolMax, VectorContext: true, VectorScale: 2}
	a := article([]string{"Rain fell.", "Nothing here."}, []string{"He said."})
	p, err := NewPipelineWithVectors(cfg, tb)
	require.NoError(t, err)
	p.Fit([]*corpus.Article{a})
	assert.Equal(t, 6, p.Dim())
	got := named(p, a, 1)
	// sentence 1 has no vectors; its previous (rain fell) and next (said)
	// SIF-pooled, normalized, times 2.
	assert.NotContains(t, got, "vec-max:0")
	assert.InDelta(t, 2/math.Sqrt2, got["vec-next-sif:0"], 1e-6)
	assert.Contains(t, got, "vec-prev-sif:0")
	// max of (1,0), (0,1) = (1,1), normalized and doubled.
	assert.InDelta(t, 2/math.Sqrt2, named(p, a, 0)["vec-max:1"], 1e-6)
}

// Pruning keeps the first VectorWords rows and every word seen in training;
// the state rebuilds the same pipeline.
func TestWordVectorsPruneAndState(t *testing.T) {
	tb := tinyTable(t)
	cfg := Config{Vectors: "tiny", VectorPools: PoolSIF, VectorWords: 1, Cues: true}
	a := article([]string{"He said."})
	p, err := NewPipelineWithVectors(cfg, tb)
	require.NoError(t, err)
	p.Fit([]*corpus.Article{a})
	s := p.State()
	require.NotNil(t, s.Vectors)
	assert.Equal(t, []string{"rain", "said"}, s.Vectors.Words, "rank 0 and the training word")
	assert.Len(t, s.VectorWeights, 2)

	q, err := FromState(s)
	require.NoError(t, err)
	x := article([]string{"Rain said.", "fell"})
	assert.Equal(t, p.NewExtractor().Article(x, nil), q.NewExtractor().Article(x, nil))

	bad := s
	bad.VectorWeights = bad.VectorWeights[:1]
	_, err = FromState(bad)
	assert.Error(t, err)
	bad = s
	bad.Vectors = nil
	_, err = FromState(bad)
	assert.Error(t, err)
}

func TestParsePools(t *testing.T) {
	p, err := ParsePools("mean, SIF")
	require.NoError(t, err)
	assert.Equal(t, PoolMean|PoolSIF, p)
	assert.Equal(t, "mean,sif", p.String())
	_, err = ParsePools("median")
	assert.Error(t, err)
}
