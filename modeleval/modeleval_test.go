package modeleval_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/modeleval"
	"github.com/stancekit/stancekit/models"
)

// article builds a labelled article from "label|text" strings, one
// paragraph each.
func article(id string, sents ...string) *corpus.Article {
	a := &corpus.Article{ID: id}
	for i, s := range sents {
		label, text, _ := strings.Cut(s, "|")
		a.Sentences = append(a.Sentences, corpus.Sentence{Text: text, Label: label, Para: i})
	}
	a.BuildText()
	return a
}

// corpusOf makes n small articles whose labels a bag-of-words model can
// learn: quotes say "said", facts report numbers.
func corpusOf(n int) []*corpus.Article {
	var out []*corpus.Article
	for i := 0; i < n; i++ {
		out = append(out, article(fmt.Sprintf("a%d", i),
			fmt.Sprintf("fact|The council approved %d new homes on Tuesday.", i),
			fmt.Sprintf("quote|\"We are delighted,\" the mayor said of plan %d.", i),
			fmt.Sprintf("fact|The vote was %d to %d.", i+5, i%3),
		))
	}
	return out
}

func smallOptions() models.Options {
	o := models.DefaultOptions()
	o.Stack, o.Sequence, o.Calibrate = false, false, false
	o.Features.MinCount = 1
	o.MaxIter = 50
	return o.WithConv(models.ConvOptions{}) // the vector member needs stacking
}

func TestPredictItems(t *testing.T) {
	m, err := models.Train(corpusOf(6), smallOptions())
	require.NoError(t, err)
	gold := corpusOf(2)
	gold[1].Fields = map[string]string{"outlet": "wire"}
	items, err := modeleval.EvalItems(m, gold, "outlet", 2)
	require.NoError(t, err)
	require.Len(t, items, 6)
	for i, it := range items {
		a := gold[i/3]
		assert.Equal(t, a.ID, it.Article)
		assert.Equal(t, i%3, it.Sentence)
		assert.Equal(t, a.Sentences[i%3].Text, it.Text)
		assert.InDelta(t, 1, it.Probs[0]+it.Probs[1], 1e-9)
	}
	assert.Equal(t, "wire", items[3].Group)
	assert.Equal(t, "", items[0].Group)
}

func TestPredictRejectsUnknownGoldLabel(t *testing.T) {
	m, err := models.Train(corpusOf(4), smallOptions())
	require.NoError(t, err)
	bad := article("odd", "fact|One.", "appeal|Subscribe now.")
	_, err = modeleval.EvalItems(m, []*corpus.Article{bad}, "", 1)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `gold label "appeal"`)
	assert.Contains(t, err.Error(), "odd")
}

// Cross-validation keeps each article's sentences in one fold and scores
// every sentence once per repeat.
func TestCrossValidate(t *testing.T) {
	arts := corpusOf(9)
	observed := 0
	rep, err := modeleval.CrossValidate(arts, smallOptions(), modeleval.CVOptions{
		Folds: 3, Repeats: 2, Seed: 7,
		Observe: func(r, f int, fr *eval.Report) {
			observed++
			assert.Equal(t, 9, fr.N, "three articles of three sentences in each fold")
		},
	})
	require.NoError(t, err)
	assert.Equal(t, 6, observed)
	assert.Equal(t, 2*27, rep.N, "27 sentences, each scored once per repeat")
	assert.Len(t, rep.Folds, 6)
	assert.Equal(t, []string{"fact", "quote"}, rep.Labels)
}

type fakeTB struct{ errors, fatals []string }

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, a ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, a...))
}
func (f *fakeTB) Fatalf(format string, a ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, a...))
}

func TestRequireFloors(t *testing.T) {
	m, err := models.Train(corpusOf(6), smallOptions())
	require.NoError(t, err)
	gold := corpusOf(3)

	pass := &fakeTB{}
	rep := modeleval.RequireFloors(pass, m, gold, modeleval.Floors{MacroF1: 0.5, Recall: map[string]float64{"quote": 0.5}})
	assert.Empty(t, pass.errors)
	require.NotNil(t, rep)

	fail := &fakeTB{}
	modeleval.RequireFloors(fail, m, gold, modeleval.Floors{MacroF1: 1.01, F1: map[string]float64{"appeal": 0.5}})
	require.Len(t, fail.errors, 1)
	assert.Contains(t, fail.errors[0], "macro-F1")
	assert.Contains(t, fail.errors[0], "< floor 1.0100")
	assert.Contains(t, fail.errors[0], `label "appeal" has a F1 floor but is not among the model's labels`)
	assert.Contains(t, fail.errors[0], "Per class", "the failure shows the per-class table")
}

func ExampleCrossValidate() {
	rep, err := modeleval.CrossValidate(corpusOf(6), smallOptions(), modeleval.CVOptions{Folds: 3, Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println(rep.N, "sentences in", len(rep.Folds), "folds; labels", rep.Labels)
	// Output: 18 sentences in 3 folds; labels [fact quote]
}

func TestAbout(t *testing.T) {
	m, err := models.Train(corpusOf(12), smallOptions())
	require.NoError(t, err)
	facts := modeleval.About(m, "", []string{"classify", "-eval", "my gold.jsonl"})
	got := map[string]string{}
	for _, f := range facts {
		got[f.Key] = f.Value
	}
	assert.Equal(t, "embedded default (newsmodel/news.stkm)", got["model"])
	assert.Equal(t, m.Trained.CorpusHash, got["corpus SHA-256"])
	assert.Equal(t, m.TrainingOptions().String(), got["training options"])
	assert.Equal(t, "1", got["model format version"])
	assert.Equal(t, "classify -eval 'my gold.jsonl'", got["command"])
}
