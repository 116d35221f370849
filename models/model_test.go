package models

import (
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

func TestPredictInvariants(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	for _, decode := range []string{DecodePosterior, DecodeViterbi} {
		t.Run(decode, func(t *testing.T) {
			mm := *m
			mm.Decode = decode
			ws := mm.NewWorkspace()
			for _, a := range synthCorpus(61, 5) {
				preds := ws.Predict(a)
				require.Len(t, preds, len(a.Sentences))
				for i, p := range preds {
					require.Len(t, p.Probs, len(m.Labels))
					var sum float64
					for _, x := range p.Probs {
						require.False(t, math.IsNaN(x))
						require.GreaterOrEqual(t, x, 0.0)
						sum += x
					}
					assert.InDelta(t, 1, sum, 1e-9, "sentence %d", i)
					if decode == DecodePosterior {
						assert.Equal(t, argmax(p.Probs), p.Label, "posterior decoding picks the most probable label")
					}
				}
			}
		})
	}
}

// Predict's buffers are reused between calls without leaking one
// article's results into the next.
func TestWorkspaceReuse(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	short := synthCorpus(62, 1)[0]
	long := synthArticle(rand.New(rand.NewPCG(63, 0)), "long", 9)
	fresh := predictAll(m, []*corpus.Article{short, long})

	ws := m.NewWorkspace()
	first := clonePreds(ws.Predict(short))
	ws.Predict(long)
	ws.Predict(&corpus.Article{ID: "empty"})
	again := clonePreds(ws.Predict(short))
	requireSameBits(t, [][]Prediction{fresh[0]}, [][]Prediction{first})
	requireSameBits(t, [][]Prediction{first}, [][]Prediction{again})
}

func clonePreds(ps []Prediction) []Prediction {
	out := make([]Prediction, len(ps))
	for i, p := range ps {
		out[i] = Prediction{Label: p.Label, Probs: append([]float64(nil), p.Probs...)}
	}
	return out
}

// Workspaces of one model used from several goroutines give the sequential
// results (run with -race).
func TestPredictConcurrentWorkspaces(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	articles := synthCorpus(64, 6)
	want := predictAll(m, articles)
	for _, got := range predictConcurrently(m, articles, 4) {
		requireSameBits(t, want, got)
	}
}

// predictConcurrently runs predictAll on n goroutines at once, each with
// its own workspace of m, and returns their results.
func predictConcurrently(m *Model, articles []*corpus.Article, n int) [][][]Prediction {
	var wg sync.WaitGroup
	got := make([][][]Prediction, n)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[g] = predictAll(m, articles)
		}()
	}
	wg.Wait()
	return got
}

// Predict segments raw text itself; workspaces sharing a freshly loaded
// model do so concurrently.
func TestPredictRawTextConcurrent(t *testing.T) {
	b := smallModelBytes(t)
	m, err := Decode(b)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := &corpus.Article{ID: "raw", Text: "Zorbit lorem ipsum. Grommet dolor sitam.\n\nTempor incidu."}
			assert.Len(t, m.NewWorkspace().Predict(a), 3)
		}()
	}
	wg.Wait()
}

func TestPredictSegmentsRawText(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	a := &corpus.Article{ID: "raw", Text: "Zorbit lorem ipsum. Grommet dolor sitam.\n\nTempor incidu."}
	preds := m.NewWorkspace().Predict(a)
	require.Len(t, a.Sentences, 3, "Predict segmented the article")
	assert.Len(t, preds, 3)
	assert.Equal(t, 1, a.Sentences[2].Para)
}

func TestViterbiDecodingFollowsThePath(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	require.NotNil(t, m.Chain)
	mm := *m
	mm.Decode = DecodeViterbi
	mm.Chain = &Transitions{K: m.Chain.K, Start: m.Chain.Start, Trans: m.Chain.Trans, Weight: 5}
	ws := mm.NewWorkspace()
	for _, a := range synthCorpus(65, 4) {
		// The path Predict must follow: Viterbi over the final stage's
		// log-probabilities, recomputed here from the stages.
		n, k := len(a.Sentences), len(m.Labels)
		vecs := m.Pipeline.NewExtractor().Article(a, nil)
		logp := make([]float64, n*k)
		for i := range vecs {
			m.Stage1.Scores(vecs[i], logp[i*k:(i+1)*k])
		}
		final := make([]float64, n*k)
		for i := range vecs {
			var dst features.Vector
			stackVector(&dst, &vecs[i], m.Stage1.Dim, logp, a, i, k)
			m.Stage2.Scores(dst, final[i*k:(i+1)*k])
		}
		path := mm.Chain.Viterbi(final, n, nil)
		for i, p := range ws.Predict(a) {
			assert.Equal(t, path[i], p.Label, "article %s sentence %d", a.ID, i)
		}
	}
}

