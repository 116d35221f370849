package models

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// Expected values worked out by hand; a label never seen and never
// predicted counts as F1 = 0 (scikit-learn's zero_division=0).
func TestMacroF1(t *testing.T) {
	tests := []struct {
		name string
		k    int
		conf []int // rows gold, columns predicted
		want float64
	}{
		{"empty", 2, []int{0, 0, 0, 0}, 0},
		{"perfect", 2, []int{3, 0, 0, 5}, 1},
		{"all wrong", 2, []int{0, 3, 5, 0}, 0},
		// Label 0: tp 2, gold 3, predicted 2 → 4/5; label 1: tp 3, gold 3,
		// predicted 4 → 6/7; label 2 absent on both sides → 0.
		{"absent label counts as 0", 3, []int{2, 1, 0, 0, 3, 0, 0, 0, 0}, (4.0/5 + 6.0/7 + 0) / 3},
		// Label 1 never predicted: tp 0 → 0; label 0: tp 4, gold 4, pred 6 → 8/10.
		{"never predicted", 2, []int{4, 0, 2, 0}, 0.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := macroF1(tt.conf, tt.k)
			assert.False(t, math.IsNaN(got))
			assert.InDelta(t, tt.want, got, 1e-15)
		})
	}
}

// The default vector member needs the stacking stage (its mix) and the
// vectors, and says how to drop it.
func TestOptionsValidateDefaultMember(t *testing.T) {
	o := DefaultOptions()
	o.Stack = false
	require.ErrorContains(t, o.Validate(), "the stack mix needs the stacking stage")
	require.NoError(t, o.WithConv(ConvOptions{}).Validate())
	o = DefaultOptions()
	o.Features.Vectors = ""
	require.ErrorContains(t, o.Validate(), "needs word vectors")
	require.NoError(t, o.WithConv(ConvOptions{}).Validate())
}

func TestOptionsValidate(t *testing.T) {
	def := DefaultOptions()
	require.NoError(t, def.Validate(), "the defaults are valid")
	tests := []struct {
		name    string
		mod     func(o *Options)
		wantErr string // "" for valid
		bug     string // non-empty: a known bug, skipped
	}{
		{"every trainer", func(o *Options) {}, "", ""},
		{"unknown model", func(o *Options) { o.Model = "rf" }, `unknown model "rf"`, ""},
		{"empty model", func(o *Options) { o.Model = "" }, "unknown model", ""},
		{"C zero", func(o *Options) { o.C = 0 }, "C must be positive", ""},
		{"C negative", func(o *Options) { o.C = -1 }, "C must be positive", ""},
		{"alpha zero", func(o *Options) { o.Alpha = 0 }, "alpha must be positive", ""},
		{"beta below 0", func(o *Options) { o.Beta = -0.01 }, "beta must be in [0, 1]", ""},
		{"beta above 1", func(o *Options) { o.Beta = 1.01 }, "beta must be in [0, 1]", ""},
		{"beta 0 and 1 are the ends", func(o *Options) { o.Beta = 0 }, "", ""},
		{"beta 1", func(o *Options) { o.Beta = 1 }, "", ""},
		{"max iterations zero", func(o *Options) { o.MaxIter = 0 }, "max iterations must be positive", ""},
		{"stacking with one fold", func(o *Options) { o.StackFolds = 1 }, "at least 2 folds", ""},
		{"folds unused without stacking or calibration", func(o *Options) {
			o.Stack, o.Calibrate, o.StackFolds = false, false, 0
			*o = o.WithConv(ConvOptions{})
		}, "", ""},

		{"bad features", func(o *Options) { o.Features.WordNgrams = 4 }, "word n-grams", ""},
		{"no feature family", func(o *Options) { o.Features = features.Config{} }, "no feature family", ""},
		{"workers zero is fine", func(o *Options) { o.Workers = 0 }, "", ""},
		{"calibration without stacking needs folds", func(o *Options) { o.Stack, o.Calibrate, o.StackFolds = false, true, 0 }, "folds",
			"Validate checks StackFolds only when Stack is set, but Calibrate alone also runs out-of-fold training: Stack=false, Calibrate=true, StackFolds=0 passes Validate and Train panics with an integer divide by zero in articleFolds (pos % f)"},
		{"C NaN", func(o *Options) { o.C = math.NaN() }, "C must be positive",
			"Validate compares with <= and <, which are false for NaN, so C = NaN passes (strconv.ParseFloat, and so the train command's flags, accept \"NaN\"); logreg, svm and nbsvm then train without error to all-zero weights (fitLinear ignores the optimizer's error whenever it returns a result)"},
		{"alpha NaN", func(o *Options) { o.Alpha = math.NaN() }, "alpha must be positive",
			"Alpha = NaN passes Validate (NaN <= 0 is false); mnb, cnb and nbsvm train without error to NaN weights and predict NaN probabilities"},
		{"beta NaN", func(o *Options) { o.Beta = math.NaN() }, "beta must be in [0, 1]",
			"Beta = NaN passes Validate (NaN < 0 and NaN > 1 are false); nbsvm trains without error to NaN weights and predicts NaN probabilities"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, model := range Trainers {
				o := DefaultOptions()
				o.Model = model
				if model == MNB || model == CNB {
					o.Features.Vectors = "" // naive Bayes reads counts, and the member reads vectors
					o = o.WithConv(ConvOptions{})
				}
				tt.mod(&o)
				err := o.Validate()
				if tt.wantErr == "" {
					assert.NoError(t, err, "model %s", model)
					continue
				}
				if assert.Error(t, err, "model %s", model) {
					assert.Contains(t, err.Error(), tt.wantErr)
				}
			}
		})
	}
}

