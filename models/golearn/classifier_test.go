package golearn

import (
	"math"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/models"
)

// newsSubset is a slice of testdata/news small enough for -race: the first
// 30 training articles (714 sentences) and the first 10 test articles (271),
// as cue vectors.
func newsSubset(t testing.TB) (train, test *models.Dataset) {
	subsetOnce.Do(func() {
		subsetTrain, subsetTest = datasets(t, features.Config{Cues: true}, readNews(t, "train", 30), readNews(t, "test", 10))
	})
	return subsetTrain, subsetTest
}

var (
	subsetOnce              sync.Once
	subsetTrain, subsetTest *models.Dataset
)

// head is the first n rows of d: golearn's k-d tree search takes
// milliseconds per row under -race.
func head(d *models.Dataset, n int) *models.Dataset {
	rows := make([]int, min(n, d.Len()))
	for i := range rows {
		rows[i] = i
	}
	return d.Subset(rows)
}

// fastForest keeps a forest test under a few seconds with -race.
var fastForest = Options{Trees: 10, Features: 20, Workers: 2}

func majorityShare(d *models.Dataset) float64 {
	counts := make([]int, len(d.Labels))
	for _, y := range d.Y {
		counts[y]++
	}
	most := 0
	for _, c := range counts {
		most = max(most, c)
	}
	return float64(most) / float64(d.Len())
}

func TestFitNewsAccuracy(t *testing.T) {
	t.Parallel()
	train, test := newsSubset(t)
	require.Equal(t, []string{"appeal", "fact", "opinion", "quote"}, train.Labels)
	base := majorityShare(test)
	// Floors sit about 0.1 under what this subset gives (forest 0.701, k-NN
	// 0.638 with seed 1; the majority label has 0.314).
	for _, tc := range []struct {
		kind  string
		opts  Options
		floor float64
	}{
		{Forest, fastForest, 0.6},
		{KNN, Options{K: 9}, 0.55},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			c, err := Fit(train, tc.kind, tc.opts, 1)
			require.NoError(t, err)
			acc := accuracy(c, test)
			t.Logf("%s: accuracy %.3f on %d held-out sentences (majority label %.3f)", c, acc, test.Len(), base)
			assert.Greater(t, acc, tc.floor)
			assert.Greater(t, acc, base+0.15)
		})
	}
}

func allScores(c models.Classifier, d *models.Dataset) []float64 {
	k := len(c.Labels())
	out := make([]float64, k*d.Len())
	for i := 0; i < d.Len(); i++ {
		c.Scores(d.Row(i), out[i*k:(i+1)*k])
	}
	return out
}

func TestForestDeterministic(t *testing.T) {
	t.Parallel()
	train, test := newsSubset(t)
	test = head(test, 100)
	o1, o3 := Options{Trees: 4, Features: 12}, Options{Trees: 4, Features: 12}
	o1.Workers, o3.Workers = 1, 3
	a, err := Fit(train, Forest, o1, 7)
	require.NoError(t, err)
	b, err := Fit(train, Forest, o3, 7)
	require.NoError(t, err)
	// Bit for bit: same seed, any number of workers.
	assert.Equal(t, allScores(a, test), allScores(b, test))

	c, err := Fit(train, Forest, o1, 8)
	require.NoError(t, err)
	assert.NotEqual(t, allScores(a, test), allScores(c, test), "another seed should draw other bags")
}

func TestKNNDeterministic(t *testing.T) {
	t.Parallel()
	train, test := newsSubset(t)
	test = head(test, 30)
	a, err := Fit(train, KNN, Options{K: 5}, 1)
	require.NoError(t, err)
	b, err := Fit(train, KNN, Options{K: 5}, 2) // k-NN draws nothing: the seed is unused
	require.NoError(t, err)
	assert.Equal(t, allScores(a, test), allScores(b, test))
}

func TestScoresAreLogProbabilities(t *testing.T) {
	t.Parallel()
	train, test := newsSubset(t)
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			c, err := Fit(train, kind, Options{Trees: 5, Features: 10, K: 5}, 1)
			require.NoError(t, err)
			test := head(test, 50)
			k := len(c.Labels())
			scores := allScores(c, test)
			// With s = 0.5 pseudo-votes, no probability is below
			// s / (votes + K s): 0.5/7 for 5 trees or 5 neighbours.
			floor := math.Log(0.5 / (5 + float64(k)*0.5))
			for i := 0; i < test.Len(); i++ {
				row := scores[i*k : (i+1)*k]
				var sum float64
				for _, s := range row {
					require.False(t, math.IsNaN(s) || math.IsInf(s, 0), "row %d: %v", i, row)
					require.LessOrEqual(t, s, 0.0)
					require.GreaterOrEqual(t, s, floor-1e-12)
					sum += math.Exp(s)
				}
				require.InDelta(t, 1, sum, 1e-12, "row %d: %v", i, row)
			}
		})
	}
}