func TestExplain(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	require.NotNil(t, m.Stage2)
	ws := m.NewWorkspace()
	a := synthCorpus(66, 1)[0]
	preds := ws.Predict(a)
	sawStack := false
	for i, p := range preds {
		ex := ws.Explain(a, i, p.Label, 5)
		assert.LessOrEqual(t, len(ex), 5)
		for j, c := range ex {
			assert.NotEmpty(t, c.Name)
			assert.NotContains(t, c.Name, "?", "every feature has a name")
			assert.Greater(t, c.Weight, 0.0)
			if j > 0 {
				assert.GreaterOrEqual(t, ex[j-1].Weight, c.Weight, "largest first")
			}
			sawStack = sawStack || strings.HasPrefix(c.Name, "stack")
		}
	}
	assert.True(t, sawStack, "a stacked model explains with its neighbours' scores")
}

// Names of the stacking features, by hand for labels (con, pro): five
// offsets of three entries (p(con), p(pro), none), then para, window and
// article means of two.
func TestStackFeatureName(t *testing.T) {
	labels := []string{"con", "pro"}
	require.Equal(t, 21, stackDim(2))
	tests := map[int]string{
		0: "stack-2:p(con)", 1: "stack-2:p(pro)", 2: "stack-2:none",
		3: "stack-1:p(con)", 8: "stack+0:none", 9: "stack+1:p(con)", 14: "stack+2:none",
		15: "stack-para:p(con)", 16: "stack-para:p(pro)", 17: "stack-window:p(con)",
		19: "stack-article:p(con)", 20: "stack-article:p(pro)",
	}
	for i, want := range tests {
		assert.Equal(t, want, stackFeatureName(i, labels), "feature %d", i)
	}
	m, err := smallModel()
	require.NoError(t, err)
	assert.Equal(t, "stack-2:p(con)", m.FeatureName(m.Stage1.Dim))
	assert.Equal(t, "cue:len", m.FeatureName(0))
}

// stackVector by hand on a 3-sentence article in two paragraphs, 2 labels,
// stage-1 dimension 4: probabilities (.9,.1), (.6,.4), (.2,.8).
func TestStackVectorByHand(t *testing.T) {
	a := &corpus.Article{Sentences: []corpus.Sentence{{Text: "A.", Para: 0}, {Text: "B.", Para: 0}, {Text: "C.", Para: 1}}}
	a.BuildText()
	p := []float64{.9, .1, .6, .4, .2, .8}
	logp := make([]float64, len(p))
	for i, x := range p {
		logp[i] = math.Log(x)
	}
	v := vec(1, 0.5)
	var dst features.Vector
	stackVector(&dst, &v, 4, logp, a, 1, 2)
	// Sentence 1: offsets −2 (none), −1 (s0), 0 (s1), +1 (s2), +2 (none);
	// paragraph s0..s1, window s0..s2, article s0..s2.
	// Window and article are both s0..s2: (.9+.6+.2)/3, (.1+.4+.8)/3.
	want := map[uint32]float64{
		1:     0.5,           // the stage-1 vector itself
		4 + 2: 1,             // −2: none
		4 + 3: .9, 4 + 4: .1, // −1
		4 + 6: .6, 4 + 7: .4, // 0
		4 + 9: .2, 4 + 10: .8, // +1
		4 + 14: 1,                // +2: none
		4 + 15: .75, 4 + 16: .25, // paragraph
		4 + 17: 1.7 / 3, 4 + 18: 1.3 / 3, // window
		4 + 19: 1.7 / 3, 4 + 20: 1.3 / 3, // article
	}
	got := map[uint32]float64{}
	for j, idx := range dst.Index {
		got[idx] += float64(dst.Value[j])
	}
	require.Len(t, got, len(want))
	for idx, w := range want {
		assert.InDelta(t, w, got[idx], 1e-6, "index %d", idx)
	}
	for j := 1; j < len(dst.Index); j++ {
		assert.Less(t, dst.Index[j-1], dst.Index[j], "indexes ascending")
	}
}
