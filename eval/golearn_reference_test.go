package eval_test

import (
	"math"
	"strings"
	"testing"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/evaluation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/eval"
)

// golearn's evaluation package (github.com/sjwhitworth/golearn, version
// v0.0.0-20221228163002-74ae077eafb2) is a second, independent
// implementation of per-class precision, recall, F1 and accuracy. Its 0/0 is
// NaN where stancekit's is 0 (precision of a label never predicted, recall of
// a label never gold, F1 when P or R is NaN or both are 0), so values are
// compared where golearn's are finite, and the NaN cases are checked to be
// stancekit's zeros.

// golearnCase is gold and predicted labels, one word per item.
type golearnCase struct {
	name       string
	labels     []string
	gold, pred string
	accuracy   float64 // worked by hand
}

var golearnCases = []golearnCase{
	{
		// 30 items over 4 labels; appeal is gold 4 times and never predicted.
		name:   "appeal never predicted",
		labels: []string{"appeal", "fact", "opinion", "quote"},
		gold: "fact fact fact fact fact fact fact fact fact fact " +
			"quote quote quote quote quote quote quote quote " +
			"opinion opinion opinion opinion opinion opinion opinion opinion " +
			"appeal appeal appeal appeal",
		pred: "fact fact fact fact fact fact fact quote opinion opinion " +
			"quote quote quote quote quote quote fact fact " +
			"opinion opinion opinion opinion opinion fact quote fact " +
			"opinion fact opinion quote",
		accuracy: 18.0 / 30, // 7 + 6 + 5 + 0 right
	},
	{
		// appeal is predicted twice and never gold; quote is neither.
		name:     "appeal never gold",
		labels:   []string{"appeal", "fact", "opinion", "quote"},
		gold:     "fact fact fact fact opinion opinion opinion fact",
		pred:     "fact appeal fact opinion opinion appeal fact fact",
		accuracy: 4.0 / 8, // items 1, 3, 5 and 8
	},
}

// golearnMatrix is golearn's ConfusionMatrix built by hand, as
// evaluation.GetConfusionMatrix builds it: a row per gold label that
// occurs, a count per predicted label that occurs in that row.
func golearnMatrix(gold, pred []string) evaluation.ConfusionMatrix {
	m := evaluation.ConfusionMatrix{}
	for i, g := range gold {
		if m[g] == nil {
			m[g] = map[string]int{}
		}
		m[g][pred[i]]++
	}
	return m
}

// golearnGrid holds labels as the class of a golearn grid.
func golearnGrid(t *testing.T, class *base.CategoricalAttribute, labels []string) *base.DenseInstances {
	g := base.NewDenseInstances()
	spec := g.AddAttribute(class)
	require.NoError(t, g.AddClassAttribute(class))
	require.NoError(t, g.Extend(len(labels)))
	for i, l := range labels {
		g.Set(spec, i, class.GetSysValFromString(l))
	}
	return g
}

func TestMetricsMatchGolearn(t *testing.T) {
	for _, tc := range golearnCases {
		t.Run(tc.name, func(t *testing.T) {
			gold, pred := strings.Fields(tc.gold), strings.Fields(tc.pred)
			require.Equal(t, len(gold), len(pred))
			index := map[string]int{}
			for i, l := range tc.labels {
				index[l] = i
			}
			c := eval.NewConfusion(tc.labels)
			for i := range gold {
				c.Add(index[gold[i]], index[pred[i]])
			}
			m := c.Metrics(1)

			cm := golearnMatrix(gold, pred)
			// The hand-built matrix is what golearn's own GetConfusionMatrix
			// makes of the same labels in two grids.
			class := base.NewCategoricalAttribute()
			class.SetName("label")
			fromGrids, err := evaluation.GetConfusionMatrix(golearnGrid(t, class, gold), golearnGrid(t, class, pred))
			require.NoError(t, err)
			require.Equal(t, map[string]map[string]int(cm), fromGrids)

			assert.InDelta(t, tc.accuracy, m.Accuracy, 1e-12)
			assert.InDelta(t, evaluation.GetAccuracy(cm), m.Accuracy, 1e-12)
			finite := 0
			for i, l := range tc.labels {
				got := m.Classes[i]
				for _, v := range []struct {
					metric string
					want   float64
					got    float64
				}{
					{"precision", evaluation.GetPrecision(l, cm), got.Precision},
					{"recall", evaluation.GetRecall(l, cm), got.Recall},
					{"F1", evaluation.GetF1Score(l, cm), got.F1},
				} {
					if math.IsNaN(v.want) {
						// golearn's 0/0; stancekit's is 0.
						assert.Zero(t, v.got, "%s %s", l, v.metric)
						continue
					}
					finite++
					assert.InDelta(t, v.want, v.got, 1e-12, "%s %s", l, v.metric)
				}
			}
			assert.Greater(t, finite, len(tc.labels), "most values should be comparable")
		})
	}
}

func TestGolearnNaNWhereStancekitIsZero(t *testing.T) {
	// The conventions the comparison above works around, pinned down: a
	// label never predicted has golearn precision and F1 NaN, a label never
	// gold has recall and F1 NaN; stancekit reports 0 for each.
	tc := golearnCases[0]
	cm := golearnMatrix(strings.Fields(tc.gold), strings.Fields(tc.pred))
	assert.True(t, math.IsNaN(evaluation.GetPrecision("appeal", cm)))
	assert.True(t, math.IsNaN(evaluation.GetF1Score("appeal", cm)))
	assert.Equal(t, 0.0, evaluation.GetRecall("appeal", cm))

	tc = golearnCases[1]
	cm = golearnMatrix(strings.Fields(tc.gold), strings.Fields(tc.pred))
	assert.Equal(t, 0.0, evaluation.GetPrecision("appeal", cm))
	assert.True(t, math.IsNaN(evaluation.GetRecall("appeal", cm)))
	assert.True(t, math.IsNaN(evaluation.GetF1Score("appeal", cm)))
	assert.True(t, math.IsNaN(evaluation.GetPrecision("quote", cm)))
}