func TestScoresIgnoreColumnsPastOptions(t *testing.T) {
	train, _ := newsSubset(t)
	c, err := Fit(train, KNN, Options{K: 5}, 1)
	require.NoError(t, err)
	v := train.Row(3)
	want := make([]float64, 4)
	c.Scores(v, want)
	// An n-gram entry far past the cue block changes nothing.
	w := features.Vector{Index: append(append([]uint32(nil), v.Index...), 5000), Value: append(append([]float32(nil), v.Value...), 1)}
	got := make([]float64, 4)
	c.Scores(w, got)
	assert.Equal(t, want, got)
}

func TestScoresConcurrent(t *testing.T) {
	t.Parallel()
	train, test := newsSubset(t)
	test = head(test, 20)
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			c, err := Fit(train, kind, Options{Trees: 4, Features: 10, K: 5}, 1)
			require.NoError(t, err)
			want := allScores(c, test)
			var wg sync.WaitGroup
			got := make([][]float64, 3)
			for g := range got {
				wg.Go(func() { got[g] = allScores(c, test) })
			}
			wg.Wait()
			for _, s := range got {
				assert.Equal(t, want, s)
			}
		})
	}
}

func TestScoresPanicsOnWrongLength(t *testing.T) {
	train, _ := newsSubset(t)
	c, err := Fit(train, KNN, Options{K: 3}, 1)
	require.NoError(t, err)
	assert.PanicsWithValue(t, "golearn: Scores: out has 3 entries for 4 labels", func() {
		c.Scores(train.Row(0), make([]float64, 3))
	})
}

func TestFitErrors(t *testing.T) {
	d := models.NewDataset(features.NumCues, []string{"a", "b"})
	for i := range 6 {
		d.Append(&features.Vector{Index: []uint32{0}, Value: []float32{float32(i)}}, i%2)
	}
	one := models.NewDataset(features.NumCues, []string{"a"})
	one.Append(&features.Vector{}, 0)
	bad := models.NewDataset(features.NumCues, []string{"a", "b"})
	bad.Append(&features.Vector{}, 2)
	twice := models.NewDataset(features.NumCues, []string{"a", "b", "a"})
	twice.Append(&features.Vector{}, 0)
	for _, tc := range []struct {
		name string
		d    *models.Dataset
		kind string
		opts Options
		want string
	}{
		{"kind", d, "svm", Options{}, `golearn: unknown kind "svm" (want forest or knn)`},
		{"empty", models.NewDataset(features.NumCues, []string{"a", "b"}), Forest, Options{}, "golearn: empty training set"},
		{"nil", nil, KNN, Options{}, "golearn: empty training set"},
		{"one label", one, Forest, Options{}, "golearn: need at least two labels, have [a]"},
		{"label range", bad, Forest, Options{}, "golearn: row 0: label index 2 out of range"},
		{"label twice", twice, Forest, Options{}, `golearn: label "a" appears twice in [a b a]`},
		{"columns", d, Forest, Options{Columns: 50}, "golearn: 50 columns asked for, rows have 41"},
		{"features", d, Forest, Options{Columns: 10, Features: 11}, "golearn: 11 features per tree out of range 1..10"},
		{"trees", d, Forest, Options{Trees: -1}, "golearn: negative tree count -1"},
		{"k", d, KNN, Options{K: 7}, "golearn: k = 7 neighbours but only 6 training rows"},
		{"cosine", d, KNN, Options{Distance: "cosine"}, `golearn: unknown distance "cosine" (want euclidean or manhattan)`},
		{"smoothing", d, KNN, Options{Smoothing: -1}, "golearn: smoothing must be positive, got -1"},
		{"smoothing NaN", d, KNN, Options{Smoothing: math.NaN()}, "golearn: smoothing must be positive, got NaN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Fit(tc.d, tc.kind, tc.opts, 1)
			assert.EqualError(t, err, tc.want)
		})
	}
}

func TestDenseDim(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  features.Config
		want int
	}{
		// Worked by hand from features/pipeline.go: NumCues = 41, each
		// neighbour adds NumCues + 1, Position adds 2 NumCues + 10.
		{"cues", features.Config{Cues: true}, 41},
		{"default news config, n-grams dropped", features.DefaultConfig(), features.NumCues + 100}, // 41 cues and the 100 SIF-pooled vector components
		{"context 1", features.Config{Cues: true, Context: 1}, 41 + 2*42},
		{"context 1 and position", features.Config{Cues: true, Context: 1, Position: true}, 41 + 2*42 + 2*41 + 10},
		{"hashed n-grams dropped", features.Config{Cues: true, Buckets: 1 << 10, WordNgrams: 1}, 41},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DenseDim(tc.cfg)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := DenseDim(features.BagOfWordsConfig())
	assert.EqualError(t, err, "golearn: the feature configuration has no cues, so no dense columns")
}

func TestDefaultOptions(t *testing.T) {
	o := DefaultOptions()
	assert.Equal(t, features.NumCues, o.Columns)
	assert.Equal(t, 30, o.Trees)
	assert.Equal(t, 20, o.Features)
	assert.Equal(t, 15, o.K)
	assert.Equal(t, "euclidean", o.Distance)
	assert.Equal(t, 0.5, o.Smoothing)
	assert.Positive(t, o.Workers)
}