// The panic behind the first known bug of TestOptionsValidate, as Train
// sees it.
func TestTrainCalibrateWithoutFolds(t *testing.T) {
	o := quickOptions(LogReg)
	o.Calibrate, o.StackFolds = true, 0
	assert.NotPanics(t, func() {
		_, err := Train(synthCorpus(1, 6), o)
		assert.Error(t, err)
	})
}

func TestTrainRejectsBadCorpora(t *testing.T) {
	labelled := func(id string, labels ...string) *corpus.Article {
		a := &corpus.Article{ID: id}
		for i, l := range labels {
			a.Sentences = append(a.Sentences, corpus.Sentence{Text: fmt.Sprintf("Sentence number %d here.", i), Label: l})
		}
		a.BuildText()
		return a
	}
	tests := []struct {
		name     string
		articles []*corpus.Article
		want     []string // substrings of the error
	}{
		{"unlabelled sentence", []*corpus.Article{labelled("a1", "pro", "con"), labelled("a2", "pro", "", "con")},
			[]string{"a2", "sentence 1", "no label"}},
		{"single label", []*corpus.Article{labelled("a1", "pro", "pro"), labelled("a2", "pro")},
			[]string{"at least two labels", "pro"}},
		{"article without sentences", []*corpus.Article{labelled("a1", "pro", "con"), {ID: "raw", Text: "Not segmented. Not labelled."}},
			[]string{"raw", "no sentences"}},
		{"no articles", nil, []string{"at least two labels"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Train(tt.articles, quickOptions(LogReg))
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}

	t.Run("invalid options", func(t *testing.T) {
		o := quickOptions(LogReg)
		o.C = -1
		_, err := Train(synthCorpus(1, 4), o)
		assert.ErrorContains(t, err, "C must be positive")
	})
	t.Run("TrainWithLabels: label outside the list", func(t *testing.T) {
		_, err := TrainWithLabels([]*corpus.Article{labelled("a1", "pro", "con", "meh")}, []string{"con", "pro"}, quickOptions(LogReg))
		require.Error(t, err)
		assert.Contains(t, err.Error(), `"meh"`)
		assert.Contains(t, err.Error(), "a1")
	})
	t.Run("TrainWithLabels: one label", func(t *testing.T) {
		_, err := TrainWithLabels(synthCorpus(1, 4), []string{"pro"}, quickOptions(LogReg))
		assert.ErrorContains(t, err, "at least two labels")
	})
	t.Run("TrainWithLabels: a label absent from the data is fine", func(t *testing.T) {
		for _, model := range Trainers {
			o := quickOptions(model)
			o.Stack, o.Calibrate, o.Sequence = true, true, true
			m, err := TrainWithLabels(synthCorpus(1, 6), []string{"con", "neutral", "pro"}, o)
			require.NoError(t, err, model)
			for _, p := range m.NewWorkspace().Predict(synthCorpus(2, 1)[0]) {
				require.Len(t, p.Probs, 3)
				for _, x := range p.Probs {
					assert.False(t, math.IsNaN(x), "%s: NaN probability", model)
				}
			}
		}
	})
}

func TestCheckLabels(t *testing.T) {
	m := &Model{Labels: []string{"con", "pro"}}
	assert.NoError(t, m.CheckLabels(nil))
	assert.NoError(t, m.CheckLabels([]string{"pro", "con", "pro"}))
	err := m.CheckLabels([]string{"pro", "meh", "con", "huh"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "meh")
	assert.Contains(t, err.Error(), "huh")
	assert.NotContains(t, err.Error(), "[pro", "known labels are not reported as unknown")
}

// fullOptions turn on every stage, with small budgets.
func fullOptions(model string) Options {
	o := quickOptions(model)
	o.Features = features.DefaultConfig()
	o.Features.MinCount = 1
	// Vectors of the 20 most frequent words besides the training words:
	// every family, in a file small enough to damage byte by byte.
	o.Features.VectorWords = 20
	if model == MNB || model == CNB {
		o.Features.Vectors = "" // naive Bayes reads counts
	}
	o.Stack, o.Sequence, o.Calibrate = true, true, true
	o.MaxIter = 20
	return o
}

func modelBytes(t *testing.T, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := m.WriteTo(&b)
	require.NoError(t, err)
	require.Equal(t, int64(b.Len()), n)
	return b.Bytes()
}

// The same data and options give the same model bytes with 1 and 4
// workers, and when trained twice.
func TestTrainDeterministic(t *testing.T) {
	t.Run("news", func(t *testing.T) {
		data := readArticles(t, "../testdata/news/train.jsonl", 12)
		o := fullOptions(LogReg)
		o.Workers = 1
		m1, err := Train(data, o)
		require.NoError(t, err)
		o.Workers = 4
		m4, err := Train(data, o)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(modelBytes(t, m1), modelBytes(t, m4)), "workers 1 and 4 give different bytes")
	})
	data := synthCorpus(5, 12)
	for _, model := range Trainers {
		t.Run(model, func(t *testing.T) {
			o := fullOptions(model)
			o.Workers = 1
			m1, err := Train(data, o)
			require.NoError(t, err)
			o.Workers = 4
			m4, err := Train(data, o)
			require.NoError(t, err)
			b1, b4 := modelBytes(t, m1), modelBytes(t, m4)
			assert.True(t, bytes.Equal(b1, b4), "workers 1 and 4 give different bytes (%d and %d)", len(b1), len(b4))
			if model == LogReg {
				again, err := Train(data, o)
				require.NoError(t, err)
				assert.True(t, bytes.Equal(b4, modelBytes(t, again)), "a second run gives different bytes")
			}
		})
	}
}

// accuracy is the share of sentences whose predicted label is the gold one.
func accuracy(m *Model, articles []*corpus.Article) float64 {
	ws := m.NewWorkspace()
	var right, all int
	for _, a := range articles {
		for i, p := range ws.Predict(a) {
			if m.Labels[p.Label] == a.Sentences[i].Label {
				right++
			}
			all++
		}
	}
	return float64(right) / float64(all)
}

// On the synthetic corpus the middle sentences copy the first sentence's
// label with nothing in their own words to show it; a model that reads its
// neighbours' predictions (stacking) must beat one that does not.
func TestStackingUsesContext(t *testing.T) {
	train, test := synthCorpus(21, 60), synthCorpus(22, 40)
	plainOpts := quickOptions(LogReg)
	plainOpts.MaxIter = 50
	plain, err := Train(train, plainOpts)
	require.NoError(t, err)
	stackOpts := plainOpts
	stackOpts.Stack = true
	stacked, err := Train(train, stackOpts)
	require.NoError(t, err)
	require.NotNil(t, stacked.Stage2)
	accPlain, accStacked := accuracy(plain, test), accuracy(stacked, test)
	t.Logf("held-out accuracy: plain %.3f, stacked %.3f", accPlain, accStacked)
	// Plain gets the first and last sentences and guesses the middle two
	// (≈ 0.75); stacked gets most of the middle ones (0.92 when written).
	assert.Less(t, accPlain, 0.85)
	assert.Greater(t, accStacked, 0.85)
	assert.Greater(t, accStacked, accPlain+0.1)

	// The whole stack with the sequence layer and calibration keeps the gain.
	fullOpts := stackOpts
	fullOpts.Sequence, fullOpts.Calibrate = true, true
	full, err := Train(train, fullOpts)
	require.NoError(t, err)
	require.NotNil(t, full.Chain)
	accFull := accuracy(full, test)
	t.Logf("held-out accuracy: stacked + sequence + calibration %.3f (transition weight %g)", accFull, full.Chain.Weight)
	assert.Greater(t, accFull, accPlain+0.1)
}

// Train records what it was trained on.
func TestTrainInfo(t *testing.T) {
	data := synthCorpus(3, 5)
	m, err := Train(data, quickOptions(MNB))
	require.NoError(t, err)
	assert.Equal(t, 5, m.Trained.Articles)
	assert.Equal(t, 20, m.Trained.Sentences)
	assert.Len(t, m.Trained.CorpusHash, 64)
	assert.Equal(t, []string{"con", "pro"}, m.Labels, "sorted label set")
	other, err := Train(synthCorpus(4, 5), quickOptions(MNB))
	require.NoError(t, err)
	assert.NotEqual(t, m.Trained.CorpusHash, other.Trained.CorpusHash)
}
