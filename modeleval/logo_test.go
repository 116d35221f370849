package modeleval_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/modeleval"
)

// Three genres: a and b with 4 articles, c with 2 (under the minimum of 3,
// so never held out but always trained on). Each held-out group is scored
// by a model that never saw it; the means are unweighted means of the
// groups' scores.
func TestLeaveOneGroupOut(t *testing.T) {
	arts := corpusOf(10)
	for i, a := range arts {
		a.Fields = map[string]string{"genre": []string{"a", "a", "a", "a", "b", "b", "b", "b", "c", "c"}[i]}
	}
	rep, err := modeleval.LeaveOneGroupOut(arts, smallOptions(), "genre", 3)
	require.NoError(t, err)
	require.Len(t, rep.Groups, 2)
	assert.Equal(t, []string{"a", "b"}, []string{rep.Groups[0].Group, rep.Groups[1].Group})
	for _, g := range rep.Groups {
		assert.Equal(t, 4, g.Articles)
		assert.Equal(t, 12, g.Sentences, "3 sentences an article")
		assert.GreaterOrEqual(t, g.PresentF1, g.MacroF1, "no label is absent from gold and counted as 0")
		assert.InDelta(t, 1, g.Accuracy, 0.34, "the labels are easy to learn")
	}
	assert.InDelta(t, (rep.Groups[0].MacroF1+rep.Groups[1].MacroF1)/2, rep.MeanMacroF1, 1e-12)
	assert.InDelta(t, (rep.Groups[0].PresentF1+rep.Groups[1].PresentF1)/2, rep.MeanPresent, 1e-12)
	var b bytes.Buffer
	require.NoError(t, rep.WriteText(&b))
	assert.Contains(t, b.String(), "mean of 2")

	_, err = modeleval.LeaveOneGroupOut(arts, smallOptions(), "genre", 5)
	assert.ErrorContains(t, err, "need 2", "only one group is large enough")
}
