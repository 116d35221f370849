package modeleval_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/modeleval"
	"github.com/stancekit/stancekit/models"
)

// attributed sets the gold attribution of sentence i of a.
func attributed(a *corpus.Article, i int, speaker, mention, cue string) {
	s := &a.Sentences[i]
	s.Speaker, s.Mention, s.Cue, s.Attributed = speaker, mention, cue, true
}

// A model that mislabels one of two gold quotes: the attribution with the
// model's labels counts it wrong, the one given the gold labels attributes
// it, and the two differ by exactly that sentence.
func TestEvalItemsGivenGoldLabels(t *testing.T) {
	m, err := models.Train(corpusOf(6), smallOptions())
	require.NoError(t, err)
	a := article("g",
		"fact|The council approved 4 new homes on Tuesday.",
		`quote|"We are delighted," Ann Okoro said of plan 4.`,
		"quote|The council approved 9 new homes, Bill Haddon told reporters.")
	attributed(a, 1, "Ann Okoro", "Ann Okoro", "said")
	attributed(a, 2, "Bill Haddon", "Bill Haddon", "told reporters")
	items, err := modeleval.EvalItems(m, []*corpus.Article{a}, "", 1)
	require.NoError(t, err)
	require.Len(t, items, 3)
	quote := 1 // m.Labels is [fact quote]
	require.Equal(t, []string{"fact", "quote"}, m.Labels)
	require.Equal(t, quote, items[1].Pred, "the model finds the first quote")
	require.NotEqual(t, quote, items[2].Pred, "and misses the second, worded like the facts it learned")

	assert.Nil(t, items[0].GoldLabelAttribution, "not a gold quote")
	assert.Equal(t, items[1].PredAttribution, items[1].GoldLabelAttribution, "same labels around it, same attribution")
	assert.Nil(t, items[2].PredAttribution)
	require.NotNil(t, items[2].GoldLabelAttribution)
	// Offsets in the sentence, counted by hand: "The council approved 9 new
	// homes, " is 34 bytes (3+1+7+1+8+1+1+1+3+1+6+1), "Bill Haddon " 12 more.
	assert.Equal(t, eval.AttributionParts{Speaker: "Bill Haddon",
		Mention: eval.TextSpan{Text: "Bill Haddon", Start: 34, End: 45},
		Cue:     eval.TextSpan{Text: "told reporters", Start: 46, End: 60}}, *items[2].GoldLabelAttribution)

	// Worked by hand: two gold quotes, each with a mention and a cue. With
	// the model's labels sentence 1 is right and sentence 2 missed: speaker
	// 1/2, mention and cue P 1/1, R 1/2, F1 2/3. Given the gold labels both
	// are right: 1 everywhere.
	rep := eval.Evaluate(m.Labels, items, eval.Options{})
	s := rep.Attribution
	require.NotNil(t, s)
	assert.Equal(t, 2, s.Quotes)
	assert.Equal(t, 1, s.Predicted)
	assert.InDelta(t, 0.5, s.SpeakerExact, 1e-12)
	assert.InDelta(t, 0.5, s.SpeakerHead, 1e-12)
	assert.InDelta(t, 2.0/3, s.Mention.Exact.F1, 1e-12)
	assert.InDelta(t, 2.0/3, s.Cue.Exact.F1, 1e-12)
	g := s.GoldLabels
	require.NotNil(t, g)
	assert.Equal(t, 2, g.Quotes)
	assert.Equal(t, 2, g.Predicted)
	assert.InDelta(t, 1, g.SpeakerExact, 1e-12)
	assert.InDelta(t, 1, g.SpeakerHead, 1e-12)
	assert.Equal(t, eval.PRF{Matched: 2, Precision: 1, Recall: 1, F1: 1}, g.Mention.Exact)
	assert.Equal(t, eval.PRF{Matched: 2, Precision: 1, Recall: 1, F1: 1}, g.Cue.Exact)
}
