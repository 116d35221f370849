package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Worked by hand: fold 0 is all right (accuracy 1, macro-F1 1), fold 1 half
// right (accuracy .5; F1 of p 2/3, of q 0: macro .3333). Mean accuracy .75,
// sample std √(2·.25²) = .353553; pooled accuracy 4/6.
func TestCrossValidation(t *testing.T) {
	labels := []string{"p", "q"}
	folds := []Fold{
		{Index: 0, Items: []Item{{Article: "a", Gold: 0, Pred: 0}, {Article: "a", Sentence: 1, Gold: 1, Pred: 1}}},
		{Index: 1, Items: []Item{
			{Article: "b", Gold: 0, Pred: 0}, {Article: "b", Sentence: 1, Gold: 1, Pred: 0},
			{Article: "c", Gold: 0, Pred: 0}, {Article: "c", Sentence: 1, Gold: 1, Pred: 0},
		}},
	}
	r := CrossValidation(labels, folds, Options{Bootstrap: 50, Seed: 1})
	assert.Equal(t, 6, r.N)
	assert.InDelta(t, 4.0/6, r.Accuracy, 1e-12)
	require.Len(t, r.Folds, 2)
	assert.Equal(t, FoldScore{Fold: 0, N: 2, Accuracy: 1, MacroF1: 1, WeightedF1: 1, Kappa: 1, MCC: 1}, r.Folds[0])
	assert.InDelta(t, 0.5, r.Folds[1].Accuracy, 1e-12)
	assert.InDelta(t, 1.0/3, r.Folds[1].MacroF1, 1e-12)
	s := r.FoldsSummary
	require.NotNil(t, s)
	assert.Equal(t, 2, s.Folds)
	assert.Equal(t, 1, s.Repeats)
	assert.InDelta(t, 0.75, s.Accuracy.Mean, 1e-12)
	assert.InDelta(t, 0.353553390593274, s.Accuracy.Std, 1e-12)
	assert.InDelta(t, 2.0/3, s.MacroF1.Mean, 1e-12)
	require.NotNil(t, r.CI)
	assert.Equal(t, 3, r.CI.Articles)
}

func TestCrossValidationEndToEnd(t *testing.T) {
	// Folds from Folds, two repeats: every sentence is predicted once per
	// repeat, and the bootstrap still sees each article as one unit.
	items := synthItems(12, 50)
	var folds []Fold
	for rep := range 2 {
		assign, err := Folds(unitsOf(items), 5, seeded(uint64(rep)))
		require.NoError(t, err)
		byFold := make([][]Item, 5)
		for i, f := range assign {
			byFold[f] = append(byFold[f], items[i])
		}
		for f, its := range byFold {
			folds = append(folds, Fold{Repeat: rep, Index: f, Items: its})
		}
	}
	r := CrossValidation(testLabels, folds, Options{Bootstrap: 100, Seed: 3})
	assert.Equal(t, 2*len(items), r.N)
	assert.Equal(t, 50, r.CI.Articles)
	assert.Equal(t, 10, r.FoldsSummary.Folds)
	assert.Equal(t, 2, r.FoldsSummary.Repeats)
	single := Evaluate(testLabels, items, Options{})
	assert.InDelta(t, single.Accuracy, r.Accuracy, 1e-12, "pooled repeats score as one pass")
	assert.InDelta(t, single.Macro.F1, r.Macro.F1, 1e-12)
}

func TestCrossValidationEmpty(t *testing.T) {
	r := CrossValidation(testLabels, nil, Options{})
	assert.Equal(t, 0, r.N)
	assert.Equal(t, &FoldsSummary{}, r.FoldsSummary)
}
