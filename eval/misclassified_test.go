package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func errorItems() []Item {
	p := func(a, b float64) []float64 { return []float64{a, b} }
	return []Item{
		{Article: "x", Sentence: 0, Text: "x0", Gold: 0, Pred: 0, Probs: p(0.9, 0.1)},
		{Article: "x", Sentence: 1, Text: "x1", Gold: 0, Pred: 1, Probs: p(0.4, 0.6), Group: "g"},
		{Article: "x", Sentence: 2, Text: "x2", Gold: 1, Pred: 1, Probs: p(0.2, 0.8)},
		{Article: "y", Sentence: 0, Text: "y0", Gold: 1, Pred: 0, Probs: p(0.95, 0.05)},
		{Article: "y", Sentence: 1, Text: "y1", Gold: 1, Pred: 1, Probs: p(0.3, 0.7)},
		{Article: "z", Sentence: 3, Text: "z3", Gold: 1, Pred: 0},
		{Article: "", Sentence: 0, Text: "lone", Gold: 0, Pred: 1},
	}
}

func TestErrors(t *testing.T) {
	labels := []string{"fact", "quote"}
	r := Evaluate(labels, errorItems(), Options{Errors: -1})
	require.Len(t, r.Errors, 4)
	assert.Equal(t, Misclassified{Article: "y", Sentence: 0, Text: "y0", Next: "y1", Gold: "quote", Pred: "fact",
		Scored: true, GoldProb: 0.05, PredProb: 0.95}, r.Errors[0], "most confident first")
	assert.Equal(t, Misclassified{Article: "x", Sentence: 1, Group: "g", Text: "x1", Prev: "x0", Next: "x2",
		Gold: "fact", Pred: "quote", Scored: true, GoldProb: 0.4, PredProb: 0.6}, r.Errors[1])
	assert.Equal(t, "z3", r.Errors[2].Text, "unscored errors after, in input order")
	assert.Empty(t, r.Errors[2].Prev+r.Errors[2].Next, "z has no sentences 2 or 4")
	assert.Equal(t, "lone", r.Errors[3].Text)

	assert.Len(t, Evaluate(labels, errorItems(), Options{Errors: 2}).Errors, 2)
	assert.Nil(t, Evaluate(labels, errorItems(), Options{}).Errors)
}

func TestErrorsRepeatedOnce(t *testing.T) {
	// With repeated cross-validation the same sentence is listed once, with
	// its most confident wrong prediction.
	items := errorItems()
	again := errorItems()
	again[3].Probs = []float64{0.99, 0.01}
	r := CrossValidation([]string{"fact", "quote"}, []Fold{{Repeat: 0, Items: items}, {Repeat: 1, Items: again}}, Options{Errors: -1})
	require.Len(t, r.Errors, 5) // y:0, x:1, z:3 once each; the two article-less items are distinct
	assert.Equal(t, 0.99, r.Errors[0].PredProb)
	assert.Equal(t, "x1", r.Errors[1].Text)
}
